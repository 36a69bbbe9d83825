// Small canvas plotting for the concept views: a sized canvas at the device's pixel ratio, a plot area with
// linear axes, tick labels and axis titles, colour ramps built from the theme's colours, a colour bar, and
// contour lines by marching squares. Everything takes its colours from themeColors() (the --vscode-* variables).
import { formatNumber } from '../../src/shared/paramStats';
import { themeColors, toRgb, type ThemeColors } from './theme';

export type Rgb = [number, number, number];

/** Sizes `canvas` to `width` x `height` CSS pixels (sharp on high-DPI screens) and returns its cleared context. */
export function setupCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  // CSSOM sizes are allowed by the webview's CSP (only style attributes in markup are not).
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  canvas.dataset.cssWidth = String(width);
  canvas.dataset.cssHeight = String(height);
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/** The width a plot can take in its container (at least 240 CSS pixels). */
export function availableWidth(el: HTMLElement, max = 720): number {
  return Math.max(240, Math.min(max, Math.floor(el.clientWidth || 400)));
}

export interface Plot {
  ctx: CanvasRenderingContext2D;
  left: number;
  top: number;
  width: number;
  height: number;
  x: [number, number];
  y: [number, number];
  /** Data to canvas coordinates. */
  sx(v: number): number;
  sy(v: number): number;
}

export function plotArea(
  ctx: CanvasRenderingContext2D,
  box: { left: number; top: number; width: number; height: number },
  x: [number, number],
  y: [number, number],
): Plot {
  const spanX = x[1] - x[0] || 1;
  const spanY = y[1] - y[0] || 1;
  return {
    ctx,
    ...box,
    x,
    y,
    sx: (v) => box.left + ((v - x[0]) / spanX) * box.width,
    sy: (v) => box.top + box.height - ((v - y[0]) / spanY) * box.height,
  };
}

/** About `count` round numbers between lo and hi. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** A font string the canvas understands (it does not resolve CSS variables). */
export function canvasFont(size = 11, weight = ''): string {
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  return `${weight} ${size}px ${family}`.trim();
}

/** Frame, ticks with labels and axis titles around a plot. */
export function drawAxes(
  p: Plot,
  titles: { x: string; y: string },
  c: ThemeColors = themeColors(),
  /** Y ticks and their labels (a log axis passes its powers of ten); round numbers when absent. */
  yTicks?: { values: number[]; label(v: number): string },
): void {
  const { ctx } = p;
  ctx.save();
  ctx.strokeStyle = c.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(p.left + 0.5, p.top + 0.5, p.width, p.height);
  ctx.fillStyle = c.muted;
  ctx.font = canvasFont(10);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of niceTicks(p.x[0], p.x[1], Math.max(2, Math.floor(p.width / 70)))) {
    const x = Math.round(p.sx(v)) + 0.5;
    ctx.fillRect(x, p.top + p.height, 1, 4);
    ctx.fillText(formatNumber(v), x, p.top + p.height + 5);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of yTicks?.values ?? niceTicks(p.y[0], p.y[1], Math.max(2, Math.floor(p.height / 45)))) {
    const y = Math.round(p.sy(v)) + 0.5;
    ctx.fillRect(p.left - 4, y, 4, 1);
    ctx.fillText(yTicks ? yTicks.label(v) : formatNumber(v), p.left - 6, y);
  }
  ctx.font = canvasFont(11);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(titles.x, p.left + p.width / 2, p.top + p.height + 32);
  drawYTitle(ctx, titles.y, 12, p.top + p.height / 2);
  ctx.restore();
}

/** Hangul, kana and CJK ideographs: scripts written upright, top to bottom, when set vertically. */
const UPRIGHT_SCRIPT = /[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7af]/;

/**
 * A y-axis title centred at (x, y) along the axis: Latin text turned 90 degrees as usual, but Korean (and any
 * CJK) text stacked upright, character by character, as it is written vertically (turned, it reads sideways).
 */
export function drawYTitle(ctx: CanvasRenderingContext2D, title: string, x: number, y: number): void {
  ctx.save();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  if (UPRIGHT_SCRIPT.test(title)) {
    const chars = [...title.replace(/\s+/g, '')];
    const lineHeight = 12;
    chars.forEach((ch, i) => ctx.fillText(ch, x, y + (i - (chars.length - 1) / 2) * lineHeight));
  } else {
    ctx.translate(x, y);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(title, 0, 0);
  }
  ctx.restore();
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const k = Math.max(0, Math.min(1, t));
  return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k];
}

export function css(c: Rgb, alpha = 1): string {
  return `rgba(${Math.round(c[0])}, ${Math.round(c[1])}, ${Math.round(c[2])}, ${alpha})`;
}

