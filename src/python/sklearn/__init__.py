"""Backprop Lens' scikit-learn subset: the data sets, splits, scalers and metrics that PyTorch learners take
from scikit-learn, written after scikit-learn 1.2's documented behaviour (same random draws through numpy's
RandomState, same printed results). Submodules load when imported, so `import torch` stays cheap."""

import importlib

from ._names import NAMES
from ._unsupported import missing_module, module_getattr

__version__ = '1.2.1'

SUBMODULES = (
    'base',
    'datasets',
    'model_selection',
    'preprocessing',
    'metrics',
    'linear_model',
    'neighbors',
    'utils',
    'exceptions',
)
# scikit-learn 1.2's other public modules: importing one is a NotImplementedError naming it (see _bl_guard).
# They are the names of its __all__ (_names.py) that are not functions.
_TOP_LEVEL_FUNCTIONS = frozenset({'clone', 'config_context', 'get_config', 'set_config', 'show_versions'})
MISSING_MODULES = NAMES['sklearn'] - _TOP_LEVEL_FUNCTIONS - frozenset(SUBMODULES)

_getattr = module_getattr('sklearn')


def __getattr__(name):
    # scikit-learn loads its submodules lazily too (sklearn.datasets works after `import sklearn`).
    if name in SUBMODULES:
        return importlib.import_module(f'sklearn.{name}')
    if name == 'clone':
        from .base import clone

        return clone
    if name in MISSING_MODULES:
        raise missing_module(f'sklearn.{name}')
    return _getattr(name)
