"""Backprop Lens' scikit-learn subset: the data sets, splits, scalers and metrics that PyTorch learners take
from scikit-learn, written after scikit-learn 1.2's documented behaviour (same random draws through numpy's
RandomState, same printed results). Submodules load when imported, so `import torch` stays cheap."""

import importlib

from ._unsupported import missing_module, module_getattr

__version__ = '1.2.1'

SUBMODULES = ('datasets', 'model_selection', 'preprocessing', 'metrics', 'utils', 'exceptions')
# scikit-learn 1.2's other public modules: importing one is a NotImplementedError naming it (see _bl_guard).
MISSING_MODULES = frozenset(
    {
        'base',
        'calibration',
        'cluster',
        'compose',
        'covariance',
        'cross_decomposition',
        'decomposition',
        'discriminant_analysis',
        'dummy',
        'ensemble',
        'experimental',
        'feature_extraction',
        'feature_selection',
        'gaussian_process',
        'impute',
        'inspection',
        'isotonic',
        'kernel_approximation',
        'kernel_ridge',
        'linear_model',
        'manifold',
        'mixture',
        'multiclass',
        'multioutput',
        'naive_bayes',
        'neighbors',
        'neural_network',
        'pipeline',
        'random_projection',
        'semi_supervised',
        'svm',
        'tree',
    }
)

_getattr = module_getattr('sklearn')


def __getattr__(name):
    # scikit-learn loads its submodules lazily too (sklearn.datasets works after `import sklearn`).
    if name in SUBMODULES:
        return importlib.import_module(f'sklearn.{name}')
    if name in MISSING_MODULES:
        raise missing_module(f'sklearn.{name}')
    return _getattr(name)