/** A colour ramp through `stops` (t in 0..1). */
export function ramp(stops: Rgb[], t: number): Rgb {
  const k = Math.max(0, Math.min(1, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(k));
  return mix(stops[i], stops[i + 1], k - i);
}

/** The loss colour ramp: low loss in the theme's blue, through green and yellow, to its red. */
export function lossRamp(c: ThemeColors = themeColors()): Rgb[] {
  return [c.series[0], c.series[2], c.series[5], c.series[4]].map(toRgb);
}

/** A vertical colour bar at (x, y), `h` tall, with its bottom and top labels beside it and its title turned along it (62 px wide in all). */
export function drawColorBar(
  ctx: CanvasRenderingContext2D,
  at: { x: number; y: number; h: number },
  stops: Rgb[],
  labels: [string, string],
  title: string,
): void {
  const c = themeColors();
  const w = 10;
  for (let i = 0; i < at.h; i++) {
    ctx.fillStyle = css(ramp(stops, 1 - i / (at.h - 1)));
    ctx.fillRect(at.x, at.y + i, w, 1);
  }
  ctx.strokeStyle = c.grid;
  ctx.strokeRect(at.x + 0.5, at.y + 0.5, w, at.h);
  ctx.fillStyle = c.muted;
  ctx.font = canvasFont(10);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText(labels[1], at.x + w + 3, at.y);
  ctx.textBaseline = 'bottom';
  ctx.fillText(labels[0], at.x + w + 3, at.y + at.h);
  ctx.save();
  ctx.translate(at.x + w + 9, at.y + at.h / 2);
  ctx.rotate(Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(title, 0, 0);
  ctx.restore();
}

/**
 * Contour segments of `field` (rows x cols, row 0 at the bottom) at `level`, by marching squares, in grid
 * coordinates (col, row of cell centres). Each segment is [x0, y0, x1, y1].
 */
export function contourSegments(field: ArrayLike<number>, cols: number, rows: number, level: number): number[][] {
  const out: number[][] = [];
  const at = (r: number, c: number) => field[r * cols + c];
  const cross = (a: number, b: number) => (level - a) / (b - a);
  for (let r = 0; r + 1 < rows; r++) {
    for (let c = 0; c + 1 < cols; c++) {
      const v = [at(r, c), at(r, c + 1), at(r + 1, c + 1), at(r + 1, c)];
      if (v.some((x) => !Number.isFinite(x))) continue;
      // Edges: bottom (0-1), right (1-2), top (3-2), left (0-3): the points where the level crosses.
      const pts: [number, number][] = [];
      if (v[0] < level !== v[1] < level) pts.push([c + cross(v[0], v[1]), r]);
      if (v[1] < level !== v[2] < level) pts.push([c + 1, r + cross(v[1], v[2])]);
      if (v[3] < level !== v[2] < level) pts.push([c + cross(v[3], v[2]), r + 1]);
      if (v[0] < level !== v[3] < level) pts.push([c, r + cross(v[0], v[3])]);
      if (pts.length === 2) out.push([...pts[0], ...pts[1]]);
      else if (pts.length === 4) out.push([...pts[0], ...pts[1]], [...pts[2], ...pts[3]]);
    }
  }
  return out;
}

/** Paints a rows x cols grid of colours (row 0 at the bottom) over the plot area, smoothly interpolated. */
export function paintGrid(p: Plot, cols: number, rows: number, color: (i: number) => Rgb, smooth = true): void {
  const img = document.createElement('canvas');
  img.width = cols;
  img.height = rows;
  const ictx = img.getContext('2d')!;
  const data = ictx.createImageData(cols, rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const rgb = color(r * cols + c);
      const o = ((rows - 1 - r) * cols + c) * 4;
      data.data[o] = rgb[0];
      data.data[o + 1] = rgb[1];
      data.data[o + 2] = rgb[2];
      data.data[o + 3] = 255;
    }
  }
  ictx.putImageData(data, 0, 0);
  p.ctx.save();
  p.ctx.imageSmoothingEnabled = smooth;
  p.ctx.drawImage(img, p.left, p.top, p.width, p.height);
  p.ctx.restore();
}

/** Draws a circle marker. */
export function dot(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  fill: string | null,
  stroke: string | null,
  lineWidth = 1,
): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  if (fill) {
    ctx.fillStyle = fill;
    ctx.fill();
  }
  if (stroke) {
    ctx.strokeStyle = stroke;
    ctx.lineWidth = lineWidth;
    ctx.stroke();
  }
}

/** A legend row of (swatch, label) items drawn from (x, y), wrapping at `maxWidth`; returns the height used. */
export function drawLegend(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  maxWidth: number,
  items: { label: string; draw(cx: number, cy: number): void }[],
): number {
  const c = themeColors();
  ctx.font = canvasFont(11);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  let cx = x;
  let cy = y + 8;
  for (const item of items) {
    const w = 18 + ctx.measureText(item.label).width + 14;
    if (cx > x && cx + w > x + maxWidth) {
      cx = x;
      cy += 18;
    }
    item.draw(cx + 6, cy);
    ctx.fillStyle = c.foreground;
    ctx.fillText(item.label, cx + 16, cy);
    cx += w;
  }
  return cy - y + 10;
}

/** A short legend line (solid or dashed). */
export function legendLine(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  color: string,
  width: number,
  dash: number[] = [],
): void {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(x - 6, y);
  ctx.lineTo(x + 6, y);
  ctx.stroke();
  ctx.restore();
}
