"""torch.autograd.graph: hooks on the tensors autograd saves for backward (the "Hooks for autograd saved tensors"
tutorial): `saved_tensors_hooks(pack_hook, unpack_hook)`, `save_on_cpu`, `disable_saved_tensors_hooks`, and a
grad_fn's `_saved_<name>` / `_raw_saved_<name>` attributes.

While a hooks context is open the engine lists every node made (src/engine/savedTensorHooks.ts). The nodes are
packed when their result reaches Python (`wrap`), before a backward pass, and when a context opens or closes:
pack_hook runs on each tensor the node saved, with grad mode off, and what it returns is kept here by the
node's sequence number. The node's backward then asks unpack_hook for each one and computes with what it
gives back; a node freed after backward drops what was packed (a `__del__` there runs then, as in PyTorch)."""

import builtins

from ._engine import E
from ._grad_mode import no_grad
from ._tensor_base import TensorBase, wrap, pack_pending

__all__ = ['saved_tensors_hooks', 'save_on_cpu', 'disable_saved_tensors_hooks']

_isinstance = builtins.isinstance

# (pack_hook, unpack_hook) of the open saved_tensors_hooks contexts, innermost last.
_hooks = []
# The messages of the open disable_saved_tensors_hooks contexts, innermost last.
_disabled = []
# Node sequence number -> its _NodePack, from packing until the node is freed.
_packs = {}

# PyTorch's names of the tensors a node saves where they are not self/other/result, in the engine's saving order.
_NAMES = {
    'AddmmBackward0': ('mat1', 'mat2'),
    'MmBackward0': ('self', 'mat2'),
    'BmmBackward0': ('self', 'mat2'),
    'PowBackward1': ('self', 'exponent', 'result'),
}
# Nodes whose pack order is the reverse of the engine's saving order (addmm saves mat2 first).
_PACKED_LAST_FIRST = {'AddmmBackward0'}
# Loss nodes: their second saved tensor is `target`.
_TARGET_SECOND = {
    'MseLossBackward0', 'L1LossBackward0', 'SmoothL1LossBackward0', 'HuberLossBackward0', 'NllLossBackward0',
    'NllLoss2DBackward0', 'BinaryCrossEntropyBackward0', 'BinaryCrossEntropyWithLogitsBackward0',
    'KlDivBackward0', 'SoftMarginLossBackward0', 'MultiLabelMarginLossBackward0', 'MultiMarginLossBackward0',
}  # fmt: skip


def _names(node_name, entries):
    """The SavedVariable name of each saved tensor (None where we do not know PyTorch's)."""
    fixed = _NAMES.get(node_name)
    if fixed is not None and len(fixed) == len(entries):
        return list(fixed)
    names = []
    for _, is_output, index in entries:
        if is_output:
            names.append('result')
        elif index == 0:
            names.append('self')
        elif index == 1:
            names.append('target' if node_name in _TARGET_SECOND else 'other')
        else:
            names.append(None)
    return names


def _call_hook(hook, arg):
    """A hook's result; an exception it raises comes out as PyTorch's RuntimeError naming it, with the frames
    it went through (PyTorch's "At:" list, innermost first)."""
    try:
        return hook(arg)
    except Exception as err:
        import traceback

        frames = traceback.extract_tb(err.__traceback__)[1:][::-1]
        at = ''.join(f'  {f.filename}({f.lineno}): {f.name}\n' for f in frames if '/torch/' not in f.filename)
        raise RuntimeError(f'{type(err).__name__}: {err}\n\nAt:\n{at}') from None


class _Packed:
    """One saved tensor as its pack hook left it."""

    __slots__ = ('index', 'packed', 'unpack_hook')

    def __init__(self, index, packed, unpack_hook):
        self.index = index
        self.packed = packed
        self.unpack_hook = unpack_hook

    def unpack(self):
        with no_grad():
            t = _call_hook(self.unpack_hook, self.packed)
        if not _isinstance(t, TensorBase):
            raise TypeError(
                f'Output of saved tensor unpack_hook expected to be a Tensor but got result of type {type(t).__name__}'
            )
        return t


class _NodePack:
    """What the hooks packed for one node, in pack order."""

    __slots__ = ('fields',)

    def __init__(self):
        self.fields = []

    def field(self, index):
        for f in self.fields:
            if f.index == index:
                return f
        return None


# Whether the engine has our callbacks: set at first use, not at import (the start-up snapshot keeps Python's
# state but not the engine's).
_callbacks_set = [False]


def _node_pack(node):
    seq = E.node_seq(node)
    pack = _packs.get(seq)
    if pack is None:
        if not _callbacks_set[0]:
            E.set_saved_tensor_callbacks(_unpack_for_backward, _release)
            _callbacks_set[0] = True
        pack = _packs[seq] = _NodePack()
        E.unpack_before_backward(node)
    return pack


def _pack_node(node, pack_hook, unpack_hook, result):
    entries = [tuple(e) for e in E.saved_entries(node)]  # views of SavedViews are made with grad mode as it is
    if not entries:
        return
    order = range(len(entries))
    if node.name in _PACKED_LAST_FIRST:
        order = reversed(order)
    # The op's result is handed to pack_hook as the learner's tensor itself, as PyTorch hands it.
    packed = [
        (i, result if result is not None and E.same(entries[i][0], result._t) else wrap(entries[i][0])) for i in order
    ]
    node_pack = _node_pack(node)
    with no_grad():
        for i, t in packed:
            node_pack.fields.append(_Packed(i, _call_hook(pack_hook, t), unpack_hook))


