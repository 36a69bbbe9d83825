// Draws a matplotlib figure (a `figure` event) onto a Painter, the way matplotlib lays it out: subplots on
// their grid (matplotlib's subplot parameters, or tight_layout's packing), the artists clipped to each Axes,
// spines, ticks and labels, titles, a legend, colorbars and the suptitle. Sizes given in points (1/72 inch)
// scale with the figure, so a figure drawn at its own size and dpi is laid out as matplotlib lays it out.
import type { FigureArtist, FigureAxes, FigureData, FigureLine, FigureScatter } from '../protocol';
import { drawArtist, type Frame } from './figureArtists';
import { drawAxes3d, drawPanes3d } from './figureFrame3d';
import type { FigureTheme, Painter } from './figurePainter';
import { drawMarker, dashPattern } from './figurePainter';
import { axisTicks, binsFor, type Tick } from './figureTicks';

export type { FigureTheme, Painter } from './figurePainter';

/** matplotlib's look, for PNG files. */
export const MATPLOTLIB_THEME: FigureTheme = {
  background: '#ffffff',
  axesBackground: '#ffffff',
  foreground: '#000000',
  grid: '#b0b0b0',
  legendBackground: '#ffffff',
  legendEdge: '#cccccc',
  minFontPx: 0,
};

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Ctx {
  p: Painter;
  theme: FigureTheme;
  pt: number;
  fontPx(points: number): number;
}

function scaleFn(log: boolean): (v: number) => number {
  return log ? (v) => (v > 0 ? Math.log10(v) : NaN) : (v) => v;
}

function makeFrame(c: Ctx, box: Box, ax: FigureAxes): Frame {
  const fx = scaleFn(ax.xscale === 'log');
  const fy = scaleFn(ax.yscale === 'log');
  const [x0, x1] = ax.xlim.map(fx);
  const [y0, y1] = ax.ylim.map(fy);
  const invx = ax.xscale === 'log' ? (v: number) => 10 ** v : (v: number) => v;
  const invy = ax.yscale === 'log' ? (v: number) => 10 ** v : (v: number) => v;
  const spanX = x1 - x0 || 1;
  const spanY = y1 - y0 || 1;
  return {
    ...box,
    sx: (v) => box.left + ((fx(v) - x0) / spanX) * box.width,
    sy: (v) => box.top + box.height - ((fy(v) - y0) / spanY) * box.height,
    ix: (px) => invx(x0 + ((px - box.left) / box.width) * spanX),
    iy: (py) => invy(y0 + ((box.top + box.height - py) / box.height) * spanY),
    pt: c.pt,
    fontPx: c.fontPx,
  };
}

function ticksOf(c: Ctx, ax: FigureAxes, length: number, horizontal: boolean): { ticks: Tick[]; factor: number } {
  const fixed = horizontal ? ax.xticks : ax.yticks;
  const [lo, hi] = horizontal ? ax.xlim : ax.ylim;
  if (fixed) {
    const min = Math.min(lo, hi);
    const max = Math.max(lo, hi);
    const ticks: Tick[] = [];
    fixed.values.forEach((value, i) => {
      if (value >= min - 1e-9 * (max - min) && value <= max + 1e-9 * (max - min))
        ticks.push({ value, label: fixed.labels ? fixed.labels[i] : String(+value.toPrecision(6)) });
    });
    return { ticks, factor: 0 };
  }
  const log = (horizontal ? ax.xscale : ax.yscale) === 'log';
  return axisTicks(lo, hi, log, binsFor(length, c.fontPx(10), horizontal));
}

function labelWidth(c: Ctx, t: Tick): number {
  const size = c.fontPx(10);
  return c.p.measureText(t.label, size) + (t.exponent ? c.p.measureText(t.exponent, size * 0.7) : 0);
}

