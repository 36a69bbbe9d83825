"""np.cov, np.corrcoef and np.isin as numpy 1.24 writes them: cov centres the rows with mean (numpy's average),
takes dot(X, X.T) (in OpenBLAS dsyrk's order, _linalg.gram) and multiplies by 1 / fact rather than
dividing, which is what makes numpy's last digit; corrcoef divides by the standard deviations row-wise then
column-wise and clips into [-1, 1]."""

import warnings

from ._errors import unsupported
from ._linalg import gram


def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *, dtype=None):
    import numpy as np

    if fweights is not None or aweights is not None:
        raise unsupported(
            'np.cov with fweights/aweights', 'repeat the observations, or compute the weighted mean yourself'
        )
    if ddof is not None and ddof != int(ddof):
        raise ValueError('ddof must be integer')
    m = np.asarray(m)
    if m.ndim > 2:
        raise ValueError('m has more than 2 dimensions')
    if y is not None:
        y = np.asarray(y)
        if y.ndim > 2:
            raise ValueError('y has more than 2 dimensions')
    if dtype is None:
        dtype = np.result_type(m, np.float64) if y is None else np.result_type(m, y, np.float64)
    X = np.array(m, ndmin=2, dtype=dtype)
    x_turned = not rowvar and X.shape[0] != 1
    if x_turned:
        X = X.T
    if X.shape[0] == 0:
        return np.array([]).reshape(0, 0)
    if y is not None:
        y = np.array(y, copy=False, ndmin=2, dtype=dtype)
        y_turned = not rowvar and y.shape[0] != 1
        if y_turned:
            y = y.T
        if x_turned and y_turned:
            # numpy's concatenate of two transposed tables keeps them column-major, and mean then sums each
            # row along its strided axis (in another order than a contiguous row's pairwise sum)
            X = np.concatenate((X.T, y.T), axis=1).T
        else:
            X = np.concatenate((X, y), axis=0)
    if ddof is None:
        ddof = 0 if bias else 1
    avg = X.mean(axis=1)
    fact = X.shape[1] - ddof
    if fact <= 0:
        warnings.warn('Degrees of freedom <= 0 for slice', RuntimeWarning, stacklevel=2)
        fact = 0.0
    # numpy's dot(X, X.T.conj()) hands BLAS two views of one buffer (dsyrk; see _linalg.gram)
    X = np.ascontiguousarray(X - avg[:, None])
    c = gram(X)
    c = c * np.true_divide(1, fact)
    return c.squeeze()


def corrcoef(x, y=None, rowvar=True, bias=None, ddof=None, *, dtype=None):
    import numpy as np

    if bias is not None or ddof is not None:
        warnings.warn('bias and ddof have no effect and are deprecated', DeprecationWarning, stacklevel=2)
    c = cov(x, y, rowvar, dtype=dtype)
    if c.ndim != 2:
        # a single variable: numpy's diag raises and it returns c / c
        return c / c
    stddev = np.sqrt(np.diag(c))
    c = c / stddev[:, None]
    c = c / stddev[None, :]
    return np.clip(c, -1, 1)


def isin(element, test_elements, assume_unique=False, invert=False, *, kind=None):
    import numpy as np

    element = np.asarray(element)
    tests = np.asarray(test_elements).ravel().tolist()
    # NaN equals nothing (numpy compares with ==), so it never counts as found
    found = {v for v in tests if v == v}
    flags = [(v == v and v in found) != bool(invert) for v in element.ravel().tolist()]
    return np.array(flags, dtype=bool).reshape(element.shape)


def in1d(ar1, ar2, assume_unique=False, invert=False, *, kind=None):
    import numpy as np

    return isin(np.asarray(ar1).ravel(), ar2, invert=invert)
