"""Errors for pandas features Backprop Lens does not have: each names the feature and what the subset has."""

SUPPORTED_HINT = (
    "Backprop Lens' pandas subset has DataFrame and Series (from dicts, lists and numpy arrays; head/tail, shape, "
    "columns, dtypes, info, describe, column and iloc/loc selection, values/to_numpy, drop, fillna, dropna, "
    "isnull/isna, apply, map, mean/std/sum/min/max, agg, corr, value_counts, mode, sort_values, groupby(column or "
    "columns) with size/count/sum/mean/std/min/max/nunique and agg (names, dicts, named aggregation, lists), "
    "unstack, query, sample, astype, to_csv, the .str methods, merge, set_index, reset_index, "
    "drop_duplicates, nlargest, cumsum/shift/diff, T, to_dict, itertuples, to_numeric, astype('category') with "
    ".cat.codes/.cat.categories), read_csv, concat, get_dummies, melt, cut, qcut and crosstab, for "
    "preparing tabular data for torch. See README 'Supported PyTorch'."
)


class MissingModule(NotImplementedError, ImportError):
    """NotImplementedError for a pandas module we lack; also an ImportError, so a file's `except ImportError:`
    fallback still runs."""


MissingModule.__name__ = MissingModule.__qualname__ = 'NotImplementedError'
MissingModule.__module__ = 'builtins'


def missing_module(fullname):
    """The error for importing pandas.X.Y that our subset lacks, when pandas 1.5.3 has X; None otherwise."""
    from ._names import NAMES

    if fullname.split('.')[1] not in NAMES['pandas']:
        return None
    return MissingModule(f"The module {fullname} is not supported by Backprop Lens. {SUPPORTED_HINT}", name=fullname)


def unsupported(feature, hint=None):
    detail = f" ({hint})" if hint else ''
    return NotImplementedError(f"{feature} is not supported by Backprop Lens{detail}. {SUPPORTED_HINT}")


def missing_name(owner, name):
    """The error for `owner.name` when pandas 1.5.3 has that name and our subset does not; None for a name pandas
    lacks too (the caller raises its usual AttributeError)."""
    from ._names import NAMES

    if name in NAMES.get(owner, ()):
        return unsupported(f"{'pandas' if owner == 'pandas' else 'pandas.' + owner}.{name}")
    return None


def module_getattr(module):
    def __getattr__(name):
        error = missing_name('pandas', name)
        if error is not None:
            raise error
        raise AttributeError(f"module '{module}' has no attribute '{name}'")

    return __getattr__
