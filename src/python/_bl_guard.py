# Import guard: the learner's file runs with our built-in torch and the Python standard library only.
# Third-party libraries that learner scripts often reach for get a clear message instead of Pyodide's hint
# about installing packages with micropip (which cannot work offline).
import importlib.abc
import sys

UNAVAILABLE = frozenset(
    {
        'numpy', 'matplotlib', 'sklearn', 'scikit_learn', 'pandas', 'scipy', 'seaborn', 'tensorflow', 'keras',
        'jax', 'torchvision', 'torchaudio', 'torchtext', 'PIL', 'cv2', 'tqdm', 'sympy', 'plotly', 'IPython',
        'micropip', 'requests',
    }
)


def unavailable_message(name):
    return (
        f"No module named '{name}': Backprop Lens runs your file with its built-in torch only "
        f"(torch, torch.nn, torch.nn.functional, torch.optim, torch.utils.data and the Python standard library); "
        f"{name} is not available."
    )


class UnavailableModuleFinder(importlib.abc.MetaPathFinder):
    """First on sys.meta_path: refuses known third-party packages before any other finder is asked."""

    def find_spec(self, fullname, path=None, target=None):
        top = fullname.partition('.')[0]
        if top in UNAVAILABLE:
            raise ModuleNotFoundError(unavailable_message(top), name=top)
        return None


def install():
    if not any(isinstance(f, UnavailableModuleFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, UnavailableModuleFinder())
