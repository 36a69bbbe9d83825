"""Backprop Lens probe: where a loss written by hand compares the model's output with the target, as
graphWalk.ts's findComparison does for the built-in runtime.

The built-in engine's graph keeps every node's input tensors; PyTorch's keeps only the nodes (next_functions),
the leaves (AccumulateGrad.variable) and what each node saved for its backward (`_saved_self`,
`_saved_other`, ...). So the prediction is found as the tensor behind a node (a leaf, or a variable of the
learner's whose grad_fn is that node), and the target as the data operand the comparing node saved, or else
the one data variable of the prediction's size that the saved difference (`(pred - y) ** 2` saves
`pred - y`) confirms.
"""

import torch

# Attributes of PyTorch 1.10+'s autograd nodes that hold a saved input.
SAVED_INPUTS = ('_saved_self', '_saved_other', '_saved_target')
# Most nodes looked at from the loss back: a hand-written loss is a few ops deep.
MAX_NODES = 64


def find_comparison(root, scopes, known=()):
    """(prediction, target) for a scalar loss `root`, looking up tensors in `known` (the model's last output)
    and `scopes` (dicts of the learner's variables, innermost first), or None."""
    by_node = {t.grad_fn: t for t in known if t.grad_fn is not None}
    data = []
    for scope in scopes:
        for key, value in list(scope.items()):
            if key.startswith('_') or not isinstance(value, torch.Tensor):
                continue
            if value.grad_fn is not None:
                by_node.setdefault(value.grad_fn, value)
            elif not value.requires_grad and value.dim() > 0:
                data.append(value)
    queue = [(root.grad_fn, None)]
    seen = {root.grad_fn}
    while queue and len(seen) <= MAX_NODES:
        node, parent = queue.pop(0)
        nexts = [fn for fn, _ in getattr(node, 'next_functions', ())]
        if len(nexts) == 2 and (nexts[0] is None) != (nexts[1] is None):
            found = _compared(node, parent, next(fn for fn in nexts if fn is not None), by_node, data)
            if found is not None:
                return found
        for fn in nexts:
            if fn is not None and fn not in seen and type(fn).__name__ != 'AccumulateGrad':
                seen.add(fn)
                queue.append((fn, node))
    return None


def _compared(node, parent, input_fn, by_node, data):
    """(prediction, target) if `node` compares a tensor that needs a gradient with a data tensor of its size."""
    prediction = getattr(input_fn, 'variable', None) if type(input_fn).__name__ == 'AccumulateGrad' else None
    if prediction is None:
        prediction = by_node.get(input_fn)
    if prediction is None or prediction.dim() == 0:
        return None
    saved = [_saved(node, a) for a in SAVED_INPUTS]
    target = next((t for t in saved if t is not None and not t.requires_grad and _same_rows(t, prediction)), None)
    if target is None:
        candidates = [t for t in data if _same_rows(t, prediction)]
        difference = next((t for t in (_saved(parent, a) for a in SAVED_INPUTS) if t is not None), None)
        confirmed = [t for t in candidates if difference is not None and _is_difference(difference, prediction, t)]
        target = confirmed[0] if confirmed else candidates[0] if len(candidates) == 1 else None
    return (prediction, target) if target is not None else None


def _saved(node, attribute):
    if node is None:
        return None
    try:
        value = getattr(node, attribute, None)
    except RuntimeError:  # freed by an earlier backward
        return None
    return value if isinstance(value, torch.Tensor) else None


def _same_rows(t, prediction):
    return t is not prediction and t.dim() > 0 and t.shape[0] == prediction.shape[0] and t.numel() == prediction.numel()


def _is_difference(difference, prediction, target):
    if difference.shape != prediction.shape:
        return False
    with torch.no_grad():
        p = prediction.detach().reshape(difference.shape)
        y = target.detach().reshape(difference.shape).to(p.dtype)
        return bool(torch.allclose(difference, p - y) or torch.allclose(difference, y - p))
