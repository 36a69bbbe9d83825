"""torch.Tensor's autograd side: requires_grad, grad, grad_fn (with PyTorch's node names), is_leaf, .data,
backward, detach and retain_grad. The engine records the graph; these are its Python handles."""

import builtins
import warnings

from ._engine import E

from ._unsupported import unsupported
from ._tensor_base import TensorBase, wrap, _operand, pack_pending

_isinstance = builtins.isinstance
_bool = builtins.bool


_CPP_NODES = ('NotImplemented', 'CopySlices', 'CopyBackwards', 'Error')


class _GradFn:
    """What `tensor.grad_fn` shows: the backward node, of a class named as PyTorch's (`AddBackward0`)."""

    # _out: the engine tensor the node computed (its gradient is the hook's grad_outputs).
    __slots__ = ('_node', '_out')

    def __new__(cls, node, out=None):
        o = object.__new__(_grad_fn_class(node.name))
        o._node = node
        o._out = out
        return o

    def register_hook(self, fn):
        from ._node_hooks import register_node_hook

        return _TensorHookHandle(register_node_hook(self._node, self._out, fn))

    def name(self):
        name = self._node.name
        # PyTorch's nodes written by hand in C++ (not generated from derivatives.yaml) print by their short
        # class name but name() gives the namespaced C++ one.
        if name in _CPP_NODES:
            return 'torch::autograd::' + name
        if name == 'ROIPoolFunction>':  # torchvision's C++ autograd function prints as the tail of this name
            return 'torch::autograd::CppNode<vision::ops::(anonymous namespace)::ROIPoolFunction>'
        return name

    @property
    def next_functions(self):
        """One (node, 0) per input: its grad_fn, an AccumulateGrad for a leaf that requires grad, else None."""
        edges = []
        for node, leaf, out in E.next_edges(self._node):
            edges.append(
                (_GradFn(node, out) if node is not None else AccumulateGrad(leaf) if leaf is not None else None, 0)
            )
        if self._node.name == 'AddmmBackward0' and len(edges) == 3 and not E.is_fused_product_node(self._node):
            # The engine's F.linear node has inputs (x, weight, bias); PyTorch's addmm(bias, x, weight.t())
            # lists (bias, x, TBackward0 over the weight): the blitz tutorial walks next_functions[0][0].
            x, weight, bias = edges
            return (bias, x, (_TBackward0(weight), 0))
        return tuple(edges)

    def __getattr__(self, attr):
        # The tensors the node saved for backward (`_saved_self`, `_saved_result`, `_raw_saved_self`).
        if attr.startswith(('_saved_', '_raw_saved_')):
            from ._saved_tensor_hooks import saved_attribute

            value = saved_attribute(self._node, attr, _python_tensor)
            if value is not None:
                return value
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{attr}'")

    def __dir__(self):
        from ._saved_tensor_hooks import saved_names

        names = saved_names(self._node)
        return sorted(set(object.__dir__(self)) | {'_saved_' + n for n in names} | {'_raw_saved_' + n for n in names})

    def __repr__(self):
        name = self._node.name
        where = 'torch.autograd.function.' if name in custom_node_names else ''
        return f"<{where}{name} object at {id(self):#x}>"

    def __eq__(self, other):
        return _isinstance(other, _GradFn) and E.same(self._node, other._node)

    def __hash__(self):
        return hash(self._node.name)


_grad_fn_classes = {}
# The node names of learners' torch.autograd.Function classes (`LegendrePolynomial3Backward`), which PyTorch
# prints with their module: <torch.autograd.function.LegendrePolynomial3Backward object at ...>.
custom_node_names = set()
# Whether the backward pass under way keeps its graph (retain_graph=True): a custom Function's backward then
# may run again, so its ctx (and the saved tensors) must stay.
retaining = [False]

# Tensor.backward(create_graph=True) warns once per process (accumulating into .grad while recording).
_CREATE_GRAPH_WARNING = (
    'Using backward() with create_graph=True will create a reference cycle between the parameter and its gradient '
    'which can cause a memory leak. We recommend using autograd.grad when creating the graph to avoid this. If you '
    'have to use this function, make sure to reset the .grad fields of your parameters to None after use to break '
    'the cycle and avoid the leak. (Triggered internally at  ./torch/csrc/autograd/engine.cpp:1059.)'
)


