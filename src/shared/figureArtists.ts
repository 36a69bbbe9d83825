// Draws the artists of one matplotlib Axes (lines, scatter points, bars, images, filled and line contours,
// polygons, reference lines, texts) onto a Painter, in the pixels of the Axes' frame.
import type {
  FigureArtist,
  FigureContour,
  FigureImage,
  FigureLine,
  FigurePolys,
  FigureRects,
  FigureScatter,
  FigureText,
} from '../protocol';
import { dashPattern, drawMarker, type Painter } from './figurePainter';

/** An Axes' box in pixels and its data-to-pixel maps (and back). */
export interface Frame {
  left: number;
  top: number;
  width: number;
  height: number;
  sx(v: number): number;
  sy(v: number): number;
  ix(px: number): number;
  iy(py: number): number;
  /** Pixels per point. */
  pt: number;
  fontPx(points: number): number;
}

function finiteRuns(f: Frame, x: Float32Array, y: Float32Array): [number[], number[]][] {
  const runs: [number[], number[]][] = [];
  let xs: number[] = [];
  let ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const px = f.sx(x[i]);
    const py = f.sy(y[i]);
    if (Number.isFinite(px) && Number.isFinite(py)) {
      xs.push(px);
      ys.push(py);
    } else if (xs.length) {
      runs.push([xs, ys]);
      xs = [];
      ys = [];
    }
  }
  if (xs.length) runs.push([xs, ys]);
  return runs;
}

function drawLine(p: Painter, f: Frame, a: FigureLine): void {
  const width = a.width * f.pt;
  const runs = finiteRuns(f, a.x, a.y);
  if (a.style) {
    for (const [xs, ys] of runs)
      p.path(xs, ys, { stroke: a.color, width, dash: dashPattern(a.style, width), alpha: a.alpha });
  }
  if (!a.marker) return;
  for (const [xs, ys] of runs) {
    for (let i = 0; i < xs.length; i++)
      drawMarker(p, a.marker, xs[i], ys[i], a.markerSize * f.pt, a.markerFace, a.markerEdge, f.pt, a.alpha);
  }
}

function drawScatter(p: Painter, f: Frame, a: FigureScatter): void {
  for (let i = 0; i < a.x.length; i++) {
    const x = f.sx(a.x[i]);
    const y = f.sy(a.y[i]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const color = a.colors[a.colors.length === 1 ? 0 : i];
    const area = a.sizes[a.sizes.length === 1 ? 0 : i];
    if (!(area > 0)) continue;
    const edge = a.edge === 'face' ? color : a.edge;
    drawMarker(p, a.marker, x, y, Math.sqrt(area) * f.pt, color, edge, a.edgeWidth * f.pt, a.alpha);
  }
}

function drawRects(p: Painter, f: Frame, a: FigureRects): void {
  for (let i = 0; i < a.x.length; i++) {
    const x0 = f.sx(a.x[i]);
    const x1 = f.sx(a.x[i] + a.w[i]);
    const y0 = f.sy(a.y[i]);
    const y1 = f.sy(a.y[i] + a.h[i]);
    if (![x0, x1, y0, y1].every(Number.isFinite)) continue;
    const color = a.colors[a.colors.length === 1 ? 0 : i];
    const left = Math.min(x0, x1);
    const top = Math.min(y0, y1);
    // 'none': an outlined box (a patches.Rectangle with facecolor='none' over an image).
    if (color !== 'none') p.fillRect(left, top, Math.abs(x1 - x0), Math.abs(y1 - y0), color, a.alpha);
    if (a.edge && a.edgeWidth > 0) {
      const xs = [x0, x1, x1, x0];
      const ys = [y0, y0, y1, y1];
      p.path(xs, ys, { stroke: a.edge, width: a.edgeWidth * f.pt, close: true, alpha: a.alpha });
    }
  }
}

function drawImage(p: Painter, f: Frame, a: FigureImage): void {
  const [l, r, t, b] = a.extent;
  const x0 = f.sx(l);
  const x1 = f.sx(r);
  const y0 = f.sy(t);
  const y1 = f.sy(b);
  if (![x0, x1, y0, y1].every(Number.isFinite)) return;
  p.image(a.rgba, a.cols, a.rows, Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0), a.smooth);
}

