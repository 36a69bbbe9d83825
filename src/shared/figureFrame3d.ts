// The box of a 3-D matplotlib Axes (projection='3d'), already projected by our matplotlib
// (src/python/matplotlib/_axes3d.py): the three back panes with their grid lines, drawn behind the artists,
// and each axis' edge, ticks, tick labels and label, drawn over them, in the theme's colours as the 2-D
// axes' decorations are.
import type { FigureFrame3d } from '../protocol';
import type { Frame } from './figureArtists';
import type { FigureTheme, Painter } from './figurePainter';
import { formatTicks } from './figureTicks';

/** The panes (matplotlib fills them a light grey) and the grid lines on them at the ticks. */
export function drawPanes3d(p: Painter, theme: FigureTheme, f: Frame, box: FigureFrame3d): void {
  for (let i = 0; i + 3 < box.panesX.length; i += 4) {
    const xs = box.panesX.slice(i, i + 4).map(f.sx);
    const ys = box.panesY.slice(i, i + 4).map(f.sy);
    p.path(xs, ys, { fill: theme.grid, alpha: 0.15, close: true });
    p.path(xs, ys, { stroke: theme.grid, width: 0.8 * f.pt, close: true });
  }
  for (let i = 0; i + 1 < box.gridX.length; i += 2) {
    const xs = [f.sx(box.gridX[i]), f.sx(box.gridX[i + 1])];
    const ys = [f.sy(box.gridY[i]), f.sy(box.gridY[i + 1])];
    p.path(xs, ys, { stroke: theme.grid, width: 0.8 * f.pt, alpha: 0.7 });
  }
}

/** Each axis: its edge, short ticks pushed out from the box, labels beyond them, the axis label further. */
export function drawAxes3d(p: Painter, theme: FigureTheme, f: Frame, box: FigureFrame3d): void {
  const font = f.fontPx(9);
  const lw = 0.8 * f.pt;
  for (const axis of box.axes) {
    p.path(axis.x.map(f.sx), axis.y.map(f.sy), { stroke: theme.foreground, width: lw });
    // The outward direction in pixels (y grows downwards on the surface).
    const len = Math.hypot(axis.dx, axis.dy) || 1;
    const ux = axis.dx / len;
    const uy = -axis.dy / len;
    const { labels } = formatTicks(axis.ticks);
    let widest = 0;
    axis.ticks.forEach((_, i) => {
      const x = f.sx(axis.tx[i]);
      const y = f.sy(axis.ty[i]);
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      const tick = 4 * f.pt;
      p.path([x, x + ux * tick], [y, y + uy * tick], { stroke: theme.foreground, width: lw });
      const w = p.measureText(labels[i], font);
      widest = Math.max(widest, w);
      const out = tick + 2 * f.pt + Math.abs(ux) * w * 0.5 + Math.abs(uy) * font * 0.5;
      p.text(labels[i], x + ux * out, y + uy * out, {
        size: font,
        color: theme.foreground,
        align: 'center',
        baseline: 'middle',
      });
    });
    if (!axis.label) continue;
    const mx = f.sx((axis.x[0] + axis.x[1]) / 2);
    const my = f.sy((axis.y[0] + axis.y[1]) / 2);
    const out = 8 * f.pt + Math.abs(ux) * widest + Math.abs(uy) * font + font;
    p.text(axis.label, mx + ux * out, my + uy * out, {
      size: f.fontPx(10),
      color: theme.foreground,
      align: 'center',
      baseline: 'middle',
    });
  }
}