/** Space the decorations of an Axes take outside its box: left, right, top, bottom. */
function decorations(c: Ctx, ax: FigureAxes, box: Box): [number, number, number, number] {
  const font = c.fontPx(10);
  const tick = 7 * c.pt;
  if (!ax.axisOn) return [2, 2, ax.title ? c.fontPx(12) * 1.4 + 6 * c.pt : 2, 2];
  const yt = ticksOf(c, ax, box.height, false).ticks;
  const left = tick + Math.max(0, ...yt.map((t) => labelWidth(c, t))) + (ax.ylabel ? font * 1.2 + 4 * c.pt : 0) + 2;
  const bottom = tick + font * 1.2 + (ax.xlabel ? font * 1.2 + 4 * c.pt : 0) + 2;
  const top = (ax.title ? c.fontPx(12) * 1.4 + 6 * c.pt : 0) + font * 0.6;
  const right = font * 1.2 + (ax.colorbar ? 0 : 0);
  return [left, right, top, bottom];
}

/** Where each Axes goes: matplotlib's subplot parameters, or tight_layout's packing of the decorations. */
function layout(c: Ctx, fig: FigureData, width: number, height: number): Box[] {
  return withTwins(c, fig, ownLayout(c, fig, width, height));
}

/** The Axes a twinx Axes was made from: the last one before it on the same grid that is not a twin. */
function twinParent(fig: FigureData, i: number): number {
  for (let j = i - 1; j >= 0; j--)
    if (!fig.axes[j].twin && fig.axes[j].grid.every((v, k) => v === fig.axes[i].grid[k])) return j;
  return -1;
}

/** Space a twin's y axis takes right of the box: ticks, their labels and the label. */
function twinRight(c: Ctx, ax: FigureAxes, box: Box): number {
  const font = c.fontPx(10);
  const yt = ticksOf(c, ax, box.height, false).ticks;
  return 7 * c.pt + Math.max(0, ...yt.map((t) => labelWidth(c, t))) + (ax.ylabel ? font * 1.2 + 4 * c.pt : 0) + 2;
}

/** A twin shares its parent's box; with tight_layout the parent's box leaves room for the twin's y axis. */
function withTwins(c: Ctx, fig: FigureData, boxes: Box[]): Box[] {
  const out = [...boxes];
  fig.axes.forEach((ax, i) => {
    const j = ax.twin ? twinParent(fig, i) : -1;
    if (j < 0) return;
    if (fig.tight) {
      const need = twinRight(c, ax, out[j]) - c.fontPx(10) * 1.2;
      if (need > 0) out[j] = { ...out[j], width: Math.max(10, out[j].width - need) };
    }
    out[i] = out[j];
  });
  return out;
}

function ownLayout(c: Ctx, fig: FigureData, width: number, height: number): Box[] {
  const suptitle = fig.title ? c.fontPx(12) * 1.6 : 0;
  if (!fig.tight) {
    const L = 0.125 * width;
    const R = 0.9 * width;
    const T = 0.12 * height + (fig.title && 0.12 * height < suptitle * 1.5 ? suptitle * 0.5 : 0);
    const B = 0.89 * height;
    return fig.axes.map((ax) => {
      const [nrows, ncols, r0, r1, c0, c1] = ax.grid;
      const cw = (R - L) / (ncols + 0.2 * (ncols - 1));
      const ch = (B - T) / (nrows + 0.2 * (nrows - 1));
      return {
        left: L + c0 * cw * 1.2,
        top: T + r0 * ch * 1.2,
        width: (c1 - c0) * cw + (c1 - c0 - 1) * 0.2 * cw,
        height: (r1 - r0) * ch + (r1 - r0 - 1) * 0.2 * ch,
      };
    });
  }
  const pad = c.fontPx(10) * 1.08;
  return fig.axes.map((ax) => {
    const [nrows, ncols, r0, r1, c0, c1] = ax.grid;
    const cw = (width - 2 * pad) / ncols;
    const ch = (height - 2 * pad - suptitle) / nrows;
    const cell = { left: pad + c0 * cw, top: pad + suptitle + r0 * ch, width: (c1 - c0) * cw, height: (r1 - r0) * ch };
    const [l, r, t, b] = decorations(c, ax, cell);
    return {
      left: cell.left + l,
      top: cell.top + t,
      width: Math.max(10, cell.width - l - r),
      height: Math.max(10, cell.height - t - b),
    };
  });
}

