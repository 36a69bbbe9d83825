"""np.nditer, np.ndindex and np.ndenumerate: element-by-element iteration with its index. "Deep Learning
from Scratch" (common/gradient.py) walks every weight with
`np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])`, reading `it.multi_index` and calling
`it.iternext()`; numpy's own tutorials write through the 0-d views it yields (`x[...] = 2 * x`)."""

import itertools

from . import _layout as L
from ._errors import unsupported

_IGNORED_FLAGS = frozenset(
    (
        'refs_ok',
        'zerosize_ok',
        'buffered',
        'reduce_ok',
        'grow_inner',
        'delay_bufalloc',
        'common_dtype',
        'copy_if_overlap',
        'ranged',
    )
)
_FLAGS = frozenset(('multi_index', 'c_index', 'f_index')) | _IGNORED_FLAGS
_OP_FLAGS = frozenset(
    (
        'readonly',
        'readwrite',
        'writeonly',
        'allocate',
        'no_broadcast',
        'contig',
        'aligned',
        'nbo',
        'copy',
        'updateifcopy',
        'no_subtype',
        'arraymask',
        'writemasked',
        'overlap_assume_elementwise',
        'virtual',
    )
)


def _indices(shape, order):
    """Multi-indices of `shape` in C order, or F order (the first axis fastest)."""
    if order == 'F':
        return [tuple(reversed(i)) for i in itertools.product(*(range(n) for n in reversed(shape)))]
    return list(itertools.product(*(range(n) for n in shape)))


def _op_flag_lists(op_flags, ops):
    n = len(ops)
    if op_flags is None:
        # numpy's default: inputs are read, a None operand is an output it allocates.
        return [['writeonly', 'allocate'] if o is None else ['readonly'] for o in ops]
    if op_flags and all(isinstance(f, str) for f in op_flags):
        return [list(op_flags)] * n
    if len(op_flags) != n:
        raise ValueError('op_flags must be a tuple/list matching the number of ops')
    return [list(f) for f in op_flags]


class nditer:
    __module__ = 'numpy'

    def __init__(
        self,
        op,
        flags=None,
        op_flags=None,
        op_dtypes=None,
        order='K',
        casting='safe',
        op_axes=None,
        itershape=None,
        buffersize=0,
    ):
        import numpy as np

        flags = list(flags or ())
        for f in flags:
            if f == 'external_loop':
                raise unsupported("np.nditer(flags=['external_loop'])", 'iterate element by element')
            if f not in _FLAGS:
                raise ValueError(f'Unexpected iterator flag "{f}"')
        if op_axes is not None or itershape is not None:
            raise unsupported('np.nditer(op_axes=..., itershape=...)')
        single = not isinstance(op, (list, tuple)) or (
            len(op) > 0 and not any(o is None or isinstance(o, np.ndarray) for o in op)
        )
        ops = [op] if single else list(op)
        fl = _op_flag_lists(op_flags, ops)
        for f in fl:
            for name in f:
                if name not in _OP_FLAGS:
                    raise ValueError(f'Unexpected per-op flag "{name}"')
        dts = list(op_dtypes) if isinstance(op_dtypes, (list, tuple)) else [op_dtypes] * len(ops)
        arrays = [None if o is None else np.asarray(o) for o in ops]
        given = [a for a in arrays if a is not None]
        if not given:
            raise ValueError('At least one iterator operand must be non-NULL')
        shape = L.broadcast_shapes(*(a.shape for a in given))
        for i, a in enumerate(arrays):
            if a is None:
                if 'allocate' not in fl[i]:
                    raise ValueError('Iterator operand %d is null, but the allocate flag was not set' % i)
                arrays[i] = np.empty(shape, dtype=dts[i] if dts[i] is not None else given[0].dtype)
            elif dts[i] is not None and np.dtype(dts[i]) != a.dtype:
                arrays[i] = a.astype(dts[i])
            elif a.shape != shape:
                if 'readwrite' in fl[i] or 'writeonly' in fl[i]:
                    raise ValueError(
                        'non-broadcastable operand with shape %s doesn\'t match the broadcast shape %s'
                        % (a.shape, shape)
                    )
        self.operands = tuple(arrays)
        self._views = [a if a.shape == shape else np.broadcast_to(a, shape) for a in arrays]
        self._single = single
        self._flags = flags
        self.shape = tuple(shape)
        self.ndim = len(shape)
        self.itersize = 1
        for n in shape:
            self.itersize *= n
        self._order = self._iteration_order(order, arrays)
        self._idx = _indices(self.shape, self._order)
        self._strides_c = self._strides_for('C')
        self._strides_f = self._strides_for('F')
        self.iterindex = 0
        self.finished = self.itersize == 0

    def _iteration_order(self, order, arrays):
        if order in ('C', 'F'):
            return order
        # 'K' and 'A' follow memory: a Fortran-ordered (e.g. transposed) array is walked in its own order.
        if self.ndim > 1 and all(a.flags['F_CONTIGUOUS'] and not a.flags['C_CONTIGUOUS'] for a in arrays):
            return 'F'
        return 'C'

    def _strides_for(self, order):
        strides, step = [0] * self.ndim, 1
        axes = range(self.ndim - 1, -1, -1) if order == 'C' else range(self.ndim)
        for ax in axes:
            strides[ax] = step
            step *= self.shape[ax]
        return strides

    def _check(self):
        if self.finished:
            raise ValueError('Iterator is past the end')

    @property
    def multi_index(self):
        if 'multi_index' not in self._flags:
            raise ValueError('Iterator is not tracking a multi-index')
        self._check()
        return self._idx[self.iterindex]

    @property
    def index(self):
        if 'c_index' in self._flags:
            strides = self._strides_c
        elif 'f_index' in self._flags:
            strides = self._strides_f
        else:
            raise ValueError('Iterator does not have an index')
        self._check()
        return sum(i * s for i, s in zip(self._idx[self.iterindex], strides))

    @property
    def has_multi_index(self):
        return 'multi_index' in self._flags

    @property
    def has_index(self):
        return 'c_index' in self._flags or 'f_index' in self._flags

    @property
    def nop(self):
        return len(self.operands)

    def _element(self, k):
        return self._views[k][self._idx[self.iterindex] + (Ellipsis,)]

    @property
    def value(self):
        self._check()
        if self._single:
            return self._element(0)
        return tuple(self._element(k) for k in range(len(self._views)))

    def __getitem__(self, k):
        self._check()
        if isinstance(k, slice):
            return tuple(self._element(j) for j in range(len(self._views))[k])
        return self._element(k)

    def __setitem__(self, k, v):
        self._check()
        self._element(k)[...] = v

    def __len__(self):
        return self.itersize

    def iternext(self):
        if self.finished:
            return False
        self.iterindex += 1
        if self.iterindex >= self.itersize:
            self.finished = True
            return False
        return True

    def reset(self):
        self.iterindex = 0
        self.finished = self.itersize == 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.finished:
            raise StopIteration
        v = self.value
        self.iternext()
        return v

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        pass


class ndindex:
    __module__ = 'numpy'

    def __init__(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], tuple):
            shape = shape[0]
        self._it = iter(_indices(tuple(int(n) for n in shape), 'C'))

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)


class ndenumerate:
    __module__ = 'numpy'

    def __init__(self, arr):
        import numpy as np

        self._a = np.asarray(arr)
        self._it = iter(_indices(self._a.shape, 'C'))

    def __iter__(self):
        return self

    def __next__(self):
        idx = next(self._it)
        return idx, self._a[idx]
