"""np.random.default_rng / Generator over PCG64, as numpy 1.24's _generator.pyx draws: random, standard_normal
(the ziggurat), normal, uniform, integers (Lemire's bounded integers), choice, shuffle, permutation."""

import math
import operator

from .. import _dtypes as D
from .. import _layout as L
from .._errors import missing, unsupported
from .._ndarray import ndarray
from .._scalars import generic, make
from . import _ziggurat as Z
from ._mtrand import _mask, _size_shape
from ._pcg64 import PCG64, SeedSequence

_M32 = 0xFFFFFFFF
_M64 = (1 << 64) - 1


class Generator:
    """np.random.Generator(bit_generator): numpy's new API over PCG64."""

    def __init__(self, bit_generator):
        self._bit_generator = bit_generator
        self._bg = bit_generator

    def __repr__(self):
        return 'Generator(PCG64)'

    @property
    def bit_generator(self):
        return self._bit_generator

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        raise missing(f"np.random.Generator.{name}")

    # --- core draws --------------------------------------------------------------------------------------
    def _normal(self):
        bg = self._bg
        ki, wi, fi = Z.KI, Z.WI, Z.FI
        while True:
            r = bg.next64()
            idx = r & 0xFF
            r >>= 8
            sign = r & 0x1
            rabs = (r >> 1) & 0x000FFFFFFFFFFFFF
            x = rabs * wi[idx]
            if sign:
                x = -x
            if rabs < ki[idx]:
                return x
            if idx == 0:
                while True:
                    xx = -Z.NOR_INV_R * math.log1p(-bg.next_double())
                    yy = -math.log1p(-bg.next_double())
                    if yy + yy > xx * xx:
                        return -(Z.NOR_R + xx) if (rabs >> 8) & 0x1 else Z.NOR_R + xx
            elif (fi[idx - 1] - fi[idx]) * bg.next_double() + fi[idx] < math.exp(-0.5 * x * x):
                return x

    def _lemire(self, rng):
        """random_bounded_uint64 with use_masked=False: a uniform integer in [0, rng]."""
        bg = self._bg
        if rng == 0:
            return 0
        if rng <= _M32:
            if rng == _M32:
                return bg.next32()
            excl = rng + 1
            m = bg.next32() * excl
            leftover = m & _M32
            if leftover < excl:
                threshold = (_M32 - rng) % excl
                while leftover < threshold:
                    m = bg.next32() * excl
                    leftover = m & _M32
            return m >> 32
        if rng == _M64:
            return bg.next64()
        excl = rng + 1
        m = bg.next64() * excl
        leftover = m & _M64
        if leftover < excl:
            threshold = (_M64 - rng) % excl
            while leftover < threshold:
                m = bg.next64() * excl
                leftover = m & _M64
        return m >> 64

    def _interval(self, mx):
        """random_interval: masked rejection (what shuffle uses)."""
        if mx == 0:
            return 0
        mask = _mask(mx)
        draw = self._bg.next32 if mx <= _M32 else self._bg.next64
        while True:
            v = draw() & mask
            if v <= mx:
                return v

    def _fill(self, size, draw, dtype=D.float64):
        shape = _size_shape(size)
        if shape is None:
            return draw()
        return ndarray._make([draw() for _ in range(L.prod(shape))], shape, dtype)

    # --- distributions -----------------------------------------------------------------------------------
    def random(self, size=None, dtype=D.float64, out=None):
        d = D.as_dtype(dtype)
        if out is not None:
            raise unsupported('Generator.random(out=...)')
        if d is D.float32:
            bg = self._bg
            return self._fill(size, lambda: (bg.next32() >> 8) * (1.0 / 16777216.0), D.float32)
        if d is not D.float64:
            raise TypeError('Unsupported dtype %r for random' % d)
        return self._fill(size, self._bg.next_double)

    def standard_normal(self, size=None, dtype=D.float64, out=None):
        if D.as_dtype(dtype) is not D.float64 or out is not None:
            raise unsupported('Generator.standard_normal(dtype=float32 or out=...)')
        return self._fill(size, self._normal)

    def _params(self, size, params, fn):
        from .._creation import asarray

        arrs = [asarray(p, dtype=D.float64) for p in params]
        if all(not a._shape for a in arrs):
            vals = [a._values()[0] for a in arrs]
            return self._fill(size, lambda: fn(*vals))
        shape = _size_shape(size)
        bshape = L.broadcast_shapes(*(a._shape for a in arrs))
        shape = bshape if shape is None else shape
        cols = [a._values_as(shape) for a in arrs]
        return ndarray._make([fn(*vs) for vs in zip(*cols)], shape, D.float64)

    def normal(self, loc=0.0, scale=1.0, size=None):
        from .._creation import asarray

        if any(v < 0 for v in asarray(scale, dtype=D.float64)._values()):
            raise ValueError("scale < 0")
        return self._params(size, (loc, scale), lambda m, s: m + s * self._normal())

    def uniform(self, low=0.0, high=1.0, size=None):
        nd = self._bg.next_double
        from .._creation import asarray

        lo, hi = asarray(low, dtype=D.float64), asarray(high, dtype=D.float64)
        rng = hi - lo
        if not all(math.isfinite(v) for v in asarray(rng)._values()):
            raise OverflowError('Range exceeds valid bounds')
        return self._params(size, (lo, rng), lambda a, r: a + r * nd())

    def integers(self, low, high=None, size=None, dtype=D.int64, endpoint=False):
        from .._creation import asarray

        if high is None:
            low, high = 0, low
        d = D.as_dtype(dtype)
        if d not in (D.int64, D.int32, D.uint32, D.uint64):
            raise unsupported(f"Generator.integers(dtype={d.name})", 'int64, int32, uint32 and uint64 are')
        lo, hi = asarray(low), asarray(high)
        shape = _size_shape(size)
        if shape is not None and L.prod(shape) == 0:
            return ndarray._make([], shape, d)
        pairs_shape = L.broadcast_shapes(lo._shape, hi._shape)
        out_shape = pairs_shape if shape is None else shape
        n = L.prod(out_shape)
        lows = [int(v) for v in lo._values_as(out_shape)] if lo._shape else [int(lo._values()[0])] * n
        highs = [int(v) for v in hi._values_as(out_shape)] if hi._shape else [int(hi._values()[0])] * n
        if not endpoint:
            highs = [h - 1 for h in highs]
        if any(l > h for l, h in zip(lows, highs)):
            raise ValueError(
                ('high < 0' if endpoint else 'high <= 0')
                if not any(lows)
                else ('low > high' if endpoint else 'low >= high')
            )
        vals = [l + self._lemire(h - l) for l, h in zip(lows, highs)]
        if shape is None and not pairs_shape:
            return make(d, vals[0])
        return ndarray._make(vals, out_shape, d)

    def exponential(self, scale=1.0, size=None):
        raise unsupported('Generator.exponential', 'np.random.exponential (the legacy RandomState) is')

    def shuffle(self, x, axis=0):
        n = len(x)
        if isinstance(x, ndarray):
            if axis != 0:
                x = x.swapaxes(0, axis)
            if x.ndim == 1:
                buf, off, st = x._buf, x._off, x._strides[0]
                for i in range(n - 1, 0, -1):
                    j = self._interval(i)
                    a, b = off + i * st, off + j * st
                    buf[a], buf[b] = buf[b], buf[a]
                return
            for i in range(n - 1, 0, -1):
                j = self._interval(i)
                if i != j:
                    tmp = x[j].copy()
                    x[j] = x[i]
                    x[i] = tmp
            return
        for i in range(n - 1, 0, -1):
            j = self._interval(i)
            x[i], x[j] = x[j], x[i]

    def permutation(self, x, axis=0):
        from .._creation import arange, asarray

        if isinstance(x, (int, generic)) and not isinstance(x, (float, bool)):
            arr = arange(operator.index(x))
            self.shuffle(arr)
            return arr
        arr = asarray(x)
        if arr.ndim == 1:
            arr = arr.copy()
            self.shuffle(arr)
            return arr
        axis = L.normalize_axis(axis, arr.ndim)
        idx = arange(arr._shape[axis])
        self.shuffle(idx)
        return arr[(slice(None),) * axis + (idx,)]

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        from ._choice import generator_choice

        return generator_choice(self, a, size, replace, p, axis, shuffle)


def default_rng(seed=None):
    """np.random.default_rng(seed): a Generator over PCG64, numpy's numbers bit for bit."""
    if isinstance(seed, Generator):
        return seed
    return Generator(seed if isinstance(seed, PCG64) else PCG64(seed))


__all__ = ['Generator', 'default_rng', 'PCG64', 'SeedSequence']
