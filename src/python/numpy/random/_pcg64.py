"""numpy's SeedSequence and PCG64 (numpy/random/bit_generator.pyx, src/pcg64; numpy 1.24, BSD licence) in
Python integers: the bit generator behind np.random.default_rng, bit for bit."""

import operator
import random as _pyrandom

_M32 = 0xFFFFFFFF
_M64 = (1 << 64) - 1
_M128 = (1 << 128) - 1
INIT_A, MULT_A = 0x43B0D7E5, 0x931E8875
INIT_B, MULT_B = 0x8B51F9DD, 0x58F38DED
MIX_MULT_L, MIX_MULT_R = 0xCA01F9DD, 0x4973F715
POOL_SIZE = 4
_PCG_MULT = (2549297995355413924 << 64) + 4865540595714422341


def _int_words(n):
    if n < 0:
        raise ValueError("expected non-negative integer")
    words = [] if n else [0]
    while n > 0:
        words.append(n & _M32)
        n >>= 32
    return words


def _coerce(x):
    """_coerce_to_uint32_array: an int as 32-bit words (lowest first), a sequence as its items' words."""
    if isinstance(x, str):
        x = int(x, 16) if x.startswith('0x') else int(x)
    if isinstance(x, float) or type(x).__name__ in ('float64', 'float32', 'float16'):
        raise TypeError('seed must be integer')
    try:
        return _int_words(operator.index(x))
    except TypeError:
        pass
    if hasattr(x, 'tolist'):
        x = x.tolist()
    words = []
    for v in x:
        words.extend(_coerce(v))
    return words


class SeedSequence:
    """np.random.SeedSequence(entropy): mixes entropy into a pool of four 32-bit words."""

    def __init__(self, entropy=None, *, spawn_key=(), pool_size=POOL_SIZE, n_children_spawned=0):
        if pool_size < POOL_SIZE:
            raise ValueError(f"The size of the entropy pool should be at least {POOL_SIZE}")
        if entropy is None:
            entropy = _pyrandom.getrandbits(pool_size * 32)
        self.entropy = entropy
        self.spawn_key = tuple(spawn_key)
        self.pool_size = pool_size
        self.n_children_spawned = n_children_spawned
        run = _coerce(entropy)
        spawn = _coerce(list(self.spawn_key))
        if spawn and len(run) < pool_size:
            run = run + [0] * (pool_size - len(run))
        self.pool = _mix(pool_size, run + spawn)

    def __repr__(self):
        return f"SeedSequence(\n    entropy={self.entropy!r},\n)"

    def generate_state(self, n_words, dtype='uint32'):
        from .. import _dtypes as D
        from .._ndarray import ndarray

        d = D.as_dtype(dtype)
        if d not in (D.uint32, D.uint64):
            raise ValueError("only support uint32 or uint64")
        words = self._words(n_words, d is D.uint64)
        return ndarray._make(words, (len(words),), d)

    def _words(self, n_words, wide):
        n = n_words * 2 if wide else n_words
        hash_const = INIT_B
        out = []
        for i in range(n):
            v = self.pool[i % len(self.pool)]
            v ^= hash_const
            hash_const = (hash_const * MULT_B) & _M32
            v = (v * hash_const) & _M32
            v ^= v >> 16
            out.append(v)
        if wide:
            out = [out[2 * i] | (out[2 * i + 1] << 32) for i in range(n_words)]
        return out

    def spawn(self, n_children):
        seqs = [
            SeedSequence(self.entropy, spawn_key=self.spawn_key + (i,), pool_size=self.pool_size)
            for i in range(self.n_children_spawned, self.n_children_spawned + n_children)
        ]
        self.n_children_spawned += n_children
        return seqs


def _mix(size, entropy):
    hash_const = [INIT_A]

    def hashmix(value):
        value ^= hash_const[0]
        hash_const[0] = (hash_const[0] * MULT_A) & _M32
        value = (value * hash_const[0]) & _M32
        return value ^ (value >> 16)

    def mix(x, y):
        r = (MIX_MULT_L * x - MIX_MULT_R * y) & _M32
        return r ^ (r >> 16)

    pool = [hashmix(entropy[i] if i < len(entropy) else 0) for i in range(size)]
    for src in range(size):
        for dst in range(size):
            if src != dst:
                pool[dst] = mix(pool[dst], hashmix(pool[src]))
    for src in range(size, len(entropy)):
        for dst in range(size):
            pool[dst] = mix(pool[dst], hashmix(entropy[src]))
    return pool


class PCG64:
    """np.random.PCG64(seed): a 128-bit LCG with the XSL-RR output, seeded through SeedSequence."""

    def __init__(self, seed=None):
        seq = seed if isinstance(seed, SeedSequence) else SeedSequence(seed)
        self._seed_seq = seq
        s0, s1, i0, i1 = seq._words(4, True)
        initstate = (s0 << 64) | s1
        initseq = (i0 << 64) | i1
        self._inc = ((initseq << 1) | 1) & _M128
        # pcg_setseq_128_srandom_r: state 0, one step, add initstate, one more step
        state = self._inc
        state = (state + initstate) & _M128
        self._state = (state * _PCG_MULT + self._inc) & _M128
        self._has_uint32 = False
        self._uinteger = 0

    def next64(self):
        state = (self._state * _PCG_MULT + self._inc) & _M128
        self._state = state
        x = ((state >> 64) ^ state) & _M64
        rot = state >> 122
        return ((x >> rot) | (x << ((64 - rot) & 63))) & _M64

    def next32(self):
        if self._has_uint32:
            self._has_uint32 = False
            return self._uinteger
        nxt = self.next64()
        self._has_uint32 = True
        self._uinteger = nxt >> 32
        return nxt & _M32

    def next_double(self):
        return (self.next64() >> 11) * (1.0 / 9007199254740992.0)

    @property
    def state(self):
        return {
            'bit_generator': 'PCG64',
            'state': {'state': self._state, 'inc': self._inc},
            'has_uint32': int(self._has_uint32),
            'uinteger': self._uinteger,
        }

    @property
    def seed_seq(self):
        return self._seed_seq

    def __repr__(self):
        return 'PCG64'
