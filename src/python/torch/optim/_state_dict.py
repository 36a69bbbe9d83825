"""optimizer.state_dict() and load_state_dict() as PyTorch 1.13 has them: {'state': {index: {name: value}},
'param_groups': [{hyper-parameters..., 'params': [indices]}]}, parameters numbered in group order. State
buffers are tensors shaped like their parameter; Adam's 'step' is a float tensor (1.13's `tensor(10.)`),
SGD's momentum_buffer a tensor. The engine keeps the state; these convert it both ways."""

from collections.abc import Mapping

from .._engine import E
from .._tensor import Tensor

# The scalar state PyTorch 1.13 keeps as a float tensor (`tensor(10.)`), by optimizer; other scalars (SGD has
# none; Adadelta's and Rprop's 'step', LBFGS's counters) are Python numbers.
_SCALAR_TENSORS = {
    'Adam': ('step',),
    'AdamW': ('step',),
    'Adagrad': ('step',),
    'Adamax': ('step',),
    'NAdam': ('step', 'mu_product'),
    'RAdam': ('step',),
    'ASGD': ('step', 'eta', 'mu'),
}


def _entries(optimizer):
    """The engine's state as {index: {name: value}}, values converted to what PyTorch 1.13 keeps."""
    from .._creation import tensor

    params = [p for group in optimizer.param_groups for p in group['params']]
    state = {}
    for index, entry in E.optimizer_state(optimizer._o):
        index = int(index)
        p = params[index]
        out = {}
        for name, value in entry:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                if name in _SCALAR_TENSORS.get(optimizer._engine_name, ()):
                    value = tensor(float(value))
                out[name] = value
            else:
                values = tensor(list(value), dtype=p.dtype)
                # LBFGS keeps flat vectors over all its parameters (d, prev_flat_grad) under the first one.
                out[name] = values.reshape(p.shape) if values.numel() == p.numel() else values
        if optimizer._engine_name == 'SGD' and 'momentum_buffer' not in out:
            out['momentum_buffer'] = None  # plain SGD: PyTorch keeps the key, with no buffer
        state[index] = out
    return state


def state_dict(optimizer):
    state = _entries(optimizer)
    groups = []
    index = 0
    for group in optimizer.param_groups:
        saved = {k: group[k] for k in group if k != 'params'}
        saved['params'] = list(range(index, index + len(group['params'])))
        index += len(group['params'])
        groups.append(saved)
    return {'state': state, 'param_groups': groups}


def load_state_dict(optimizer, state_dict):
    """Checks the groups' sizes (PyTorch's errors), then hands the engine plain numbers and value lists."""
    if not isinstance(state_dict, dict) or 'state' not in state_dict or 'param_groups' not in state_dict:
        raise KeyError('state')
    state = {}
    for index, entry in state_dict['state'].items():
        state[str(int(index))] = {
            name: (
                value.detach().reshape(-1).tolist() if isinstance(value, Tensor) and value.dim() > 0 else _number(value)
            )
            for name, value in entry.items()
            if value is not None
        }
    groups = []
    for saved in state_dict['param_groups']:
        groups.append({k: (list(v) if isinstance(v, tuple) else v) for k, v in saved.items()})
    E.optimizer_load_state_dict(optimizer._o, {'state': state, 'param_groups': groups})
    # The engine updated its group records in place; the Python views keep the saved values' own Python types
    # (a loaded lr of 0.1 is what `param_groups[0]['lr']` reads now, not the constructor's 0.5).
    for view, saved in zip(optimizer.param_groups, state_dict['param_groups']):
        view._py = {k: v for k, v in saved.items() if k != 'params'}


def _number(value):
    return value.item() if isinstance(value, Tensor) else value


class EngineState(Mapping):
    """`optimizer.state` of an engine optimizer: PyTorch's defaultdict {parameter: {name: value}}, read from the
    engine, so `len(optimizer.state)` and `optimizer.state[p]['exp_avg']` follow the steps and a
    load_state_dict(). A dict handed out by `state[p]` stays live as PyTorch's does (step() refills it); the
    tensors in it are copies: writing into them does not change the engine's state."""

    def __init__(self, optimizer):
        self._optimizer = optimizer
        self._given = {}  # parameter -> the dict `state[p]` returned (a defaultdict keeps p, even with {})

    def _by_param(self):
        params = [p for group in self._optimizer.param_groups for p in group['params']]
        state = dict(self._given)
        state.update((params[index], entry) for index, entry in _entries(self._optimizer).items())
        return state

    def refresh(self):
        """Refills the dicts handed out, after the engine changed the state (a step, a load_state_dict)."""
        if self._given:
            state = self._by_param()
            for param, given in self._given.items():
                if given is not state[param]:
                    given.clear()
                    given.update(state[param])

    def __getitem__(self, param):
        given = self._given.setdefault(param, {})
        self.refresh()
        return given

    def __contains__(self, param):
        return param in self._by_param()

    def __iter__(self):
        return iter(self._by_param())

    def __len__(self):
        return len(self._by_param())

    # dict's views (a snapshot of {parameter: state}), printed as a defaultdict's are.
    def keys(self):
        return self._by_param().keys()

    def values(self):
        return self._by_param().values()

    def items(self):
        return self._by_param().items()

    def __repr__(self):
        self.refresh()
        return f"defaultdict(<class 'dict'>, {self._by_param()!r})"
