"""Column values as this subset keeps them: a Python list of plain values (floats, ints, bools, or any object)
with the dtype pandas would give the column: float64, int64, bool, uint8 and numpy's other numeric dtypes through
our numpy, or object (strings, mixed values, missing values kept as None or nan). Arrays are made with our numpy
when a column's numbers are asked for (values, to_numpy, reductions)."""

import math

import numpy as np

from ._unsupported import unsupported


class ObjectDtype:
    """numpy's object dtype, which our numpy does not have: the dtype of string and mixed columns."""

    name = 'object'
    kind = 'O'
    char = 'O'
    str = '|O'
    itemsize = 8
    type = object

    def __repr__(self):
        return "dtype('O')"

    def __str__(self):
        return 'object'

    def __eq__(self, other):
        return other is self or other is object or other in ('object', 'O', '|O')

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash('object')


class IntCastingNaNError(ValueError):
    """pandas.errors.IntCastingNaNError: astype(int) of a column holding NaN or inf."""


IntCastingNaNError.__module__ = 'pandas.errors'

OBJECT = ObjectDtype()
FLOAT64 = np.dtype('float64')
INT64 = np.dtype('int64')
BOOL = np.dtype('bool')
UINT8 = np.dtype('uint8')


def as_dtype(spec):
    """A dtype argument (astype, to_numpy, get_dummies): object and str are the object dtype."""
    if spec is OBJECT or spec is object or spec is str or spec in ('object', 'O', 'str'):
        return OBJECT
    if spec == 'category':  # Series.astype makes categoricals (_categorical.py); constructors do not
        raise unsupported("dtype='category' here", "make the column first, then .astype('category')")
    if spec in ('string', 'datetime64', 'datetime64[ns]', 'Int64', 'boolean'):
        raise unsupported(f"the pandas dtype {spec!r}")
    return np.dtype(spec)


def is_numeric(dtype):
    """pandas' is_numeric_dtype: numbers and bools."""
    return dtype is not OBJECT and dtype.kind in 'biuf'


def is_na(v):
    return v is None or (isinstance(v, float) and v != v)


def plain(v):
    """A numpy scalar as the Python value it holds; anything else unchanged."""
    if type(v) in (str, bytes, bool, int, float) or v is None:
        return v
    item = getattr(v, 'item', None)
    if item is not None and getattr(v, 'shape', None) == ():
        return item()
    return v


def infer(seq):
    """(values, dtype) for a Python sequence, as pandas' constructors infer them."""
    values = [plain(v) for v in seq]
    if not values:
        return values, OBJECT
    if all(type(v) is bool for v in values):
        return values, BOOL
    if all(type(v) is int for v in values):
        if all(-(1 << 63) <= v < (1 << 63) for v in values):
            return values, INT64
        return values, OBJECT
    numbers = all(v is None or (type(v) in (int, float)) for v in values)
    if numbers and any(type(v) is float for v in values) or numbers and any(v is not None for v in values):
        return [math.nan if v is None else float(v) for v in values], FLOAT64
    return values, OBJECT


def from_array(arr):
    """(values, dtype) of a 1-D numpy array or tensor."""
    if hasattr(arr, 'detach') and hasattr(arr, 'numpy'):  # a torch tensor: pandas reads it through numpy
        arr = arr.detach().numpy()
    arr = np.asarray(arr)
    if arr.ndim != 1:
        raise ValueError('Data must be 1-dimensional')
    return arr.tolist(), OBJECT if arr.dtype.kind == 'U' else arr.dtype  # strings are an object column


def cast(values, src, dtype):
    """values (of dtype src) converted to dtype, as astype does."""
    if dtype is OBJECT:
        return list(values)
    if src is OBJECT and dtype.kind in 'iub' and any(is_na(v) for v in values):
        raise ValueError('cannot convert float NaN to integer')
    if (
        src is not OBJECT
        and src.kind == 'f'
        and dtype.kind in 'iu'
        and any(v != v or v in (math.inf, -math.inf) for v in values)
    ):
        raise IntCastingNaNError('Cannot convert non-finite values (NA or inf) to integer')
    if src is OBJECT and any(isinstance(v, str) for v in values):
        if dtype.kind == 'f':
            return np.array([float(v) for v in values], dtype=dtype).tolist()
        if dtype.kind in 'iu':
            return np.array([int(v) for v in values], dtype=dtype).tolist()
        if dtype.kind == 'b':
            return [bool(v) for v in values]
    return np.array(values, dtype=dtype).tolist()


def to_array(values, dtype, target=None):
    """A numpy array of a column (or of rows of columns, a list of lists) in dtype, or in target if given."""
    if getattr(dtype, 'name', None) == 'category':  # a categorical's values, in its categories' dtype
        dtype = dtype.categories_dtype if dtype.categories_dtype.kind in 'biuf' else OBJECT
    want = dtype if target is None else as_dtype(target)
    if want is OBJECT:
        raise unsupported(
            'arrays of dtype object (string or mixed columns)',
            "our numpy has no object dtype: "
            "select the numeric columns, or encode the strings with pd.get_dummies first",
        )
    if dtype is OBJECT:
        values = _strings_as_numbers(values, want)
    return np.array(values, dtype=want)


def _strings_as_numbers(values, want):
    flat = values
    if values and isinstance(values[0], list):
        flat = [v for row in values for v in row]
    if any(isinstance(v, str) for v in flat):
        raise ValueError(
            f"could not convert string to {'float' if want.kind == 'f' else 'int'}: "
            f"{next(v for v in flat if isinstance(v, str))!r}"
        )
    if want.kind == 'f':
        conv = lambda v: math.nan if v is None else v
        return [[conv(v) for v in row] for row in values] if flat is not values else [conv(v) for v in values]
    return values


def common_dtype(dtypes):
    """The dtype of DataFrame.values over columns of these dtypes (pandas' find_common_type)."""
    dtypes = list(dtypes)
    if not dtypes:
        return FLOAT64
    if any(d is OBJECT for d in dtypes):
        return OBJECT
    if any(d.kind == 'b' for d in dtypes) and not all(d.kind == 'b' for d in dtypes):
        return OBJECT
    result = dtypes[0]
    for d in dtypes[1:]:
        result = np.promote_types(result, d)
    return result


def box(v, dtype):
    """An element as pandas hands it out: a numpy scalar of a numeric column, the object itself otherwise."""
    if dtype.kind == 'O':  # object, category and interval values are handed out as they are
        return v
    return dtype.type(v)


def nan_filled(values, dtype):
    """A float64 array of a numeric column with missing values set to 0, and the count of values present."""
    if dtype is not OBJECT and dtype.kind == 'f':
        present = [v == v for v in values]
        return np.array([v if p else 0.0 for v, p in zip(values, present)], dtype=dtype), sum(present)
    return np.array(values, dtype=dtype), len(values)
