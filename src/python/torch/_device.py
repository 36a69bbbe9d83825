"""torch.device and the errors for using a device other than the CPU, as a CPU-only PyTorch 1.13 raises them.

Every device type PyTorch knows may be named (`torch.device('cuda:0')`, `torch.device('xla')`): d2l's
`try_gpu()` and `torch.device('cuda' if torch.cuda.is_available() else 'cpu')` build one before asking. Using
one is the error: CUDA's AssertionError "Torch not compiled with CUDA enabled"; for the other backends,
moving a tensor there says PyTorch is not linked with them and creating one there says no kernel exists."""

import builtins

from ._engine import E
from ._unsupported import unsupported

_isinstance = builtins.isinstance

# PyTorch 1.13's device types, in the order its error message lists them (c10/core/DeviceType.cpp).
DEVICE_TYPES = (
    'cpu cuda ipu xpu mkldnn opengl opencl ideep hip ve fpga ort xla lazy vulkan mps meta hpu privateuseone'
).split()
# The dispatch key a factory's kernel is looked up under, for the backends that have one.
_BACKEND_KEYS = {
    'hip': 'HIP',
    'ipu': 'IPU',
    'xpu': 'XPU',
    've': 'VE',
    'fpga': 'FPGA',
    'ort': 'ORT',
    'xla': 'XLA',
    'lazy': 'Lazy',
    'vulkan': 'Vulkan',
    'mps': 'MPS',
    'hpu': 'HPU',
    'privateuseone': 'PrivateUse1',
}


class _Device:
    """torch.device: `torch.device('cpu')` (index None, what tensors report), `torch.device('cpu:0')`, or any
    other device type PyTorch names (`torch.device('cuda:0')`, d2l's `gpu(i)`); putting a tensor there is the
    error (check_device)."""

    def __new__(cls, type='cpu', index=None):
        if _isinstance(type, _Device):
            return type
        if _isinstance(type, builtins.int) and not _isinstance(type, builtins.bool):
            return parse_device('cuda', type)  # torch.device(0) is the first GPU
        if not _isinstance(type, str):
            # PyTorch's whole text: `torch.device(device)` with device=None (a course's default) prints it all
            got = builtins.type(type).__name__
            raise TypeError(
                f'Device() received an invalid combination of arguments - got ({got}), but expected one of:\n'
                ' * (torch.device device)\n'
                f"      didn't match because some of the arguments have invalid types: (!{got}!)\n"
                ' * (str type, int index)\n'
            )
        return parse_device(type, index)

    @classmethod
    def _make(cls, type, index):
        made = object.__new__(cls)
        made.type = type
        made.index = index
        return made

    def __repr__(self):
        if self.index is None:
            return f"device(type='{self.type}')"
        return f"device(type='{self.type}', index={self.index})"

    def __str__(self):
        return self.type if self.index is None else f'{self.type}:{self.index}'

    def __eq__(self, other):
        if not _isinstance(other, _Device):
            return NotImplemented  # as PyTorch: `x.device == 'cpu'` is False
        return (other.type, other.index) == (self.type, self.index)

    def __hash__(self):
        return hash(str(self))


_Device.__name__ = _Device.__qualname__ = 'device'
_Device.__module__ = 'torch'
CPU = _Device._make('cpu', None)


def parse_device(name, index=None):
    """The device `name` ('cpu', 'cpu:0', 'cuda:1', 'xla') names, with PyTorch's errors for a malformed one."""
    kind, sep, number = name.partition(':')
    if kind not in DEVICE_TYPES:
        raise RuntimeError(f"Expected one of {', '.join(DEVICE_TYPES)} device type at start of device string: {name}")
    if sep and not (number.isdigit() and (number == '0' or not number.startswith('0'))):
        raise RuntimeError(f"Invalid device string: '{name}'")
    if sep and index is not None:
        raise RuntimeError(f"type (string) must not include an index because index was passed explicitly: {name}")
    index = int(number) if sep else index
    if index is not None and index < 0:
        raise RuntimeError('Device index must not be negative')
    if kind == 'cpu' and index is None:
        return CPU
    return _Device._make(kind, index)


def no_cuda():
    """What a CPU-only PyTorch raises for anything that initialises CUDA (torch/cuda/__init__.py _lazy_init),
    with a hint in the panel: PyTorch's message does not say what to write instead."""
    E.hint(
        "Backprop Lens runs on the CPU, like a PyTorch without CUDA: pick the device with "
        "`torch.device('cuda' if torch.cuda.is_available() else 'cpu')` and move tensors and the model with .to(device)."
    )
    return AssertionError('Torch not compiled with CUDA enabled')


def check_device(device, feature, creating=False):
    """Nothing for the CPU; else PyTorch's error for putting a tensor on `device` (a torch.device, a string or
    a CUDA index): moved there (`.to`, torch.tensor) or, with `creating`, made there by a factory."""
    if device is None or device is CPU:
        return
    if _isinstance(device, builtins.int) and not _isinstance(device, builtins.bool):
        raise no_cuda()  # an int device is a CUDA index: x.to(0)
    kind = (device if _isinstance(device, _Device) else parse_device(str(device))).type
    if kind == 'cpu':
        return
    if kind == 'cuda':
        raise no_cuda()
    if kind == 'meta':
        raise unsupported(f"{feature} on device {str(device)!r}", 'meta tensors have no values to show; use the CPU')
    if (creating or kind == 'lazy') and kind in _BACKEND_KEYS:
        raise NotImplementedError(
            f"Could not run 'aten::empty.memory_format' with arguments from the '{_BACKEND_KEYS[kind]}' backend. "
            "This could be because the operator doesn't exist for this backend, or was omitted during the "
            "selective/custom build process (if using custom build)."
        )
    raise RuntimeError(f'PyTorch is not linked with support for {kind} devices')
