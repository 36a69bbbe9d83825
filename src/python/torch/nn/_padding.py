"""torch.nn.functional.pad: 'constant' through the engine's pad (ConstantPadNdBackward0), 'reflect',
'replicate' and 'circular' through its pad_mode (src/engine/ops/padModes.ts), which checks the dims and
amounts as PyTorch 1.13's PadNd.cpp and the padding kernels do."""

from .._engine import E
from .._tensor import wrap
from .._unsupported import unsupported


def pad(input, pad, mode='constant', value=None):
    """Padding by pairs of amounts from the last dim backwards: 'constant' in the engine's pad, 'reflect',
    'replicate' and 'circular' in its pad_mode (which checks the dims and amounts as PyTorch 1.13 does)."""
    if mode == 'constant':
        return wrap(E.pad(input._t, [int(p) for p in pad], 0.0 if value is None else float(value)))
    if mode not in ('reflect', 'replicate', 'circular'):
        raise NotImplementedError(f"Unrecognised padding mode {mode}")
    if value is not None and value != 0:
        raise RuntimeError(f'Padding mode "{mode}" doesn\'t take in value argument')
    if mode == 'circular' and not input.is_floating_point():
        raise unsupported(
            "torch.nn.functional.pad(mode='circular') on an integer tensor", "floating-point input is supported"
        )
    return wrap(E.pad_mode(input._t, [int(p) for p in pad], mode))
