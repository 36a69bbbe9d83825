"""nn.Parameter: a leaf tensor that a Module registers as trainable; shares the storage it wraps."""

from .._engine import E

from .._tensor import Tensor, wrap


class Parameter(Tensor):
    __slots__ = ()

    def __new__(cls, data=None, requires_grad=True):
        if data is None:
            data = Tensor(0)
        o = object.__new__(cls)
        o._t = E.make_parameter(data._t, bool(requires_grad))
        return o

    def __init__(self, data=None, requires_grad=True):
        pass

    def __repr__(self):
        return 'Parameter containing:\n' + E.format(self._t)

    __str__ = __repr__

    def __deepcopy__(self, memo):
        if id(self) in memo:
            return memo[id(self)]
        out = Parameter(wrap(E.clone(E.detach(self._t))), self.requires_grad)
        memo[id(self)] = out
        return out

    def __reduce_ex__(self, proto):
        return (Parameter, (self.detach().clone(), self.requires_grad))


class UninitializedParameter(Parameter):
    def __new__(cls, *args, **kwargs):
        from .._unsupported import unsupported

        raise unsupported('torch.nn.parameter.UninitializedParameter', 'lazy modules')
