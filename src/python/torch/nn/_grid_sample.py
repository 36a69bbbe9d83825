"""F.affine_grid and F.grid_sample (2-D): PyTorch's argument checks and warnings here, the sampling and its
gradients to input and grid in the engine (src/engine/ops/gridSample.ts)."""

import warnings

from .._engine import E
from .._tensor import wrap
from .._unsupported import unsupported

_ALIGN_WARNING = (
    'Default grid_sample and affine_grid behavior has changed to align_corners=False since 1.3.0. Please specify '
    'align_corners=True if the old behavior is desired. See the documentation of grid_sample for details.'
)


def affine_grid(theta, size, align_corners=None):
    if align_corners is None:
        warnings.warn(_ALIGN_WARNING)
        align_corners = False
    if not theta.is_floating_point():
        raise ValueError(f'Expected theta to have floating point type, but got {theta.dtype}')
    if len(size) == 5:
        raise unsupported('torch.nn.functional.affine_grid with a 5-D size', '4-D sizes (2-D transforms) are supported')
    if len(size) != 4:
        raise NotImplementedError(
            'affine_grid only supports 4D and 5D sizes, for 2D and 3D affine transforms, respectively. '
            f'Got size {size}.'
        )
    if theta.dim() != 3 or theta.shape[-2] != 2 or theta.shape[-1] != 3:
        raise ValueError(f'Expected a batch of 2D affine matrices of shape Nx2x3 for size {size}. Got {theta.shape}.')
    if align_corners and min(size[-2:]) == 1:
        warnings.warn(
            'Since version 1.3.0, affine_grid behavior has changed for unit-size grids when align_corners=True. '
            'This is not an intended use case of affine_grid. See the documentation of affine_grid for details.'
        )
    elif min(size) <= 0:
        raise ValueError(f'Expected non-zero, positive output size. Got {size}')
    return wrap(E.affine_grid(theta.contiguous()._t, [int(s) for s in size], bool(align_corners)))


def grid_sample(input, grid, mode='bilinear', padding_mode='zeros', align_corners=None):
    if mode not in ('bilinear', 'nearest', 'bicubic'):
        raise ValueError(
            f"nn.functional.grid_sample(): expected mode to be 'bilinear', 'nearest' or 'bicubic', but got: '{mode}'"
        )
    if padding_mode not in ('zeros', 'border', 'reflection'):
        raise ValueError(
            "nn.functional.grid_sample(): expected padding_mode to be 'zeros', 'border', or 'reflection', "
            f"but got: '{padding_mode}'"
        )
    if align_corners is None:
        warnings.warn(_ALIGN_WARNING)
        align_corners = False
    if mode == 'bicubic':
        raise unsupported("torch.nn.functional.grid_sample(mode='bicubic')", "'bilinear' and 'nearest' are supported")
    if input.dim() == 5:
        raise unsupported('torch.nn.functional.grid_sample on 5-D input', '4-D input [N, C, H, W] is supported')
    return wrap(E.grid_sample(input.contiguous()._t, grid.contiguous()._t, mode, padding_mode, bool(align_corners)))
