"""torch.nn.functional's upsampling: interpolate (nearest and bilinear on 4-D input), max_unpool2d,
pixel_shuffle and pixel_unshuffle. The argument handling follows PyTorch 1.13's functional.py; the engine
(src/engine/ops/upsample.ts) computes values and gradients."""

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
    if input.dim() == 4 and mode == 'nearest':
        return wrap(E.upsample_nearest2d(input._t, tuple(int(s) for s in output_size), scales))
    if input.dim() == 4 and mode == 'bilinear' and not antialias:
        return wrap(E.upsample_bilinear2d(input._t, tuple(int(s) for s in output_size), bool(align_corners), scales))
    if input.dim() == 4 and mode == 'area':
        from .functional import adaptive_avg_pool2d

        return adaptive_avg_pool2d(input, output_size)
    raise unsupported(
        f"torch.nn.functional.interpolate(mode={mode!r}) on {input.dim()}-D input",
        "mode='nearest' and mode='bilinear' on 4-D [N, C, H, W] input are supported",
    )


def upsample(input, size=None, scale_factor=None, mode='nearest', align_corners=None):
    warnings.warn("nn.functional.upsample is deprecated. Use nn.functional.interpolate instead.")
    return interpolate(input, size, scale_factor, mode, align_corners)


def pixel_shuffle(input, upscale_factor):
    return wrap(E.pixel_shuffle(input._t, int(upscale_factor)))


def pixel_unshuffle(input, downscale_factor):
    return wrap(E.pixel_unshuffle(input._t, int(downscale_factor)))
