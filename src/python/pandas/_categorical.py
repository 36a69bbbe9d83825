"""pandas' category dtype as learners meet it through pd.cut/pd.qcut and astype('category'): a column keeps its values
(the categories themselves, NaN where missing) and its dtype carries the categories in order. Printing adds pandas'
"Categories (n, dtype): [...]" line, value_counts counts every category, groupby keeps empty categories (pandas
1.5's observed=False), and .cat gives codes and categories."""

import math

import numpy as np

from . import _values as V


class Interval:
    """pandas.Interval: the bins pd.cut makes, printed (0, 12] and ordered by their ends."""

    def __init__(self, left, right, closed='right'):
        self.left, self.right, self.closed = V.plain(left), V.plain(right), closed

    closed_left = property(lambda self: self.closed in ('left', 'both'))
    closed_right = property(lambda self: self.closed in ('right', 'both'))
    mid = property(lambda self: (self.left + self.right) / 2)
    length = property(lambda self: self.right - self.left)

    def __contains__(self, x):
        above = self.left <= x if self.closed_left else self.left < x
        below = x <= self.right if self.closed_right else x < self.right
        return above and below

    def _key(self):
        return (self.left, self.right, self.closed)

    def __eq__(self, other):
        return isinstance(other, Interval) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __lt__(self, other):
        return (self.left, self.right) < (other.left, other.right)

    def __gt__(self, other):
        return (self.left, self.right) > (other.left, other.right)

    def __str__(self):
        return f"{'[' if self.closed_left else '('}{self.left}, {self.right}{']' if self.closed_right else ')'}"

    def __repr__(self):
        return f'Interval({self.left!r}, {self.right!r}, closed={self.closed!r})'


Interval.__module__ = 'pandas'


class IntervalDtype:
    """The dtype of interval categories: interval[int64, right]."""

    kind, char, str, itemsize, type = 'O', 'O', '|O', 16, Interval

    def __init__(self, subtype, closed):
        self.subtype, self.closed = subtype, closed
        self.name = f'interval[{subtype}, {closed}]'

    def __str__(self):
        return self.name

    __repr__ = __str__

    def __eq__(self, other):
        return str(other) == self.name

    def __hash__(self):
        return hash(self.name)


class CategoricalDtype:
    """pandas' CategoricalDtype: str() is 'category'; categories in their order, and whether they are ordered."""

    name = 'category'
    kind, char, str, itemsize, type = 'O', 'O', '|O', 8, object

    def __init__(self, categories, ordered, categories_dtype):
        self.categories_list, self.ordered, self.categories_dtype = list(categories), ordered, categories_dtype
        self.codes_of = {v: i for i, v in enumerate(self.categories_list)}

    @property
    def categories(self):
        return categories_index(self)

    def __str__(self):
        return 'category'

    def __repr__(self):
        cats = ', '.join(str(c) if isinstance(c, Interval) else repr(c) for c in self.categories_list)
        return f'CategoricalDtype(categories=[{cats}], ordered={self.ordered})'

    def __eq__(self, other):
        if isinstance(other, CategoricalDtype):
            return self.categories_list == other.categories_list and self.ordered == other.ordered
        return other == 'category'

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash('category')


def is_categorical(dtype):
    return isinstance(dtype, CategoricalDtype)


def categories_index(dtype, name=None):
    from ._index import Index

    idx = Index(list(dtype.categories_list), name=name)
    if dtype.categories_list:
        idx.dtype = dtype.categories_dtype
    return idx


def from_values(values, dtype, categories=None, ordered=False):
    """(values, CategoricalDtype) of a column made categorical: its sorted distinct values as categories unless
    given."""
    if categories is None:
        categories = sorted({v for v in values if not V.is_na(v)})
        cat_dtype = dtype if dtype is not None else V.infer(categories)[1]
    else:
        categories = [V.plain(c) for c in categories]
        cat_dtype = V.infer(categories)[1]
    known = set(categories)
    kept = [v if not V.is_na(v) and v in known else math.nan for v in values]
    return kept, CategoricalDtype(categories, ordered, cat_dtype)


def codes(values, dtype):
    return [-1 if V.is_na(v) else dtype.codes_of[v] for v in values]


