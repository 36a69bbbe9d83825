"""nn.Module's state_dict / load_state_dict, kept apart from module.py (which holds what a training step runs):
the OrderedDict PyTorch 1.13 returns and prints, and loading with its checks and messages, lazy layers taking
their shapes from the checkpoint. Module inherits them."""

import pprint as _pprint
from collections import OrderedDict

from ..._tensor import Tensor
from ..parameter import UninitializedTensorMixin


class _StateDict(OrderedDict):
    """What state_dict() returns: an OrderedDict that prints as it did on the Pythons PyTorch 1.13 ran on
    (`OrderedDict([('weight', tensor(...)), ...])`), not in Python 3.12's dict style."""

    def __repr__(self):
        if not self:
            return 'OrderedDict()'
        return 'OrderedDict([' + ', '.join(f'({k!r}, {v!r})' for k, v in self.items()) + '])'

    __str__ = __repr__


# type(model.state_dict()).__name__ is 'OrderedDict', as in PyTorch (the module stays ours: pickle and
# torch.save turn it into a plain OrderedDict).
_StateDict.__name__ = _StateDict.__qualname__ = 'OrderedDict'
# pprint picks its layout by the type's __repr__: ours is OrderedDict's layout (one item a line when wide).
_pprint.PrettyPrinter._dispatch[_StateDict.__repr__] = _pprint.PrettyPrinter._pprint_ordered_dict


class StateDictMixin:
    def state_dict(self, *args, destination=None, prefix='', keep_vars=False):
        if args:
            destination = args[0]
            if len(args) > 1:
                prefix = args[1]
            if len(args) > 2:
                keep_vars = args[2]
        if destination is None:
            destination = _StateDict()
            destination._metadata = _StateDict()
        # PyTorch records each module's _version under its prefix (BatchNorm's is 2), which loaders read back.
        if hasattr(destination, '_metadata'):
            destination._metadata[prefix[:-1]] = dict(version=self._version)
        for name, p in self._parameters.items():
            if p is not None:
                destination[prefix + name] = p if keep_vars else p.detach()
        for name, b in self._buffers.items():
            if b is not None and name not in self._non_persistent_buffers_set:
                destination[prefix + name] = b if keep_vars else b.detach()
        for name, module in self._modules.items():
            if module is not None:
                module.state_dict(destination=destination, prefix=prefix + name + '.', keep_vars=keep_vars)
        return destination

    def load_state_dict(self, state_dict, strict=True):
        from ... import no_grad
        from ...return_types import _IncompatibleKeys

        own = self.state_dict(keep_vars=True)
        missing = [k for k in own if k not in state_dict]
        unexpected = [k for k in state_dict if k not in own]
        errors = []
        for key, target in own.items():
            if key not in state_dict:
                continue
            value = state_dict[key]
            if not isinstance(value, Tensor):
                errors.append(
                    f'While copying the parameter named "{key}", expected torch.Tensor or Tensor-like '
                    f'object from checkpoint but received {type(value)}'
                )
                continue
            if isinstance(target, UninitializedTensorMixin):
                # A lazy layer takes its shape from the checkpoint (PyTorch's _lazy_load_hook); from another
                # lazy layer, nothing to load.
                if isinstance(value, UninitializedTensorMixin):
                    continue
                with no_grad():
                    target.materialize(tuple(value.shape))
            elif isinstance(value, UninitializedTensorMixin):
                continue
            if tuple(value.shape) != tuple(target.shape):
                errors.append(
                    f'size mismatch for {key}: copying a param with shape {value.shape} from checkpoint, '
                    f'the shape in current model is {target.shape}.'
                )
                continue
            with no_grad():
                target.copy_(value)
        if strict:
            if unexpected:
                errors.insert(0, 'Unexpected key(s) in state_dict: ' + ', '.join(f'"{k}"' for k in unexpected) + '. ')
            if missing:
                errors.insert(0, 'Missing key(s) in state_dict: ' + ', '.join(f'"{k}"' for k in missing) + '. ')
        if errors:
            raise RuntimeError(
                'Error(s) in loading state_dict for {}:\n\t{}'.format(self._get_name(), '\n\t'.join(errors))
            )
        return _IncompatibleKeys(missing, unexpected)