/** A colorbar takes 15% of its Axes' width plus a 5% pad (matplotlib's make_axes); aspect keeps it slim. */
function withColorbar(box: Box, ax: FigureAxes): { box: Box; bar: Box | null } {
  if (!ax.colorbar) return { box, bar: null };
  const inner = { ...box, width: box.width * 0.8 };
  const barWidth = Math.min(box.width * 0.15, box.height / 20);
  const bar = { left: box.left + box.width * 0.85, top: box.top, width: barWidth, height: box.height };
  return { box: inner, bar };
}

/** Shrinks the box so one data unit is as long on both axes (aspect 'equal'), centred. */
function withAspect(box: Box, ax: FigureAxes): Box {
  if (ax.aspect !== 'equal' || ax.xscale === 'log' || ax.yscale === 'log') return box;
  const dx = Math.abs(ax.xlim[1] - ax.xlim[0]);
  const dy = Math.abs(ax.ylim[1] - ax.ylim[0]);
  if (!(dx > 0 && dy > 0)) return box;
  const ratio = dy / dx;
  if (box.height / box.width > ratio) {
    const h = box.width * ratio;
    return { ...box, top: box.top + (box.height - h) / 2, height: h };
  }
  const w = box.height / ratio;
  return { ...box, left: box.left + (box.width - w) / 2, width: w };
}

function tickLabel(
  c: Ctx,
  t: Tick,
  x: number,
  y: number,
  align: 'left' | 'center' | 'right',
  baseline: 'top' | 'middle',
): void {
  const size = c.fontPx(10);
  const color = c.theme.foreground;
  if (!t.exponent) return c.p.text(t.label, x, y, { size, color, align, baseline });
  const wBase = c.p.measureText(t.label, size);
  const wExp = c.p.measureText(t.exponent, size * 0.7);
  const start = align === 'left' ? x : align === 'center' ? x - (wBase + wExp) / 2 : x - wBase - wExp;
  c.p.text(t.label, start, y, { size, color, align: 'left', baseline });
  c.p.text(t.exponent, start + wBase, y - size * 0.35, { size: size * 0.7, color, align: 'left', baseline });
}

/** A twinx Axes' own axis: y ticks, labels and label on the right (the parent draws the frame and x axis). */
function drawTwinAxis(c: Ctx, f: Frame, ax: FigureAxes): void {
  const tick = 3.5 * c.pt;
  const lw = 0.8 * c.pt;
  const right = f.left + f.width;
  const yt = ticksOf(c, ax, f.height, false);
  for (const t of yt.ticks) {
    const y = f.sy(t.value);
    c.p.path([right, right + tick], [y, y], { stroke: c.theme.foreground, width: lw });
    tickLabel(c, t, right + tick + 3.5 * c.pt, y, 'left', 'middle');
  }
  const style = { size: c.fontPx(10), color: c.theme.foreground };
  if (yt.factor) c.p.text(`×10^${yt.factor}`, right, f.top - 3, { ...style, align: 'right', baseline: 'bottom' });
  if (ax.ylabel) {
    const widest = Math.max(0, ...yt.ticks.map((t) => labelWidth(c, t)));
    const x = right + tick + 3.5 * c.pt + widest + 4 * c.pt;
    c.p.text(ax.ylabel, x, f.top + f.height / 2, { ...style, align: 'center', baseline: 'top', rotate: true });
  }
}

