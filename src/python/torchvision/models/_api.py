"""The weights side of torchvision.models' builders: weight enums a file can name (ResNet18_Weights.DEFAULT), and
the check every builder makes: pretrained weights need a download, which Backprop Lens cannot make."""

import warnings
from enum import Enum

from .._unsupported import NO_DOWNLOAD, unsupported


class WeightsEnum(Enum):
    """torchvision's weights enums; here their members only name the weights (nothing can be fetched)."""

    def __repr__(self):
        return f'{self.__class__.__name__}.{self._name_}'

    @classmethod
    def verify(cls, obj):
        if obj is None or isinstance(obj, cls):
            return obj
        if isinstance(obj, str):
            return cls[obj.replace(cls.__name__ + '.', '')]
        raise TypeError(
            f'Invalid Weight class provided; expected {cls.__name__} but received {obj.__class__.__name__}.'
        )

    def get_state_dict(self, progress=True):
        raise unsupported(f'{self!r}.get_state_dict', NO_DOWNLOAD)

    def transforms(self):
        raise unsupported(f'{self!r}.transforms', 'the preset transforms come with the downloadable weights')


def weights_enum(name, versions=('IMAGENET1K_V1',), default='IMAGENET1K_V1'):
    """A weights enum with torchvision's member names and DEFAULT as an alias of the default version."""
    members = [(v, v) for v in versions] + [('DEFAULT', default)]
    cls = WeightsEnum(name, members)
    cls.__module__ = 'torchvision.models'
    return cls


def no_pretrained(builder, args, weights, kwargs):
    """Raises for pretrained weights (`weights=...`, `pretrained=True`, torchvision's legacy positional flag);
    `pretrained=False` and `resnet18(False)` warn as torchvision 0.14 does (how the flag was passed, then what
    it now means). Returns kwargs without the legacy flag."""
    keyword = 'pretrained' in kwargs
    pretrained = kwargs.pop('pretrained', args[0] if args else False)
    kwargs.pop('progress', None)
    if args:
        # 0.14 reads a positional flag as `weights`, then as the legacy pretrained flag.
        warnings.warn(
            "Using 'weights' as positional parameter(s) is deprecated since 0.13 and may be removed in the "
            'future. Please use keyword parameter(s) instead.'
        )
    elif keyword:
        warnings.warn(
            "The parameter 'pretrained' is deprecated since 0.13 and may be removed in the future, "
            "please use 'weights' instead."
        )
    if (args or keyword) and not pretrained:
        warnings.warn(
            "Arguments other than a weight enum or `None` for 'weights' are deprecated since 0.13 and may be "
            'removed in the future. The current behavior is equivalent to passing `weights=None`.'
        )
    if pretrained:
        raise unsupported(f'torchvision.models.{builder}(pretrained=True)', NO_DOWNLOAD)
    if weights is not None:
        raise unsupported(f'torchvision.models.{builder}(weights={weights!r})', NO_DOWNLOAD)
    return kwargs