def _flush(result=None):
    """Packs the saved tensors of the nodes made since the last flush, with the innermost hooks; `result` is the
    Python tensor of the op that just finished."""
    nodes = E.take_listed_nodes()
    if not nodes.length or not _hooks:
        return
    pack_hook, unpack_hook = _hooks[-1]
    E.set_listing_nodes(False)  # the hooks' own work records nothing to pack
    try:
        for node in nodes:
            _pack_node(node, pack_hook, unpack_hook, result)
    finally:
        E.set_listing_nodes(bool(_hooks))


def flush_pending():
    """Before a backward pass: nodes made under hooks are packed before it unpacks them."""
    if _hooks:
        _flush()


def _set_listing():
    on = bool(_hooks)
    E.set_listing_nodes(on)
    pack_pending[0] = _flush if on else None


def _unpack_for_backward(seq):
    """For the engine: per saved tensor of node `seq`, the engine tensor its unpack hook gives back, or None."""
    pack = _packs.get(seq)
    if pack is None:
        return None
    out = [None] * (max(f.index for f in pack.fields) + 1) if pack.fields else []
    for f in pack.fields:
        out[f.index] = f.unpack()._t
    return out


def _release(seq):
    _packs.pop(seq, None)


class saved_tensors_hooks:
    """Context manager: pack_hook(tensor) runs on every tensor an operation saves for backward, and what it
    returns is kept instead; unpack_hook(that) must give back a tensor with the same values when backward (or a
    `_saved_*` attribute) needs it."""

    def __init__(self, pack_hook, unpack_hook):
        self.pack_hook = pack_hook
        self.unpack_hook = unpack_hook

    def __enter__(self):
        if _disabled:
            raise RuntimeError(_disabled[-1])
        _flush()
        _hooks.append((self.pack_hook, self.unpack_hook))
        _set_listing()

    def __exit__(self, *args):
        _flush()
        _hooks.pop()
        _set_listing()


saved_tensors_hooks.__module__ = 'torch.autograd.graph'


class save_on_cpu(saved_tensors_hooks):
    """Saved tensors kept on the CPU and put back on their device for backward. Everything is on the CPU here,
    so each one is kept as (device, tensor), a copy when pin_memory asks for pinned memory."""

    def __init__(self, pin_memory=False):
        def pack_to_cpu(tensor):
            return (tensor.device, tensor.clone() if pin_memory else tensor.cpu())

        def unpack_from_cpu(packed):
            device, tensor = packed
            return tensor.to(device, non_blocking=pin_memory)

        super().__init__(pack_to_cpu, unpack_from_cpu)


save_on_cpu.__module__ = 'torch.autograd.graph'


class disable_saved_tensors_hooks:
    """Context manager under which opening saved_tensors_hooks raises RuntimeError(error_message); opening it
    inside hooks raises it too."""

    def __init__(self, error_message):
        self.error_message = error_message

    def __enter__(self):
        if _hooks:
            raise RuntimeError(self.error_message)
        _disabled.append(self.error_message)

    def __exit__(self, *args):
        _disabled.pop()


disable_saved_tensors_hooks.__module__ = 'torch.autograd.graph'


class SavedTensor:
    """A grad_fn's `_raw_saved_<name>`: the saved tensor itself, on which a pair of hooks can be registered."""

    __slots__ = ('_node', '_index')
    __module__ = 'torch._C._autograd'

    def __init__(self, node, index):
        self._node = node
        self._index = index

    def register_hooks(self, pack_hook, unpack_hook):
        E.check_not_released(self._node)
        node_pack = _node_pack(self._node)
        if node_pack.field(self._index) is not None:
            raise RuntimeError(
                'Calling register_hooks on a saved tensor whose hooks have already been set. Hint: only one pair '
                'of hooks is allowed at a time.'
            )
        tensor = E.saved_entries(self._node)[self._index][0]
        with no_grad():
            node_pack.fields.append(_Packed(self._index, _call_hook(pack_hook, wrap(tensor)), unpack_hook))

    def __repr__(self):
        return f'<torch._C._autograd.SavedTensor object at {id(self):#x}>'


def saved_names(node):
    """The `_saved_<name>` names a grad_fn has now (none once the node is freed)."""
    entries = [tuple(e) for e in E.saved_entries(node)]
    return [n for n in _names(node.name, entries) if n is not None]


def saved_attribute(node, attr, python_tensor):
    """grad_fn.<attr> for `_saved_<name>` (the tensor, through its unpack hook if it has one) and
    `_raw_saved_<name>`; python_tensor finds the learner's own tensor for a saved input."""
    raw = attr.startswith('_raw_saved_')
    name = attr[len('_raw_saved_') :] if raw else attr[len('_saved_') :]
    E.check_not_released(node)
    entries = [tuple(e) for e in E.saved_entries(node)]
    names = _names(node.name, entries)
    if name not in names:
        return None
    index = names.index(name)
    if raw:
        return SavedTensor(node, index)
    pack = _packs.get(E.node_seq(node))
    field = pack.field(index) if pack is not None else None
    tensor, is_output, _ = entries[index]
    if field is not None:
        return wrap(E.with_autograd_of(field.unpack()._t, tensor))
    # An input comes back as the learner's own tensor (`y.grad_fn._saved_self is a`), the node's output as a
    # new one with the same values (PyTorch unpacks it: `y.grad_fn._saved_result is y` is False).
    return wrap(tensor) if is_output else python_tensor(tensor)


def pack_function_ctx(ctx, saved):
    """A custom Function's save_for_backward under hooks: packed when its node is recorded."""
    if not _hooks:
        return None
    pack_hook, unpack_hook = _hooks[-1]
    with no_grad():
        return [None if t is None else _Packed(i, _call_hook(pack_hook, t), unpack_hook) for i, t in enumerate(saved)]


def unpack_function_ctx(packed):
    """ctx.saved_tensors through the unpack hooks."""
    return tuple(None if p is None else p.unpack() for p in packed)