function drawAxis(c: Ctx, f: Frame, ax: FigureAxes): void {
  const { p, theme } = c;
  const tick = 3.5 * c.pt;
  const lw = 0.8 * c.pt;
  const font = c.fontPx(10);
  const xt = ticksOf(c, ax, f.width, true);
  const yt = ticksOf(c, ax, f.height, false);
  const bottom = f.top + f.height;
  for (const t of xt.ticks) {
    const x = f.sx(t.value);
    p.path([x, x], [bottom, bottom + tick], { stroke: theme.foreground, width: lw });
    tickLabel(c, t, x, bottom + tick + 3.5 * c.pt, 'center', 'top');
  }
  for (const t of yt.ticks) {
    const y = f.sy(t.value);
    p.path([f.left - tick, f.left], [y, y], { stroke: theme.foreground, width: lw });
    tickLabel(c, t, f.left - tick - 3.5 * c.pt, y, 'right', 'middle');
  }
  const style = { size: font, color: theme.foreground };
  if (xt.factor)
    p.text(`×10^${xt.factor}`, f.left + f.width, bottom + tick + font * 1.5, {
      ...style,
      align: 'right',
      baseline: 'top',
    });
  if (yt.factor) p.text(`×10^${yt.factor}`, f.left, f.top - 3, { ...style, align: 'left', baseline: 'bottom' });
  const frameX = [f.left, f.left + f.width, f.left + f.width, f.left];
  const frameY = [f.top, f.top, bottom, bottom];
  p.path(frameX, frameY, { stroke: theme.foreground, width: lw, close: true });
  if (ax.xlabel)
    p.text(ax.xlabel, f.left + f.width / 2, bottom + tick + 3.5 * c.pt + font * 1.1 + 4 * c.pt, {
      ...style,
      align: 'center',
      baseline: 'top',
    });
  if (ax.ylabel) {
    const widest = Math.max(0, ...yt.ticks.map((t) => labelWidth(c, t)));
    const x = f.left - tick - 3.5 * c.pt - widest - 4 * c.pt;
    p.text(ax.ylabel, x, f.top + f.height / 2, { ...style, align: 'center', baseline: 'bottom', rotate: true });
  }
}

function drawGrid(c: Ctx, f: Frame, ax: FigureAxes): void {
  const style = { stroke: c.theme.grid, width: 0.8 * c.pt };
  for (const t of ticksOf(c, ax, f.width, true).ticks) {
    const x = f.sx(t.value);
    c.p.path([x, x], [f.top, f.top + f.height], style);
  }
  for (const t of ticksOf(c, ax, f.height, false).ticks) {
    const y = f.sy(t.value);
    c.p.path([f.left, f.left + f.width], [y, y], style);
  }
}

function drawAxes(c: Ctx, ax: FigureAxes, box0: Box): void {
  const { box: box1, bar } = withColorbar(box0, ax);
  const box = withAspect(box1, ax);
  const f = makeFrame(c, box, ax);
  if (c.theme.axesBackground && ax.axisOn && !ax.twin)
    c.p.fillRect(box.left, box.top, box.width, box.height, c.theme.axesBackground);
  c.p.clip(box.left, box.top, box.width, box.height);
  const below = (a: FigureArtist) =>
    a.kind === 'image' || a.kind === 'contour' || a.kind === 'rects' || a.kind === 'polygon';
  if (ax.frame3d) drawPanes3d(c.p, c.theme, f, ax.frame3d);
  for (const a of ax.artists) if (below(a)) drawArtist(c.p, f, a);
  if (ax.grid_lines && ax.axisOn) drawGrid(c, f, ax);
  for (const a of ax.artists) if (!below(a) && a.kind !== 'text') drawArtist(c.p, f, a);
  c.p.unclip();
  if (ax.frame3d) drawAxes3d(c.p, c.theme, f, ax.frame3d);
  for (const a of ax.artists) if (a.kind === 'text') drawArtist(c.p, f, a);
  if (ax.axisOn) (ax.twin ? drawTwinAxis : drawAxis)(c, f, ax);
  if (ax.title) {
    const size = c.fontPx(12);
    c.p.text(ax.title, f.left + f.width / 2, f.top - 6 * c.pt, {
      size,
      color: c.theme.foreground,
      align: 'center',
      baseline: 'alphabetic',
    });
  }
  if (ax.legend) drawLegend(c, f, ax);
  if (bar && ax.colorbar) drawColorbar(c, bar, ax.colorbar);
}

