# Import guard: the learner's file runs with our built-in torch, numpy and matplotlib (src/python/numpy,
# src/python/matplotlib), our tqdm, torchvision, scikit-learn and pandas subsets and the Python standard
# library only. Third-party libraries that learner scripts often reach for get a clear message instead of Pyodide's
# hint about installing packages with micropip (which cannot work offline).
import builtins
import importlib
import importlib.abc
import sys

import _bl_errno

UNAVAILABLE = frozenset(
    {
        'scikit_learn',
        'scipy',
        'seaborn',
        'tensorflow',
        'keras',
        'jax',
        'torchaudio',
        'torchtext',
        'PIL',
        'cv2',
        'sympy',
        'plotly',
        'IPython',
        'micropip',
        'requests',
    }
)


def unavailable_message(name):
    return (
        f"No module named '{name}': Backprop Lens runs your file with its built-in torch, numpy and matplotlib "
        f"only (torch, torch.nn, torch.nn.functional, torch.optim, torch.utils.data, numpy, matplotlib.pyplot, tqdm, "
        f"torchvision's transforms, models and datasets, sklearn's datasets, model_selection, preprocessing and "
        f"metrics, pandas' DataFrame, Series, read_csv, concat and get_dummies, and the Python standard library); "
        f"{name} is not available."
    )


# The runtime's own modules: Pyodide's bridges to JavaScript (which reach everything the process may do) and
# ours (the engine bridge, these helpers). The torch package imports them; the learner's code may not.
CONTAINED = frozenset(
    {'js', 'pyodide_js', 'pyodide', '_pyodide', '_pyodide_core', '_bl_engine', '_bl_guard', '_bl_run', '_bl_errno'}
)
# Where the runtime's code lives: our packages and helpers, and Pyodide's standard library and packages.
_RUNTIME_PREFIXES = ('/backprop_lens', '/lib/')


def _is_machinery(filename):
    """Files of the import machinery itself, skipped when looking for who asked for a module."""
    return filename.startswith('<frozen importlib') or '/importlib/' in filename


def contained_message(name):
    return (
        f"import of '{name}' is not allowed: Backprop Lens runs your file contained, without access to "
        f"JavaScript or to the runtime's own modules (only torch, numpy and the Python standard library)"
    )


def _asked_by_user(depth):
    """True when the code importing is the learner's: the first frame outside the import machinery and
    outside code made from strings (`exec` in a learner's file counts as that file; the runtime's own
    start-up code, run from JavaScript, has no file frame at all)."""
    try:
        frame = sys._getframe(depth + 1)
    except ValueError:
        return False  # called from JavaScript directly: the runtime itself
    while frame is not None and (_is_machinery(frame.f_code.co_filename) or frame.f_code.co_filename.startswith('<')):
        frame = frame.f_back
    return frame is not None and not frame.f_code.co_filename.startswith(_RUNTIME_PREFIXES)


def _check_contained(name, depth):
    top = name.partition('.')[0]
    if top in CONTAINED and _asked_by_user(depth + 1):
        raise ImportError(contained_message(top), name=top)


class UnavailableModuleFinder(importlib.abc.MetaPathFinder):
    """First on sys.meta_path: refuses known third-party packages before any other finder is asked, and
    the runtime's own modules to the learner's code."""

    def find_spec(self, fullname, path=None, target=None):
        top = fullname.partition('.')[0]
        if top in UNAVAILABLE:
            raise ModuleNotFoundError(unavailable_message(top), name=top)
        _check_contained(fullname, 1)
        return None


class MissingTorchModuleFinder(importlib.abc.MetaPathFinder):
    """Last on sys.meta_path, asked only when no finder found the module: a module of PyTorch's that our torch
    package lacks is a NotImplementedError naming it (torch._unsupported.MissingModule), likewise a module of
    scikit-learn's that our subset lacks (sklearn.linear_model); any other name is left to the usual
    ModuleNotFoundError, as with PyTorch. functorch, which PyTorch 1.13 ships beside torch, counts as one of its
    modules."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname.startswith('sklearn.'):
            from sklearn import MISSING_MODULES, missing_module

            if fullname.split('.')[1] in MISSING_MODULES:
                raise missing_module(fullname)
            return None
        if fullname.startswith('pandas.'):  # pandas.core.frame, pandas.api.types, ...: modules our subset lacks
            from pandas._unsupported import missing_module as missing_pandas_module

            error = missing_pandas_module(fullname)
            if error is not None:
                raise error
            return None
        if fullname.partition('.')[0] == 'functorch':  # shipped with PyTorch 1.13, so ours is a missing feature
            from torch._unsupported import missing_module

            raise missing_module(fullname)
        if not fullname.startswith('torch.'):
            return None
        from torch._module_index import PYTORCH_MODULES
        from torch._unsupported import missing_module

        if fullname in PYTORCH_MODULES:
            raise missing_module(fullname)
        return None


_original_import = builtins.__import__
_original_import_module = importlib.import_module


def _guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    if name == 'errno' and level == 0 and globals is not None:
        linux = _bl_errno.linux_module(globals)  # the learner's `import errno` has Linux's numbers
        if linux is not None:
            return linux
    # A module already imported is found in sys.modules without asking the finders: check here too.
    if level == 0:
        _check_contained(name, 1)
    return _original_import(name, globals, locals, fromlist, level)


def _guarded_import_module(name, package=None):
    if name == 'errno':
        linux = _bl_errno.linux_module(sys._getframe(1).f_globals)
        if linux is not None:
            return linux
    if not name.startswith('.'):
        _check_contained(name, 1)
    return _original_import_module(name, package)


_guarded_import.__name__ = _guarded_import.__qualname__ = '__import__'
_guarded_import.__doc__ = _original_import.__doc__
_guarded_import_module.__name__ = _guarded_import_module.__qualname__ = 'import_module'
_guarded_import_module.__doc__ = _original_import_module.__doc__


def install():
    if not any(isinstance(f, UnavailableModuleFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, UnavailableModuleFinder())
    if not any(isinstance(f, MissingTorchModuleFinder) for f in sys.meta_path):
        sys.meta_path.append(MissingTorchModuleFinder())
    builtins.__import__ = _guarded_import
    importlib.import_module = _guarded_import_module