def _grad_fn_class(name):
    """The class of a grad_fn: one per node name, so type(y.grad_fn).__name__ is 'AddBackward0'."""
    cls = _grad_fn_classes.get(name)
    if cls is None:
        # A learner's Function's node class lives in torch.autograd.function, as PyTorch makes it there.
        module = 'torch.autograd.function' if name in custom_node_names else 'builtins'
        cls = type(name, (_GradFn,), {'__slots__': (), '__module__': module})
        _grad_fn_classes[name] = cls
    return cls


class _TBackward0:
    """The weight's transpose node PyTorch puts between addmm and the weight (the engine fuses it)."""

    __slots__ = ('next_functions',)
    __module__ = 'builtins'

    def __init__(self, edge):
        self.next_functions = (edge,)

    def name(self):
        return 'TBackward0'

    def __repr__(self):
        return f"<TBackward0 object at {id(self):#x}>"


_TBackward0.__name__ = _TBackward0.__qualname__ = 'TBackward0'


class AccumulateGrad:
    """The node that adds a leaf's gradient into its .grad; `.variable` is the leaf."""

    __slots__ = ('_leaf',)
    __module__ = 'builtins'
    next_functions = ()

    def __init__(self, leaf):
        self._leaf = leaf

    def name(self):
        return 'torch::autograd::AccumulateGrad'

    @property
    def variable(self):
        return _python_tensor(self._leaf)

    def __repr__(self):
        return f"<AccumulateGrad object at {id(self):#x}>"

    def __eq__(self, other):
        return _isinstance(other, AccumulateGrad) and E.same(self._leaf, other._leaf)

    def __hash__(self):
        return 0


def _python_tensor(t):
    """The learner's own Python tensor for engine tensor t (so `fn.variable is a` holds), else a new handle.
    Found by a scan of the live tensors rather than a registry kept on every wrap: only graph-walking
    tutorials ask, and a training step should not pay for it."""
    import gc

    for o in gc.get_objects():
        if _isinstance(o, TensorBase) and E.same(o._t, t):
            return o
    return wrap(t)


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
        return None if node is None else _GradFn(node, self._t)

    @property
    def is_leaf(self):
        return E.is_leaf(self._t)

    @property
    def data(self):
        # Unlike detach(), its own version counter: writes through .data escape the saved-tensor check.
        return wrap(E.data_alias(self._t))

    @data.setter
    def data(self, value):
        E.set_data(self._t, value._t)

    @property
    def volatile(self):
        # Gone since 0.4; PyTorch still answers False, with a warning, and a set is ignored the same way.
        import warnings

        warnings.warn('volatile was removed (Variable.volatile is always False)', stacklevel=2)
        return False

    @volatile.setter
    def volatile(self, value):
        import warnings

        warnings.warn('volatile was removed and now has no effect. Use `with torch.no_grad():` instead.', stacklevel=2)

    @property
    def _version(self):
        if not E.tracks_version(self._t):
            raise RuntimeError('Inference tensors do not track version counter.')
        return self._t.version

    def is_inference(self):
        return E.is_inference(self._t)

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        if inputs is not None:
            raise unsupported('backward(inputs=...)')
        # create_graph=True records the backward pass itself (.grad gets a grad_fn) and keeps the graph.
        retaining[0] = _bool(create_graph if retain_graph is None else retain_graph)
        # The engine warns (TORCH_WARN_ONCE) only once the implicit-gradient check has passed.
        if create_graph and self.requires_grad and (gradient is not None or self.numel() == 1):
            from ._errors import warn_once

            warn_once(_CREATE_GRAPH_WARNING)
        if pack_pending[0] is not None:
            pack_pending[0]()  # nodes made under saved-tensor hooks are packed before backward unpacks them
        E.backward(self._t, None if gradient is None else _operand(gradient), retaining[0], bool(create_graph))

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
        if not self.requires_grad:
            raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")

        def call(grad):
            out = hook(wrap(grad))
            if out is None:
                return None
            if not isinstance(out, TensorBase):
                raise TypeError(f'expected Tensor or None (got {type(out).__name__})')
            return out._t

        return _TensorHookHandle(E.register_hook(self._t, call))

    def clone(self, memory_format=None):
        from ._memory_format import as_format, channels_last_of, contiguous_format, preserve_format

        copy = wrap(E.clone(self._t))
        fmt = channels_last_of(self) if memory_format in (None, preserve_format) else memory_format
        return copy if fmt is None or fmt is contiguous_format else as_format(copy, fmt)


class _TensorHookHandle:
    """What `Tensor.register_hook` returns (torch.utils.hooks.RemovableHandle): `remove()` drops the hook."""

    def __init__(self, remover):
        self._remover = remover

    def remove(self):
        if self._remover is not None:
            self._remover()
            self._remover = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()
