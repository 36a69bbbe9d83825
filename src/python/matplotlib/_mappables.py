"""Artists coloured through a colormap: images (imshow) and contour sets (contour, contourf)."""

import binascii

from . import _colors as C
from ._artists import Artist, ScalarMappable
from ._values import Values, clean, contour_levels, finite, finite_range, values


class AxesImage(Artist, ScalarMappable):
    __module__ = 'matplotlib.image'
    zorder = 0

    def __init__(self, data, cmap, vmin, vmax, extent, origin, alpha, interpolation):
        self._alpha_value = alpha
        self.alpha = alpha
        self.origin = origin
        self.cmap = C.get_cmap(cmap)
        self.interpolation = interpolation
        self._extent = extent
        self.set_data(data)
        if vmin is not None:
            self.vmin = float(vmin)
        if vmax is not None:
            self.vmax = float(vmax)

    def set_data(self, data):
        v = values(data, 'image data')
        if v.ndim == 3 and v.shape[2] in (3, 4):
            self.channels = v.shape[2]
        elif v.ndim == 2:
            self.channels = 1
        else:
            raise TypeError(f'Invalid shape {v.shape} for image data')
        self.rows, self.cols = v.shape[0], v.shape[1]
        self._data = v.flat
        if self.channels == 1:
            r = finite_range(v.flat)
            self.vmin, self.vmax = r if r else (0.0, 1.0)

    def get_array(self):
        import numpy as np

        shape = (self.rows, self.cols) if self.channels == 1 else (self.rows, self.cols, self.channels)
        return np.array(self._data).reshape(shape)

    def get_extent(self):
        if self._extent is not None:
            return list(self._extent)
        if self.origin == 'upper':
            return [-0.5, self.cols - 0.5, self.rows - 0.5, -0.5]
        return [-0.5, self.cols - 0.5, -0.5, self.rows - 0.5]

    def limits(self):
        x0, x1, y0, y1 = self.get_extent()
        return (min(x0, x1), max(x0, x1)), (min(y0, y1), max(y0, y1)), (x0, x1), (y0, y1)

    def _rgba_bytes(self):
        out = bytearray(self.rows * self.cols * 4)
        d = self._data
        a = 255 if self.alpha is None else round(float(self.alpha) * 255)
        if self.channels == 1:
            cache = {}
            for i, v in enumerate(d):
                h = self.cmap.hex(min(max(self._norm(v), 0.0), 1.0)) if finite(v) else None
                if h is None:
                    continue
                rgb = cache.get(h)
                if rgb is None:
                    rgb = cache[h] = bytes.fromhex(h[1:])
                out[4 * i : 4 * i + 3] = rgb
                out[4 * i + 3] = a
            return out
        ints = all(float(v).is_integer() for v in d) and any(v > 1 for v in d)
        scale = 1 if ints else 255
        k = self.channels
        for i in range(self.rows * self.cols):
            for j in range(k):
                out[4 * i + j] = min(255, max(0, round(d[k * i + j] * scale)))
            out[4 * i + 3] = round(out[4 * i + 3] * a / 255) if k == 4 else a
        return out

    def to_json(self):
        rgba = self._rgba_bytes()
        x0, x1, y0, y1 = self.get_extent()
        # Row 0 of the data is drawn at y0 + ... : matplotlib's origin 'upper' puts it at the top edge.
        if self.origin == 'lower':
            rows = [rgba[r * self.cols * 4 : (r + 1) * self.cols * 4] for r in range(self.rows)]
            rgba = b''.join(reversed(rows))
            top, bottom = y1, y0
        else:
            top, bottom = y0, y1
        return {
            'kind': 'image',
            'cols': self.cols,
            'rows': self.rows,
            'rgba': binascii.b2a_base64(bytes(rgba), newline=False).decode('ascii'),
            'extent': [x0, x1, top, bottom],
            'smooth': self.interpolation not in (None, 'nearest', 'none', 'antialiased'),
        }


