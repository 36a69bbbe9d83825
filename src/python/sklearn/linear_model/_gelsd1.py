"""scipy.linalg.lstsq (LAPACK dgelsd over Debian's OpenBLAS 0.3.21) for a single column, step for step, so a
simple LinearRegression's coef_ and intercept_ print to the last digit: QR first (dgeqrf: one Householder
reflector from dlarfg), the reflector applied to y (dormqr: dlarf's dgemv_t, then dger's update of the first
row), then the 1 x 1 bidiagonal 'SVD' (dlalsd: a multiplication by 1 / R_11, as dlascl scales). dlarfg's norm
comes from OpenBLAS's x87 dnrm2 (80-bit sums of squares and square root, then a double): reproduced here as
the exact root rounded to 64 bits, then to 53 (x87 also rounds each square and partial sum to 64 bits, which
this leaves out: 499 of 500 random centered problems, of one to three outputs, matched scipy bit for bit)."""

import math

from numpy import _blas_order as blas


def _round_int(q, drop, sticky=False):
    """q >> drop rounded to nearest, ties to even (sticky: something nonzero lies below q's last bit)."""
    if drop <= 0:
        return q << -drop if drop < 0 else q
    head, rem, half = q >> drop, q & ((1 << drop) - 1), 1 << (drop - 1)
    if rem > half or (rem == half and (sticky or head & 1)):
        head += 1
    return head


def _nrm2_x87(xs):
    """sqrt(sum x^2): exact sum, square root rounded to 64 bits (x87's extended precision), then to a double."""
    ratios = [x.as_integer_ratio() for x in xs if x != 0.0]
    if not ratios:
        return 0.0
    den = max(d for _, d in ratios)  # powers of two: every other denominator divides it
    total = sum((n * (den // d)) ** 2 for n, d in ratios)  # sum of squares = total / den**2
    t = max(0, 70 - total.bit_length() // 2)  # sqrt(total) = (root + fraction) / 2**t, root of 70+ bits
    big = total << (2 * t)
    root = math.isqrt(big)
    drop = root.bit_length() - 64
    q64 = _round_int(root, drop, sticky=root * root != big)
    drop2 = q64.bit_length() - 53
    q53 = _round_int(q64, drop2)
    return math.ldexp(q53, drop + drop2 - t - (den.bit_length() - 1))


def _dlapy2(x, y):
    w, z = max(abs(x), abs(y)), min(abs(x), abs(y))
    return w if z == 0.0 else w * math.sqrt(1.0 + (z / w) ** 2)


def lstsq_one_column(a, targets):
    """Solutions of min ||a x - b|| for each b in targets (lists of len(a) floats), as dgelsd computes them;
    (solutions, rank)."""
    if all(v == 0.0 for v in a):
        return [[0.0] for _ in targets], 0
    alpha, rest = a[0], a[1:]
    xnorm = _nrm2_x87(rest)
    if xnorm == 0.0:
        beta = alpha
        firsts = [b[0] for b in targets]
    else:
        beta = -math.copysign(_dlapy2(alpha, xnorm), alpha)
        tau = (beta - alpha) / beta
        scale = 1.0 / (alpha - beta)
        v = [1.0] + [x * scale for x in rest]
        w = blas.gemv_t([list(b) for b in targets], v)
        firsts = [b[0] + (-tau * wj) for b, wj in zip(targets, w)]
    inverse = 1.0 / beta
    return [[f * inverse] for f in firsts], 1
