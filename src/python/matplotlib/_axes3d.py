"""mpl_toolkits.mplot3d.Axes3D (projection='3d'): plot_surface, plot_wireframe, 3-D plot, scatter, contour
and text, with zlabel, zlim and view_init. Limits autoscale as matplotlib 3.6's do (5% margins on x and y,
none on z but for scatter's), and `_to_json` sends the Axes projected (_art3d.View): the artists as 2-D ones
drawn far to near, and `frame3d` (the box's back panes, grid, edges and ticks) for the panel to draw in its
theme's colours."""

from . import _art3d as T
from ._artists import Text
from ._axes import Axes
from ._axes_plot import PlottingMixin
from ._values import _nonsingular, max_n_locator, values

_SURFACE_KW = {'antialiased', 'shade', 'zorder', 'lightsource', 'label', 'rasterized', 'facecolor'}


def _grid(v, rows, cols, name):
    """X, Y or Z of plot_surface broadcast to (rows, cols), as np.broadcast_arrays does for meshgrid data."""
    if v.shape == (rows, cols):
        return v.flat
    if v.shape in ((cols,), (1, cols)):
        return v.flat * rows
    if v.shape == (rows, 1):
        return [x for x in v.flat for _ in range(cols)]
    if v.shape in ((), (1,)):
        return v.flat * (rows * cols)
    raise ValueError(f'shape mismatch: {name} of shape {v.shape} cannot be broadcast to ({rows}, {cols})')


