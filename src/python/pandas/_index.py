"""pandas' Index: the row labels and column labels of frames and series. One class stands for pandas 1.5's
RangeIndex, Int64Index, Float64Index and object Index; which one it is shows in its repr and in info()."""

import numpy as np

from . import _options, _values as V
from ._unsupported import missing_name

_MAX_SEQ_ITEMS = 100  # display.max_seq_items


class Index:
    def __init__(self, data=None, dtype=None, name=None, copy=False):
        if isinstance(data, Index):
            labels = list(data._labels)
        elif data is None:
            labels = []
        elif isinstance(data, range):
            labels = list(data)
        else:
            labels = V.infer(V.from_array(data)[0] if hasattr(data, 'ndim') else data)[0]
        self._labels = labels
        self._range = None
        self.name = name
        self._set_dtype(dtype)
        if isinstance(data, range) and data.step != 0:
            self._range = (data.start, data.stop, data.step)

    def _set_dtype(self, dtype=None):
        values = self._labels
        if dtype is not None:
            self.dtype = V.as_dtype(dtype)
        elif values and all(type(v) is bool for v in values):
            self.dtype = V.BOOL
        elif values and all(type(v) is int for v in values):
            self.dtype = V.INT64
        elif values and all(type(v) in (int, float) for v in values) and any(type(v) is float for v in values):
            self.dtype = V.FLOAT64
        else:
            self.dtype = V.OBJECT

    @staticmethod
    def _make(labels, name=None):
        """An Index over labels: a RangeIndex when they are consecutive integers from a range (pandas keeps
        ranges through slicing and through concatenating consecutive ranges)."""
        idx = Index(labels, name=name)
        return idx

    @staticmethod
    def _from_range(start, stop, step=1, name=None):
        return Index(range(start, stop, step), name=name)

    @property
    def _kind(self):
        if self._range is not None:
            return 'RangeIndex'
        if self.dtype.name.startswith('interval['):
            return 'IntervalIndex'
        return {'int64': 'Int64Index', 'float64': 'Float64Index'}.get(self.dtype.name, 'Index')

    def _take(self, positions):
        """The labels at these positions; slices of a RangeIndex stay RangeIndexes."""
        if isinstance(positions, slice) and self._range is not None:
            r = range(*self._range)[positions]
            return Index(r, name=self.name)
        if isinstance(positions, slice):
            return Index(self._labels[positions], dtype=self.dtype if self._labels[positions] else None, name=self.name)
        labels = [self._labels[p] for p in positions]
        idx = Index(labels, name=self.name)
        if self.dtype is not V.OBJECT and self.dtype != idx.dtype and labels:
            idx.dtype = self.dtype
        elif not labels:
            idx.dtype = self.dtype
        return idx

    # --- lookups -------------------------------------------------------------------------------------------
    def _positions(self, label):
        """Positions holding label (KeyError if none)."""
        if self._range is not None and type(label) is int and not isinstance(label, bool):
            start, stop, step = self._range
            r = range(start, stop, step)
            if label in r:
                return [r.index(label)]
            raise KeyError(label)
        table = self._table()
        if table is not None and type(label) is not bool:
            try:
                found = table.get(label)
            except TypeError:
                found = None
        else:
            found = [i for i, v in enumerate(self._labels) if v == label and type(v) is not bool or v is label]
        if not found:
            raise KeyError(label)
        return list(found)

    def _table(self):
        """label -> positions, built once (labels never change after an Index is made); None where labels could
        collide in a dict (bools beside numbers, unhashable labels)."""
        table = self.__dict__.get('_lookup')
        if table is None and '_lookup' not in self.__dict__:
            table = None
            if self.dtype.kind in 'iuf' or all(type(v) is str for v in self._labels):
                table = {}
                for i, v in enumerate(self._labels):
                    table.setdefault(v, []).append(i)
            self.__dict__['_lookup'] = table
        return table

    def get_loc(self, key):
        found = self._positions(key)
        return found[0] if len(found) == 1 else np.array([i in found for i in range(len(self))])

    def get_indexer(self, target):
        out = []
        for label in target:
            try:
                out.append(self._positions(label)[0])
            except KeyError:
                out.append(-1)
        return np.array(out, dtype='int64')

    @property
    def is_unique(self):
        try:
            return len(set(self._labels)) == len(self._labels)
        except TypeError:
            return False

    def __contains__(self, key):
        table = self._table()
        try:
            if table is not None and type(key) is not bool:
                return key in table
            return key in self._labels
        except TypeError:
            return False

    # --- sequence behaviour --------------------------------------------------------------------------------
    def __len__(self):
        return len(self._labels)

    def __iter__(self):
        return iter(list(self._labels))  # Python scalars, as pandas' Index.__iter__

    def __getitem__(self, key):
        if isinstance(key, int) and not isinstance(key, bool):
            v = self._labels[key]
            return v if self.dtype is V.OBJECT else V.box(v, self.dtype)
        if isinstance(key, slice):
            return self._take(key)
        key = list(key.tolist() if hasattr(key, 'tolist') else key)
        if key and all(type(k) is bool for k in key):
            if len(key) != len(self):
                raise IndexError(
                    f'boolean index did not match indexed array along dimension 0; dimension is '
                    f'{len(self)} but corresponding boolean dimension is {len(key)}'
                )
            return self._take([i for i, k in enumerate(key) if k])
        return self._take(key)

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def _compare(self, other, op):
        if isinstance(other, (list, tuple, Index)) or hasattr(other, 'ndim'):
            other = list(other)
            if len(other) != len(self):
                raise ValueError('Lengths must match to compare')
            return np.array([op(a, b) for a, b in zip(self._labels, other)], dtype='bool')
        return np.array([op(a, other) for a in self._labels], dtype='bool')

    __hash__ = None

    def equals(self, other):
        return isinstance(other, Index) and self._labels == other._labels

    def tolist(self):
        return list(self._labels)

    to_list = tolist

    @property
    def values(self):
        return V.to_array(self._labels, self.dtype)

    def to_numpy(self, dtype=None):
        return V.to_array(self._labels, self.dtype, dtype)

    @property
    def shape(self):
        return (len(self),)

    @property
    def size(self):
        return len(self)

    @property
    def ndim(self):
        return 1

    @property
    def empty(self):
        return len(self) == 0

    @property
    def nlevels(self):
        return 1

    def copy(self):
        idx = Index(self)
        idx.dtype, idx._range, idx.name = self.dtype, self._range, self.name
        return idx

    def append(self, other):
        return _concat_indexes([self] + (list(other) if isinstance(other, (list, tuple)) else [other]))

    def drop(self, labels):
        labels = [labels] if isinstance(labels, str) or not hasattr(labels, '__iter__') else list(labels)
        for label in labels:
            if label not in self._labels:
                raise KeyError(f'{[label]} not found in axis')
        return self._take([i for i, v in enumerate(self._labels) if v not in labels])

    def __getattr__(self, name):
        error = missing_name('Index', name)
        if error is not None:
            raise error
        raise AttributeError(f"'{self._kind}' object has no attribute '{name}'")

    # --- text ----------------------------------------------------------------------------------------------
    def _format_labels(self):
        """The labels as DataFrame/Series printing shows them (Index.format): left-justified numbers."""
        if self._range is not None:
            text = [str(v) for v in self._labels]
            width = max((len(text[0]), len(text[-1])), default=0)
            return [t.ljust(width) for t in text]
        if self.dtype is V.OBJECT:
            return ['NaN' if V.is_na(v) and v is not None else _pprint(v) for v in self._labels]
        from ._format import format_values

        text = format_values(self._labels, self.dtype, justify='left')
        while text and all(t[:1] == ' ' for t in text):
            text = [t[1:] for t in text]
        return text

    def __repr__(self):
        if self._range is not None:
            start, stop, step = self._range
            name = '' if self.name is None else f", name={self.name!r}"
            return f"RangeIndex(start={start}, stop={stop}, step={step}{name})"
        kind = self._kind
        if kind == 'IntervalIndex':  # pandas prints an IntervalIndex on one line
            return f"IntervalIndex([{', '.join(str(v) for v in self._labels)}], dtype='{self.dtype}')"
        if self.dtype is V.OBJECT:
            text = [repr(v) if isinstance(v, str) else _pprint(v) for v in self._labels]
            justify = not all(isinstance(v, str) for v in self._labels)
        else:
            text = [repr(v) if self.dtype.kind == 'f' else str(v) for v in self._labels]
            justify = True
        attrs = [f"dtype='{self.dtype}'"]
        if self.name is not None:
            attrs.append(f'name={self.name!r}')
        if len(self) > _MAX_SEQ_ITEMS:
            attrs.append(f'length={len(self)}')
        return f"{kind}({_summary(text, kind, justify)}{', '.join(attrs)})"

    __str__ = __repr__