class QuadContourSet(Artist, ScalarMappable):
    __module__ = 'matplotlib.contour'
    zorder = 1

    def __init__(self, filled, x, y, z, levels, cmap, colors, alpha, linewidths, vmin, vmax, linestyles):
        self.filled = filled
        self._x, self._y, self._z = x, y, z
        zr = finite_range(z.flat)
        if zr is None:
            raise ValueError('contour: z has no finite values')
        self.zmin, self.zmax = zr
        if levels is None or isinstance(levels, int):
            lev = contour_levels(self.zmin, self.zmax, 7 if levels is None else levels)
        else:
            lev = [float(v) for v in values(levels, 'levels').flat]
        if filled and len(lev) < 2:
            raise ValueError('Filled contours require at least 2 levels.')
        if any(b <= a for a, b in zip(lev, lev[1:])):
            raise ValueError('Contour levels must be increasing')
        self._levels = lev
        self.cmap = C.get_cmap(cmap)
        self.colors = colors
        self.alpha = alpha
        self.linewidths = linewidths
        self.linestyles = linestyles
        self.vmin = float(vmin) if vmin is not None else lev[0]
        self.vmax = float(vmax) if vmax is not None else lev[-1]

    @property
    def levels(self):
        """numpy's array of the levels, as matplotlib's cs.levels prints."""
        import numpy as np

        return np.array(self._levels, dtype=float)

    def _colors(self):
        n = len(self._levels) - 1 if self.filled else len(self._levels)
        if self.colors is not None:
            given = [self.colors] if isinstance(self.colors, str) else list(self.colors)
            return [C.to_hex(given[i % len(given)]) for i in range(n)]
        layers = [(a + b) / 2 for a, b in zip(self._levels, self._levels[1:])] if self.filled else list(self._levels)
        return [self.cmap.hex(min(max(self._norm(v), 0.0), 1.0)) for v in layers]

    def limits(self):
        xr, yr = finite_range(self._x), finite_range(self._y)
        return xr, yr, xr or (), yr or ()

    def to_json(self):
        return {
            'kind': 'contour',
            'filled': self.filled,
            'x': clean(self._x),
            'y': clean(self._y),
            'z': clean(self._z.flat),
            'levels': clean(self._levels),
            'colors': self._colors(),
            'alpha': 1.0 if self.alpha is None else float(self.alpha),
            'width': 1.5 if self.linewidths is None else float(self.linewidths),
            'style': '--' if self.linestyles in ('dashed', '--') else '-',
        }


def grid_axes(X, Y, z, name):
    """contour's X, Y (1-D, or 2-D as from meshgrid) as one coordinate vector each, and z laid out with x
    along its columns: grids in meshgrid's 'ij' layout (torch.meshgrid's default, x down the rows) are
    transposed, as matplotlib draws any rectilinear grid."""
    rows, cols = z.shape
    if X is None:
        return [float(i) for i in range(cols)], [float(j) for j in range(rows)], z
    X, Y = values(X, 'X'), values(Y, 'Y')
    if X.ndim == 1 and Y.ndim == 1:
        if len(X.flat) != cols or len(Y.flat) != rows:
            raise TypeError(f'Length of x ({len(X.flat)}) must match number of columns in z ({cols})')
        return X.flat, Y.flat, z
    if X.shape != z.shape or Y.shape != z.shape:
        raise TypeError(f'Shapes of x {X.shape} and z {z.shape} do not match')
    xs, ys = X.flat[:cols], Y.flat[::cols]
    if _along_columns(X.flat, rows, cols) and _along_rows(Y.flat, rows, cols):
        return xs, ys, z
    if _along_rows(X.flat, rows, cols) and _along_columns(Y.flat, rows, cols):
        flat = z.flat
        transposed = Values([flat[r * cols + c] for c in range(cols) for r in range(rows)], (cols, rows))
        return X.flat[::cols], Y.flat[:cols], transposed
    raise NotImplementedError(
        f'{name} on a curvilinear grid is not supported by Backprop Lens (use X, Y from np.meshgrid of two 1-D arrays)'
    )


def _along_columns(flat, rows, cols):
    """Whether a 2-D grid's values change only along its columns (every row the same)."""
    first = flat[:cols]
    return all(flat[r * cols : (r + 1) * cols] == first for r in range(1, rows))


def _along_rows(flat, rows, cols):
    """Whether a 2-D grid's values change only down its rows (every column the same)."""
    return all(flat[r * cols : (r + 1) * cols] == [flat[r * cols]] * cols for r in range(rows))
