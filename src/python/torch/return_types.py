"""torch.return_types: the named tuples of max/min/sort/topk (values, indices), aminmax, histogram and the
linalg factorizations (eigh, svd, qr, slogdet, lstsq), printed as PyTorch does."""


class _StructSeq(tuple):
    __slots__ = ()
    _fields = ('values', 'indices')

    def __new__(cls, seq):
        return tuple.__new__(cls, seq)

    @property
    def values(self):
        return self[0]

    @property
    def indices(self):
        return self[1]

    def __repr__(self):
        body = ',\n'.join(f'{name}={value!r}' for name, value in zip(self._fields, self))
        return f'torch.return_types.{type(self).__name__}(\n{body})'

    __str__ = __repr__


def _make(name):
    cls = type(name, (_StructSeq,), {'__slots__': ()})
    cls.__module__ = 'torch.return_types'
    cls.__qualname__ = name
    return cls


max = _make('max')
min = _make('min')
sort = _make('sort')
topk = _make('topk')
kthvalue = _make('kthvalue')
mode = _make('mode')
median = _make('median')
nanmedian = _make('nanmedian')
cummax = _make('cummax')
cummin = _make('cummin')


class aminmax(_StructSeq):
    __slots__ = ()
    _fields = ('min', 'max')

    @property
    def min(self):
        return self[0]

    @property
    def max(self):
        return self[1]


aminmax.__module__ = 'torch.return_types'


class histogram(_StructSeq):
    __slots__ = ()
    _fields = ('hist', 'bin_edges')

    @property
    def hist(self):
        return self[0]

    @property
    def bin_edges(self):
        return self[1]


histogram.__module__ = 'torch.return_types'


def _named(name, fields):
    """A return type with its own field names (torch.return_types.linalg_eigh(eigenvalues=..., eigenvectors=...))."""
    body = {'__slots__': (), '_fields': fields}
    for i, field in enumerate(fields):
        body[field] = property(lambda self, i=i: self[i])
    cls = type(name, (_StructSeq,), body)
    cls.__module__ = 'torch.return_types'
    cls.__qualname__ = name
    return cls


# torch.linalg's results and those of the classic torch.* aliases
linalg_eigh = _named('linalg_eigh', ('eigenvalues', 'eigenvectors'))
symeig = _named('symeig', ('eigenvalues', 'eigenvectors'))
linalg_svd = _named('linalg_svd', ('U', 'S', 'Vh'))
svd = _named('svd', ('U', 'S', 'V'))
linalg_qr = _named('linalg_qr', ('Q', 'R'))
qr = _named('qr', ('Q', 'R'))
linalg_slogdet = _named('linalg_slogdet', ('sign', 'logabsdet'))
slogdet = _named('slogdet', ('sign', 'logabsdet'))
linalg_lstsq = _named('linalg_lstsq', ('solution', 'residuals', 'rank', 'singular_values'))
linalg_inv_ex = _named('linalg_inv_ex', ('inverse', 'info'))
linalg_cholesky_ex = _named('linalg_cholesky_ex', ('L', 'info'))
linalg_solve_ex = _named('linalg_solve_ex', ('result', 'info'))
linalg_lu_factor = _named('linalg_lu_factor', ('LU', 'pivots'))
linalg_lu_factor_ex = _named('linalg_lu_factor_ex', ('LU', 'pivots', 'info'))
linalg_lu = _named('linalg_lu', ('P', 'L', 'U'))
lu_unpack = _named('lu_unpack', ('P', 'L', 'U'))
_lu_with_info = _named('_lu_with_info', ('LU', 'pivots', 'info'))


class _IncompatibleKeys(tuple):
    """What load_state_dict returns: (missing_keys, unexpected_keys), printed as PyTorch does."""

    __slots__ = ()

    def __new__(cls, missing_keys, unexpected_keys):
        return tuple.__new__(cls, (missing_keys, unexpected_keys))

    @property
    def missing_keys(self):
        return self[0]

    @property
    def unexpected_keys(self):
        return self[1]

    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return '<All keys matched successfully>'
        return f'_IncompatibleKeys(missing_keys={self.missing_keys}, unexpected_keys={self.unexpected_keys})'

    __str__ = __repr__