/** Index i with v in [arr[i], arr[i+1]] of an increasing or decreasing array, or -1 outside. */
function cellOf(arr: Float32Array, v: number): number {
  const n = arr.length;
  const inc = arr[n - 1] >= arr[0];
  const lo = inc ? arr[0] : arr[n - 1];
  const hi = inc ? arr[n - 1] : arr[0];
  if (!(v >= lo && v <= hi)) return -1;
  let a = 0;
  let b = n - 1;
  while (b - a > 1) {
    const m = (a + b) >> 1;
    if (inc ? arr[m] <= v : arr[m] >= v) a = m;
    else b = m;
  }
  return a;
}

function hexRgb(hex: string): [number, number, number] {
  const h = hex.startsWith('#') ? hex.slice(1) : hex;
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** Filled contours: each pixel of the frame coloured by the band of the bilinearly interpolated z there. */
function drawFilledContour(p: Painter, f: Frame, a: FigureContour): void {
  const res = p.resolution;
  const w = Math.max(1, Math.round(f.width * res));
  const h = Math.max(1, Math.round(f.height * res));
  const out = new Uint8ClampedArray(w * h * 4);
  const cols = a.x.length;
  const bands = a.colors.map(hexRgb);
  const levels = a.levels;
  const alpha = Math.round(a.alpha * 255);
  const xCell = new Int32Array(w);
  const xFrac = new Float32Array(w);
  for (let i = 0; i < w; i++) {
    const v = f.ix(f.left + (i + 0.5) / res);
    const c = cellOf(a.x, v);
    xCell[i] = c;
    if (c >= 0) xFrac[i] = Math.min(1, Math.max(0, (v - a.x[c]) / (a.x[c + 1] - a.x[c] || 1)));
  }
  for (let j = 0; j < h; j++) {
    const v = f.iy(f.top + (j + 0.5) / res);
    const r = cellOf(a.y, v);
    if (r < 0) continue;
    const ty = Math.min(1, Math.max(0, (v - a.y[r]) / (a.y[r + 1] - a.y[r] || 1)));
    for (let i = 0; i < w; i++) {
      const c = xCell[i];
      if (c < 0) continue;
      const tx = xFrac[i];
      const k = r * cols + c;
      const z =
        (a.z[k] * (1 - tx) + a.z[k + 1] * tx) * (1 - ty) + (a.z[k + cols] * (1 - tx) + a.z[k + cols + 1] * tx) * ty;
      if (!(z >= levels[0] && z <= levels[levels.length - 1])) continue;
      const band = Math.min(bands.length - 1, Math.max(0, cellOf(levels, z)));
      const o = (j * w + i) * 4;
      const rgb = bands[band];
      out[o] = rgb[0];
      out[o + 1] = rgb[1];
      out[o + 2] = rgb[2];
      out[o + 3] = alpha;
    }
  }
  p.image(out, w, h, f.left, f.top, f.width, f.height, false);
}

/** Line contours by marching squares: each level's segments in its colour. */
function drawContourLines(p: Painter, f: Frame, a: FigureContour): void {
  const cols = a.x.length;
  const rows = a.y.length;
  const width = a.width * f.pt;
  a.levels.forEach((level, li) => {
    const color = a.colors[li % a.colors.length];
    const dash = dashPattern(a.style, width);
    for (let r = 0; r + 1 < rows; r++) {
      for (let c = 0; c + 1 < cols; c++) {
        const k = r * cols + c;
        const v = [a.z[k], a.z[k + 1], a.z[k + cols + 1], a.z[k + cols]];
        if (!v.every(Number.isFinite)) continue;
        const px = [a.x[c], a.x[c + 1], a.x[c + 1], a.x[c]];
        const py = [a.y[r], a.y[r], a.y[r + 1], a.y[r + 1]];
        const pts: [number, number][] = [];
        for (let e = 0; e < 4; e++) {
          const a0 = v[e];
          const a1 = v[(e + 1) % 4];
          if (a0 < level === a1 < level) continue;
          const t = (level - a0) / (a1 - a0);
          pts.push([px[e] + t * (px[(e + 1) % 4] - px[e]), py[e] + t * (py[(e + 1) % 4] - py[e])]);
        }
        for (let s = 0; s + 1 < pts.length; s += 2) {
          const xs = [f.sx(pts[s][0]), f.sx(pts[s + 1][0])];
          const ys = [f.sy(pts[s][1]), f.sy(pts[s + 1][1])];
          p.path(xs, ys, { stroke: color, width, dash, alpha: a.alpha });
        }
      }
    }
  });
}

/** Polygons of `n` vertices in the order given (a projected 3-D surface comes sorted far to near). */
function drawPolys(p: Painter, f: Frame, a: FigurePolys): void {
  const n = a.n;
  for (let i = 0, k = 0; i + n <= a.x.length; i += n, k++) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let j = i; j < i + n; j++) {
      xs.push(f.sx(a.x[j]));
      ys.push(f.sy(a.y[j]));
    }
    if (!xs.every(Number.isFinite) || !ys.every(Number.isFinite)) continue;
    const color = a.colors[a.colors.length === 1 ? 0 : k];
    // Without an edge, an opaque face gets a hairline in its own colour: it closes the seams that anti-aliasing
    // leaves between neighbouring faces (a translucent one would show the hairline twice).
    const edged = a.edge !== '' && a.edgeWidth > 0;
    const stroke = edged ? a.edge : a.alpha >= 1 ? color : undefined;
    const width = edged ? a.edgeWidth * f.pt : 0.5 * f.pt;
    p.path(xs, ys, { fill: color, stroke, width, alpha: a.alpha, close: true });
  }
}

