"""numpy's legacy RandomState over MT19937, bit for bit: seeding (mt19937_seed / init_by_array), doubles
(two 32-bit draws, 53 bits), the polar Box-Muller gauss with its cached second value, masked rejection
for bounded integers, binomial (_binomial.py), the shuffle/permutation/choice algorithms of numpy 1.24's mtrand.pyx.

The Mersenne Twister itself is Python's (random.Random, the same MT19937 in C), loaded with numpy's state;
Random.random() is exactly numpy's next_double and getrandbits(32) its next_uint32."""

import math
import operator
import random as _pyrandom

from .. import _dtypes as D
from .. import _layout as L
from .._errors import missing, unsupported
from .._ndarray import ndarray
from .._scalars import generic, make

_N = 624


def _seed_key(seed):
    key = [0] * _N
    s = seed & 0xFFFFFFFF
    for pos in range(_N):
        key[pos] = s
        s = (1812433253 * (s ^ (s >> 30)) + pos + 1) & 0xFFFFFFFF
    return key


def _init_by_array(init_key):
    mt = _seed_key(19650218)  # init_genrand(19650218)
    i, j = 1, 0
    n = len(init_key)
    for _ in range(max(_N, n)):
        mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525)) + init_key[j] + j) & 0xFFFFFFFF
        i += 1
        j += 1
        if i >= _N:
            mt[0] = mt[_N - 1]
            i = 1
        if j >= n:
            j = 0
    for _ in range(_N - 1):
        mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941)) - i) & 0xFFFFFFFF
        i += 1
        if i >= _N:
            mt[0] = mt[_N - 1]
            i = 1
    mt[0] = 0x80000000
    return mt


def _size_shape(size):
    if size is None:
        return None
    if isinstance(size, (int, generic)):
        return (operator.index(size),)
    return tuple(operator.index(s) for s in size)


def _mask(m):
    for s in (1, 2, 4, 8, 16, 32):
        m |= m >> s
    return m


