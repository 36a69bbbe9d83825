"""nn.Module's less used public methods (get_buffer, extra state, to_empty, other accelerators), kept apart from
module.py, which holds what a training step runs. Module inherits them; each does what PyTorch 1.13's does,
or raises NotImplementedError naming itself."""

from ..._unsupported import no_gpu, unsupported

_EXTRA_STATE = (
    "Reached a code path in Module.{}() that should never be called. "
    "Please file an issue at https://github.com/pytorch/pytorch/issues/new?template=bug-report.yml "
    "to report this bug."
)


class ModuleExtras:
    # No __slots__: a lazy module becomes its eager class by __class__ assignment, which CPython allows only
    # where the two layouts come out the same, and an empty __slots__ at the root of Module makes them differ.

    def get_buffer(self, target):
        module_path, _, name = target.rpartition('.')
        mod = self.get_submodule(module_path)
        if not hasattr(mod, name):
            raise AttributeError(f"{mod._get_name()} has no attribute `{name}`")
        if name not in mod._buffers:
            raise AttributeError(f"`{name}` is not a buffer")
        return mod._buffers[name]

    # A module that keeps state beyond parameters and buffers overrides both (PyTorch's defaults raise).
    def get_extra_state(self):
        raise RuntimeError(_EXTRA_STATE.format('get_extra_state'))

    def set_extra_state(self, state):
        raise RuntimeError(_EXTRA_STATE.format('set_extra_state'))

    def to_empty(self, *, device):
        # PyTorch gives every parameter new uninitialised memory on `device`; here there is only the CPU, and
        # uninitialised memory may hold any values, so the parameters stay as they are.
        from ..._tensor import _check_device

        _check_device(device, 'Module.to_empty', creating=True)
        return self

    def bfloat16(self):
        raise unsupported('Module.bfloat16()', 'float32 and float64 parameters are supported: use .float()')

    def ipu(self, device=None):
        raise no_gpu('Module.ipu()')

    def xpu(self, device=None):
        raise no_gpu('Module.xpu()')

    def register_load_state_dict_post_hook(self, hook):
        raise unsupported('Module.register_load_state_dict_post_hook', 'check load_state_dict\'s return value')
