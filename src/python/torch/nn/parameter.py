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


class UninitializedTensorMixin:
    """A parameter or buffer of a lazy module before its first call: no shape yet (asking for one is PyTorch's
    error); materialize() gives it one in place, so an optimizer made before the first call holds it."""

    __slots__ = ()
    cls_to_become = None

    def materialize(self, shape, device=None, dtype=None):
        from .. import _creation

        if isinstance(shape, int):
            shape = (shape,)
        self.data = _creation.empty(*shape, dtype=dtype)
        self.__class__ = self.cls_to_become

    @property
    def shape(self):
        raise RuntimeError(
            "Can't access the shape of an uninitialized parameter or buffer. This error usually happens in "
            '`load_state_dict` when trying to load an uninitialized parameter into an initialized one. Call '
            '`forward` to initialize the parameters before accessing their attributes.'
        )

    def __repr__(self):
        return f'<{self.__class__.__name__}>'

    __str__ = __repr__


class UninitializedParameter(UninitializedTensorMixin, Parameter):
    __slots__ = ()
    cls_to_become = Parameter

    def __new__(cls, requires_grad=True, device=None, dtype=None):
        return Parameter.__new__(cls, Tensor(0), requires_grad)


class UninitializedBuffer(UninitializedTensorMixin, Tensor):
    __slots__ = ()
    cls_to_become = Tensor

    def __new__(cls, requires_grad=False, device=None, dtype=None):
        o = object.__new__(cls)
        o._t = Tensor(0)._t
        return o

    def __init__(self, requires_grad=False, device=None, dtype=None):
        pass


def is_lazy(param):
    return isinstance(param, UninitializedTensorMixin)
