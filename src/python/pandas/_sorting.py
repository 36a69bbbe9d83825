"""The orders pandas sorts in: nargsort (one key, numpy's quicksort, so equal values come out where pandas puts
them) and lexsort_indexer (several keys, stable)."""

from . import _values as V


def nargsort(values, ascending=True):
    """pandas' nargsort: positions that sort values with missing ones last, through numpy's (unstable)
    quicksort argsort, so equal values come out in pandas' order."""
    from numpy._sorting import _aquicksort  # our numpy's port of numpy's argsort quicksort

    present = [i for i, v in enumerate(values) if not V.is_na(v)]
    missing = [i for i, v in enumerate(values) if V.is_na(v)]
    if not ascending:
        present = present[::-1]
    order = [present[k] for k in _aquicksort([values[i] for i in present])]
    if not ascending:
        order = order[::-1]
    return order + missing


def lexsort_indexer(keys, ascending):
    """Positions sorting rows by several columns: each ranked among its sorted distinct values (missing last),
    then a stable sort, as pandas' lexsort_indexer."""
    ranks = []
    for values, up in zip(keys, ascending):
        levels = sorted({v for v in values if not V.is_na(v)})
        n = len(levels)
        where = {v: k for k, v in enumerate(levels)}
        ranks.append([n if V.is_na(v) else (where[v] if up else n - where[v] - 1) for v in values])
    return sorted(range(len(keys[0]) if keys else 0), key=lambda i: tuple(r[i] for r in ranks))
