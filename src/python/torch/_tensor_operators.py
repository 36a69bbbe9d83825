"""torch.Tensor's Python operators: arithmetic (+ - * / // % ** @), comparisons, bitwise (& | ^ ~), their
reflected and in-place forms. As in PyTorch, an operand that is neither a tensor nor a Python number gives
NotImplemented (so `t + [1, 2]` is a TypeError and `t == None` is False), and the reflected forms build the
graph PyTorch 1.13 builds: `2 - t` is rsub (RsubBackward1), `1 / t` is reciprocal(t) * 1 (MulBackward0),
`2 ** t` is tensor(2) ** t (PowBackward1)."""

import builtins

from ._engine import E

from ._tensor_base import TensorBase, wrap, _scalar_operand

_isinstance = builtins.isinstance
_bool = builtins.bool

# Engine functions bound once as module globals: each operator is then one global lookup and one JS call.
_add, _sub, _mul, _div, _pow, _matmul = E.add, E.sub, E.mul, E.div, E.pow, E.matmul
_rsub, _rdiv, _rpow = E.rsub, E.rdiv, E.rpow
_neg = E.neg
_eq, _ne, _lt, _le, _gt, _ge = E.eq, E.ne, E.lt, E.le, E.gt, E.ge
_add_, _sub_, _mul_, _div_ = E.add_, E.sub_, E.mul_, E.div_


def _other(x):
    """The engine operand for a binary operator's other side, or None when PyTorch would not take it."""
    if _isinstance(x, TensorBase):
        return x._t
    return _scalar_operand(x)


class OperatorMixin:
    __slots__ = ()

    # ---- arithmetic -----------------------------------------------------------------------------
    def __add__(self, other):
        if _isinstance(other, TensorBase):
            return wrap(_add(self._t, other._t, 1))
        o = _scalar_operand(other)
        return NotImplemented if o is None else wrap(_add(self._t, o, 1))

    __radd__ = __add__

    def __sub__(self, other):
        if _isinstance(other, TensorBase):
            return wrap(_sub(self._t, other._t, 1))
        o = _scalar_operand(other)
        return NotImplemented if o is None else wrap(_sub(self._t, o, 1))

    def __rsub__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(_rsub(self._t, o))

    def __mul__(self, other):
        if _isinstance(other, TensorBase):
            return wrap(_mul(self._t, other._t))
        o = _scalar_operand(other)
        return NotImplemented if o is None else wrap(_mul(self._t, o))

    __rmul__ = __mul__

    def __truediv__(self, other):
        if _isinstance(other, TensorBase):
            return wrap(_div(self._t, other._t))
        o = _scalar_operand(other)
        return NotImplemented if o is None else wrap(_div(self._t, o))

    def __rtruediv__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(_rdiv(self._t, o))

    def __floordiv__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(E.floor_divide(self._t, o))

    def __rfloordiv__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(E.floor_divide(o, self._t))

    def __mod__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(E.remainder(self._t, o))

    def __rmod__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(E.remainder(o, self._t))

    def __pow__(self, other):
        if _isinstance(other, TensorBase):
            return wrap(_pow(self._t, other._t))
        o = _scalar_operand(other)
        return NotImplemented if o is None else wrap(_pow(self._t, o))

    def __rpow__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(_rpow(self._t, o))

    def __matmul__(self, other):
        if _isinstance(other, TensorBase):
            return wrap(_matmul(self._t, other._t))
        return NotImplemented

    def __rmatmul__(self, other):
        if _isinstance(other, TensorBase):
            return wrap(_matmul(other._t, self._t))
        return NotImplemented

    def __neg__(self):
        return wrap(_neg(self._t))

    def __pos__(self):
        return self

    def __abs__(self):
        return wrap(E.abs(self._t))

    # ---- bitwise and logic ----------------------------------------------------------------------
    def __invert__(self):
        if self._t.dtype in ('float32', 'float64', 'float16', 'bfloat16'):
            raise TypeError('~ (operator.invert) is only implemented on integer and Boolean-type tensors')
        return wrap(E.bitwise_not(self._t))

    def __and__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(E.bitwise_and(self._t, o))

    __rand__ = __and__

    def __or__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(E.bitwise_or(self._t, o))

    __ror__ = __or__

    def __xor__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(E.bitwise_xor(self._t, o))

    __rxor__ = __xor__

    # ---- in place -------------------------------------------------------------------------------
    def __iadd__(self, other):
        o = other._t if _isinstance(other, TensorBase) else _scalar_operand(other)
        if o is None:
            return NotImplemented
        _add_(self._t, o, 1)
        return self

    def __isub__(self, other):
        o = other._t if _isinstance(other, TensorBase) else _scalar_operand(other)
        if o is None:
            return NotImplemented
        _sub_(self._t, o, 1)
        return self

    def __imul__(self, other):
        o = other._t if _isinstance(other, TensorBase) else _scalar_operand(other)
        if o is None:
            return NotImplemented
        _mul_(self._t, o)
        return self

    def __itruediv__(self, other):
        o = other._t if _isinstance(other, TensorBase) else _scalar_operand(other)
        if o is None:
            return NotImplemented
        _div_(self._t, o)
        return self

    def __ipow__(self, other):
        o = _other(other)
        if o is None:
            return NotImplemented
        E.pow_(self._t, o)
        return self

    # ---- comparisons ----------------------------------------------------------------------------
    def __eq__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(_eq(self._t, o))

    def __ne__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(_ne(self._t, o))

    def __lt__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(_lt(self._t, o))

    def __le__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(_le(self._t, o))

    def __gt__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(_gt(self._t, o))

    def __ge__(self, other):
        o = _other(other)
        return NotImplemented if o is None else wrap(_ge(self._t, o))

    # Defining __eq__ would otherwise make tensors unhashable: identity, as PyTorch.
    def __hash__(self):
        return id(self)

    def __contains__(self, element):
        o = _other(element)
        if o is None:
            raise RuntimeError(
                f"Tensor.__contains__ only supports Tensor or scalar, but you passed in a {type(element)}."
            )
        return _bool(E.item(E.any(_eq(self._t, o), None, False)))
