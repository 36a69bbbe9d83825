"""pandas.Series: one labelled column (values kept as in _values.py, labels an Index)."""

import math
import operator

import numpy as np

from . import _values as V
from ._index import Index, default_index, ensure_index
from ._reduce import quantiles, reduce, value_counts
from ._agg import SeriesAgg
from ._multi import SeriesMulti
from ._categorical import CAT_ONLY, SeriesCategorical, is_categorical, sort_key, value_counts as categorical_counts
from ._sequence import SeriesSequence
from ._strings import SeriesStrings
from ._sorting import nargsort
from ._unsupported import missing_name, unsupported


def _is_array(x):
    # numpy arrays and torch tensors, not their 0-d scalars (x.mean() is a number)
    return getattr(x, 'ndim', 0) > 0 and hasattr(x, 'shape') and not isinstance(x, (Series, Index))


class Series(SeriesSequence, SeriesStrings, SeriesAgg, SeriesCategorical, SeriesMulti):
    __array_priority__ = 1000  # numpy hands `array op series` to the Series

    def __init__(self, data=None, index=None, dtype=None, name=None, copy=False):
        if isinstance(data, Series):
            values, vdtype = list(data._values), data._dtype
            if index is not None:
                raise unsupported('pd.Series(series, index=...) (reindexing)')
            index = data.index
            name = data.name if name is None else name
        elif isinstance(data, dict):
            if index is not None:
                raise unsupported('pd.Series(dict, index=...)')
            index = Index(list(data.keys()))
            values, vdtype = V.infer(list(data.values()))
        elif _is_array(data):
            values, vdtype = V.from_array(data)
        elif data is None:
            values, vdtype = [], V.OBJECT if dtype is None else V.as_dtype(dtype)
        elif isinstance(data, (str, int, float, bool)) or V.plain(data) is not data:
            n = 1 if index is None else len(index)
            values, vdtype = V.infer([data] * n)
        else:
            values, vdtype = V.infer(list(data))
        if dtype is not None:
            target = V.as_dtype(dtype)
            values, vdtype = V.cast(values, vdtype, target), target
        self._values = values
        self._dtype = vdtype
        self.index = default_index(len(values)) if index is None else ensure_index(index)
        if len(self.index) != len(values):
            raise ValueError(f'Length of values ({len(values)}) does not match length of index ({len(self.index)})')
        self.name = name

    @staticmethod
    def _make(values, dtype, index, name=None):
        s = object.__new__(Series)
        s._values, s._dtype, s.index, s.name = values, dtype, index, name
        return s

    def _like(self, values, dtype=None, index=None):
        return Series._make(
            values, self._dtype if dtype is None else dtype, self.index if index is None else index, self.name
        )

    # --- attributes --------------------------------------------------------------------------------------
    dtype = property(lambda self: self._dtype)
    dtypes = dtype
    shape = property(lambda self: (len(self._values),))
    size = property(lambda self: len(self._values))
    ndim = property(lambda self: 1)
    empty = property(lambda self: len(self._values) == 0)
    hasnans = property(lambda self: any(V.is_na(v) for v in self._values))
    is_unique = property(lambda self: self.nunique(dropna=False) == len(self._values))

    @property
    def values(self):
        return V.to_array(self._values, self._dtype)

    def to_numpy(self, dtype=None, copy=False, na_value=None):
        values = self._values if na_value is None else [na_value if V.is_na(v) else v for v in self._values]
        return V.to_array(values, self._dtype, dtype)

    __array__ = to_numpy

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        """np.log(s), np.exp(s + 1), np.maximum(s, 0): a Series with this index and name, as pandas gives."""
        from .frame import DataFrame

        if method != '__call__' or kwargs or any(isinstance(x, (DataFrame, Index)) for x in inputs):
            return NotImplemented
        series = [x for x in inputs if isinstance(x, Series)]
        if any(not s.index.equals(self.index) for s in series):
            raise unsupported('a ufunc of Series with different indexes (alignment)', 'reset_index(drop=True) first')
        result = ufunc(*[x.to_numpy() if isinstance(x, Series) else x for x in inputs])
        names = {s.name for s in series}
        return Series._make(*V.from_array(result), self.index, names.pop() if len(names) == 1 else None)

    from ._plotting import hist_series as hist

    def tolist(self):
        return list(self._values)

    to_list = tolist

    def to_dict(self, into=dict):
        # pandas' standardize_mapping: a Mapping class, or an initialised defaultdict to copy the factory of.
        import collections
        import collections.abc
        import functools

        if not isinstance(into, type):
            if isinstance(into, collections.defaultdict):
                into = functools.partial(collections.defaultdict, into.default_factory)
            else:
                into = type(into)
        if isinstance(into, type):
            if not issubclass(into, collections.abc.Mapping):
                raise TypeError(f'unsupported type: {into}')
            if into is collections.defaultdict:
                raise TypeError('to_dict() only accepts initialized defaultdicts')
        return into((V.plain(k), V.plain(v)) for k, v in self.items())

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(list(self._values))

    def keys(self):
        return self.index

    def items(self):
        return zip(self.index._labels, list(self._values))

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        index = self.__dict__.get('index')
        if index is not None and index.dtype is V.OBJECT and name in index._labels:
            return self[name]
        error = missing_name('Series', name) if name != 'cat' else AttributeError(CAT_ONLY)  # (.cat not categorical)
        if error is not None:
            raise error
        raise AttributeError(f"'Series' object has no attribute '{name}'")

    def __repr__(self):
        from ._format import series_to_string

        return series_to_string(self)

    def to_string(self):
        return repr(self)

    def __bool__(self):
        raise ValueError(
            'The truth value of a Series is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all().'
        )

    def copy(self, deep=True):
        return Series._make(list(self._values), self._dtype, self.index, self.name)

    def rename(self, name):
        s = self.copy()
        s.name = name
        return s

    def to_frame(self, name=None):
        from .frame import DataFrame

        label = (0 if self.name is None else self.name) if name is None else name
        return DataFrame._make([list(self._values)], [self._dtype], Index([label]), self.index)

    # --- selection -----------------------------------------------------------------------------------------
    def _take(self, positions):
        return Series._make([self._values[i] for i in positions], self._dtype, self.index._take(positions), self.name)

    def _slice(self, sl):
        return Series._make(self._values[sl], self._dtype, self.index._take(sl), self.name)

    def _element(self, i):
        return V.box(self._values[i], self._dtype)

    @property
    def iloc(self):
        from ._indexing import SeriesILoc

        return SeriesILoc(self)

    @property
    def loc(self):
        from ._indexing import SeriesLoc

        return SeriesLoc(self)

    def __getitem__(self, key):
        from ._indexing import mask_positions, series_getitem

        if (
            isinstance(key, Series)
            and key._dtype is V.BOOL
            or isinstance(key, list)
            and key
            and all(type(k) is bool for k in key)
            or _is_array(key)
            and getattr(key, 'dtype', None) == V.BOOL
        ):
            return self._take(mask_positions(key, self.index))
        return series_getitem(self, key)

    def __setitem__(self, key, value):
        from ._indexing import set_series

        set_series(self, key, value)

    def head(self, n=5):
        return self._slice(slice(0, n) if n >= 0 else slice(0, n))

    def tail(self, n=5):
        return self._slice(slice(max(len(self) - n, 0), None) if n >= 0 else slice(-n, None))

    def item(self):
        if len(self._values) != 1:
            raise ValueError('can only convert an array of size 1 to a Python scalar')
        return V.plain(self._element(0))

    # --- arithmetic and comparison -------------------------------------------------------------------------
    def _operand(self, other):
        """other as (values, dtype) lined up with this series, or a scalar."""
        if isinstance(other, Series):
            if not self.index.equals(other.index):
                raise unsupported(
                    'arithmetic between Series with different indexes (alignment)',
                    'use .values on one side, or reset_index(drop=True) on both',
                )
            return other._values, other._dtype, True
        if _is_array(other) or isinstance(other, (list, tuple)):
            values, dtype = V.from_array(other) if _is_array(other) else V.infer(other)
            if len(values) != len(self):
                raise ValueError('Lengths must match')
            return values, dtype, True
        if hasattr(other, 'columns'):
            return NotImplemented, None, False
        return V.plain(other), None, False

    def _binary(self, other, op, reverse=False):
        values, dtype, vector = self._operand(other)
        if values is NotImplemented:
            return NotImplemented
        objects = (
            self._dtype is V.OBJECT or dtype is V.OBJECT or not vector and not isinstance(values, (int, float, bool))
        )
        if objects:
            others = values if vector else [values] * len(self)
            out = [
                _apply_object(op, b, a) if reverse else _apply_object(op, a, b) for a, b in zip(self._values, others)
            ]
            return self._like(out, V.OBJECT)  # arithmetic on object columns stays object, as in pandas
        if op in (operator.floordiv, operator.mod) and self._dtype.kind in 'iub':
            others = values if vector else [values] * len(self)
            if (dtype is None or dtype.kind in 'iub') and any(
                (a if reverse else b) == 0 and type(b) is not float for a, b in zip(self._values, others)
            ):
                return self._like(_int_division_by_zero(op, self._values, others, reverse), V.FLOAT64)
        left = np.array(self._values, dtype=self._dtype)
        right = np.array(values, dtype=dtype) if vector else values
        with np.errstate(all='ignore'):  # pandas' operators leave numpy's warnings unsaid
            result = op(right, left) if reverse else op(left, right)
        return self._like(*V.from_array(result))

    def _compare(self, other, op):
        values, dtype, vector = self._operand(other)
        if values is NotImplemented:
            return NotImplemented
        others = values if vector else [values] * len(self)
        out = [
            bool(not (V.is_na(a) or V.is_na(b)) and op(a, b))
            if op is not operator.ne
            else bool(V.is_na(a) or V.is_na(b) or a != b)
            for a, b in zip(self._values, others)
        ]
        return self._like(out, V.BOOL)

    def __eq__(self, other):
        return self._compare(other, operator.eq)

    def __ne__(self, other):
        return self._compare(other, operator.ne)

    def __lt__(self, other):
        return self._compare(other, operator.lt)

    def __le__(self, other):
        return self._compare(other, operator.le)

    def __gt__(self, other):
        return self._compare(other, operator.gt)

    def __ge__(self, other):
        return self._compare(other, operator.ge)

    __hash__ = None

    def __neg__(self):
        return self._like(*V.from_array(-np.array(self._values, dtype=self._dtype)))

    def __invert__(self):
        return self._like(*V.from_array(~np.array(self._values, dtype=self._dtype)))

    def __abs__(self):
        return self._like(*V.from_array(abs(np.array(self._values, dtype=self._dtype))))

    def abs(self):
        return abs(self)

    def equals(self, other):
        return (
            isinstance(other, Series)
            and self._dtype == other._dtype
            and self.index.equals(other.index)
            and all(a == b or V.is_na(a) and V.is_na(b) for a, b in zip(self._values, other._values))
            and len(self) == len(other)
        )

    def isin(self, values):
        values = list(values)
        return self._like([v in values for v in self._values], V.BOOL)

    def between(self, left, right, inclusive='both'):
        return (self >= left) & (self <= right)

    # --- missing values ------------------------------------------------------------------------------------
    def isnull(self):
        return self._like([V.is_na(v) for v in self._values], V.BOOL)

    isna = isnull

    def notnull(self):
        return self._like([not V.is_na(v) for v in self._values], V.BOOL)

    notna = notnull

    def fillna(self, value=None, inplace=False):
        if value is None:
            raise unsupported('fillna without a value (method=...)')
        if isinstance(value, (dict, Series)):
            raise unsupported('Series.fillna with a dict or Series')
        value = V.plain(value)
        values = [value if V.is_na(v) else v for v in self._values]
        dtype = self._dtype
        if dtype is V.OBJECT or dtype.kind != 'f' or not isinstance(value, (int, float)) or isinstance(value, bool):
            values, dtype = (values, dtype) if dtype is V.OBJECT or dtype.kind != 'f' else V.infer(values)
        else:
            values = [float(v) for v in values]
        if inplace:
            self._set_inplace(values, dtype)
            return None
        return self._like(values, dtype)

    def _set_inplace(self, values, dtype):
        """df['Age'].fillna(m, inplace=True) changes df in pandas 1.5 (df[col] is a view): the list shared with the
        frame is changed in place when the dtype stays (a new dtype gets a list of its own, the frame's unchanged)."""
        if dtype == self._dtype:
            self._values[:] = values
        else:
            self._values, self._dtype = values, dtype

    def dropna(self):
        return self._take([i for i, v in enumerate(self._values) if not V.is_na(v)])

    # --- reductions ----------------------------------------------------------------------------------------
    # (**kwargs: numpy's dtype=None, out=None, which np.mean(s) and the like pass on to these methods)
    def _reduce(self, how, skipna=True, ddof=1):
        return reduce(self._values, self._dtype, how, skipna, ddof)

    def sum(self, axis=None, skipna=True, numeric_only=None, **kwargs):
        return self._reduce('sum', skipna)

    def mean(self, axis=None, skipna=True, numeric_only=None, **kwargs):
        return self._reduce('mean', skipna)

    def std(self, axis=None, skipna=True, ddof=1, numeric_only=None, **kwargs):
        return self._reduce('std', skipna, ddof)

    def var(self, axis=None, skipna=True, ddof=1, numeric_only=None, **kwargs):
        return self._reduce('var', skipna, ddof)

    def min(self, axis=None, skipna=True, numeric_only=None, **kwargs):
        return self._reduce('min', skipna)

    def max(self, axis=None, skipna=True, numeric_only=None, **kwargs):
        return self._reduce('max', skipna)

    def median(self, axis=None, skipna=True, numeric_only=None, **kwargs):
        return self._reduce('median', skipna)

    def prod(self, axis=None, skipna=True, numeric_only=None, **kwargs):
        return self._reduce('prod', skipna)

    def count(self):
        return self._reduce('count')

    def any(self):
        return any(bool(v) for v in self._values if not V.is_na(v))

    def all(self):
        return all(bool(v) for v in self._values if not V.is_na(v))

    def quantile(self, q=0.5):
        if isinstance(q, (list, tuple)):
            return Series(quantiles(self._values, q), index=Index(list(q)), name=self.name)
        return np.float64(quantiles(self._values, [q])[0])

    def idxmax(self):
        return self.index._labels[self._arg(max)]

    def idxmin(self):
        return self.index._labels[self._arg(min)]

    def _arg(self, pick):
        present = [(v, i) for i, v in enumerate(self._values) if not V.is_na(v)]
        best = pick(v for v, _ in present)
        return next(i for v, i in present if v == best)

    def argmax(self):
        return self._arg(max)

    def argmin(self):
        return self._arg(min)

    def nunique(self, dropna=True):
        return len(value_counts(self._values, dropna)[0])

    def unique(self):
        seen = []
        for v in self._values:
            if not any(v is s or v == s or V.is_na(v) and V.is_na(s) for s in seen):
                seen.append(v)
        if self._dtype is V.OBJECT:
            raise unsupported(
                'Series.unique() of an object column (it returns an object array)',
                'use list(s.unique()) on a numeric column, or s.value_counts().index for labels',
            )
        return np.array(seen, dtype=self._dtype)

    def mode(self, dropna=True):
        # pandas' algorithms.mode: every most frequent value, sorted, under a fresh 0..k-1 index.
        keys, counts = value_counts(self._values, dropna)
        top = [k for k, c in zip(keys, counts) if c == counts[0]] if counts else []
        order = nargsort(top)
        values = [top[i] for i in order]
        return Series._make(values, self._dtype, default_index(len(values)), self.name)

    def value_counts(self, normalize=False, sort=True, ascending=False, dropna=True):
        if is_categorical(self._dtype):
            return categorical_counts(self, normalize, sort)
        keys, counts = value_counts(self._values, dropna)
        if ascending:
            raise unsupported('value_counts(ascending=True)')
        index = Index(keys)
        if self._dtype is not V.OBJECT and keys:
            index.dtype = self._dtype
        if normalize:
            total = sum(counts)
            return Series._make([c / total for c in counts], V.FLOAT64, index, self.name)
        return Series._make(counts, V.INT64, index, self.name)

    def describe(self):
        from .frame import DataFrame

        return DataFrame({self.name if self.name is not None else 0: self}).describe().iloc[:, 0].rename(self.name)

    # --- transformations -----------------------------------------------------------------------------------
    def apply(self, func, convert_dtype=True, args=(), **kwargs):
        out = [func(self._element(i), *args, **kwargs) for i in range(len(self))]
        if any(isinstance(v, Series) for v in out):
            raise unsupported('Series.apply with a function that returns a Series')
        return self._like(*V.infer(out))

    def map(self, arg, na_action=None):
        if isinstance(arg, dict):
            out = [arg.get(v, math.nan) for v in self._values]
        elif isinstance(arg, Series):
            lookup = dict(zip(arg.index._labels, arg._values))
            out = [lookup.get(v, math.nan) for v in self._values]
        else:
            out = [
                v if na_action == 'ignore' and V.is_na(v) else arg(self._element(i)) for i, v in enumerate(self._values)
            ]
        return self._like(*V.infer(out))

    def replace(self, to_replace=None, value=None, inplace=False):
        if isinstance(to_replace, dict) and value is None:
            lookup = to_replace
        elif isinstance(to_replace, (list, tuple)):
            values = value if isinstance(value, (list, tuple)) else [value] * len(to_replace)
            lookup = dict(zip(to_replace, values))
        elif to_replace is not None and not isinstance(to_replace, dict):
            lookup = {to_replace: value}
        else:
            raise unsupported('Series.replace with a nested dict, a regex or a method')
        if any(V.is_na(k) for k in lookup):
            raise unsupported('replace() of missing values', 'use fillna')
        out = [lookup.get(v, v) if not V.is_na(v) and _hashable(v) else v for v in self._values]
        if out == self._values and all(type(a) is type(b) for a, b in zip(out, self._values)):
            values, dtype = list(self._values), self._dtype
        else:
            values, dtype = V.infer(out)
            if self._dtype is not V.OBJECT and dtype is V.OBJECT and all(not isinstance(v, str) for v in out):
                raise unsupported('replace() that mixes bools and numbers in one column')
        if inplace:
            self._set_inplace(values, dtype)
            return None
        return self._like(values, dtype)

    def round(self, decimals=0):
        return self._like(*V.from_array(np.round(np.array(self._values, dtype=self._dtype), decimals)))

    def reset_index(self, drop=False, name=None):  # without drop: a DataFrame, the index as its first column
        keep = self._like(self._values[:], index=default_index(len(self)))
        return keep if drop else self.to_frame(name).reset_index()

    def sort_values(self, ascending=True, na_position='last'):
        if na_position != 'last':
            raise unsupported("sort_values(na_position='first')")
        return self._take(nargsort(sort_key(self._values, self._dtype), ascending))

    def sort_index(self, ascending=True):
        return self._take(nargsort(self.index._labels, ascending))

    def sample(self, n=None, frac=None, replace=False, random_state=None):
        from ._construct import sample_positions

        return self._take(sample_positions(len(self), n, frac, replace, random_state))

    def to_csv(self, path_or_buf=None, **kwargs):
        return self.to_frame().to_csv(path_or_buf, **kwargs)


