"""mpl_toolkits.mplot3d.art3d: the 3-D artists (surfaces, wireframes, lines, scatter points, contour lines,
texts) and the view that projects them. A 3-D Axes is sent to the runtime already projected: each artist
becomes the 2-D artists of src/protocol.ts (`polys` for surface faces, `line`, `scatter`, `text`), drawn far
to near as matplotlib's computed z-order draws them."""

import math

from . import _colors as C
from ._artists import Artist, Line2D, PathCollection, ScalarMappable, Text
from ._values import clean, finite, finite_range

# matplotlib 3.6's box: aspect 4:4:3, the eye 10 units from its centre, the box about 1.14 units wide.
BOX = (1.0, 1.0, 0.75)
EYE = 10.0 / 1.143


class View:
    """The projection of data coordinates onto the screen plane: limits normalised to the box, rotated by
    azimuth and elevation (degrees, matplotlib's convention: azim -60, elev 30 by default), then a mild
    perspective. `project` gives (x, y, depth); larger depth is nearer the eye."""

    def __init__(self, xlim, ylim, zlim, elev, azim):
        self.lims = (xlim, ylim, zlim)
        e, a = math.radians(elev), math.radians(azim)
        self.eye = (math.cos(e) * math.cos(a), math.cos(e) * math.sin(a), math.sin(e))
        self.right = (-math.sin(a), math.cos(a), 0.0)
        self.up = (-math.sin(e) * math.cos(a), -math.sin(e) * math.sin(a), math.cos(e))

    def norm(self, x, y, z):
        out = []
        for v, (lo, hi), k in zip((x, y, z), self.lims, BOX):
            span = hi - lo
            out.append(((v - lo) / span - 0.5) * k if span else 0.0)
        return out

    def project(self, x, y, z):
        p = self.norm(x, y, z)
        d = sum(a * b for a, b in zip(p, self.eye))
        f = EYE / (EYE - d)
        return sum(a * b for a, b in zip(p, self.right)) * f, sum(a * b for a, b in zip(p, self.up)) * f, d

    def project_all(self, xs, ys, zs):
        px, py, pd = [], [], []
        for x, y, z in zip(xs, ys, zs):
            if finite(x) and finite(y) and finite(z):
                a, b, d = self.project(x, y, z)
            else:
                a = b = d = math.nan
            px.append(a)
            py.append(b)
            pd.append(d)
        return px, py, pd


def _mean(seq):
    seq = [v for v in seq if finite(v)]
    return sum(seq) / len(seq) if seq else -math.inf


def juggle(zdir, xs, ys, zs):
    """Coordinates given with zdir='x' or 'y' (the data's third coordinate along another axis)."""
    if zdir == 'x':
        return zs, xs, ys
    if zdir == 'y':
        return xs, zs, ys
    if zdir in ('z', None):
        return xs, ys, zs
    raise ValueError(f"zdir must be one of 'x', 'y', 'z', not {zdir!r}")


class Line3D(Line2D):
    """A line of ax.plot(xs, ys, zs): the 2-D line's style with a z coordinate per point."""

    __module__ = 'mpl_toolkits.mplot3d.art3d'

    def get_data_3d(self):
        return list(self._x), list(self._y), list(self._zs)

    def set_data_3d(self, xs, ys, zs):
        from ._values import values

        self._x, self._y, self._zs = values(xs).flat, values(ys).flat, values(zs).flat

    def limits3d(self):
        return finite_range(self._x), finite_range(self._y), finite_range(self._zs)

    def projected(self, view):
        px, py, pd = view.project_all(self._x, self._y, self._zs)
        d = self.to_json()
        d['x'], d['y'] = clean(px), clean(py)
        return _mean(pd), [d]


class Path3DCollection(PathCollection):
    """Points of ax.scatter(xs, ys, zs): drawn far to near, fainter with distance (depthshade)."""

    __module__ = 'mpl_toolkits.mplot3d.art3d'
    depthshade = True

    def limits3d(self):
        return finite_range(self._x), finite_range(self._y), finite_range(self._zs)

    def projected(self, view):
        px, py, pd = view.project_all(self._x, self._y, self._zs)
        d = self.to_json()
        order = sorted(range(len(px)), key=lambda i: pd[i] if finite(pd[i]) else -math.inf)
        d['x'] = clean([px[i] for i in order])
        d['y'] = clean([py[i] for i in order])
        for k in ('sizes', 'colors'):
            if len(d[k]) > 1:
                d[k] = [d[k][i] for i in order]
        if self.depthshade and len(px) > 1:
            # matplotlib fades far points to 30% of their alpha; one alpha per artist here: the mean fade.
            fin = [v for v in pd if finite(v)]
            if fin and max(fin) > min(fin):
                d['alpha'] = d['alpha'] * 0.65
        return _mean(pd), [d]


