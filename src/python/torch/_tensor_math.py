"""torch.Tensor's math methods: arithmetic and comparisons by name (add, div(rounding_mode=...), eq...),
elementwise functions (exp, erf, clamp...), activations, and the in-place methods (add_, zero_, uniform_...).
Each is one engine call; the engine computes the values and records the gradient."""

import builtins

from ._engine import E

from ._unsupported import unsupported
from ._activation_probe import scope as _scope, report as _report
from ._tensor_base import TensorBase, wrap, _operand, _opt_num, _gen

_isinstance = builtins.isinstance
_float = builtins.float
_bool = builtins.bool

_add, _sub, _mul, _div, _pow, _matmul = E.add, E.sub, E.mul, E.div, E.pow, E.matmul
_eq, _ne, _lt, _le, _gt, _ge = E.eq, E.ne, E.lt, E.le, E.gt, E.ge
_add_, _sub_, _mul_, _div_ = E.add_, E.sub_, E.mul_, E.div_


def _fill_value(value):
    return _float(value) if _isinstance(value, TensorBase) else value


class MathMixin:
    __slots__ = ()

    # ---- arithmetic -----------------------------------------------------------------------------
    def add(self, other, alpha=1):
        return wrap(_add(self._t, _operand(other), alpha))

    def sub(self, other, alpha=1):
        return wrap(_sub(self._t, _operand(other), alpha))

    subtract = sub

    def mul(self, other):
        return wrap(_mul(self._t, _operand(other)))

    multiply = mul

    def div(self, other, rounding_mode=None):
        if rounding_mode is None:
            return wrap(_div(self._t, _operand(other)))
        if rounding_mode not in ('trunc', 'floor'):
            raise RuntimeError(
                f"div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '{rounding_mode}'"
            )
        return wrap(_div(self._t, _operand(other), rounding_mode))

    divide = div
    true_divide = div

    def pow(self, exponent):
        return wrap(_pow(self._t, _operand(exponent)))

    def matmul(self, other):
        return wrap(_matmul(self._t, other._t))

    def mm(self, other):
        return wrap(E.mm(self._t, other._t))

    def mv(self, other):
        return wrap(_matmul(self._t, other._t))

    def bmm(self, other):
        return wrap(E.bmm(self._t, other._t))

    def dot(self, other):
        return wrap(E.dot(self._t, other._t))

    def outer(self, other):
        return wrap(E.outer(self._t, other._t))

    def maximum(self, other):
        return wrap(E.maximum(self._t, _operand(other)))

    def minimum(self, other):
        return wrap(E.minimum(self._t, _operand(other)))

    def remainder(self, other):
        return wrap(E.remainder(self._t, _operand(other)))

    def fmod(self, other):
        return wrap(E.fmod(self._t, _operand(other)))

    def floor_divide(self, other):
        return wrap(E.floor_divide(self._t, _operand(other)))

    def lerp(self, end, weight):
        return wrap(E.lerp(self._t, end._t, _operand(weight)))

    # ---- comparisons ----------------------------------------------------------------------------
    def eq(self, other):
        return wrap(_eq(self._t, _operand(other)))

    def ne(self, other):
        return wrap(_ne(self._t, _operand(other)))

    def lt(self, other):
        return wrap(_lt(self._t, _operand(other)))

    def le(self, other):
        return wrap(_le(self._t, _operand(other)))

    def gt(self, other):
        return wrap(_gt(self._t, _operand(other)))

    def ge(self, other):
        return wrap(_ge(self._t, _operand(other)))

    greater = gt
    less = lt
    greater_equal = ge
    less_equal = le
    not_equal = ne

    def equal(self, other):
        return self.shape == other.shape and _bool(E.item(E.all(_eq(self._t, other._t), None, False)))

    def allclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
        return _bool(E.allclose(self._t, other._t, rtol, atol, equal_nan))

    def isclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
        return wrap(E.isclose(self._t, _operand(other), rtol, atol, equal_nan))

    def where(self, condition, other):
        return wrap(E.where(condition._t, self._t, _operand(other)))

    def masked_fill(self, mask, value):
        return wrap(E.masked_fill(self._t, mask._t, _fill_value(value)))

    # ---- elementwise functions ------------------------------------------------------------------
    def clamp(self, min=None, max=None):
        return wrap(E.clamp(self._t, _opt_num(min), _opt_num(max)))

    clip = clamp

    def clamp_min(self, min):
        return wrap(E.clamp_min(self._t, _opt_num(min)))

    def clamp_max(self, max):
        return wrap(E.clamp_max(self._t, _opt_num(max)))

    def round(self, decimals=0):
        return wrap(E.round(self._t, decimals))

    def softmax(self, dim, dtype=None):
        return wrap(E.softmax(self._t, dim))

    def log_softmax(self, dim, dtype=None):
        return wrap(E.log_softmax(self._t, dim))

    def leaky_relu(self, negative_slope=0.01):
        return wrap(E.leaky_relu(self._t, negative_slope))

    def prelu(self, weight):
        from .nn.functional import prelu

        return prelu(self, weight)

    # ---- in place -------------------------------------------------------------------------------
    def zero_(self):
        E.zero_(self._t)
        return self

    def fill_(self, value):
        E.fill_(self._t, _fill_value(value))
        return self

    def copy_(self, src, non_blocking=False):
        E.copy_(self._t, _operand(src))
        return self

    def add_(self, other, alpha=1):
        _add_(self._t, _operand(other), alpha)
        return self

    def sub_(self, other, alpha=1):
        _sub_(self._t, _operand(other), alpha)
        return self

    def mul_(self, other):
        _mul_(self._t, _operand(other))
        return self

    def div_(self, other):
        _div_(self._t, _operand(other))
        return self

    def pow_(self, other):
        E.pow_(self._t, _operand(other))
        return self

    def clamp_(self, min=None, max=None):
        E.clamp_(self._t, _opt_num(min), _opt_num(max))
        return self

    clip_ = clamp_

    def neg_(self):
        E.neg_(self._t)
        return self

    def masked_fill_(self, mask, value):
        E.masked_fill_(self._t, mask._t, _fill_value(value))
        return self

    # ---- random fills ---------------------------------------------------------------------------
    def uniform_(self, a=0.0, b=1.0, generator=None):
        E.uniform_(self._t, _float(a), _float(b), _gen(generator))
        return self

    def normal_(self, mean=0.0, std=1.0, generator=None):
        E.normal_(self._t, _float(mean), _float(std), _gen(generator))
        return self

    def random_(self, from_=None, to=None, generator=None):
        E.random_(self._t, from_, to, _gen(generator))
        return self

    def bernoulli_(self, p=0.5, generator=None):
        E.bernoulli_(self._t, _float(p), _gen(generator))
        return self

    def exponential_(self, lambd=1.0, *, generator=None):
        E.exponential_(self._t, _float(lambd), _gen(generator))
        return self


