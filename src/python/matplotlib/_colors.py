"""Colours as matplotlib reads them: names ('red', 'tab:blue', 'C3', 'k'), hex strings, grey levels ('0.5'),
RGB(A) tuples; the colormaps with their lookup tables; and the format strings of plot ('r--', 'bo')."""

import re

from . import _data_tables as T

_HEX = re.compile(r'#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$')
_CN = re.compile(r'C(\d+)$')


def _bad(c):
    return ValueError(f'{c!r} is not a valid value for color')


_BASE = {
    'b': (0.0, 0.0, 1.0),
    'g': (0.0, 0.5, 0.0),
    'r': (1.0, 0.0, 0.0),
    'c': (0.0, 0.75, 0.75),
    'm': (0.75, 0.0, 0.75),
    'y': (0.75, 0.75, 0.0),
    'k': (0.0, 0.0, 0.0),
    'w': (1.0, 1.0, 1.0),
}


def to_rgba(c, alpha=None):
    """(r, g, b, a) floats in [0, 1], as matplotlib.colors.to_rgba."""
    if isinstance(c, str):
        s = c.strip()
        low = s.lower()
        if low == 'none':
            return (0.0, 0.0, 0.0, 0.0)
        m = _CN.match(s)
        if m:
            return to_rgba(T.CYCLE[int(m.group(1)) % len(T.CYCLE)], alpha)
        if s in _BASE:
            # matplotlib's base colours are exact tuples (g is 0.5 green, not #008000); alpha 1 prints as 1.
            return _BASE[s] + (1 if alpha is None else alpha,)
        if low in T.NAMED:
            s = T.NAMED[low]
        m = _HEX.match(s)
        if m:
            h = m.group(1)
            if len(h) in (3, 4):
                h = ''.join(ch * 2 for ch in h)
            vals = [int(h[i : i + 2], 16) / 255 for i in range(0, len(h), 2)]
            if len(vals) == 3:
                vals.append(1.0)
            if alpha is not None:
                vals[3] = alpha
            return tuple(vals)
        try:
            grey = float(s)
        except ValueError:
            raise _bad(c) from None
        if not 0 <= grey <= 1:
            raise ValueError(f'Invalid string grayscale value {c!r}. Value must be within 0-1 range')
        return (grey, grey, grey, 1.0 if alpha is None else alpha)
    try:
        vals = [float(v) for v in c]
    except (TypeError, ValueError):
        raise _bad(c) from None
    if len(vals) not in (3, 4) or any(not 0 <= v <= 1 for v in vals):
        raise ValueError('RGBA values should be within 0-1 range') if len(vals) in (3, 4) else _bad(c)
    if len(vals) == 3:
        vals.append(1.0)
    if alpha is not None:
        vals[3] = alpha
    return tuple(vals)


def to_hex(c):
    r, g, b, _ = to_rgba(c)
    return '#%02x%02x%02x' % (round(r * 255), round(g * 255), round(b * 255))


def is_color_like(c):
    try:
        to_rgba(c)
        return True
    except (ValueError, TypeError):
        return False


class Colormap:
    """A named colormap: calling it with values in [0, 1] gives RGBA tuples, as matplotlib's."""

    def __init__(self, name, table, reverse=False, exact=None):
        self.name = name
        self._table = table
        self._reverse = reverse
        self.N = len(table) // 6
        self._exact = exact  # a resampled listed map's own floats (else looked up by name)

    def _hex_at(self, i):
        if self._reverse:
            i = self.N - 1 - i
        return '#' + self._table[6 * i : 6 * i + 6]

    def hex(self, x):
        """The colour of x in [0, 1] (NaN: transparent, None returned)."""
        if x != x:
            return None
        i = int(x * self.N) if x < 1 else self.N - 1
        return self._hex_at(min(max(i, 0), self.N - 1))

    def _rgba_at(self, i, alpha):
        """Entry i of the lookup table: matplotlib's own floats where it holds more than 8 bits (_cmap_exact)."""
        exact = self._exact or _exact_values(self.name[:-2] if self.name.endswith('_r') else self.name)
        if exact is None or len(exact) != 3 * self.N:
            return to_rgba(self._hex_at(i), alpha)
        if self._reverse:
            i = self.N - 1 - i
        return (*exact[3 * i : 3 * i + 3], 1.0 if alpha is None else alpha)

    def _one(self, x, alpha, as_bytes):
        if isinstance(x, float):
            if x != x:
                rgba = (0.0, 0.0, 0.0, 0.0)  # 'bad' values: transparent
            else:
                i = int(x * self.N) if x < 1 else self.N - 1
                rgba = self._rgba_at(min(max(i, 0), self.N - 1), alpha)
        else:
            rgba = self._rgba_at(min(max(x, 0), self.N - 1), alpha)
        if alpha is not None and x == x:
            rgba = rgba[:3] + (min(max(alpha, 0), 1),)
        # bytes=True: the table times 255 cut to uint8 (truncated, as numpy's astype), alpha too.
        return tuple(int(v * 255) for v in rgba) if as_bytes else rgba

    def __call__(self, x, alpha=None, bytes=False):
        if isinstance(x, (int, float)):
            return self._one(float(x) if isinstance(x, float) else x, alpha, bytes)
        # An array (or list) of values gives numpy's (..., 4) array of RGBA rows, as matplotlib's does;
        # integers index the table, floats are fractions of it.
        import numpy as np

        a = np.asarray(x)
        whole = a.dtype.kind in 'iu'
        rows = [self._one(int(v) if whole else float(v), alpha, bytes) for v in a.ravel().tolist()]
        return np.array(rows, dtype=np.uint8 if bytes else float).reshape(tuple(a.shape) + (4,))

    def reversed(self):
        base = self.name[:-2] if self.name.endswith('_r') else self.name + '_r'
        return Colormap(base, self._table, not self._reverse, self._exact)

    def resampled(self, lutsize):
        """The colormap with lutsize entries (plt.get_cmap('viridis', 10): ten class colours). A listed map picks
        its entries as calling it does; a segmented one is sampled at i / (lutsize - 1), as matplotlib
        re-interpolates its segments (from our 256-entry table, the nearest entry)."""
        lutsize = int(lutsize)
        base = self.name[:-2] if self.name.endswith('_r') else self.name
        if base in T.LISTED or base in _LISTED_256:
            at = [i / (lutsize - 1) if lutsize > 1 else 0.0 for i in range(lutsize)]
            picks = [self.hex(x) for x in at]
            exact = tuple(v for x in at for v in self(x)[:3]) if _exact_values(base) else None
            return Colormap(self.name, ''.join(h[1:] for h in picks), exact=exact)
        else:
            picks = [self._hex_at(round(i * (self.N - 1) / max(lutsize - 1, 1))) for i in range(lutsize)]
        return Colormap(self.name, ''.join(h[1:] for h in picks))

    def __repr__(self):
        return f'<matplotlib.colors.Colormap object: {self.name}>'


