"""torch.return_types: the named tuples of max/min/sort/topk (values, indices), aminmax and histogram, printed as
PyTorch does."""


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
