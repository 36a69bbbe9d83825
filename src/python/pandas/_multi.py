"""pandas' MultiIndex as groupby over several keys makes it: row labels that are tuples, one level per key, each
level named; printed sparsified (a level's label shown only where it changes) as pandas 1.5 prints them, and
unstack() turning the last level into columns."""

import math

from . import _values as V
from ._index import Index
from ._unsupported import unsupported


class MultiIndex(Index):
    def __init__(self, tuples, names=None, level_dtypes=None):
        Index.__init__(self, None)
        self._labels = [tuple(t) for t in tuples]
        n = len(self._labels[0]) if self._labels else len(names or ())
        self._names = list(names) if names is not None else [None] * n
        self._level_dtypes = list(level_dtypes) if level_dtypes is not None else [None] * n
        self.dtype = V.OBJECT

    @staticmethod
    def from_tuples(tuples, names=None):
        return MultiIndex(list(tuples), names)

    names = property(lambda self: list(self._names))
    nlevels = property(lambda self: len(self._names))
    _kind = 'MultiIndex'

    @property
    def name(self):
        return None

    @name.setter
    def name(self, value):
        if value is not None:
            raise unsupported('setting the name of a MultiIndex', 'set .names')

    def get_level_values(self, level):
        i = self._level_number(level)
        idx = Index([t[i] for t in self._labels], name=self._names[i])
        if self._level_dtypes[i] is not None and self._labels:
            idx.dtype = self._level_dtypes[i]
        return idx

    @property
    def levels(self):
        out = []
        for i in range(self.nlevels):
            values = sorted({t[i] for t in self._labels if not V.is_na(t[i])})
            idx = Index(values, name=self._names[i])
            if self._level_dtypes[i] is not None and values:
                idx.dtype = self._level_dtypes[i]
            out.append(idx)
        return out

    def _level_number(self, level):
        if isinstance(level, int) and level not in self._names:
            return level % self.nlevels
        return self._names.index(level)

    def _take(self, positions):
        labels = self._labels[positions] if isinstance(positions, slice) else [self._labels[p] for p in positions]
        return MultiIndex(labels, self._names, self._level_dtypes)

    def copy(self):
        return MultiIndex(self._labels, self._names, self._level_dtypes)

    def _positions(self, label):
        """Rows holding a full tuple, or (a label of the first level) every row under it."""
        if isinstance(label, tuple) and len(label) == self.nlevels:
            found = [i for i, t in enumerate(self._labels) if t == label]
        else:
            found = [i for i, t in enumerate(self._labels) if t[0] == label]
        if not found:
            raise KeyError(label)
        return found

    def _droplevel0(self, positions):
        """The index of these rows without its first level (what s['female'] keeps)."""
        rest = [self._labels[p][1:] for p in positions]
        if self.nlevels == 2:
            idx = Index([t[0] for t in rest], name=self._names[1])
            if self._level_dtypes[1] is not None and rest:
                idx.dtype = self._level_dtypes[1]
            return idx
        return MultiIndex(rest, self._names[1:], self._level_dtypes[1:])

    def _level_strings(self, i):
        return self.get_level_values(i)._format_labels()

    def _format_labels(self):
        return [str(t) for t in self._labels]

    def format_levels(self, names):
        """pandas' MultiIndex.format(adjoin=False, sparsify=True): one list of strings per level, the name first
        when names is set, a repeated outer label left blank."""
        levels = []
        for i in range(self.nlevels):
            head = [('' if self._names[i] is None else str(self._names[i]))] if names else []
            levels.append(head + [t.strip() for t in self._level_strings(i)])
        return sparsify(levels, int(names))

    def __repr__(self):
        cells = [
            [repr(t[i]) if isinstance(t[i], str) else str(t[i]) for t in self._labels] for i in range(self.nlevels)
        ]
        widths = [max((len(c) for c in col), default=0) for col in cells]
        rows = ['(' + ', '.join(col[r].rjust(w) for col, w in zip(cells, widths)) + ')' for r in range(len(self))]
        body = (',\n' + ' ' * 12).join(rows)
        names = f'names={self._names!r}' if any(n is not None for n in self._names) else ''
        return f'MultiIndex([{body}],\n           {names})'

    __str__ = __repr__


def sparsify(levels, start=0):
    """pandas' sparsify_labels: a level's label blanked where it and every level before it repeat the row above."""
    rows = list(zip(*levels))
    if not rows:
        return levels
    k = len(levels)
    out = rows[: start + 1]
    prev = rows[start]
    for cur in rows[start + 1 :]:
        sparse = []
        for i, (p, t) in enumerate(zip(prev, cur)):
            if i == k - 1:
                sparse.append(t)
                break
            if p == t:
                sparse.append('')
            else:
                sparse.extend(cur[i:])
                break
        out.append(sparse)
        prev = cur
    return [list(col) for col in zip(*out)]


def unstack(s, level=-1):
    """Series.unstack of a two-level index: one level's labels become the columns (sorted), the other's the rows,
    NaN where a pair is missing (then floats, as pandas)."""
    from .frame import DataFrame

    index = s.index
    if not isinstance(index, MultiIndex):
        raise unsupported('unstack() of a Series without a MultiIndex')
    if index.nlevels != 2:
        raise unsupported('unstack() of more than two index levels', 'group by two keys')
    col_level = index._level_number(level)
    row_level = 1 - col_level
    rows_idx, cols_idx = index.levels[row_level], index.levels[col_level]
    rows = rows_idx._labels
    cols = cols_idx._labels
    rpos = {k: i for i, k in enumerate(rows)}
    cpos = {k: j for j, k in enumerate(cols)}
    table = [[None] * len(rows) for _ in cols]
    for t, v in zip(index._labels, s._values):
        table[cpos[t[col_level]]][rpos[t[row_level]]] = v
    missing = any(v is None for col in table for v in col)
    dtype = s._dtype
    if missing:
        if dtype is V.OBJECT:
            table = [[math.nan if v is None else v for v in col] for col in table]
        else:
            dtype = dtype if dtype.kind == 'f' else V.FLOAT64
            table = [[math.nan if v is None else float(v) for v in col] for col in table]
    return DataFrame._make(table, [dtype] * len(table), cols_idx, rows_idx)


class SeriesMulti:
    """Series.unstack."""

    def unstack(self, level=-1, fill_value=None):
        if fill_value is not None:
            raise unsupported('unstack(fill_value=...)', 'call fillna on the result')
        return unstack(self, level)
