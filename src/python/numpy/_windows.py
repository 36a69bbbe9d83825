"""Window functions (np.hanning, np.hamming, np.bartlett, np.blackman, np.kaiser) and np.i0, the modified
Bessel function they need. "Deep Learning from Scratch" smooths its loss curves with a Kaiser window
(common/util.py smooth_curve: `np.convolve(w/w.sum(), s, mode='valid')`). Same formulas as numpy 1.24, so
the values agree to the last bit or two; i0 evaluates the Cephes Chebyshev series numpy uses."""

import math

# Chebyshev coefficients of exp(-x) I0(x): on [0, 8] (in x/2 - 2) and on (8, inf) (in 32/x - 2), from Cephes.
_I0_SMALL = (
    -4.41534164647933937950e-18,
    3.33079451882223809783e-17,
    -2.43127984654795469359e-16,
    1.71539128555513303061e-15,
    -1.16853328779934516808e-14,
    7.67618549860493561688e-14,
    -4.85644678311192946090e-13,
    2.95505266312963983461e-12,
    -1.72682629144155570723e-11,
    9.67580903537323691224e-11,
    -5.18979560163526290666e-10,
    2.65982372468238665035e-9,
    -1.30002500998624804212e-8,
    6.04699502254191894932e-8,
    -2.67079385394061173391e-7,
    1.11738753912010371815e-6,
    -4.41673835845875056359e-6,
    1.64484480707288970893e-5,
    -5.75419501008210370398e-5,
    1.88502885095841655729e-4,
    -5.76375574538582365885e-4,
    1.63947561694133579842e-3,
    -4.32430999505057594430e-3,
    1.05464603945949983183e-2,
    -2.37374148058994688156e-2,
    4.93052842396707084878e-2,
    -9.49010970480476444210e-2,
    1.71620901522208775349e-1,
    -3.04682672343198398683e-1,
    6.76795274409476084995e-1,
)
_I0_LARGE = (
    -7.23318048787475395456e-18,
    -4.83050448594418207126e-18,
    4.46562142029675999901e-17,
    3.46122286769746109310e-17,
    -2.82762398051658348494e-16,
    -3.42548561967721913462e-16,
    1.77256013305652638360e-15,
    3.81168066935262242075e-15,
    -9.55484669882830764870e-15,
    -4.15056934728722208663e-14,
    1.54008621752140982691e-14,
    3.85277838274214270114e-13,
    7.18012445138366623367e-13,
    -1.79417853150680611778e-12,
    -1.32158118404477131188e-11,
    -3.14991652796324136454e-11,
    1.18891471078464383424e-11,
    4.94060238822496958910e-10,
    3.39623202570838634515e-9,
    2.26666899049817806459e-8,
    2.04891858946906374183e-7,
    2.89137052083475648297e-6,
    6.88975834691682398426e-5,
    3.36911647825569408990e-3,
    8.04490411014108831608e-1,
)


def _chebyshev(t, coeffs):
    b0, b1, b2 = coeffs[0], 0.0, 0.0
    for c in coeffs[1:]:
        b2 = b1
        b1 = b0
        b0 = t * b1 - b2 + c
    return 0.5 * (b0 - b2)


def _i0_one(v):
    v = abs(v)
    if v <= 8.0:
        return math.exp(v) * _chebyshev(v / 2.0 - 2, _I0_SMALL)
    if v != v:
        return v
    return math.exp(v) * _chebyshev(32.0 / v - 2.0, _I0_LARGE) / math.sqrt(v)


def i0(x):
    import numpy as np

    a = np.asanyarray(x)
    if a.dtype.kind == 'c':
        raise TypeError('i0 not supported for complex values')
    a = a.astype(float) if a.dtype.kind != 'f' else a
    flat = [_i0_one(float(v)) for v in a.ravel().tolist()]
    return np.array(flat, dtype=a.dtype).reshape(a.shape)


def _short(M):
    import numpy as np

    if M < 1:
        return np.array([], dtype=np.result_type(M, 0.0))
    if M == 1:
        return np.ones(1, dtype=np.result_type(M, 0.0))
    return None


def _cosine_window(M, a0, a1, a2=None):
    import numpy as np

    short = _short(M)
    if short is not None:
        return short
    n = np.arange(1 - M, M, 2)
    w = a0 + a1 * np.cos(np.pi * n / (M - 1))
    return w if a2 is None else w + a2 * np.cos(2.0 * np.pi * n / (M - 1))


def hanning(M):
    return _cosine_window(M, 0.5, 0.5)


def hamming(M):
    return _cosine_window(M, 0.54, 0.46)


def blackman(M):
    return _cosine_window(M, 0.42, 0.5, 0.08)


def bartlett(M):
    import numpy as np

    short = _short(M)
    if short is not None:
        return short
    n = np.arange(1 - M, M, 2)
    return np.where(np.less_equal(n, 0), 1 + n / (M - 1), 1 - n / (M - 1))


def kaiser(M, beta):
    import numpy as np

    if M == 1:
        return np.ones(1, dtype=np.result_type(M, 0.0))
    n = np.arange(0, M)
    alpha = (M - 1) / 2.0
    return i0(beta * np.sqrt(1 - ((n - alpha) / alpha) ** 2.0)) / i0(float(beta))