const BASELINES: Record<string, 'top' | 'middle' | 'bottom' | 'alphabetic'> = {
  top: 'top',
  center: 'middle',
  center_baseline: 'middle',
  bottom: 'bottom',
  baseline: 'alphabetic',
};

function drawText(p: Painter, f: Frame, a: FigureText): void {
  const x = a.coords === 'axes' ? f.left + a.x * f.width : f.sx(a.x);
  const y = a.coords === 'axes' ? f.top + (1 - a.y) * f.height : f.sy(a.y);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return;
  const align = a.ha === 'center' ? 'center' : a.ha === 'right' ? 'right' : 'left';
  p.text(a.text, x, y, {
    size: f.fontPx(a.size),
    color: a.color,
    align,
    baseline: BASELINES[a.va] ?? 'alphabetic',
    rotate: Math.abs(a.rotation - 90) < 1,
    alpha: a.alpha,
  });
}

/** Draws one artist; texts are drawn by the caller after the clip is lifted (matplotlib does not clip them). */
export function drawArtist(p: Painter, f: Frame, a: FigureArtist): void {
  switch (a.kind) {
    case 'line':
      return drawLine(p, f, a);
    case 'scatter':
      return drawScatter(p, f, a);
    case 'rects':
      return drawRects(p, f, a);
    case 'image':
      return drawImage(p, f, a);
    case 'contour':
      return a.filled ? drawFilledContour(p, f, a) : drawContourLines(p, f, a);
    case 'polys':
      return drawPolys(p, f, a);
    case 'polygon': {
      const [xs, ys] = finiteRuns(f, a.x, a.y)[0] ?? [[], []];
      if (xs.length > 2) p.path(xs, ys, { fill: a.color, alpha: a.alpha, close: true });
      return;
    }
    case 'hline':
    case 'vline': {
      const v = a.kind === 'hline' ? f.sy(a.value) : f.sx(a.value);
      if (!Number.isFinite(v)) return;
      const width = a.width * f.pt;
      const style = { stroke: a.color, width, dash: dashPattern(a.style, width), alpha: a.alpha };
      if (a.kind === 'hline') p.path([f.left + a.from * f.width, f.left + a.to * f.width], [v, v], style);
      else p.path([v, v], [f.top + (1 - a.from) * f.height, f.top + (1 - a.to) * f.height], style);
      return;
    }
    case 'text':
      return drawText(p, f, a);
  }
}
