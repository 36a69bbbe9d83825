"""Backprop Lens probe: a real matplotlib figure as the FigureData the built-in matplotlib sends
(src/protocolFigures.ts): its axes on their subplot grid, with titles, labels, limits, scales, ticks, legend and
colorbar, and their artists (lines, scatters, bars, images, filled areas, reference lines, texts) in the order
matplotlib draws them. The panel then draws a figure of either backend alike (src/shared/figureDraw.ts).

A figure holding anything else (contours, 3-D axes, axes placed by hand, patches other than bars, symlog
scales, ...) raises Unsupported: the probe then sends what Agg drew for it, as pixels (_blp_figures.py).
"""

import numpy as np
from matplotlib import collections as mcollections
from matplotlib import colors as mcolors
from matplotlib import image as mimage
from matplotlib import lines as mlines
from matplotlib import patches as mpatches
from matplotlib import text as mtext
from matplotlib import ticker as mticker
from matplotlib.container import BarContainer
from matplotlib.legend import Legend

from _blp_wire import Floats, f32

# Bands of a colorbar, as the built-in matplotlib draws it.
COLORBAR_BANDS = 64
# Largest image sent as values (an imshow of a bigger array: the figure goes as pixels).
MAX_IMAGE_PIXELS = 512 * 512


class Unsupported(Exception):
    """Something in the figure the FigureData has no form for."""


def figure_data(fig):
    """FigureData of `fig` (number, size, suptitle, tight, axes), or Unsupported."""
    colorbars = {}
    plain = []
    for ax in fig.axes:
        colorbar = getattr(ax, '_colorbar', None)
        if colorbar is not None:
            owner = getattr(colorbar.mappable, 'axes', None)
            if owner is None:
                raise Unsupported('a colorbar of no axes')
            colorbars[id(owner)] = _colorbar(colorbar)
        else:
            plain.append(ax)
    if not plain:
        raise Unsupported('no axes')
    axes = [_axes(ax, colorbars.get(id(ax))) for ax in plain]
    suptitle = getattr(fig, '_suptitle', None)
    engine = fig.get_layout_engine() if hasattr(fig, 'get_layout_engine') else None
    return {
        'number': fig.number,
        'width': float(fig.get_figwidth()),
        'height': float(fig.get_figheight()),
        'dpi': float(fig.dpi),
        'title': suptitle.get_text() if suptitle is not None else '',
        'tight': bool(getattr(fig, '_blp_tight', False) or engine is not None),
        'axes': axes,
    }


def _axes(ax, colorbar):
    spec = ax.get_subplotspec() if hasattr(ax, 'get_subplotspec') else None
    if spec is None or ax.name != 'rectilinear':
        raise Unsupported(f'{ax.name} axes not on a subplot grid')
    spec = spec.get_topmost_subplotspec()  # a colorbar's `ax=` nests the axes in a grid of its own
    rows, cols = spec.get_gridspec().get_geometry()
    xscale, yscale = ax.get_xscale(), ax.get_yscale()
    if xscale not in ('linear', 'log') or yscale not in ('linear', 'log'):
        raise Unsupported(f'{xscale}/{yscale} scale')
    aspect = ax.get_aspect()
    return {
        'grid': [rows, cols, spec.rowspan.start, spec.rowspan.stop, spec.colspan.start, spec.colspan.stop],
        'twin': 'x' if _is_twinx(ax) else None,
        'title': ax.get_title(),
        'xlabel': ax.get_xlabel(),
        'ylabel': ax.get_ylabel(),
        'xlim': [float(v) for v in ax.get_xlim()],
        'ylim': [float(v) for v in ax.get_ylim()],
        'xscale': xscale,
        'yscale': yscale,
        'grid_lines': _grid_on(ax),
        'legend': _legend(ax.get_legend()),
        'xticks': _ticks(ax.xaxis),
        'yticks': _ticks(ax.yaxis),
        'aspect': 'equal' if aspect == 'equal' or aspect == 1 else 'auto',
        'axisOn': bool(ax.axison),
        'colorbar': colorbar,
        'artists': _artists(ax),
    }


def _is_twinx(ax):
    """twinx hides the new Axes' x axis and background and moves its y axis to the right."""
    twinned = ax._twinned_axes.get_siblings(ax) if hasattr(ax, '_twinned_axes') else [ax]
    return len(twinned) > 1 and not ax.xaxis.get_visible() and ax.yaxis.get_label_position() == 'right'


def _grid_on(ax):
    for axis in (ax.xaxis, ax.yaxis):
        ticks = axis.get_major_ticks()
        if ticks and ticks[0].gridline.get_visible():
            return True
    return False