function drawColorbar(c: Ctx, bar: Box, cb: NonNullable<FigureAxes['colorbar']>): void {
  const n = cb.colors.length;
  const lo = cb.bounds[0];
  const hi = cb.bounds[cb.bounds.length - 1];
  const y = (v: number) => bar.top + bar.height - ((v - lo) / (hi - lo || 1)) * bar.height;
  for (let i = 0; i < n; i++) {
    const top = y(cb.bounds[i + 1]);
    c.p.fillRect(bar.left, top, bar.width, y(cb.bounds[i]) - top + 0.5, cb.colors[i]);
  }
  const lw = 0.8 * c.pt;
  const fg = c.theme.foreground;
  const right = bar.left + bar.width;
  c.p.path([bar.left, right, right, bar.left], [bar.top, bar.top, bar.top + bar.height, bar.top + bar.height], {
    stroke: fg,
    width: lw,
    close: true,
  });
  const { ticks } = axisTicks(lo, hi, false, binsFor(bar.height, c.fontPx(10), false));
  for (const t of ticks) {
    p0(c, right, y(t.value), lw);
    tickLabel(c, t, right + 7 * c.pt, y(t.value), 'left', 'middle');
  }
  if (cb.label) {
    const widest = Math.max(0, ...ticks.map((t) => labelWidth(c, t)));
    c.p.text(cb.label, right + 7 * c.pt + widest + 4 * c.pt, bar.top + bar.height / 2, {
      size: c.fontPx(10),
      color: fg,
      align: 'center',
      baseline: 'top',
      rotate: true,
    });
  }
}

function p0(c: Ctx, x: number, y: number, lw: number): void {
  c.p.path([x, x + 3.5 * c.pt], [y, y], { stroke: c.theme.foreground, width: lw });
}

type Entry = { label: string; draw: (x: number, y: number) => void };

function legendEntries(c: Ctx, ax: FigureAxes, handle: number): Entry[] {
  const out: Entry[] = [];
  for (const a of ax.artists) {
    if (!('label' in a) || !a.label) continue;
    if (a.kind === 'line') out.push({ label: a.label, draw: (x, y) => lineHandle(c, a, x, y, handle) });
    else if (a.kind === 'scatter') out.push({ label: a.label, draw: (x, y) => scatterHandle(c, a, x + handle / 2, y) });
    else if (a.kind === 'hline' || a.kind === 'vline') {
      const style = {
        stroke: a.color,
        width: a.width * c.pt,
        dash: dashPattern(a.style, a.width * c.pt),
        alpha: a.alpha,
      };
      out.push({ label: a.label, draw: (x, y) => c.p.path([x, x + handle], [y, y], style) });
    } else {
      const color = a.kind === 'rects' ? a.colors[0] : a.color;
      const h = c.fontPx(10) * 0.7;
      out.push({ label: a.label, draw: (x, y) => c.p.fillRect(x, y - h / 2, handle, h, color, a.alpha) });
    }
  }
  return out;
}

function lineHandle(c: Ctx, a: FigureLine, x: number, y: number, handle: number): void {
  const width = a.width * c.pt;
  if (a.style)
    c.p.path([x, x + handle], [y, y], { stroke: a.color, width, dash: dashPattern(a.style, width), alpha: a.alpha });
  if (a.marker)
    drawMarker(c.p, a.marker, x + handle / 2, y, a.markerSize * c.pt, a.markerFace, a.markerEdge, c.pt, a.alpha);
}

