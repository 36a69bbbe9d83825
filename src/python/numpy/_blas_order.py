"""The summation orders of OpenBLAS 0.3.21's double-precision level-1/2 kernels on x86-64 with AVX-512
(Debian's numpy 1.24 links it; the reference outputs come from such a machine), for float64 matrix @ vector
and vector . vector, so that a learner's np.dot(w, a) prints numpy's last digit:

- dgemv_t (a C-contiguous matrix times a vector: numpy's row-major NoTrans call): the dot length k is cut into
  a body of whole 4s (in chunks of 2048) and a tail of k % 4. Output rows in whole groups of 4 sum the body
  with four FMA accumulators (element i into lane i % 4), reduced (s0 + s2) + (s1 + s3); the next 2 rows (when
  rows % 4 >= 2) with two unfused accumulators (products rounded, even and odd elements), added; a last odd row
  with four unfused lanes reduced as the 4-row group's. Each body sum is added to y (from +0.0); the tail is
  then added as the compiler contracted it: fma(a0, x0, y) for one element, y + fma(a0, x0, a1 * x1) for two,
  y + fma(a2, x2, fma(a0, x0, a1 * x1)) for three.
- ddot (numpy's 1-D dot, and a (1, k) @ (k, 1) product; the Haswell kernel, which this OpenBLAS also runs
  on AVX-512): the first k & -16 elements in 16 FMA accumulators (four 4-lane registers, element i into
  register (i // 4) % 4, lane i % 4), each register's lanes folded (l0 + l2, l1 + l3), the registers added
  (r0 + r1) + (r2 + r3) per half, the halves added; the rest added one product at a time, unfused.

Measured bit for bit against Debian's numpy (test/numpy/nn_scratch_gaps.py)."""

import math

_fma = getattr(math, 'fma', None)
_NBMAX = 2048


def _fused4(a, x, lo, hi, fma):
    s0 = s1 = s2 = s3 = 0.0
    for i in range(lo, hi, 4):
        s0 = fma(a[i], x[i], s0)
        s1 = fma(a[i + 1], x[i + 1], s1)
        s2 = fma(a[i + 2], x[i + 2], s2)
        s3 = fma(a[i + 3], x[i + 3], s3)
    return (s0 + s2) + (s1 + s3)


def _unfused2(a, x, lo, hi):
    s0 = s1 = 0.0
    for i in range(lo, hi, 2):
        s0 = s0 + a[i] * x[i]
        s1 = s1 + a[i + 1] * x[i + 1]
    return s0 + s1


def _unfused4(a, x, lo, hi):
    s0 = s1 = s2 = s3 = 0.0
    for i in range(lo, hi, 4):
        s0 = s0 + a[i] * x[i]
        s1 = s1 + a[i + 1] * x[i + 1]
        s2 = s2 + a[i + 2] * x[i + 2]
        s3 = s3 + a[i + 3] * x[i + 3]
    return (s0 + s2) + (s1 + s3)


def _chunks(k):
    """The body's chunks: 2048 elements while a whole 2048 of the body is left, then the rest of the body."""
    body = k - (k & 3)
    out, lo = [], 0
    while lo < body:
        hi = min(lo + _NBMAX, body)
        out.append((lo, hi))
        lo = hi
    return out


def gemv_t(rows, x, fma=None):
    """[row . x for row in rows] in dgemv_t's order; rows are lists of k floats, x a list of k floats."""
    fma = fma or _fma
    n = len(rows)
    k = len(x)
    groups = n & ~3
    pair_end = groups + 2 if n & 2 else groups
    y = [0.0] * n
    for lo, hi in _chunks(k):
        for j, a in enumerate(rows):
            if j < groups:
                t = _fused4(a, x, lo, hi, fma)
            elif j < pair_end:
                t = _unfused2(a, x, lo, hi)
            else:
                t = _unfused4(a, x, lo, hi)
            y[j] = y[j] + t
    tail = k & 3
    if tail:
        b = k - tail
        for j, a in enumerate(rows):
            if tail == 1:
                y[j] = fma(a[b], x[b], y[j])
                continue
            t = fma(a[b], x[b], a[b + 1] * x[b + 1])
            if tail == 3:
                t = fma(a[b + 2], x[b + 2], t)
            y[j] = y[j] + t
    return y


def ddot(x, y, fma=None):
    fma = fma or _fma
    n = len(x)
    body = n & -16
    dot = 0.0
    if body:
        regs = [[0.0] * 4 for _ in range(4)]
        for i in range(0, body, 16):
            for r in range(4):
                reg = regs[r]
                o = i + 4 * r
                for lane in range(4):
                    reg[lane] = fma(x[o + lane], y[o + lane], reg[lane])
        h = [(reg[0] + reg[2], reg[1] + reg[3]) for reg in regs]
        lo = (h[0][0] + h[1][0]) + (h[2][0] + h[3][0])
        hi = (h[0][1] + h[1][1]) + (h[2][1] + h[3][1])
        dot = lo + hi
    for i in range(body, n):
        dot = dot + y[i] * x[i]
    return dot


def gemv_n(rows, x, packed):
    """[row . x for row in rows] in dgemv_n's order (a matrix stored by columns, numpy's call for an
    F-ordered matrix times a vector or a row times a C-ordered matrix). The body of output rows (whole 4s)
    walks the columns in 4s, each 4 summed in two FMA registers (columns 0, 2 and 1, 3) then added to y, the
    next 2 columns as one unfused pair, a last column alone. The last rows % 4 outputs sum unfused products
    left to right, in pairs of columns when the matrix has exactly that many rows (packed)."""
    fma = _fma
    n = len(rows)
    k = len(x)
    body = n - (n & 3)
    quads = k & ~3
    y = []
    for i, a in enumerate(rows):
        if i < body:
            s = 0.0
            for c in range(0, quads, 4):
                s = s + (fma(a[c + 2], x[c + 2], a[c] * x[c]) + fma(a[c + 3], x[c + 3], a[c + 1] * x[c + 1]))
            c = quads
            if k - c >= 2:
                s = s + (a[c] * x[c] + a[c + 1] * x[c + 1])
                c += 2
            if c < k:
                s = s + a[c] * x[c]
            y.append(s)
            continue
        t = 0.0
        c = 0
        if packed:
            for c in range(0, quads, 4):
                t = t + (a[c] * x[c] + a[c + 1] * x[c + 1])
                t = t + (a[c + 2] * x[c + 2] + a[c + 3] * x[c + 3])
            c = quads
        for c in range(c, k):
            t = t + a[c] * x[c]
        y.append(0.0 + t)
    return y