def _int_division_by_zero(op, left, right, reverse):
    """Integer // and % where a divisor is 0: pandas' float results (x // 0 is inf with x's sign, 0 // 0 and
    x % 0 are NaN)."""
    out = []
    for a, b in zip(left, right):
        a, b = (b, a) if reverse else (a, b)
        if b == 0:
            out.append(math.nan if op is operator.mod or a == 0 else math.copysign(math.inf, a))
        else:
            out.append(float(op(int(a), int(b))))
    return out


def _hashable(v):
    try:
        hash(v)
    except TypeError:
        return False
    return True


def _apply_object(op, a, b):
    if V.is_na(a) or V.is_na(b):
        return math.nan
    return op(a, b)


def _binop(name, op, reverse=False):
    def method(self, other):
        return self._binary(other, op, reverse)

    method.__name__ = name
    return method


for _name, _op in [
    ('add', operator.add),
    ('sub', operator.sub),
    ('mul', operator.mul),
    ('truediv', operator.truediv),
    ('floordiv', operator.floordiv),
    ('mod', operator.mod),
    ('pow', operator.pow),
    ('and', operator.and_),
    ('or', operator.or_),
    ('xor', operator.xor),
]:
    setattr(Series, f'__{_name}__', _binop(f'__{_name}__', _op))
    setattr(Series, f'__r{_name}__', _binop(f'__r{_name}__', _op, True))
    if _name not in ('and', 'or', 'xor'):
        setattr(Series, _name, _binop(_name, _op))
        setattr(Series, 'r' + _name, _binop('r' + _name, _op, True))
Series.div = Series.truediv
Series.multiply = Series.mul
Series.subtract = Series.sub
