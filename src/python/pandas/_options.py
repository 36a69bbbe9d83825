"""pd.set_option / get_option / reset_option for the display options our printing follows. display.width is
honoured (it wraps Index reprs, such as df.columns); the others may be read, or set to the value they already
have (a script's own defaults: frames fit the 80-column terminal), since our formatting does not follow other
values of them."""

from ._unsupported import unsupported

# pandas 1.5's values outside an interactive session (display.max_columns is 0 when run as a script).
DEFAULTS = {
    'display.width': 80,
    'display.max_rows': 60,
    'display.min_rows': 10,
    'display.max_columns': 0,
    'display.max_colwidth': 50,
    'display.precision': 6,
}
_HONOURED = {'display.width'}
_current = dict(DEFAULTS)


def _key(pat):
    if pat not in _current:
        raise unsupported(f"pandas option {pat!r}", f"the subset knows {', '.join(sorted(_current))}")
    return pat


def get_option(pat):
    return _current[_key(pat)]


def set_option(*args):
    if not args or len(args) % 2:
        raise ValueError('Must provide an even number of non-keyword arguments')
    for pat, value in zip(args[::2], args[1::2]):
        key = _key(pat)
        if key == 'display.width' and not (value is None or isinstance(value, int)):
            raise ValueError("Value must be an instance of <class 'NoneType'>|<class 'int'>")
        if key not in _HONOURED and value != _current[key]:
            raise unsupported(f'pd.set_option({key!r}, {value!r})', 'our printing follows its default only')
        _current[key] = value


def reset_option(pat):
    keys = list(_current) if pat == 'all' else [_key(pat)]
    for key in keys:
        _current[key] = DEFAULTS[key]


def display_width():
    """display.width as pandas' Index formatting reads it (None means the 80-column default)."""
    width = _current['display.width']
    return 80 if width is None else width