def _legend(legend):
    if legend is None:
        return None
    loc = getattr(legend, '_loc', 0)
    names = {code: name for name, code in Legend.codes.items()}
    return {'loc': names.get(loc, 'best'), 'fontsize': float(legend._fontsize)}


def _ticks(axis):
    """Fixed ticks (set_xticks, bar labels, categories), or None for automatic ones."""
    locator, formatter = axis.get_major_locator(), axis.get_major_formatter()
    if isinstance(locator, mticker.FixedLocator):
        values = list(locator.locs)
    elif type(locator).__name__ == 'StrCategoryLocator':
        values = list(locator())
    else:
        return None
    labels = None
    if isinstance(formatter, mticker.FixedFormatter):
        labels = [str(s) for s in formatter.seq[: len(values)]]
    elif not isinstance(formatter, mticker.ScalarFormatter):
        labels = [formatter(v, k) for k, v in enumerate(values)]
    return {'values': Floats(f32(values)), 'labels': labels}


def _colorbar(colorbar):
    norm, cmap = colorbar.norm, colorbar.cmap
    bounds = np.linspace(float(norm.vmin), float(norm.vmax), COLORBAR_BANDS + 1)
    middles = (bounds[:-1] + bounds[1:]) / 2
    colors = [mcolors.to_hex(c) for c in cmap(norm(middles))]
    label = colorbar.ax.get_ylabel() or colorbar.ax.get_xlabel()
    return {'bounds': Floats(f32(bounds.tolist())), 'colors': colors, 'label': label}


# ---- artists -------------------------------------------------------------------------------------------


def _artists(ax):
    """The axes' artists as matplotlib draws them: by zorder, in the order they were added."""
    children = list(getattr(ax, '_children', None) or (ax.lines + ax.collections + ax.patches + ax.images + ax.texts))
    bars = {}
    for container in ax.containers:
        if isinstance(container, BarContainer):
            for patch in container.patches:
                bars[id(patch)] = container
    out = []
    done = set()
    for child in sorted(children, key=lambda a: a.get_zorder()):
        if not child.get_visible():
            continue
        container = bars.get(id(child))
        if container is not None:
            if id(container) not in done:
                done.add(id(container))
                patches = [p for p in container.patches if p.get_visible()]
                label = container.get_label()
                if (label is None or str(label).startswith('_')) and patches:
                    label = patches[0].get_label()  # hist labels its first bar
                out.append(_rects(patches, label))
            continue
        out.append(_artist(ax, child))
    return out


def _artist(ax, child):
    if isinstance(child, mlines.Line2D):
        return _line(ax, child)
    if isinstance(child, mcollections.PathCollection) and len(child.get_sizes()):  # not a contour's levels
        return _scatter(child)
    if isinstance(child, mcollections.PolyCollection) and type(child) is mcollections.PolyCollection:
        return _polygon(child)
    if isinstance(child, mpatches.Rectangle):
        return _rects([child], child.get_label())
    if isinstance(child, mimage.AxesImage):
        return _image(child)
    if isinstance(child, mtext.Text) and not isinstance(child, mtext.Annotation):
        return _text(ax, child)
    raise Unsupported(type(child).__name__)


def _hex(color):
    if isinstance(color, str) and color.lower() == 'none':
        return 'none'
    return mcolors.to_hex(color)


def _label(artist):
    label = artist.get_label()
    return None if label is None or str(label).startswith('_') else str(label)


def _alpha(artist):
    alpha = artist.get_alpha()
    return 1.0 if alpha is None else float(alpha)


def _style(line):
    style = line.get_linestyle()
    return '' if style in ('None', 'none', ' ', '') else style


def _line(ax, line):
    transform = line.get_transform()
    common = {'color': _hex(line.get_color()), 'alpha': _alpha(line), 'width': float(line.get_linewidth())}
    common['style'] = _style(line)
    for kind, axis_transform, values, span in (
        ('hline', ax.get_yaxis_transform(which='grid'), line.get_ydata(), line.get_xdata()),
        ('vline', ax.get_xaxis_transform(which='grid'), line.get_xdata(), line.get_ydata()),
    ):
        if transform is axis_transform and len(values) == 2 and values[0] == values[1]:
            reference = {'kind': kind, 'value': float(values[0]), 'from': float(span[0]), 'to': float(span[1])}
            return {**reference, **common, 'label': _label(line)}
    xy = np.asarray(line.get_xydata(), dtype=float).reshape(-1, 2)
    marker = line.get_marker()
    return dict(
        kind='line',
        x=Floats(f32(xy[:, 0].tolist())),
        y=Floats(f32(xy[:, 1].tolist())),
        **common,
        marker='' if marker in (None, 'None', 'none', '', ' ') else str(marker),
        markerSize=float(line.get_markersize()),
        markerFace=_hex(line.get_markerfacecolor()),
        markerEdge=_hex(line.get_markeredgecolor()),
        label=_label(line),
    )