def shown_values(values, dtype):
    """(values, dtype) as pandas formats a categorical's values: integer categories become floats when a value is
    missing (pandas takes the categories with NaN fill first)."""
    cdtype = dtype.categories_dtype
    if any(V.is_na(v) for v in values):
        if cdtype is not V.OBJECT and cdtype.kind in 'iu':
            return [float(v) for v in values], V.FLOAT64
        if isinstance(cdtype, IntervalDtype) and cdtype.subtype == 'int64':
            return [v if V.is_na(v) else Interval(float(v.left), float(v.right), v.closed) for v in values], V.OBJECT
    if cdtype is not V.OBJECT and cdtype.kind in 'iuf':
        return values, cdtype
    return values, V.OBJECT


def _category_strings(dtype, max_categories=8):
    from ._format import format_values

    def fmt(cats):
        if dtype.categories_dtype is V.OBJECT:
            return [f"'{c}'" if isinstance(c, str) else str(c) for c in cats]
        if isinstance(dtype.categories_dtype, IntervalDtype):
            return [str(c) for c in cats]
        return [t.strip() for t in format_values(cats, dtype.categories_dtype)]

    cats = dtype.categories_list
    if len(cats) > max_categories:
        num = max_categories // 2
        return fmt(cats[:num]) + ['...'] + fmt(cats[-num:])
    return fmt(cats)


def categories_info(dtype):
    """pandas' Categorical._repr_categories_info: the categories line, wrapped at the display width."""
    from . import _options

    strings = _category_strings(dtype)
    header = f'Categories ({len(dtype.categories_list)}, {dtype.categories_dtype}): '
    max_width = _options.display_width()
    text, start, col = '', True, len(header)
    sep_len, sep = (3, ' < ') if dtype.ordered else (2, ', ')
    for val in strings:
        if max_width and col + sep_len + len(val) > max_width:
            text += sep.rstrip() + '\n' + ' ' * (len(header) + 1)
            col = len(header) + 1
        elif not start:
            text += sep
            col += len(val)  # pandas counts the value, not the separator, here
        text += val
        start = False
    return header + '[' + text.replace(' < ... < ', ' ... ') + ']'


def value_counts(s, normalize=False, sort=True):
    """Series.value_counts of a categorical: every category counted (0 for unseen ones), largest first, ties in
    category order."""
    from .series import Series

    dtype = s._dtype
    counts = [0] * len(dtype.categories_list)
    for c in codes(s._values, dtype):
        if c >= 0:
            counts[c] += 1
    order = sorted(range(len(counts)), key=lambda i: -counts[i]) if sort else range(len(counts))
    index = categories_index(dtype)._take(list(order))
    values = [counts[i] for i in order]
    if normalize:
        total = sum(values)
        return Series._make([c / total if total else math.nan for c in values], V.FLOAT64, index, s.name)
    return Series._make(values, V.INT64, index, s.name)


CAT_ONLY = "Can only use .cat accessor with a 'category' dtype"


class CategoricalAccessor:
    """Series.cat."""

    def __init__(self, s):
        if not is_categorical(s._dtype):
            raise AttributeError(CAT_ONLY)
        self._s = s

    @property
    def codes(self):
        from .series import Series

        return Series._make(codes(self._s._values, self._s._dtype), np.dtype('int8'), self._s.index, None)

    categories = property(lambda self: self._s._dtype.categories)
    ordered = property(lambda self: self._s._dtype.ordered)

    def __getattr__(self, name):
        from ._unsupported import unsupported

        raise unsupported(f'Series.cat.{name}', 'the subset has .cat.codes, .cat.categories and .cat.ordered')


class SeriesCategorical:
    """The categorical parts of Series: .cat, and astype, which can make a column categorical."""

    @property
    def cat(self):
        return CategoricalAccessor(self)

    def astype(self, dtype):
        if isinstance(dtype, CategoricalDtype) or isinstance(dtype, str) and dtype == 'category':
            if is_categorical(self._dtype):
                return self.copy()
            if isinstance(dtype, CategoricalDtype):
                values, cdtype = from_values(self._values, None, dtype.categories_list, dtype.ordered)
            else:
                values, cdtype = from_values(self._values, self._dtype)
            return self._like(values, cdtype)
        target = V.as_dtype(dtype)
        if dtype is str:
            return self._like([v if isinstance(v, str) else str(v) for v in self._values], V.OBJECT)
        src = self._dtype.categories_dtype if is_categorical(self._dtype) else self._dtype
        if isinstance(src, IntervalDtype):
            src = V.OBJECT
        return self._like(V.cast(self._values, src, target), target)


def sort_key(values, dtype):
    """What sorting a column compares: a categorical's codes (its categories' order, missing last), else the
    values."""
    if not is_categorical(dtype):
        return values
    return [math.nan if c < 0 else c for c in codes(values, dtype)]
