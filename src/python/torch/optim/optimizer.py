"""torch.optim.Optimizer. Built-in optimizers are the engine's (one implementation, PyTorch-exact updates);
Python keeps the user-facing views: `param_groups` (dict-like records backed by the engine's groups) and
PyTorch's printing. A user subclass that implements its own `step` works on plain Python dicts."""

from collections import defaultdict
from collections.abc import MutableMapping

from .._engine import E

from .._grad_mode import enable_grad
from .._tensor import Tensor, _zero_grads
from .._unsupported import unsupported

_optimizer_step = E.optimizer_step
_optimizer_zero_grad = E.optimizer_zero_grad

# Backprop Lens's learning-rate comparison (the panel's "Compare learning rates", the CLI's
# BACKPROP_LENS_LR_SCALE): every optimizer's lr is multiplied by this when it is constructed, so the file
# runs unchanged at x0.1, x1, x10 of its own rate. Set for each run by the runtime (_bl_run.set_lr_scale).
lr_scale = [1.0]


def _scaled_lrs(defaults, groups):
    scale = lr_scale[0]
    if scale == 1.0:
        return defaults
    defaults = dict(defaults)
    if isinstance(defaults.get('lr'), (int, float)):
        defaults['lr'] = defaults['lr'] * scale
    for g in groups:
        if isinstance(g.get('lr'), (int, float)):
            g['lr'] = g['lr'] * scale
    return defaults


class _ParamGroup(MutableMapping):
    """One of `optimizer.param_groups`: reads and writes go to the engine's group record, so a scheduler
    (or the user) changing `group['lr']` changes the lr the engine uses. Values the user gave keep their
    Python type (an int lr prints as an int) as long as the engine has not changed them."""

    __slots__ = ('_js', '_params', '_py')

    def __init__(self, js_group, params, py_values):
        self._js = js_group
        self._params = params
        self._py = py_values

    def __getitem__(self, key):
        if key == 'params':
            return self._params
        js = self._js
        if not E.has_key(js, key):
            raise KeyError(key)
        value = E.get_key(js, key)
        mine = self._py.get(key, _MISSING)
        if mine is not _MISSING and (mine == value or (isinstance(mine, (tuple, list)) and _same_seq(mine, value))):
            return mine
        if hasattr(value, 'to_py'):
            value = value.to_py()
            if isinstance(value, list):
                value = tuple(value)
        elif key in _FLOAT_KEYS and type(value) is int:
            value = float(value)  # set by the engine (a scheduler): a Python float in PyTorch, 0.0 not 0
        return value

    def __setitem__(self, key, value):
        if key == 'params':
            raise unsupported("replacing optimizer.param_groups[i]['params']")
        self._py[key] = value
        E.set_key(self._js, key, list(value) if isinstance(value, tuple) else value)

    def __delitem__(self, key):
        raise KeyError(f"cannot delete '{key}' from a parameter group")

    def __iter__(self):
        return iter(['params'] + [k for k in E.group_keys(self._js) if k != 'params'])

    def __len__(self):
        return len(list(iter(self)))

    def _snapshot(self):
        return {key: self[key] for key in self}  # not dict(self): that calls keys()

    def __repr__(self):
        return repr(self._snapshot())

    # dict's views (a snapshot), so `print(group.keys())` shows dict_keys([...]) as PyTorch's plain dict does.
    def keys(self):
        return self._snapshot().keys()

    def values(self):
        return self._snapshot().values()

    def items(self):
        return self._snapshot().items()


_MISSING = object()
# Hyper-parameters that schedulers compute (always Python floats in PyTorch), which JavaScript hands back as
# ints when they are whole numbers.
_FLOAT_KEYS = frozenset(('lr', 'initial_lr', 'momentum', 'max_lr', 'min_lr', 'max_momentum', 'base_momentum'))


def _same_seq(mine, value):
    try:
        return list(mine) == list(value)
    except TypeError:
        return False


