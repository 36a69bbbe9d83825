"""torch.Tensor's autograd side: requires_grad, grad, grad_fn (with PyTorch's node names), is_leaf, .data,
backward, detach and retain_grad. The engine records the graph; these are its Python handles."""

import builtins

from ._engine import E

from ._unsupported import unsupported
from ._tensor_base import wrap, _operand

_isinstance = builtins.isinstance
_bool = builtins.bool


class _GradFn:
    """What `tensor.grad_fn` shows: the PyTorch name of the backward node."""

    __slots__ = ('_node',)

    def __init__(self, node):
        self._node = node

    def name(self):
        name = self._node.name
        # PyTorch's node for ops without a derivative prints as NotImplemented but names its C++ class.
        return 'torch::autograd::NotImplemented' if name == 'NotImplemented' else name

    @property
    def next_functions(self):
        return tuple((_GradFn(n) if n is not None else None, 0) for n in E.next_nodes(self._node))

    def __repr__(self):
        return f"<{self._node.name} object at {id(self):#x}>"

    def __eq__(self, other):
        return _isinstance(other, _GradFn) and E.same(self._node, other._node)

    def __hash__(self):
        return hash(self._node.name)


class AutogradMixin:
    __slots__ = ()

    @property
    def requires_grad(self):
        return self._t.requiresGrad

    @requires_grad.setter
    def requires_grad(self, flag):
        E.requires_grad_(self._t, _bool(flag))

    def requires_grad_(self, requires_grad=True):
        E.requires_grad_(self._t, _bool(requires_grad))
        return self

    @property
    def grad(self):
        g = E.grad(self._t)
        return None if g is None else wrap(g)

    @grad.setter
    def grad(self, value):
        E.set_grad(self._t, None if value is None else value._t)

    @grad.deleter
    def grad(self):
        E.set_grad(self._t, None)

    @property
    def grad_fn(self):
        node = E.grad_fn(self._t)
        return None if node is None else _GradFn(node)

    @property
    def is_leaf(self):
        return E.is_leaf(self._t)

    @property
    def data(self):
        return wrap(E.detach(self._t))

    @data.setter
    def data(self, value):
        E.set_data(self._t, value._t)

    @property
    def _version(self):
        return self._t.version

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        if create_graph:
            raise unsupported('backward(create_graph=True)', 'higher-order gradients')
        if inputs is not None:
            raise unsupported('backward(inputs=...)')
        E.backward(self._t, None if gradient is None else _operand(gradient), _bool(retain_graph))

    def detach(self):
        return wrap(E.detach(self._t))

    def detach_(self):
        E.detach_(self._t)
        return self

    def retain_grad(self):
        self._t.retain_grad()

    @property
    def retains_grad(self):
        return self._t.retainsGrad

    def register_hook(self, hook):
        raise unsupported('Tensor.register_hook')

    def clone(self, memory_format=None):
        return wrap(E.clone(self._t))