def _exact_values(name):
    """matplotlib's floats for a listed map that has them (as a tuple), else None."""
    from . import _cmap_exact

    cached = _EXACT_CACHE.get(name)
    if cached is None and name in _cmap_exact.VALUES:
        cached = _EXACT_CACHE[name] = tuple(float(v) for v in _cmap_exact.VALUES[name].split())
    return cached


_EXACT_CACHE = {}

# matplotlib's perceptually uniform maps are ListedColormaps of 256 colours (the rest of T.CMAPS are segmented).
_LISTED_256 = frozenset({'viridis', 'plasma', 'inferno', 'magma', 'cividis'})


def get_cmap(name=None, lut=None):
    if lut is not None:
        return get_cmap(name).resampled(lut)
    if name is None:
        name = 'viridis'
    if isinstance(name, Colormap):
        return name
    if not isinstance(name, str):
        raise TypeError(f'cmap must be a str or Colormap, not {type(name).__name__}')
    base, rev = (name[:-2], True) if name.endswith('_r') else (name, False)
    if base not in T.CMAPS:
        shown = ', '.join(sorted(T.CMAPS))
        raise ValueError(f'{name!r} is not a valid value for cmap; supported values are {shown} (and each with _r)')
    return Colormap(name, T.CMAPS[base], rev)


_MARKERS = set('.,ov^<>12348spP*hH+xXDd|_')
_STYLES = ('--', '-.', '-', ':')


def parse_fmt(fmt):
    """plot's format string: (linestyle, marker, color), each None when not given."""
    # As matplotlib: a whole colour spec is a colour ('r', 'C1', 'tab:red', '0.5'), except '1'..'4' (markers).
    if is_color_like(fmt) and not fmt.strip().isdigit():
        return None, None, to_rgba(fmt)
    linestyle = marker = color = None
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        two = fmt[i : i + 2]
        if two in ('--', '-.'):
            if linestyle is not None:
                raise ValueError(f'Illegal format string {fmt!r}; two linestyle symbols')
            linestyle, i = two, i + 2
            continue
        if ch in '-:':
            if linestyle is not None:
                raise ValueError(f'Illegal format string {fmt!r}; two linestyle symbols')
            linestyle = ch
        elif ch in _MARKERS:
            if marker is not None:
                raise ValueError(f'Illegal format string {fmt!r}; two marker symbols')
            marker = ch
        elif ch == 'C' and i + 1 < len(fmt) and fmt[i + 1].isdigit():
            j = i + 1
            while j < len(fmt) and fmt[j].isdigit():
                j += 1
            if color is not None:
                raise ValueError(f'Illegal format string {fmt!r}; two color symbols')
            color, i = fmt[i:j], j
            continue
        elif ch in 'bgrcmykw':
            if color is not None:
                raise ValueError(f'Illegal format string {fmt!r}; two color symbols')
            color = ch
        else:
            raise ValueError(f'Unrecognized character {ch} in format string {fmt!r}')
        i += 1
    return linestyle, marker, color


LINESTYLES = {
    '-': '-',
    'solid': '-',
    '--': '--',
    'dashed': '--',
    ':': ':',
    'dotted': ':',
    '-.': '-.',
    'dashdot': '-.',
    '': '',
    ' ': '',
    'none': '',
    'None': '',
    None: '',
}


def linestyle(ls):
    if ls not in LINESTYLES:
        raise ValueError(f'{ls!r} is not a valid value for ls; supported values are {", ".join(map(repr, _STYLES))}')
    return LINESTYLES[ls]


def marker(m):
    if m in (None, '', ' ', 'None', 'none'):
        return ''
    if m not in _MARKERS:
        raise ValueError(f'Unrecognized marker style {m!r}')
    return m
