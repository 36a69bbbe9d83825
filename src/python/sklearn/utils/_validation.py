"""Argument checks shared by the subset, as scikit-learn 1.2 makes them: random states, sample counts,
row indexing of lists, numpy arrays and torch tensors, targets as 1d arrays."""

import numbers

import numpy as np

from ._strings import StrArray, is_strings


def is_integral(x):
    # numpy's integer scalars are numbers.Integral in real numpy; ours are checked by type.
    return isinstance(x, (numbers.Integral, np.integer)) and not isinstance(x, bool)


def is_real(x):
    return isinstance(x, (numbers.Real, np.floating, np.integer))


def check_random_state(seed):
    """None (or np.random): numpy's global RandomState; an int: a new RandomState(seed); a RandomState: itself."""
    if seed is None or seed is np.random:
        return np.random._rand
    if is_integral(seed):
        return np.random.RandomState(int(seed))
    if isinstance(seed, np.random.RandomState):
        return seed
    raise ValueError('%r cannot be used to seed a numpy.random.RandomState instance' % seed)


def num_samples(x):
    message = 'Expected sequence or array-like, got %s' % type(x)
    if hasattr(x, 'fit') and callable(x.fit):
        raise TypeError(message)
    if not hasattr(x, '__len__') and not hasattr(x, 'shape'):
        if hasattr(x, '__array__'):
            x = np.asarray(x)
        else:
            raise TypeError(message)
    if hasattr(x, 'shape') and x.shape is not None:
        if len(x.shape) == 0:
            raise TypeError('Singleton array %r cannot be considered a valid collection.' % x)
        if is_integral(x.shape[0]):
            return int(x.shape[0])
    try:
        return len(x)
    except TypeError as type_error:
        raise TypeError(message) from type_error


def check_consistent_length(*arrays):
    lengths = [num_samples(X) for X in arrays if X is not None]
    if len(set(lengths)) > 1:
        raise ValueError(
            'Found input variables with inconsistent numbers of samples: %r' % [int(length) for length in lengths]
        )


def indexable(*iterables):
    result = []
    for X in iterables:
        if X is None or hasattr(X, '__getitem__'):
            result.append(X)
        else:
            result.append(np.array(X))
    check_consistent_length(*result)
    return result


def safe_indexing(X, indices):
    """Rows `indices` (an int array) of X as scikit-learn takes them: arrays and tensors by X[indices], other
    sequences (lists) as a list of their items."""
    if indices is None:
        return X
    if hasattr(X, 'shape'):
        return X[indices]
    return [X[int(i)] for i in indices]


def is_tensor(x):
    return hasattr(x, 'detach') and hasattr(x, 'numpy')


def as_array(y):
    """y (list, numpy array, torch tensor) as a numpy array; strings become a StrArray."""
    if isinstance(y, StrArray):
        return y
    if hasattr(y, 'detach') and hasattr(y, 'numpy'):
        return np.asarray(y.detach().cpu().numpy())
    if isinstance(y, np.ndarray):
        return y
    if is_strings(y):
        return StrArray(y)
    return np.asarray(y)


def column_or_1d(y):
    y = as_array(y)
    shape = np.shape(y) if not isinstance(y, StrArray) else y.shape
    if len(shape) == 1:
        return y
    if len(shape) == 2 and shape[1] == 1:
        return y.ravel()
    raise ValueError('y should be a 1d array, got an array of shape {} instead.'.format(shape))


def float_array(X, copy=True, ensure_2d=True, tensor_float64=True):
    """X as a float array the way scikit-learn's scalers take it: float32 stays float32, everything else
    becomes float64; a copy unless copy=False and X already is such an array. A torch tensor becomes
    float64 where check_array is given a list of float dtypes (it sees no numpy dtype on the tensor:
    torch.float32 has no .kind); with dtype='numeric' (LinearRegression: tensor_float64=False) np.asarray
    keeps a float32 tensor float32."""
    tensor = is_tensor(X) and tensor_float64
    X = as_array(X)
    if X.ndim != 2 and (ensure_2d or X.ndim > 2):
        if X.ndim == 1:
            raise ValueError(
                'Expected 2D array, got 1D array instead:\narray={}.\n'
                'Reshape your data either using array.reshape(-1, 1) if your data has a single feature or '
                'array.reshape(1, -1) if it contains a single sample.'.format(X)
            )
        raise ValueError('Found array with dim %d. Estimator expected <= 2.' % X.ndim)
    if tensor:
        return X.astype(np.float64)
    if X.dtype == np.float32 or X.dtype == np.float64:
        return X.copy() if copy else X
    return X.astype(np.float64)


def encode_classes(y):
    """(codes, n_classes): each label of y as its index among the sorted distinct labels (np.unique's
    return_inverse), for numbers and strings alike."""
    y = column_or_1d(y)
    if isinstance(y, StrArray):
        classes = sorted(set(y))
        index = {c: i for i, c in enumerate(classes)}
        return np.array([index[v] for v in y], dtype=np.intp), len(classes)
    classes, codes = np.unique(y, return_inverse=True)
    return codes, len(classes)