class Poly3DCollection(Artist, ScalarMappable):
    """plot_surface's quadrilaterals: coloured by the mean z of each face through a colormap, or one colour
    shaded by the faces' slope to the light (matplotlib's default shading)."""

    __module__ = 'mpl_toolkits.mplot3d.art3d'

    def __init__(self, quads, cmap, color, alpha, edgecolor, linewidth, vmin, vmax, shade):
        self._quads = quads  # [(xs, ys, zs) of 4 corners]
        self.cmap = C.get_cmap(cmap) if cmap is not None else None
        self.color = color
        self.alpha = alpha
        self.edgecolor = edgecolor
        self.linewidth = linewidth
        self.shade = shade
        self._face_z = [_mean(q[2]) for q in quads]
        r = finite_range(self._face_z) or (0.0, 1.0)
        self.vmin = r[0] if vmin is None else float(vmin)
        self.vmax = r[1] if vmax is None else float(vmax)

    def get_array(self):
        import numpy as np

        return np.array(self._face_z)

    def limits3d(self):
        xs = [v for q in self._quads for v in q[0]]
        ys = [v for q in self._quads for v in q[1]]
        zs = [v for q in self._quads for v in q[2]]
        return finite_range(xs), finite_range(ys), finite_range(zs)

    def _face_colors(self, view):
        if self.cmap is not None:
            return [self.cmap.hex(min(max(self._norm(z), 0.0), 1.0)) for z in self._face_z]
        r, g, b, _ = C.to_rgba(self.color)
        if not self.shade:
            return [C.to_hex((r, g, b))] * len(self._quads)
        out = []
        for q in self._quads:
            k = 0.3 + 0.7 * _light(view, q)
            out.append(C.to_hex((r * k, g * k, b * k)))
        return out

    def projected(self, view):
        colors = self._face_colors(view)
        faces = []
        for q, c in zip(self._quads, colors):
            px, py, pd = view.project_all(*q)
            if all(finite(v) for v in px + py):
                faces.append((sum(pd) / 4, px, py, c))
        faces.sort(key=lambda f: f[0])
        d = {
            'kind': 'polys',
            'n': 4,
            'x': [v for f in faces for v in f[1]],
            'y': [v for f in faces for v in f[2]],
            'colors': [f[3] for f in faces],
            'edge': '' if self.edgecolor is None else C.to_hex(self.edgecolor),
            'edgeWidth': float(self.linewidth or 0.0),
            'alpha': 1.0 if self.alpha is None else float(self.alpha),
        }
        return _mean([f[0] for f in faces]), [d]


def _light(view, q):
    """|cos| of the angle between a face's normal and matplotlib's light (from azimuth 225, altitude 19.5)."""
    p = [view.norm(x, y, z) for x, y, z in zip(*q)]
    u = [p[2][i] - p[0][i] for i in range(3)]
    v = [p[3][i] - p[1][i] for i in range(3)]
    n = (u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0])
    length = math.sqrt(sum(c * c for c in n))
    if not length:
        return 1.0
    az, alt = math.radians(225), math.radians(19.47)
    light = (math.cos(alt) * math.cos(az), math.cos(alt) * math.sin(az), math.sin(alt))
    return abs(sum(a * b for a, b in zip(n, light))) / length


class Line3DCollection(Artist):
    """plot_wireframe's lines (and 3-D contour lines): polylines of (xs, ys, zs), one colour each."""

    __module__ = 'mpl_toolkits.mplot3d.art3d'

    def __init__(self, segments, colors, linewidth, alpha, label=''):
        self._segments = segments
        self.colors = colors
        self.linewidth = float(linewidth)
        self.alpha = alpha
        self.set_label(label)

    def get_segments(self):
        return [list(zip(*s)) for s in self._segments]

    def limits3d(self):
        cols = [[v for s in self._segments for v in s[i]] for i in range(3)]
        return tuple(finite_range(c) for c in cols)

    def projected(self, view):
        out, depths = [], []
        for i, (xs, ys, zs) in enumerate(self._segments):
            px, py, pd = view.project_all(xs, ys, zs)
            depths += pd
            line = Line2D(px, py, self.colors[i % len(self.colors)], self.linewidth, alpha=self.alpha)
            line.set_label(self._label if i == 0 else '')
            out.append(line.to_json())
        return _mean(depths), out