class RandomState:
    """np.random.RandomState(seed): numpy's legacy generator."""

    def __init__(self, seed=None):
        self._mt = _pyrandom.Random(0)  # an int seed: Random() would read os.urandom (slow in Pyodide)
        self.seed(seed)

    # --- the bit generator -------------------------------------------------------------------------------
    def seed(self, seed=None):
        if seed is None:
            key = [0x80000000] + [_pyrandom.getrandbits(32) for _ in range(_N - 1)]
        else:
            if isinstance(seed, ndarray) and seed.size == 1:
                seed = seed.item()
            try:
                idx = operator.index(seed)
            except TypeError:
                from .._creation import asarray

                arr = asarray(seed)
                if arr.size == 0:
                    raise ValueError("Seed must be non-empty") from None
                if arr._dtype.kind not in 'iub':
                    raise TypeError(
                        "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'"
                    ) from None
                if arr.ndim != 1:
                    raise ValueError("Seed array must be 1-d") from None
                vals = [int(v) for v in arr._values()]
                if any(v < 0 or v > 0xFFFFFFFF for v in vals):
                    raise ValueError("Seed must be between 0 and 2**32 - 1") from None
                key = _init_by_array(vals)
            else:
                if idx < 0 or idx > 0xFFFFFFFF:
                    raise ValueError("Seed must be between 0 and 2**32 - 1")
                key = _seed_key(idx)
        self._mt.setstate((3, tuple(key) + (_N,), None))
        self._has_gauss = False
        self._gauss = 0.0

    def get_state(self, legacy=True):
        state = self._mt.getstate()[1]
        key = ndarray._make(list(state[:_N]), (_N,), D.uint32)
        if not legacy:
            return {
                'bit_generator': 'MT19937',
                'state': {'key': key, 'pos': state[_N]},
                'has_gauss': int(self._has_gauss),
                'gauss': self._gauss,
            }
        return ('MT19937', key, state[_N], int(self._has_gauss), self._gauss)

    def set_state(self, state):
        if isinstance(state, dict):
            key, pos = state['state']['key'], state['state']['pos']
            has_gauss, gauss = state.get('has_gauss', 0), state.get('gauss', 0.0)
        else:
            if state[0] != 'MT19937':
                raise ValueError("set_state can only be used with legacy MT19937 state instances.")
            key, pos = state[1], state[2]
            has_gauss, gauss = (state[3], state[4]) if len(state) > 3 else (0, 0.0)
        vals = key._values() if isinstance(key, ndarray) else list(key)
        self._mt.setstate((3, tuple(int(v) for v in vals) + (int(pos),), None))
        self._has_gauss = bool(has_gauss)
        self._gauss = float(gauss)

    def _next64(self):
        bits = self._mt.getrandbits
        hi = bits(32)
        return (hi << 32) | bits(32)

    def _interval(self, mx):
        """random_interval: a uniform integer in [0, mx] by masked rejection."""
        if mx == 0:
            return 0
        mask = _mask(mx)
        if mx <= 0xFFFFFFFF:
            bits = self._mt.getrandbits
            while True:
                v = bits(32) & mask
                if v <= mx:
                    return v
        while True:
            v = self._next64() & mask
            if v <= mx:
                return v

    def _gauss_one(self):
        if self._has_gauss:
            self._has_gauss = False
            g = self._gauss
            self._gauss = 0.0
            return g
        rnd = self._mt.random
        while True:
            x1 = 2.0 * rnd() - 1.0
            x2 = 2.0 * rnd() - 1.0
            r2 = x1 * x1 + x2 * x2
            if r2 < 1.0 and r2 != 0.0:
                break
        f = math.sqrt(-2.0 * math.log(r2) / r2)
        self._gauss = f * x1
        self._has_gauss = True
        return f * x2

    # --- distributions ---------------------------------------------------------------------------------------
    def _doubles(self, size, draw):
        shape = _size_shape(size)
        if shape is None:
            return draw()
        return ndarray._make([draw() for _ in range(L.prod(shape))], shape, D.float64)

    def random_sample(self, size=None):
        return self._doubles(size, self._mt.random)

    random = random_sample
    ranf = random_sample
    sample = random_sample

    def rand(self, *args):
        return self.random_sample(args if args else None)

    def standard_normal(self, size=None):
        return self._doubles(size, self._gauss_one)

    def randn(self, *args):
        return self.standard_normal(args if args else None)

    def _params(self, size, params, fn):
        """cont(): params broadcast (with size when given); one draw per element in C order."""
        from .._creation import asarray

        arrs = [asarray(p, dtype=D.float64) for p in params]
        if all(not a._shape for a in arrs):
            vals = [a._values()[0] for a in arrs]
            return self._doubles(size, lambda: fn(*vals))
        shape = _size_shape(size)
        bshape = L.broadcast_shapes(*(a._shape for a in arrs))
        if shape is None:
            shape = bshape
        elif L.broadcast_shapes(shape, bshape) != shape:
            raise ValueError(f"shape mismatch: objects cannot be broadcast to a single shape")
        cols = [a._values_as(shape) for a in arrs]
        return ndarray._make([fn(*vs) for vs in zip(*cols)], shape, D.float64)

    def normal(self, loc=0.0, scale=1.0, size=None):
        from .._creation import asarray

        if any(v < 0 for v in asarray(scale, dtype=D.float64)._values()):
            raise ValueError("scale < 0")
        return self._params(size, (loc, scale), lambda m, s: m + s * self._gauss_one())

    def uniform(self, low=0.0, high=1.0, size=None):
        rnd = self._mt.random
        from .._creation import asarray

        lo, hi = asarray(low, dtype=D.float64), asarray(high, dtype=D.float64)
        if not lo._shape and not hi._shape:
            a, rng = lo._values()[0], hi._values()[0] - lo._values()[0]
            if not math.isfinite(rng):
                raise OverflowError('Range exceeds valid bounds')
            return self._doubles(size, lambda: a + rng * rnd())
        return self._params(size, (lo, hi - lo), lambda a, r: a + r * rnd())

    def standard_exponential(self, size=None):
        rnd = self._mt.random
        return self._doubles(size, lambda: -math.log(1.0 - rnd()))

    def exponential(self, scale=1.0, size=None):
        rnd = self._mt.random
        return self._params(size, (scale,), lambda s: s * -math.log(1.0 - rnd()))

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        return self._params(size, (mean, sigma), lambda m, s: math.exp(m + s * self._gauss_one()))

    def _bounded(self, off, rng, n):
        """random_bounded_uint64_fill with masked rejection: n draws of off + [0, rng]."""
        if rng == 0:
            return [off] * n
        bits = self._mt.getrandbits
        if rng == 0xFFFFFFFF:
            return [off + bits(32) for _ in range(n)]
        mask = _mask(rng)
        out = []
        if rng < 0xFFFFFFFF:
            for _ in range(n):
                while True:
                    v = bits(32) & mask
                    if v <= rng:
                        break
                out.append(off + v)
            return out
        for _ in range(n):
            while True:
                v = self._next64() & mask
                if v <= rng:
                    break
            out.append(off + v)
        return out

    def randint(self, low, high=None, size=None, dtype=int):
        if high is None:
            low, high = 0, low
        d = D.as_dtype(dtype)
        if d not in (D.int64, D.int32, D.uint32, D.uint64):
            raise unsupported(f"np.random.randint(dtype={d.name})", 'int64, int32, uint32 and uint64 are')
        from .._creation import asarray

        lo, hi = asarray(low), asarray(high)
        shape = _size_shape(size)
        if shape is not None and L.prod(shape) == 0:
            return ndarray._make([], shape, d)
        lb = -(1 << (d.bits - 1)) if d.kind == 'i' else 0
        ub = lb + (1 << d.bits) - 1
        if not lo._shape and not hi._shape:
            l, h = int(lo._values()[0]), int(hi._values()[0]) - 1
            if l < lb:
                raise ValueError(f"low is out of bounds for {d.name}")
            if h > ub:
                raise ValueError(f"high is out of bounds for {d.name}")
            if l > h:
                raise ValueError('high <= 0' if l == 0 else 'low >= high')
            vals = self._bounded(l, h - l, 1 if shape is None else L.prod(shape))
            if shape is None:
                return int(vals[0]) if dtype is int else make(d, vals[0])
            return ndarray._make(vals, shape, d)
        bshape = L.broadcast_shapes(lo._shape, hi._shape)
        shape = bshape if shape is None else shape
        lows = [int(v) for v in lo._values_as(shape)]
        highs = [int(v) - 1 for v in hi._values_as(shape)]
        if any(l > h for l, h in zip(lows, highs)):
            raise ValueError('high <= 0' if not any(lows) else 'low >= high')
        vals = [self._bounded(l, h - l, 1)[0] for l, h in zip(lows, highs)]
        return ndarray._make(vals, shape, d)

    def random_integers(self, low, high=None, size=None):
        import warnings

        if high is None:
            warnings.warn(
                "This function is deprecated. Please call randint(1, {low} + 1) instead".format(low=low),
                DeprecationWarning,
                stacklevel=2,
            )
            low, high = 1, low
        else:
            warnings.warn(
                "This function is deprecated. Please call randint({low}, {high} + 1) instead".format(
                    low=low, high=high
                ),
                DeprecationWarning,
                stacklevel=2,
            )
        return self.randint(low, int(high) + 1, size=size, dtype='l')

    def shuffle(self, x):
        n = len(x)
        if isinstance(x, ndarray):
            if x.size == 0:
                return
            if x.ndim == 1:
                buf, off, st = x._buf, x._off, x._strides[0]
                for i in range(n - 1, 0, -1):
                    j = self._interval(i)
                    a, b = off + i * st, off + j * st
                    buf[a], buf[b] = buf[b], buf[a]
                return
            for i in range(n - 1, 0, -1):
                j = self._interval(i)
                if i == j:
                    continue
                tmp = x[j].copy()
                x[j] = x[i]
                x[i] = tmp
            return
        for i in range(n - 1, 0, -1):
            j = self._interval(i)
            x[i], x[j] = x[j], x[i]

    def permutation(self, x):
        from .._creation import arange, asarray

        if (
            isinstance(x, (int, generic))
            and not isinstance(x, (float, bool))
            and (not isinstance(x, generic) or x._np_dtype.kind in 'iu')
        ):
            arr = arange(operator.index(x))
            self.shuffle(arr)
            return arr
        arr = asarray(x)
        if arr.ndim < 1:
            raise IndexError("x must be an integer or at least 1-dimensional")
        if arr.ndim == 1:
            arr = arr.copy()
            self.shuffle(arr)
            return arr
        idx = arange(arr._shape[0])
        self.shuffle(idx)
        return arr[idx]

    def choice(self, a, size=None, replace=True, p=None):
        from ._choice import choice

        return choice(self, a, size, replace, p)

    def binomial(self, n, p, size=None):
        from ._binomial import binomial

        return binomial(self, n, p, size)

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        raise missing(f"np.random.RandomState.{name}")

    def __repr__(self):
        return 'RandomState(MT19937)'