def _pprint(v):
    return str(v).replace('\t', '\\t').replace('\r', '\\r').replace('\n', '\\n')


def _summary(text, name, justify):
    """pandas' format_object_summary: the labels in brackets, wrapped at the display width."""
    n = len(text)
    if n == 0:
        return '[], '
    if n == 1:
        return f'[{text[0]}], '
    if n == 2:
        return f'[{text[0]}, {text[1]}], '
    space1 = '\n' + ' ' * (len(name) + 1)
    space2 = '\n' + ' ' * (len(name) + 2)
    truncated = n > _MAX_SEQ_ITEMS
    display_width = _options.display_width()
    head, tail = (text[:10], text[-10:]) if truncated else ([], text)
    # Aligned only when the labels take more than one line (or are cut), as pandas does.
    if justify and (truncated or not (len(', '.join(head)) < display_width and len(', '.join(tail)) < display_width)):
        width = max(len(t) for t in head + tail)
        head = [t.rjust(width) for t in head]
        tail = [t.rjust(width) for t in tail]

    def extend(summary, line, value, width):
        if len(line.rstrip()) + len(value.rstrip()) >= width:
            summary += line.rstrip()
            line = space2
        return summary, line + value

    summary, line = '', space2
    for word in head:
        summary, line = extend(summary, line, word + ', ', display_width)
    if truncated:
        summary += line.rstrip() + space2 + '...'
        line = space2
    for word in tail[:-1]:
        summary, line = extend(summary, line, word + ', ', display_width)
    summary, line = extend(summary, line, tail[-1], display_width - 2)
    summary += line + '],'
    summary += space1 if len(summary) > display_width else ' '
    return '[' + summary[len(space2) :]


def default_index(n):
    return Index(range(n))


def _concat_indexes(indexes):
    """Indexes one after another: consecutive ranges stay a RangeIndex, as in pandas."""
    ranges = [ix._range for ix in indexes if len(ix)]
    if ranges and all(r is not None and r[2] == 1 for r in ranges):
        if all(ranges[i][1] == ranges[i + 1][0] for i in range(len(ranges) - 1)):
            return Index(range(ranges[0][0], ranges[-1][1]))
    labels = [v for ix in indexes for v in ix._labels]
    idx = Index(labels)
    kinds = {ix.dtype.name for ix in indexes if len(ix)}
    if len(kinds) == 1 and labels:
        idx.dtype = next(ix.dtype for ix in indexes if len(ix))
    return idx


def ensure_index(labels):
    if isinstance(labels, Index):
        return labels
    if isinstance(labels, range):
        return Index(labels)
    return Index(list(labels))