class Contour3DSet(Line3DCollection, ScalarMappable):
    """contour / contourf on a 3-D Axes: each level's lines at its height, or flat at `offset` along zdir;
    filled contours as the grid's cells coloured by their band, flat at the offset."""

    __module__ = 'matplotlib.contour'

    def __init__(self, base, zdir, offset):
        self.base = base  # the 2-D QuadContourSet: levels, colours, colormap
        self.cmap, self.levels, self.vmin, self.vmax = base.cmap, base._levels, base.vmin, base.vmax
        self._zdir, self._offset = zdir, offset
        width = 1.5 if base.linewidths is None else float(base.linewidths)
        segments, colors = [], []
        if not base.filled:
            for level, color in zip(base._levels, base._colors()):
                for (x0, y0), (x1, y1) in _marching(base._x, base._y, base._z, level):
                    h = level if offset is None else offset
                    segments.append(juggle(zdir, [x0, x1], [y0, y1], [h, h]))
                    colors.append(color)
        super().__init__(segments, colors or ['#000000'], width, base.alpha)
        # The limits come from the data (X, Y, Z), not from the offset plane, as in matplotlib.
        self._data_limits = juggle(zdir, finite_range(base._x), finite_range(base._y), (base.zmin, base.zmax))

    def limits3d(self):
        return self._data_limits

    def projected(self, view):
        if not self.base.filled:
            return super().projected(view)
        bands = self.base._colors()
        lev = self.base._levels
        quads = []
        for xs, ys, zmean in self._cells_at():
            if not (lev[0] <= zmean <= lev[-1]):
                continue
            band = max(0, min(len(bands) - 1, sum(1 for v in lev[1:-1] if zmean > v)))
            quads.append((xs, ys, bands[band]))
        faces = []
        for xs, ys, c in quads:
            h = [self._offset if self._offset is not None else 0.0] * 4
            px, py, pd = view.project_all(*juggle(self._zdir, xs, ys, h))
            faces.append((sum(pd) / 4, px, py, c))
        faces.sort(key=lambda f: f[0])
        d = {
            'kind': 'polys',
            'n': 4,
            'x': clean([v for f in faces for v in f[1]]),
            'y': clean([v for f in faces for v in f[2]]),
            'colors': [f[3] for f in faces],
            'edge': '',
            'edgeWidth': 0.0,
            'alpha': 1.0 if self.base.alpha is None else float(self.base.alpha),
        }
        return _mean([f[0] for f in faces]), [d]

    def _cells_at(self):
        xs, ys, z = self.base._x, self.base._y, self.base._z
        cols = len(xs)
        for r in range(len(ys) - 1):
            for c in range(cols - 1):
                k = r * cols + c
                zm = (z.flat[k] + z.flat[k + 1] + z.flat[k + cols] + z.flat[k + cols + 1]) / 4
                yield [xs[c], xs[c + 1], xs[c + 1], xs[c]], [ys[r], ys[r], ys[r + 1], ys[r + 1]], zm


# type(cs).__name__ prints matplotlib's name for contour sets on 3-D axes too.
Contour3DSet.__name__ = Contour3DSet.__qualname__ = 'QuadContourSet'


def _marching(xs, ys, z, level):
    """Marching squares: the segments of one contour level on a rectilinear grid."""
    cols = len(xs)
    out = []
    for r in range(len(ys) - 1):
        for c in range(cols - 1):
            k = r * cols + c
            v = (z.flat[k], z.flat[k + 1], z.flat[k + cols + 1], z.flat[k + cols])
            if not all(finite(a) for a in v):
                continue
            px = (xs[c], xs[c + 1], xs[c + 1], xs[c])
            py = (ys[r], ys[r], ys[r + 1], ys[r + 1])
            pts = []
            for e in range(4):
                a0, a1 = v[e], v[(e + 1) % 4]
                if (a0 < level) == (a1 < level):
                    continue
                t = (level - a0) / (a1 - a0)
                pts.append((px[e] + t * (px[(e + 1) % 4] - px[e]), py[e] + t * (py[(e + 1) % 4] - py[e])))
            out += [(pts[i], pts[i + 1]) for i in range(0, len(pts) - 1, 2)]
    return out


class Text3D(Text):
    __module__ = 'mpl_toolkits.mplot3d.art3d'

    def limits3d(self):
        return None, None, None

    def projected(self, view):
        x, y, d = view.project(self._x, self._y, self._z)
        out = self.to_json()
        out['x'], out['y'] = x, y
        return d, [out]