def _scatter(collection):
    collection.update_scalarmappable()  # colours from values (c=..., cmap) are computed at draw time
    offsets = np.asarray(collection.get_offsets(), dtype=float).reshape(-1, 2)
    faces = collection.get_facecolors()
    edge = getattr(collection, '_original_edgecolor', 'face')
    edges = collection.get_edgecolors()
    widths = collection.get_linewidths()
    return {
        'kind': 'scatter',
        'x': Floats(f32(offsets[:, 0].tolist())),
        'y': Floats(f32(offsets[:, 1].tolist())),
        'sizes': Floats(f32([float(s) for s in collection.get_sizes()])),
        'colors': [mcolors.to_hex(c) for c in faces] or ['none'],
        'edge': 'face' if isinstance(edge, str) and edge == 'face' or not len(edges) else mcolors.to_hex(edges[0]),
        'edgeWidth': float(widths[0]) if len(widths) else 1.0,
        'alpha': _alpha(collection),
        'marker': 'o',
        'label': _label(collection),
    }


def _rects(patches, label):
    faces = [mcolors.to_hex(p.get_facecolor()) for p in patches]
    first = patches[0] if patches else None
    edge = ''
    if first is not None and first.get_linewidth() > 0 and first.get_edgecolor()[3] > 0:
        edge = mcolors.to_hex(first.get_edgecolor())
    return {
        'kind': 'rects',
        'x': Floats(f32([float(p.get_x()) for p in patches])),
        'y': Floats(f32([float(p.get_y()) for p in patches])),
        'w': Floats(f32([float(p.get_width()) for p in patches])),
        'h': Floats(f32([float(p.get_height()) for p in patches])),
        'colors': faces[:1] if len(set(faces)) == 1 else faces,
        'edge': edge,
        'edgeWidth': float(first.get_linewidth()) if edge else 0.0,
        'alpha': _alpha(first) if first is not None else 1.0,
        'label': None if label is None or str(label).startswith('_') else str(label),
    }


def _polygon(collection):
    paths = collection.get_paths()
    if len(paths) != 1:
        raise Unsupported(f'a PolyCollection of {len(paths)} polygons')
    vertices = _outline(paths[0])
    faces = collection.get_facecolors()
    return {
        'kind': 'polygon',
        'x': Floats(f32(vertices[:, 0].tolist())),
        'y': Floats(f32(vertices[:, 1].tolist())),
        'color': mcolors.to_hex(faces[0]) if len(faces) else 'none',
        'alpha': _alpha(collection)
        if collection.get_alpha() is not None
        else float(faces[0][3])
        if len(faces)
        else 1.0,
        'label': _label(collection),
    }


def _outline(path):
    """A closed path's corners, once each: no closing vertex, no point repeated in a row."""
    points = []
    for vertex, code in path.iter_segments(simplify=False, curves=False):
        if code == path.CLOSEPOLY:
            continue
        point = (float(vertex[0]), float(vertex[1]))
        if not points or points[-1] != point:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return np.asarray(points, dtype=float).reshape(-1, 2)


def _image(image):
    rgba = np.asarray(image.to_rgba(image.get_array(), bytes=True))
    if rgba.ndim != 3 or rgba.shape[0] * rgba.shape[1] > MAX_IMAGE_PIXELS:
        raise Unsupported('a big or unusual image')
    x0, x1, y0, y1 = (float(v) for v in image.get_extent())
    # As the built-in matplotlib: row 0 is drawn at `top`, y0 of the extent for origin 'upper'.
    top, bottom = y0, y1
    if image.origin == 'lower':
        rgba = rgba[::-1]
        top, bottom = y1, y0
    return {
        'kind': 'image',
        'cols': int(rgba.shape[1]),
        'rows': int(rgba.shape[0]),
        'rgba': list(np.ascontiguousarray(rgba, dtype=np.uint8).tobytes()),
        'extent': [x0, x1, top, bottom],
        'smooth': image.get_interpolation() not in (None, 'nearest', 'none', 'antialiased'),
    }


def _text(ax, text):
    x, y = text.get_position()
    return {
        'kind': 'text',
        'x': float(x),
        'y': float(y),
        'text': text.get_text(),
        'coords': 'axes' if text.get_transform() is ax.transAxes else 'data',
        'color': _hex(text.get_color()),
        'alpha': _alpha(text),
        'size': float(text.get_fontsize()),
        'ha': text.get_horizontalalignment(),
        'va': text.get_verticalalignment(),
        'rotation': float(text.get_rotation()),
    }
