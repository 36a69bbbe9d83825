"""RandomState.binomial as numpy 1.24's legacy generator draws it (distributions.c random_binomial): the
inversion algorithm while min(p, 1 - p) * n <= 30 (a dropout mask's binomial(1, keep, size)), Kachitvichyanukul
and Schmeiser's BTPE above that, both on the legacy 53-bit doubles; p > 0.5 draws n - X with q = 1 - p."""

import math

from .. import _dtypes as D
from .. import _layout as L
from .._ndarray import ndarray


def _inversion(rnd, n, p):
    q = 1.0 - p
    qn = math.exp(n * math.log(q))
    np_ = n * p
    bound = int(min(n, np_ + 10.0 * math.sqrt(np_ * q + 1)))
    x = 0
    px = qn
    u = rnd()
    while u > px:
        x += 1
        if x > bound:
            x = 0
            px = qn
            u = rnd()
        else:
            u -= px
            px = ((n - x + 1) * p * px) / (x * q)
    return x


def _btpe_setup(n, p):
    r = min(p, 1.0 - p)
    q = 1.0 - r
    fm = n * r + r
    m = math.floor(fm)
    p1 = math.floor(2.195 * math.sqrt(n * r * q) - 4.6 * q) + 0.5
    xm = m + 0.5
    xl = xm - p1
    xr = xm + p1
    c = 0.134 + 20.5 / (15.3 + m)
    a = (fm - xl) / (fm - xl * r)
    laml = a * (1.0 + a / 2.0)
    a = (xr - fm) / (xr * q)
    lamr = a * (1.0 + a / 2.0)
    p2 = p1 * (1.0 + 2.0 * c)
    p3 = p2 + c / laml
    p4 = p3 + c / lamr
    return r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4


def _stirling(v, v2):
    return (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / v2) / v2) / v2) / v2) / v / 166320.0


def _accept_far(n, y, m, k, v, r, q, xm, nrq):
    """BTPE's squeeze and final test by Stirling's formula (step 5.2): True accept, False reject."""
    rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5)
    t = -k * k / (2 * nrq)
    big_a = math.log(v) if v > 0.0 else -math.inf
    if big_a < t - rho:
        return True
    if big_a > t + rho:
        return False
    x1 = y + 1
    f1 = m + 1
    z = n + 1 - m
    w = n - y + 1
    bound = (
        xm * math.log(f1 / x1)
        + (n - m + 0.5) * math.log(z / w)
        + (y - m) * math.log(w * r / (x1 * q))
        + _stirling(f1, f1 * f1)
        + _stirling(z, z * z)
        + _stirling(x1, x1 * x1)
        + _stirling(w, w * w)
    )
    return not big_a > bound


def _accept_near(n, y, m, v, r, q):
    """Step 5.1: the ratio f(y) / f(m) built by recursion."""
    s = r / q
    a = s * (n + 1)
    f = 1.0
    if m < y:
        for i in range(m + 1, y + 1):
            f *= a / i - s
    elif m > y:
        for i in range(y + 1, m + 1):
            f /= a / i - s
    return not v > f


def _btpe(rnd, n, p):
    r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 = _btpe_setup(n, p)
    nrq = n * r * q
    while True:
        u = rnd() * p4
        v = rnd()
        if u <= p1:
            y = math.floor(xm - p1 * v + u)
            break
        if u <= p2:
            x = xl + (u - p1) / c
            v = v * c + 1.0 - abs(m - x + 0.5) / p1
            if v > 1.0:
                continue
            y = math.floor(x)
        elif u <= p3:
            if v == 0.0:
                continue
            y = math.floor(xl + math.log(v) / laml)
            if y < 0:
                continue
            v = v * (u - p2) * laml
        else:
            if v == 0.0:
                continue
            y = math.floor(xr - math.log(v) / lamr)
            if y > n:
                continue
            v = v * (u - p3) * lamr
        k = abs(y - m)
        if k > 20 and k < nrq / 2.0 - 1:
            if _accept_far(n, y, m, k, v, r, q, xm, nrq):
                break
        elif _accept_near(n, y, m, v, r, q):
            break
    return n - y if p > 0.5 else y


def draw(rnd, n, p):
    # no early return for n == 0 or p == 0 in the legacy generator: those still spend one double
    if p <= 0.5:
        return _inversion(rnd, n, p) if p * n <= 30.0 else _btpe(rnd, n, p)
    q = 1.0 - p
    return n - (_inversion(rnd, n, q) if q * n <= 30.0 else _btpe(rnd, n, q))


def binomial(state, n, p, size=None):
    from .._creation import asarray
    from ._mtrand import _size_shape

    rnd = state._mt.random
    pa = asarray(p, dtype=D.float64)
    na = asarray(n)
    if na._dtype.kind == 'f':
        na = na.astype(D.int64)
    for v in pa._values():
        if not 0.0 <= v <= 1.0:
            raise ValueError("p < 0, p > 1 or p is NaN")
    if any(v < 0 for v in na._values()):
        raise ValueError("n < 0")
    shape = _size_shape(size)
    if not pa._shape and not na._shape:
        pv, nv = pa._values()[0], int(na._values()[0])
        if shape is None:
            return draw(rnd, nv, pv)
        return ndarray._make([draw(rnd, nv, pv) for _ in range(L.prod(shape))], shape, D.int64)
    bshape = L.broadcast_shapes(pa._shape, na._shape)
    shape = bshape if shape is None else shape
    pairs = zip(na._values_as(shape), pa._values_as(shape))
    return ndarray._make([draw(rnd, int(nv), pv) for nv, pv in pairs], shape, D.int64)
