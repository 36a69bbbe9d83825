# Backprop Lens only (expected output written by hand, not by numpy): what our numpy does not have says so
# with a NotImplementedError naming it; names numpy 1.24 itself removed give numpy's AttributeError.
import numpy as np

checks = [
    ('np.fft', lambda: np.fft), ('np.histogram2d', lambda: np.histogram2d([1, 2], [1, 2])),
    ('Generator.gamma', lambda: np.random.default_rng(0).gamma(1.0)), ('np.random.poisson', lambda: np.random.poisson(3.0)),
    ('np.linalg.eig', lambda: np.linalg.eig(np.eye(2))), ('ndarray.partition', lambda: np.arange(3).partition(1)),
    ('complex dtype', lambda: np.zeros(2, dtype=complex)), ('object array', lambda: np.array([None, 1])),
    ('np.polyfit', lambda: np.polyfit([1, 2], [1, 2], 1)), ('RandomState.poisson', lambda: np.random.RandomState(0).poisson(1.0)),
    ('mixed string array', lambda: np.array(['a', 1])), ('np.unique axis', lambda: np.unique(np.eye(2), axis=0)),
]
for name, fn in checks:
    try:
        fn()
        print(name, 'no error')
    except NotImplementedError as e:
        print(name, '|', type(e).__name__, '|', str(e).split(' is not supported')[0], '|', 'Supported NumPy' in str(e))
print(hasattr(np, 'fft'), getattr(np, 'histogram2d', 'absent'), hasattr(np.ones(2), 'partition'), hasattr(np.ones(2), 'nope'))
for name in ['float', 'int', 'bool']:
    try:
        getattr(np, name)
    except AttributeError as e:
        print(name, str(e).splitlines()[0])
try:
    np.ones(2).nope
except AttributeError as e:
    print(type(e).__name__, e)
np.random.seed(5)
first = np.random.rand()
np.random.seed(5)
print(first == np.random.rand(), np.__version__, 'numpy' in __import__('sys').modules)
