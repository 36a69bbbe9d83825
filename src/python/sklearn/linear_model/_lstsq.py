"""Least squares for LinearRegression: the minimum-norm solution scipy.linalg.lstsq (LAPACK gelsd) returns,
by Householder QR with column pivoting and two steps of refinement with residuals summed exactly (fsum).
gelsd's answer (an SVD) is within a few units in the last place of the exact one on well-conditioned data;
the refined QR answer is too, so printed arrays (8 digits) agree while a float's full repr may differ in its
last digits. A single column (the commonest learner case, y against one x) follows dgelsd's own steps instead
(_gelsd1.py) and agrees to the last bit. Pure Python on lists: the sizes learners fit (hundreds of rows, tens of columns) are quick."""

import math

_EPS = 2.220446049250313e-16


def _house(col, start):
    """Householder vector v (beta = 2 / v.v) that maps col[start:] onto a multiple of e_start."""
    x = col[start:]
    norm = math.sqrt(math.fsum(v * v for v in x))
    if norm == 0.0:
        return None, 0.0
    alpha = -norm if x[0] >= 0 else norm
    v = list(x)
    v[0] -= alpha
    vv = math.fsum(t * t for t in v)
    return v, (2.0 / vv if vv else 0.0)


def _apply(v, beta, col, start):
    s = beta * math.fsum(a * b for a, b in zip(v, col[start:]))
    if s:
        for i, a in enumerate(v):
            col[start + i] -= s * a


class _QR:
    """A (m x n, as n column lists) = Q R P^T; rank from |R_ii| against eps * max(m, n) * |R_00|."""

    def __init__(self, cols, m):
        n = len(cols)
        cols = [list(c) for c in cols]
        perm = list(range(n))
        self.reflectors = []
        for j in range(min(m, n)):
            # pivot: the remaining column of largest norm below row j
            norms = [math.fsum(v * v for v in cols[c][j:]) for c in range(j, n)]
            p = j + max(range(len(norms)), key=norms.__getitem__)
            cols[j], cols[p] = cols[p], cols[j]
            perm[j], perm[p] = perm[p], perm[j]
            v, beta = _house(cols[j], j)
            self.reflectors.append((v, beta))
            if v is None:
                continue
            for c in range(j, n):
                _apply(v, beta, cols[c], j)
        self.m, self.n, self.perm = m, n, perm
        self.R = cols
        diag = [abs(cols[j][j]) for j in range(min(m, n))]
        cut = _EPS * max(m, n) * (diag[0] if diag else 0.0)
        self.rank = sum(1 for d in diag if d > cut) if diag and diag[0] > 0 else 0

    def qt(self, b):
        b = list(b)
        for j, (v, beta) in enumerate(self.reflectors):
            if v is not None:
                _apply(v, beta, b, j)
        return b

    def solve_r(self, c, r):
        """R[:r, :r]^{-1} c[:r] by back substitution."""
        x = [0.0] * r
        for i in range(r - 1, -1, -1):
            s = c[i] - math.fsum(self.R[j][i] * x[j] for j in range(i + 1, r))
            x[i] = s / self.R[i][i]
        return x


def _full_rank(qr, cols, b):
    """The least-squares solution (unpermuted) of a full-column-rank system, refined twice."""
    n = qr.n
    x = [0.0] * n
    residual = list(b)
    for _ in range(3):
        step = qr.solve_r(qr.qt(residual), n)
        for k, s in zip(qr.perm, step):
            x[k] += s
        residual = [math.fsum([bi] + [-cols[k][i] * x[k] for k in range(n)]) for i, bi in enumerate(b)]
    return x


def lstsq(cols, m, rhs):
    """Minimum-norm least-squares solutions, one per right-hand side (lists of m floats), for the matrix
    given as its columns. Returns (solutions, rank)."""
    n = len(cols)
    if n == 0:
        return [[] for _ in rhs], 0
    if n == 1:
        from ._gelsd1 import lstsq_one_column

        return lstsq_one_column(list(cols[0]), [list(b) for b in rhs])
    qr = _QR(cols, m)
    r = qr.rank
    if r == n:
        return [_full_rank(qr, cols, b) for b in rhs], r
    if r == 0:
        return [[0.0] * n for _ in rhs], 0
    # Rank r < n: x = P [d - T z; z] for any z, with T = R11^-1 R12 and d = R11^-1 (Q^T b)[:r]; the smallest
    # x takes the z that solves min || [T; I] z - [d; 0] ||, a full-rank problem of its own.
    T = [qr.solve_r(qr.R[c], r) for c in range(r, n)]
    stacked = [t + [1.0 if i == c else 0.0 for i in range(n - r)] for c, t in enumerate(T)]
    inner = _QR(stacked, n)
    out = []
    for b in rhs:
        d = qr.solve_r(qr.qt(b), r)
        z = _full_rank(inner, stacked, d + [0.0] * (n - r))
        basic = [d[i] - math.fsum(T[c][i] * z[c] for c in range(n - r)) for i in range(r)]
        x = [0.0] * n
        for k, val in zip(qr.perm, basic + z):
            x[k] = val
        out.append(x)
    return out, r