def _unary(name):
    fn = getattr(E, name)

    def method(self):
        return wrap(fn(self._t))

    method.__name__ = name
    return method


def _unary_activation(name):
    """x.relu()/.tanh()/.sigmoid() (and torch.relu/tanh/sigmoid, which call them): reported when called inside
    a seen model's forward (torch/_activation_probe.py)."""
    fn = getattr(E, name)

    def method(self):
        out = wrap(fn(self._t))
        if _scope[0] is not None:
            _report(name, out)
        return out

    method.__name__ = name
    return method


def _unary_inplace(name):
    fn = getattr(E, name + '_')

    def method(self):
        fn(self._t)
        return self

    method.__name__ = name + '_'
    return method


# Unary methods: one engine call each.
_UNARY = """exp log sqrt rsqrt abs neg sin cos tan floor ceil trunc sign square log1p expm1 reciprocal log2 log10 exp2
asin acos atan sinh cosh frac logical_not isnan isinf isfinite isposinf isneginf signbit erf sgn""".split()
for _name in _UNARY:
    setattr(MathMixin, _name, _unary(_name))
for _name in ('relu', 'tanh', 'sigmoid'):
    setattr(MathMixin, _name, _unary_activation(_name))
MathMixin.negative = MathMixin.neg
MathMixin.absolute = MathMixin.abs
MathMixin.arctan = MathMixin.atan

# In-place unary methods: the engine's, which rebase autograd history as PyTorch does.
for _name in ('exp', 'log', 'sqrt', 'abs', 'sigmoid', 'tanh', 'relu', 'floor', 'ceil', 'round'):
    setattr(MathMixin, _name + '_', _unary_inplace(_name))