def _group_inputs(params):
    """Normalises `params` into a list of dicts with a list of Python tensors under 'params'."""
    if isinstance(params, Tensor):
        raise TypeError(
            'params argument given to the optimizer should be an iterable of Tensors or dicts, but got ' + params.type()
        )
    if isinstance(params, (set, frozenset)):
        raise TypeError(
            'optimizer parameters need to be organized in ordered collections, but the ordering of '
            'tensors in sets will change between runs. Please use a list instead.'
        )
    items = list(params)
    if not items:
        raise ValueError('optimizer got an empty parameter list')
    if not isinstance(items[0], dict):
        items = [{'params': items}]
    groups = []
    for g in items:
        g = dict(g)
        ps = g['params']
        g['params'] = [ps] if isinstance(ps, Tensor) else list(ps)
        for p in g['params']:
            if not isinstance(p, Tensor):
                raise TypeError('optimizer can only optimize Tensors, but one of the params is ' + type(p).__name__)
        groups.append(g)
    return groups


class Optimizer:
    """Base class. Subclasses that set `_engine_name` are the engine's optimizers; others implement step()."""

    _engine_name = None

    def __init__(self, params, defaults):
        groups = _group_inputs(params)
        defaults = _scaled_lrs(defaults, groups)
        self.defaults = defaults
        self.state = defaultdict(dict)
        self.param_groups = []
        self._o = None
        if self._engine_name is not None:
            from ._state_dict import EngineState

            self.state = EngineState(self)
            self._o = E.new_optimizer(self._engine_name, [_js_group(g) for g in groups], _js_options(defaults))
            for g, js in zip(groups, E.param_groups(self._o)):
                self.param_groups.append(_ParamGroup(js, g['params'], _py_values(g, defaults)))
        else:
            for g in groups:
                self.add_param_group(g)

    def add_param_group(self, param_group):
        if self._o is None:
            group = dict(param_group)
            ps = group['params']
            group['params'] = [ps] if isinstance(ps, Tensor) else list(ps)
            for key, value in self.defaults.items():
                group.setdefault(key, value)
            self.param_groups.append(group)
            return
        (g,) = _group_inputs([param_group])
        E.add_param_group(self._o, _js_group(g))
        js = E.param_groups(self._o)[len(self.param_groups)]
        self.param_groups.append(_ParamGroup(js, g['params'], _py_values(g, self.defaults)))

    def zero_grad(self, set_to_none=False):
        if self._o is not None:
            _optimizer_zero_grad(self._o, bool(set_to_none))
            return
        for group in self.param_groups:
            _zero_grads(group['params'], set_to_none)

    def step(self, closure=None):
        if self._o is None:
            raise NotImplementedError
        loss = None
        if closure is not None:
            with enable_grad():
                loss = closure()
        _optimizer_step(self._o)
        self.state.refresh()
        return loss

    def state_dict(self):
        if self._o is None:
            raise unsupported('state_dict() of a custom optimizer')
        from ._state_dict import state_dict

        return state_dict(self)

    def load_state_dict(self, state_dict):
        if self._o is None:
            raise unsupported('load_state_dict() of a custom optimizer')
        from ._state_dict import load_state_dict

        load_state_dict(self, state_dict)
        self.state.refresh()

    def __repr__(self):
        text = self.__class__.__name__ + ' ('
        for i, group in enumerate(self.param_groups):
            text += '\n'
            text += f'Parameter Group {i}\n'
            for key in sorted(group.keys()):
                if key != 'params':
                    text += f'    {key}: {group[key]}\n'
        return text + ')'

    def __getstate__(self):
        raise unsupported('pickling optimizers')


def _js_group(group):
    out = {k: (list(v) if isinstance(v, tuple) else v) for k, v in group.items() if k != 'params'}
    out['params'] = [p._t for p in group['params']]
    return out


def _js_options(defaults):
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in defaults.items() if v is not _REQUIRED}


def _py_values(group, defaults):
    values = {k: v for k, v in defaults.items() if v is not _REQUIRED}
    values.update({k: v for k, v in group.items() if k != 'params'})
    return values


class _RequiredParameter:
    def __repr__(self):
        return '<required parameter>'


_REQUIRED = required = _RequiredParameter()