function scatterHandle(c: Ctx, a: FigureScatter, x: number, y: number): void {
  const color = a.colors[0];
  drawMarker(
    c.p,
    a.marker,
    x,
    y,
    Math.sqrt(a.sizes[0] || 36) * c.pt,
    color,
    a.edge === 'face' ? color : a.edge,
    c.pt,
    a.alpha,
  );
}

const LOCS: Record<string, [number, number]> = {
  'upper right': [1, 0],
  'upper left': [0, 0],
  'lower left': [0, 1],
  'lower right': [1, 1],
  right: [1, 0.5],
  'center left': [0, 0.5],
  'center right': [1, 0.5],
  'lower center': [0.5, 1],
  'upper center': [0.5, 0],
  center: [0.5, 0.5],
};

/** matplotlib's 'best': the first location (in its order) covering the fewest data points. */
function bestLoc(f: Frame, ax: FigureAxes, w: number, h: number, pad: number): [number, number] {
  let best: [number, number] = LOCS['upper right'];
  let fewest = Infinity;
  for (const loc of Object.values(LOCS)) {
    const x = f.left + pad + loc[0] * (f.width - w - 2 * pad);
    const y = f.top + pad + loc[1] * (f.height - h - 2 * pad);
    let n = 0;
    for (const a of ax.artists) {
      if (a.kind !== 'line' && a.kind !== 'scatter') continue;
      for (let i = 0; i < a.x.length; i++) {
        const px = f.sx(a.x[i]);
        const py = f.sy(a.y[i]);
        if (px >= x && px <= x + w && py >= y && py <= y + h) n++;
      }
    }
    if (n < fewest) {
      fewest = n;
      best = loc;
    }
  }
  return best;
}

function drawLegend(c: Ctx, f: Frame, ax: FigureAxes): void {
  const size = c.fontPx(ax.legend?.fontsize ?? 10);
  const handle = 2 * size;
  const entries = legendEntries(c, ax, handle);
  if (!entries.length) return;
  const border = 0.4 * size;
  const rowH = size * 1.3;
  const w = border * 2 + handle + 0.8 * size + Math.max(...entries.map((e) => c.p.measureText(e.label, size)));
  const h = border * 2 + rowH * entries.length;
  const pad = 0.5 * size;
  const loc = ax.legend?.loc && ax.legend.loc !== 'best' ? LOCS[ax.legend.loc] : bestLoc(f, ax, w, h, pad);
  const x = f.left + pad + loc[0] * (f.width - w - 2 * pad);
  const y = f.top + pad + loc[1] * (f.height - h - 2 * pad);
  c.p.fillRect(x, y, w, h, c.theme.legendBackground, 0.8);
  c.p.path([x, x + w, x + w, x], [y, y, y + h, y + h], { stroke: c.theme.legendEdge, width: c.pt, close: true });
  entries.forEach((e, i) => {
    const cy = y + border + rowH * (i + 0.5);
    e.draw(x + border, cy);
    c.p.text(e.label, x + border + handle + 0.8 * size, cy, {
      size,
      color: c.theme.foreground,
      align: 'left',
      baseline: 'middle',
    });
  });
}

/** Draws `fig` over width × height pixels of the painter. */
export function drawFigure(p: Painter, fig: FigureData, theme: FigureTheme, width: number, height: number): void {
  const pt = width / (fig.width * 72);
  const c: Ctx = { p, theme, pt, fontPx: (points) => Math.max(theme.minFontPx, points * pt) };
  if (theme.background) p.fillRect(0, 0, width, height, theme.background);
  const boxes = layout(c, fig, width, height);
  fig.axes.forEach((ax, i) => drawAxes(c, ax, boxes[i]));
  if (fig.title)
    p.text(fig.title, width / 2, 0.02 * height, {
      size: c.fontPx(12),
      color: theme.foreground,
      align: 'center',
      baseline: 'top',
    });
}
