"""pd.to_numeric: strings (and numbers) read as numbers, as pandas 1.5's maybe_convert_numeric reads them: whole
numbers give int64 unless a value is missing or fractional (then float64), an empty string or None is missing,
and a string that is no number raises, is made NaN (errors='coerce') or leaves the input as it was
(errors='ignore')."""

import math

from . import _values as V


def _parse(v):
    """A number for v, None for a missing value; ValueError for text that is no number."""
    if V.is_na(v) or v == '':
        return None
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (int, float)):
        return v
    text = str(v).strip()
    try:
        return int(text)
    except ValueError:
        return float(text)


def _convert(values, errors):
    out = []
    for position, v in enumerate(values):
        try:
            out.append(_parse(v))
        except (ValueError, TypeError):
            if errors == 'coerce':
                out.append(None)
                continue
            raise ValueError(f'Unable to parse string "{v}" at position {position}') from None
    if all(type(x) is int for x in out):
        return out, V.INT64
    return [math.nan if x is None else float(x) for x in out], V.FLOAT64


def to_numeric(arg, errors='raise', downcast=None):
    import numpy as np

    from .series import Series, _is_array
    from ._unsupported import unsupported

    if downcast is not None:
        raise unsupported('to_numeric(downcast=...)')
    if errors not in ('raise', 'coerce', 'ignore'):
        raise ValueError('invalid error value specified')
    try:
        if isinstance(arg, Series):
            if arg._dtype is not V.OBJECT:
                return arg.copy()
            return arg._like(*_convert(arg._values, errors))
        if isinstance(arg, (list, tuple)) or _is_array(arg):
            values, dtype = _convert(list(arg.tolist() if _is_array(arg) else arg), errors)
            return np.array(values, dtype=dtype)
        values, dtype = _convert([arg], errors)
        return dtype.type(values[0])
    except ValueError:
        if errors == 'ignore':
            return arg
        raise
