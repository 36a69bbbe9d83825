"""Reductions of one column as pandas' nanops computes them: missing values skipped (a float column's NaNs count
as zeros in the sum, which is divided by the count present), numpy's sums, a sample (ddof=1) standard deviation,
numpy's linear-interpolation percentiles; results as numpy scalars of pandas' result dtype."""

import math
import struct

import numpy as np

from . import _values as V
from ._sorting import nargsort


def _present(values):
    return [v for v in values if not V.is_na(v)]


def reduce(values, dtype, how, skipna=True, ddof=1):
    if dtype is V.OBJECT:
        return _reduce_object(values, how, skipna)
    if how == 'count':
        return len(_present(values))
    if not skipna and dtype.kind == 'f' and any(v != v for v in values):
        return np.float64(math.nan) if how not in ('min', 'max') else dtype.type(math.nan)
    arr, count = V.nan_filled(values, dtype)
    if how == 'sum':
        if dtype.kind in 'biu':
            return np.int64(sum(int(v) for v in values)) if dtype.kind != 'u' else np.uint64(sum(values))
        return arr.sum()
    if how == 'mean':
        if count == 0:
            return np.float64(math.nan)
        if dtype.kind == 'f':
            # nanmean sums a float column in its own dtype and divides by a count of that dtype (float32 stays).
            return arr.sum() / dtype.type(count)
        return np.float64(float(arr.astype('float64').sum()) / count)
    if how in ('std', 'var'):
        if count - ddof <= 0:
            return np.float64(math.nan) if dtype.kind == 'b' or not skipna else math.nan
        if skipna and dtype.kind != 'b':
            return _bottleneck_var(_present(values), dtype, ddof, how == 'std')
        present = np.array([float(v) for v in _present(values)], dtype='float64')
        avg = float(present.sum()) / count
        sqr = (present - avg) ** 2
        var = float(sqr.sum()) / (count - ddof)
        result = np.float64(math.sqrt(var) if how == 'std' else var)
        return dtype.type(result) if dtype.kind == 'f' else result
    present = _present(values)
    if how in ('min', 'max'):
        if not present:
            return np.float64(math.nan)
        best = min(present) if how == 'min' else max(present)
        # bottleneck's nanmin/nanmax (used by pandas when installed) hand back Python numbers.
        return V.box(best, dtype) if dtype.kind == 'b' or not skipna else V.plain(V.box(best, dtype))
    if how == 'median':
        if not present:
            return np.float64(math.nan)
        median = float(np.percentile(np.array(present, dtype='float64'), 50))
        if dtype.kind == 'b':
            return np.float64(median)
        return float(np.float32(median)) if dtype == np.float32 else median
    if how == 'prod':
        # nanprod skips a missing value as the product's identity, 1 (nan_filled's zeros are the sum's)
        return V.nan_filled([1.0 if V.is_na(v) else v for v in values], dtype)[0].prod()
    raise ValueError(how)


def _to_float32(x):
    try:
        return struct.unpack('f', struct.pack('f', x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def _bottleneck_var(present, dtype, ddof, std):
    """bottleneck's nanvar/nanstd, which pandas uses when bottleneck is installed (as in the reference): two
    passes of plain running sums kept in the column's float dtype (float64 for integers), returned as a Python
    float. Each float32 step is rounded from the exact double result, which is what float32 arithmetic gives."""
    r = _to_float32 if dtype == np.float32 else float
    total = 0.0
    for v in present:
        total = r(total + float(v))
    mean = r(total / len(present))
    total = 0.0
    for v in present:
        d = r(float(v) - mean)
        total = r(total + r(d * d))
    var = r(total / (len(present) - ddof))
    return r(math.sqrt(var)) if std else var


def _reduce_object(values, how, skipna):
    present = _present(values) if skipna else values
    if how == 'count':
        return len(_present(values))
    if how in ('min', 'max'):
        return min(present) if how == 'min' else max(present)
    if how == 'sum':
        if not present:
            return 0
        total = present[0]
        for v in present[1:]:
            total = total + v
        return total
    raise TypeError(
        f"could not convert string to float: {present[0]!r}"
        if present and isinstance(present[0], str)
        else f"cannot perform {how} with type object"
    )


def quantiles(values, qs):
    present = np.array([float(v) for v in _present(values)], dtype='float64')
    if len(present) == 0:
        return [math.nan for _ in qs]
    return [float(x) for x in np.percentile(present, [q * 100 for q in qs]).tolist()]


def value_counts(values, dropna=True):
    """(keys, counts) by count, most frequent first: keys in order of first appearance, then sorted by count as
    pandas sorts them (equal counts in the order its quicksort leaves them)."""
    counts = {}
    nan_count = 0
    for v in values:
        if V.is_na(v):
            nan_count += 1
        else:
            counts[v] = counts.get(v, 0) + 1
    items = list(counts.items())
    if not dropna and nan_count:
        items.append((math.nan, nan_count))
    order = nargsort([c for _, c in items], ascending=False)
    return [items[i][0] for i in order], [items[i][1] for i in order]
