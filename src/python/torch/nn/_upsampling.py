"""torch.nn.functional's upsampling: interpolate (nearest, nearest-exact, linear, bilinear, bicubic,
trilinear and area as PyTorch 1.13 dispatches them by input rank; not antialias or 5-D area), max_unpool2d,
pixel_shuffle and pixel_unshuffle. The argument handling follows PyTorch 1.13's functional.py; the engine
(src/engine/ops/upsample.ts, upsampleNd.ts) computes values and gradients."""

import math
import warnings

from .._engine import E
from .._tensor import wrap
from .._unsupported import unsupported


def _pair(v):
    return (int(v[0]), int(v[1])) if isinstance(v, (list, tuple)) else (int(v), int(v))


def _unpool_output_size(input, kernel_size, stride, padding, output_size):
    input_size = input.size()
    default_size = [(input_size[-2 + d] - 1) * stride[d] + kernel_size[d] - 2 * padding[d] for d in range(2)]
    if output_size is None:
        return default_size
    output_size = list(output_size)
    if len(output_size) == 4:
        output_size = output_size[2:]
    if len(output_size) != 2:
        raise ValueError(
            f"output_size should be a sequence containing 2 or 4 elements, but it has a length of '{len(output_size)}'"
        )
    for d in range(2):
        min_size = default_size[d] - stride[d]
        max_size = default_size[d] + stride[d]
        if not (min_size < output_size[d] < max_size):
            raise ValueError(f'invalid output_size "{output_size}" (dim {d} must be between {min_size} and {max_size})')
    return output_size


def max_unpool2d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    kernel_size = _pair(kernel_size)
    stride = _pair(stride) if stride is not None else kernel_size
    padding = _pair(padding)
    size = _unpool_output_size(input, kernel_size, stride, padding, output_size)
    return wrap(E.max_unpool2d(input._t, indices._t, tuple(int(s) for s in size)))


def interpolate(
    input,
    size=None,
    scale_factor=None,
    mode='nearest',
    align_corners=None,
    recompute_scale_factor=None,
    antialias=False,
):
    if mode in ('nearest', 'area', 'nearest-exact'):
        if align_corners is not None:
            raise ValueError(
                "align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | "
                "trilinear"
            )
    elif align_corners is None:
        align_corners = False
    dim = input.dim() - 2
    if size is not None and scale_factor is not None:
        raise ValueError("only one of size or scale_factor should be defined")
    if size is not None:
        scale_factors = None
        if isinstance(size, (list, tuple)):
            if len(size) != dim:
                raise ValueError(
                    "Input and output must have the same number of spatial dimensions, but got "
                    f"input with spatial dimensions of {list(input.shape[2:])} and output size of {size}. "
                    "Please provide input tensor in (N, C, d1, d2, ...,dK) format and "
                    "output size in (o1, o2, ...,oK) format."
                )
            output_size = list(size)
        else:
            output_size = [size for _ in range(dim)]
    elif scale_factor is not None:
        if isinstance(scale_factor, (list, tuple)):
            if len(scale_factor) != dim:
                raise ValueError(
                    "Input and scale_factor must have the same number of spatial dimensions, but "
                    f"got input with spatial dimensions of {list(input.shape[2:])} and "
                    f"scale_factor of shape {scale_factor}. "
                    "Please provide input tensor in (N, C, d1, d2, ...,dK) format and "
                    "scale_factor in (s1, s2, ...,sK) format."
                )
            scale_factors = [float(s) for s in scale_factor]
        else:
            scale_factors = [float(scale_factor) for _ in range(dim)]
        # As PyTorch's C++: the size is floor(input size * scale), the scale itself used for the source index.
        output_size = [int(math.floor(input.size(i + 2) * scale_factors[i])) for i in range(dim)]
    else:
        raise ValueError("either size or scale_factor should be defined")
    if recompute_scale_factor and size is not None:
        raise ValueError("recompute_scale_factor is not meaningful with an explicit size.")
    if recompute_scale_factor:
        scale_factors = None
    if antialias and not (mode in ('bilinear', 'bicubic') and input.dim() == 4):
        raise ValueError("Anti-alias option is only supported for bilinear and bicubic modes")
    scales = None if scale_factors is None else tuple(scale_factors)
    size_t = tuple(int(s) for s in output_size)
    nd = input.dim()
    if nd == 4 and mode == 'nearest':
        return wrap(E.upsample_nearest2d(input._t, size_t, scales))
    if nd in (3, 5) and mode == 'nearest' or nd in (3, 4, 5) and mode == 'nearest-exact':
        return wrap(E.upsample_nearest_nd(input._t, size_t, scales, mode == 'nearest-exact'))
    if mode == 'area' and nd in (3, 4, 5):
        from . import functional as F

        if nd == 3:
            return F.adaptive_avg_pool1d(input, output_size)
        if nd == 4:
            return F.adaptive_avg_pool2d(input, output_size)
        raise unsupported(
            "torch.nn.functional.interpolate(mode='area') on 5-D input", "3-D and 4-D input are supported"
        )
    if antialias and mode in ('bilinear', 'bicubic') and nd == 4:
        raise unsupported(
            f"torch.nn.functional.interpolate(mode={mode!r}, antialias=True)", "antialias=False is supported"
        )
    if (nd, mode) == (3, 'linear') or (nd, mode) == (5, 'trilinear'):
        return wrap(E.upsample_linear_nd(input._t, size_t, bool(align_corners), scales))
    if nd == 4 and mode == 'bilinear':
        return wrap(E.upsample_bilinear2d(input._t, size_t, bool(align_corners), scales))
    if nd == 4 and mode == 'bicubic':
        return wrap(E.upsample_bicubic2d(input._t, size_t, bool(align_corners), scales))
    needs = {'linear': 3, 'bilinear': 4, 'trilinear': 5}
    if mode in needs and nd in (3, 4, 5):
        raise NotImplementedError(f"Got {nd}D input, but {mode} mode needs {needs[mode]}D input")
    raise NotImplementedError(
        f"Input Error: Only 3D, 4D and 5D input Tensors supported (got {nd}D) for the modes: nearest | linear | "
        f"bilinear | bicubic | trilinear | area | nearest-exact (got {mode})"
    )


def upsample(input, size=None, scale_factor=None, mode='nearest', align_corners=None):
    warnings.warn("nn.functional.upsample is deprecated. Use nn.functional.interpolate instead.")
    return interpolate(input, size, scale_factor, mode, align_corners)


def pixel_shuffle(input, upscale_factor):
    return wrap(E.pixel_shuffle(input._t, int(upscale_factor)))


def pixel_unshuffle(input, downscale_factor):
    return wrap(E.pixel_unshuffle(input._t, int(downscale_factor)))
