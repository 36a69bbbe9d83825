"""torch.nn.functional's fractional max pooling (fractional_max_pool2d/3d and their _with_indices forms):
the argument handling of PyTorch 1.13's functional.py (an output size given or taken as a ratio of the
input's, the random samples drawn with torch.rand(N, C, dims, dtype=input.dtype) when not given, so that a
seeded file pools the same windows); src/engine/ops/fractionalMaxPool.ts computes values, indices and
gradients."""

from .._engine import E
from .._tensor import wrap


def _sizes(fn, name, position, value, dims):
    """An int or a sequence of ints as the op's argument parser reads it: an int repeated for each axis, a
    sequence kept at its length (the engine names a wrong one)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return [value] * dims
    if isinstance(value, (list, tuple)) and all(isinstance(v, int) for v in value):
        return [int(v) for v in value]
    raise TypeError(f"{fn}(): argument '{name}' ({position}) must be tuple of ints, not {type(value).__name__}")


def _ratio(value, dims):
    return tuple(value) if isinstance(value, (list, tuple)) else (value,) * dims


def _pool(dims, input, kernel_size, output_size, output_ratio, _random_samples):
    fn = f'fractional_max_pool{dims}d'
    if output_size is None and output_ratio is None:
        raise ValueError(f"{fn} requires specifying either an output_size or an output_ratio")
    if output_size is None:
        ratio = _ratio(output_ratio, dims)
        output_size = [int(input.size(axis - dims) * ratio[axis]) for axis in range(dims)]
    if _random_samples is None:
        from .. import _creation

        batch = 1 if input.dim() == dims + 1 else input.size(0)
        _random_samples = _creation.rand(batch, input.size(-dims - 1), dims, dtype=input.dtype)
    values, indices = getattr(E, fn)(
        input._t,
        _sizes(fn, 'kernel_size', 'position 2', kernel_size, dims),
        _sizes(fn, 'output_size', 'position 3', output_size, dims),
        _random_samples._t,
    )
    return wrap(values), wrap(indices)


def fractional_max_pool2d_with_indices(
    input, kernel_size, output_size=None, output_ratio=None, return_indices=False, _random_samples=None
):
    return _pool(2, input, kernel_size, output_size, output_ratio, _random_samples)


def fractional_max_pool2d(
    input, kernel_size, output_size=None, output_ratio=None, return_indices=False, _random_samples=None
):
    values, indices = _pool(2, input, kernel_size, output_size, output_ratio, _random_samples)
    return (values, indices) if return_indices else values


def fractional_max_pool3d_with_indices(
    input, kernel_size, output_size=None, output_ratio=None, return_indices=False, _random_samples=None
):
    return _pool(3, input, kernel_size, output_size, output_ratio, _random_samples)


def fractional_max_pool3d(
    input, kernel_size, output_size=None, output_ratio=None, return_indices=False, _random_samples=None
):
    values, indices = _pool(3, input, kernel_size, output_size, output_ratio, _random_samples)
    return (values, indices) if return_indices else values
