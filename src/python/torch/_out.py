"""`out=` as PyTorch honours it: the result is written into the given tensor, which is returned. A tensor of
another shape is resized to the result's (PyTorch warns when it was not empty; we do not). An out tensor of a
dtype the op cannot write is refused as PyTorch 1.13 refuses it, in the words of the op's kind (_CHECKS)."""

from ._dtype import SCALAR_NAMES
from ._engine import E
from ._grad_mode import is_grad_enabled, no_grad
from ._tensor_base import TensorBase

# ScalarType names (most texts) and C++ type names (the "Expected out tensor to have dtype" texts).
_SCALAR = SCALAR_NAMES
_CPP = {
    'float32': 'float',
    'float64': 'double',
    'int64': 'long int',
    'int32': 'int',
    'int16': 'short int',
    'int8': 'signed char',
    'uint8': 'unsigned char',
    'bool': 'bool',
}


def scalar_name(dtype):
    """The ScalarType name PyTorch's error texts give a dtype: Float, Long, Bool..."""
    return _SCALAR.get(dtype._name, dtype._name)


def _names(t, table):
    name = t.dtype._name
    return table.get(name, name)


def _can_cast(src, dst):
    """c10::canCast: no float to an integer or bool, nothing but bool to bool."""
    if src.is_floating_point and not dst.is_floating_point:
        return False
    return src._name == 'bool' or dst._name != 'bool'


def _check_cast(out, result, name):
    if not _can_cast(result.dtype, out.dtype):
        raise RuntimeError(
            f"result type {_names(result, _SCALAR)} can't be cast to the desired output type {_names(out, _SCALAR)}"
        )


def _check_same(out, result, name):
    if out.dtype is not result.dtype:
        raise RuntimeError(f'Found dtype {_names(out, _SCALAR)} but expected {_names(result, _SCALAR)}')


def _check_exact(out, result, name):
    if out.dtype is not result.dtype:
        raise RuntimeError(
            f'Expected out tensor to have dtype {_names(result, _CPP)}, but got {_names(out, _CPP)} instead'
        )


def _check_cat(out, result, name):
    if not _can_cast(result.dtype, out.dtype):
        raise RuntimeError(f"torch.cat(): input types can't be cast to the desired output type {_names(out, _SCALAR)}")


def _check_amax(out, result, name):
    if out.dtype is not result.dtype:
        raise RuntimeError(
            f"Expected the dtype for input and out to match, but got {_names(result, _SCALAR)} for input's dtype and "
            f"{_names(out, _SCALAR)} for out's dtype."
        )


def _check_dot(out, result, name):
    if out.dtype is not result.dtype:
        raise RuntimeError(f'result dtype {_names(out, _SCALAR)} does not match input dtype {_names(result, _SCALAR)}')


def _check_bool_result(out, result, name):
    if out.dtype._name != 'bool':
        raise RuntimeError(f'{name} only supports bool tensor for result, got: {_names(out, _SCALAR)}')


# How each op checks its out tensor's dtype in PyTorch 1.13 (ops not named accept any dtype and cast to it):
# elementwise ops with type promotion compute then cast where c10::canCast allows; the ones that keep the
# input's dtype (abs, floor, clamp, ...) and the structured kernels (mm, max/sort values, ...) want it exactly.
_CHECKS = {}
for _n in (
    'exp log sqrt rsqrt sigmoid tanh sin cos tan log1p expm1 reciprocal log2 log10 exp2 asin acos atan '
    'sinh cosh erf add sub mul div true_divide divide remainder fmod hypot logaddexp xlogy fmax fmin maximum '
    'minimum atan2 floor_divide logit sinc mean addcmul addcdiv pow'
).split():
    _CHECKS[_n] = _check_cast
for _n in (
    'abs neg floor ceil trunc sign square frac sgn negative absolute round clamp clip clamp_min clamp_max'
).split():
    _CHECKS[_n] = _check_same
for _n in 'matmul mm mv max min sort topk cross gather tril triu argmax argmin'.split():
    _CHECKS[_n] = _check_exact
for _n in 'cat stack'.split():
    _CHECKS[_n] = _check_cat
for _n in 'amax amin'.split():
    _CHECKS[_n] = _check_amax
for _n in 'all any'.split():
    _CHECKS[_n] = _check_bool_result
_CHECKS['dot'] = _check_dot
CAST, SAME = _check_cast, _check_same


def into(out, result, name, check=None):
    """Writes `result` (a tensor, or a tuple of them for `out=(values, indices)`) into `out` and returns it.
    `check` (CAST, SAME, ...) overrides the dtype check _CHECKS gives the op `name`."""
    if out is None:
        return result
    if isinstance(result, tuple):
        if not isinstance(out, (tuple, list)) or len(out) != len(result):
            raise TypeError(f"{name}(): argument 'out' must be tuple of {len(result)} Tensors")
        return type(result)(tuple(into(o, r, name, check) for o, r in zip(out, result)))
    if not isinstance(out, TensorBase):
        raise TypeError(f"{name}(): argument 'out' must be Tensor, not {type(out).__name__}")
    (check or _CHECKS.get(name, _no_check))(out, result, name)
    if is_grad_enabled() and (result.requires_grad or out.requires_grad):
        if out.requires_grad and out.is_leaf:
            raise RuntimeError('a leaf Variable that requires grad is being used in an in-place operation.')
        raise RuntimeError(
            f"{name}(): functions with out=... arguments don't support automatic differentiation, "
            'but one of the arguments requires grad.'
        )
    with no_grad():
        value = result.detach().to(out.dtype)
        if tuple(out.shape) == tuple(value.shape):
            out.copy_(value)
        else:
            E.set_data(out._t, value.clone()._t)
    return out


def _no_check(out, result, name):
    pass