def _strided(n, stride, count):
    step = stride if stride is not None else max(-(-n // (count or 50)), 1)
    return list(range(0, n - 1, step)) + [n - 1]


class Axes3D(Axes):
    __module__ = 'mpl_toolkits.mplot3d.axes3d'
    name = '3d'

    def __init__(self, fig, rect=None, *args, azim=-60, elev=30, roll=0, **kw):
        # Axes3D(fig), as old tutorials write it, is not added to the figure in matplotlib 3.6 (nothing shown).
        self._standalone = not (isinstance(rect, tuple) and len(rect) == 6)
        super().__init__(fig, (1, 1, 0, 1, 0, 1) if self._standalone else rect)
        self.elev, self.azim, self.roll = elev, azim, roll
        self.initial_elev, self.initial_azim = elev, azim

    def cla(self):
        super().cla()
        self._zlabel = ''
        self._zlim = [None, None]
        self._zmargin = 0.0
        self._zticks = None
        self._grid_on = True

    clear = cla

    def __repr__(self):
        fields = [f"title={{'center': {self._title!r}}}"] if self._title else []
        fields += [f'{n}label={v!r}' for n, v in zip('xyz', (self._xlabel, self._ylabel, self._zlabel)) if v]
        return ('<Axes3D: ' if self._standalone else '<Axes3DSubplot: ') + ', '.join(fields) + '>'

    def __str__(self):
        return super().__str__().replace('AxesSubplot', 'Axes3DSubplot')

    # --- z axis and view ----------------------------------------------------------------------------------
    def set_zlabel(self, zlabel, fontdict=None, labelpad=None, **kw):
        self._zlabel = str(zlabel)

    def get_zlabel(self):
        return self._zlabel

    def set_zlim(self, bottom=None, top=None, emit=True, auto=False, *, zmin=None, zmax=None):
        return self._set_lim(self._zlim, zmin if bottom is None else bottom, zmax if top is None else top, 'z')

    def get_zlim(self):
        return tuple(self._limits3d()[2])

    def _set_lim(self, lim, left, right, name):
        super()._set_lim(lim, left, right, 'x')
        return tuple(self._limits3d()['xyz'.index(name)])

    set_xlim3d = Axes.set_xlim
    set_ylim3d = Axes.set_ylim
    set_zlim3d = set_zlim
    get_xlim3d = Axes.get_xlim
    get_ylim3d = Axes.get_ylim
    get_zlim3d = get_zlim

    def set_zticks(self, ticks, labels=None, *, minor=False, **kw):
        self._zticks = values(ticks, 'ticks').flat

    def set_zscale(self, value, **kw):
        if value != 'linear':
            raise NotImplementedError(f'{value} z scale is not supported by Backprop Lens on 3-D axes')

    def view_init(self, elev=None, azim=None, roll=None, vertical_axis='z'):
        self.elev = self.initial_elev if elev is None else elev
        self.azim = self.initial_azim if azim is None else azim
        self.roll = 0 if roll is None else roll

    def set_box_aspect(self, aspect, *, zoom=1):
        pass  # the panel draws matplotlib's default 4:4:3 box

    def set_proj_type(self, proj_type, focal_length=None):
        pass

    def grid(self, visible=True, **kw):
        self._grid_on = bool(visible)

    # --- plotting --------------------------------------------------------------------------------------------
    def plot(self, xs, ys, *args, zdir='z', **kw):
        if args and not isinstance(args[0], str):
            zs, args = args[0], args[1:]
        else:
            zs = kw.pop('zs', 0)
        xv, yv = values(xs, 'xs').flat, values(ys, 'ys').flat
        zv = values(zs, 'zs').flat
        zv = zv * len(xv) if len(zv) == 1 else zv
        if len(zv) != len(xv):
            raise ValueError(f'shape mismatch: zs of length {len(zv)} for {len(xv)} points')
        lines = PlottingMixin.plot(self, xv, yv, *args, **kw)
        for line in lines:
            # The 2-D line (its format string, colour cycle and keywords) given a z: matplotlib's Line3D.
            line.__class__ = T.Line3D
            line._x, line._y, line._zs = T.juggle(zdir, line._x, line._y, zv)
        return lines

    plot3D = plot

    def scatter(self, xs, ys, zs=0, zdir='z', s=20, c=None, depthshade=True, *args, **kw):
        xv = values(xs, 'xs').flat
        zv = values(zs, 'zs').flat
        zv = zv * len(xv) if len(zv) == 1 else zv
        if len(zv) != len(xv):
            raise ValueError(f'shape mismatch: zs of length {len(zv)} for {len(xv)} points')
        pc = PlottingMixin.scatter(self, xv, ys, s, c, *args, **kw)
        pc.__class__ = T.Path3DCollection
        pc.depthshade = depthshade
        pc._x, pc._y, pc._zs = T.juggle(zdir, pc._x, pc._y, zv)
        self._zmargin = max(self._zmargin, 0.05)  # as matplotlib's scatter does
        return pc

    scatter3D = scatter

    def _surface_data(self, X, Y, Z):
        z = values(Z, 'Z')
        if z.ndim != 2:
            raise ValueError('Argument Z must be 2-dimensional.')
        rows, cols = z.shape
        return _grid(values(X, 'X'), rows, cols, 'X'), _grid(values(Y, 'Y'), rows, cols, 'Y'), z.flat, rows, cols

    def plot_surface(
        self,
        X,
        Y,
        Z,
        *,
        norm=None,
        vmin=None,
        vmax=None,
        cmap=None,
        color=None,
        rstride=None,
        cstride=None,
        rcount=None,
        ccount=None,
        alpha=None,
        linewidth=None,
        edgecolor=None,
        shade=None,
        **kw,
    ):
        x, y, z, rows, cols = self._surface_data(X, Y, Z)
        linewidth = kw.pop('lw', linewidth)
        edgecolor = kw.pop('edgecolors', edgecolor)
        for k in kw:
            if k not in _SURFACE_KW:
                raise AttributeError(f'Poly3DCollection.set() got an unexpected keyword argument {k!r}')
        ri, ci = _strided(rows, rstride, rcount), _strided(cols, cstride, ccount)
        quads = []
        for r0, r1 in zip(ri, ri[1:]):
            for c0, c1 in zip(ci, ci[1:]):
                ks = (r0 * cols + c0, r0 * cols + c1, r1 * cols + c1, r1 * cols + c0)
                quads.append(([x[k] for k in ks], [y[k] for k in ks], [z[k] for k in ks]))
        if isinstance(edgecolor, str) and edgecolor.lower() == 'none':
            edgecolor = None
        if cmap is None and color is None:
            color = kw['facecolor'] if kw.get('facecolor') is not None else self._next_color()
        shade = cmap is None if shade is None else shade
        surf = T.Poly3DCollection(quads, cmap, color, alpha, edgecolor, linewidth, vmin, vmax, shade)
        if edgecolor is not None and not linewidth:
            surf.linewidth = 1.0
        surf.set_label(kw.get('label', ''))
        return self._add(surf)

    def plot_wireframe(self, X, Y, Z, *, rstride=None, cstride=None, rcount=None, ccount=None, **kw):
        x, y, z, rows, cols = self._surface_data(X, Y, Z)
        if rstride is not None or cstride is not None:
            rstride, cstride = rstride or 1, cstride or 1
        ri, ci = _strided(rows, rstride, rcount), _strided(cols, cstride, ccount)
        segments = []
        if rstride != 0:
            for r in ri:
                ks = [r * cols + c for c in range(cols)]
                segments.append(([x[k] for k in ks], [y[k] for k in ks], [z[k] for k in ks]))
        if cstride != 0:
            for c in ci:
                ks = [r * cols + c for r in range(rows)]
                segments.append(([x[k] for k in ks], [y[k] for k in ks], [z[k] for k in ks]))
        color = kw.pop('color', kw.pop('colors', kw.pop('c', '#1f77b4')))
        width = kw.pop('linewidth', kw.pop('lw', kw.pop('linewidths', 1.5)))
        coll = T.Line3DCollection(segments, [color], width, kw.pop('alpha', None), kw.pop('label', ''))
        return self._add(coll)

    def _contour3d(self, filled, X, Y, Z, args, kw):
        zdir = kw.pop('zdir', 'z')
        offset = kw.pop('offset', None)
        kw.pop('extend3d', None)
        kw.pop('stride', None)
        base = PlottingMixin._contour(self, filled, (X, Y, Z) + tuple(args), kw)
        base.remove()
        return self._add(T.Contour3DSet(base, zdir, None if offset is None else float(offset)))

    def contour(self, X, Y, Z, *args, **kw):
        return self._contour3d(False, X, Y, Z, args, kw)

    def contourf(self, X, Y, Z, *args, **kw):
        return self._contour3d(True, X, Y, Z, args, kw)

    contour3D = contour
    contourf3D = contourf

    def text(self, x, y, z, s, zdir=None, **kw):
        kw.pop('transform', None)
        t = T.Text3D(x, y, s, 'data', **kw)
        t._z = float(z)
        return self._add(t)

    text3D = text

    # --- limits and the event ------------------------------------------------------------------------------
    def _limits3d(self):
        ranges = [None, None, None]
        for a in self._artists:
            got = a.limits3d() if hasattr(a, 'limits3d') else (None, None, None)
            for i, r in enumerate(got):
                if r is not None:
                    ranges[i] = r if ranges[i] is None else (min(ranges[i][0], r[0]), max(ranges[i][1], r[1]))
        out = []
        for fixed, r, margin in zip((self._xlim, self._ylim, self._zlim), ranges, (0.05, 0.05, self._zmargin)):
            if r is None:
                lo, hi = 0.0, 1.0
            else:
                lo, hi = _nonsingular(r[0], r[1], expander=0.05)
                delta = (hi - lo) * margin
                lo, hi = lo - delta, hi + delta
            out.append((fixed[0] if fixed[0] is not None else lo, fixed[1] if fixed[1] is not None else hi))
        return out

    def _limits(self):
        lims = self._limits3d()
        return lims[0], lims[1]

    def set_title(self, label, fontdict=None, loc=None, pad=None, **kw):
        self._title = str(label)
        return Text(0.5, 0.92, label, 'axes')

    def _view(self):
        return T.View(*self._limits3d(), self.elev, self.azim)

    def _json_artists(self):
        # Far to near by each artist's mean depth, as matplotlib's computed z-order draws 3-D artists.
        view = self._view()
        drawn = [a.projected(view) for a in self._artists if a.visible]
        drawn.sort(key=lambda d: d[0])
        return [j for _, group in drawn for j in group]

    def _to_json(self):
        lims = self._limits3d()
        view = self._view()
        out = super()._to_json()
        out.update(
            {
                'xlabel': '',
                'ylabel': '',
                'xlim': [-0.8, 0.8],
                'ylim': [-0.8, 0.8],
                'xscale': 'linear',
                'yscale': 'linear',
                'grid_lines': False,
                'xticks': None,
                'yticks': None,
                'aspect': 'equal',
                'axisOn': False,
                'frame3d': self._frame(view, lims) if self._axis_on else None,
            }
        )
        return out

    def _frame(self, view, lims):
        """The box: back panes (with grid lines at the ticks), and for each axis its edge, ticks and label."""
        # matplotlib's AutoLocator fits as many bins as the projected axis has room for: about 9 on a default
        # figure's 3-D Axes, 4 on one half as wide. The box is square: its side is the smaller of the subplot's
        # sides (matplotlib's subplot parameters), less a colorbar's share.
        nrows, ncols = self._grid[:2]
        width = self.figure._size[0] * 0.775 / (ncols + 0.2 * (ncols - 1))
        height = self.figure._size[1] * 0.77 / (nrows + 0.2 * (nrows - 1))
        side = min(width * (0.8 if getattr(self, '_colorbar_obj', None) else 1.0), height)
        nbins = max(3, min(9, round(2.6 * side - 3)))
        ticks = []
        for i, (lo, hi) in enumerate(lims):
            fixed = self._zticks if i == 2 else None
            raw = fixed if fixed is not None else max_n_locator(lo, hi, nbins, steps=(1, 2, 2.5, 5, 10))
            ticks.append(
                [t for t in raw if min(lo, hi) - 1e-9 * abs(hi - lo) <= t <= max(lo, hi) + 1e-9 * abs(hi - lo)]
            )
        far = [lims[i][0] if view.eye[i] > 0 else lims[i][1] for i in range(3)]
        near = [lims[i][1] if view.eye[i] > 0 else lims[i][0] for i in range(3)]
        panes_x, panes_y, grid_x, grid_y = [], [], [], []

        def point(i, vi, j, vj, k, vk):
            p = [0.0, 0.0, 0.0]
            p[i], p[j], p[k] = vi, vj, vk
            return view.project(*p)

        for i in range(3):
            j, k = (i + 1) % 3, (i + 2) % 3
            (j0, j1), (k0, k1) = lims[j], lims[k]
            for vj, vk in ((j0, k0), (j1, k0), (j1, k1), (j0, k1)):
                px, py, _ = point(i, far[i], j, vj, k, vk)
                panes_x.append(px)
                panes_y.append(py)
            if self._grid_on:
                for a, b, (c0, c1) in ((j, k, (k0, k1)), (k, j, (j0, j1))):
                    for t in ticks[a]:
                        for c in (c0, c1):
                            px, py, _ = point(i, far[i], a, t, b, c)
                            grid_x.append(px)
                            grid_y.append(py)
        labels = (self._xlabel, self._ylabel, self._zlabel)
        axes = []
        for i in range(3):
            if i == 2:
                # The z axis on the rightmost vertical edge, as matplotlib's default view puts it.
                corners = [(a, b) for a in lims[0] for b in lims[1]]
                cx, cy = max(corners, key=lambda c: view.project(c[0], c[1], lims[2][0])[0])
                fixed = {0: cx, 1: cy}
            else:
                other = 1 - i
                fixed = {other: near[other], 2: far[2]}
            ends = []
            for v in lims[i]:
                p = [0.0, 0.0, 0.0]
                p[i] = v
                for a, b in fixed.items():
                    p[a] = b
                ends.append(view.project(*p)[:2])
            tx, ty = [], []
            for t in ticks[i]:
                p = [0.0, 0.0, 0.0]
                p[i] = t
                for a, b in fixed.items():
                    p[a] = b
                px, py, _ = view.project(*p)
                tx.append(px)
                ty.append(py)
            mx, my = (ends[0][0] + ends[1][0]) / 2, (ends[0][1] + ends[1][1]) / 2
            norm = (mx * mx + my * my) ** 0.5 or 1.0
            axes.append(
                {
                    'x': [ends[0][0], ends[1][0]],
                    'y': [ends[0][1], ends[1][1]],
                    'ticks': ticks[i],
                    'tx': tx,
                    'ty': ty,
                    'dx': mx / norm,
                    'dy': my / norm,
                    'label': labels[i],
                }
            )
        return {'panesX': panes_x, 'panesY': panes_y, 'gridX': grid_x, 'gridY': grid_y, 'axes': axes}
