// The loss landscape with the optimizer's path. One parameter: the loss as a curve over it, and the steps
// as points on the curve (a run trapped in a local minimum sits in the shallow valley beside the deep one);
// two parameters or a random slice: the loss as a coloured map with contour lines, and the path across it
// (a learning rate too large zig-zags from one wall of the valley to the other). Earlier runs of the same
// loss in the file are drawn dashed. Drawn from the worker's `landscape` event.
import type { LandscapeEvent } from '../../../src/protocol';
import { formatNumber } from '../../../src/shared/paramStats';
import { fmt, type Strings } from '../../../src/shared/strings';
import { ConceptCard, dataLine } from '../../common/conceptCard';
import {
  availableWidth,
  contourSegments,
  css,
  dot,
  drawAxes,
  drawColorBar,
  drawLegend,
  legendLine,
  lossRamp,
  paintGrid,
  plotArea,
  ramp,
  setupCanvas,
  type Plot,
} from '../../common/plot';
import { themeColors } from '../../common/theme';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

const LEFT = 54;
const CONTOURS = 9;

/** The path's points: coordinates (1 or 2) and loss each. */
function points(path: Float32Array, dims: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + dims < path.length; i += dims + 1) out.push(Array.from(path.subarray(i, i + dims + 1)));
  return out;
}

function axisTitle(s: Strings, e: LandscapeEvent, k: number): string {
  return e.kind === 'slice' ? fmt(s.directionValue, k + 1) : e.axes[k].label;
}

function finiteRange(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    lo = Math.min(lo, values[i]);
    hi = Math.max(hi, values[i]);
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

export class LandscapeView implements View {
  readonly redrawOn: readonly RunEventType[] = ['landscape', 'model'];
  private readonly card: ConceptCard;
  private last: ViewContext | null = null;

  constructor(container: HTMLElement, s: Strings) {
    this.card = new ConceptCard(container, s.landscapeHelpExact, () => this.last && this.update(this.last));
  }

  update(context: ViewContext): void {
    this.last = context;
    const { strings: s, run } = context;
    const e = run?.concepts.landscape ?? null;
    if (!this.card.show(e !== null && e.path.length > 0)) return;
    this.card.title.textContent = s.landscape;
    this.card.help.textContent = e!.kind === 'slice' ? s.landscapeHelpSlice : s.landscapeHelpExact;
    this.card.data.textContent = dataLine(s, e!.input, e!.target);
    this.card.container.dataset.step = String(e!.step);
    this.card.container.dataset.kind = e!.kind;
    if (e!.axes.length === 1) this.drawCurve(s, e!);
    else this.drawMap(s, e!);
    this.card.describe(this.summary(s, e!));
  }

  private summary(s: Strings, e: LandscapeEvent): string {
    const dims = e.axes.length;
    const pts = points(e.path, dims);
    const at = (p: number[]) => p.slice(0, dims).map(formatNumber).join(', ');
    const first = pts[0];
    const end = pts[pts.length - 1];
    let text = fmt(s.landscapeSummary, e.step, at(first), formatNumber(first[dims]), at(end), formatNumber(end[dims]));
    if (e.earlier.length > 0) {
      const ends = e.earlier.map((p) => at(points(p, dims).slice(-1)[0])).join('; ');
      text += ' ' + fmt(s.landscapeEarlier, e.earlier.length, ends);
    }
    return text;
  }

  private drawCurve(s: Strings, e: LandscapeEvent): void {
    const width = availableWidth(this.card.container, 640);
    const plotWidth = width - LEFT - 12;
    const plotHeight = Math.round(Math.min(280, Math.max(170, plotWidth * 0.55)));
    const ctx = setupCanvas(this.card.canvas, width, plotHeight + 44 + 30);
    const a = e.axes[0];
    const [lo, hi] = finiteRange(e.values);
    const paths = [e.path, ...e.earlier].map((p) => points(p, 1));
    // As the worker frames the axes: a diverging run's losses beyond DIVERGED x the largest start are off the top.
    const cap = 25 * Math.max(1e-12, ...paths.map((p) => Math.abs(p[0]?.[1] ?? 0)));
    const losses = paths.flatMap((p) => p.map((q) => q[1])).filter((v) => Number.isFinite(v) && Math.abs(v) <= cap);
    const pathHi = Math.max(...losses, lo);
    const top = Math.min(hi, pathHi + 0.3 * (pathHi - lo)) > lo ? Math.min(hi, pathHi + 0.3 * (pathHi - lo)) : hi;
    const plot = plotArea(
      ctx,
      { left: LEFT, top: 6, width: plotWidth, height: plotHeight },
      [a.min, a.max],
      [lo - 0.05 * (top - lo), top],
    );
    const c = themeColors();
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.left, plot.top, plot.width, plot.height);
    ctx.clip();
    ctx.strokeStyle = c.muted;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (let i = 0; i < a.count; i++) {
      const x = plot.sx(a.min + (i / (a.count - 1)) * (a.max - a.min));
      if (i === 0) ctx.moveTo(x, plot.sy(e.values[i]));
      else ctx.lineTo(x, plot.sy(e.values[i]));
    }
    ctx.stroke();
    e.earlier.forEach((p) => this.drawPath(plot, points(p, 1), c.series[3], true));
    this.drawPath(plot, points(e.path, 1), c.series[1], false);
    ctx.restore();
    drawAxes(plot, { x: axisTitle(s, e, 0), y: s.loss }, c);
    this.legend(ctx, s, e, plotHeight + 44, plotWidth);
  }

  private drawMap(s: Strings, e: LandscapeEvent): void {
    const width = availableWidth(this.card.container, 600);
    const side = Math.min(width - LEFT - 70, 400);
    const ctx = setupCanvas(this.card.canvas, LEFT + side + 70, side + 44 + 48);
    const [ax, ay] = e.axes;
    const plot = plotArea(ctx, { left: LEFT, top: 6, width: side, height: side }, [ax.min, ax.max], [ay.min, ay.max]);
    const c = themeColors();
    const [lo, hi] = finiteRange(e.values);
    const eps = (hi - lo) * 1e-3 + 1e-12;
    const norm = (v: number) => (Math.log(v - lo + eps) - Math.log(eps)) / (Math.log(hi - lo + eps) - Math.log(eps));
    const field = Float32Array.from(e.values, norm);
    const stops = lossRamp(c);
    paintGrid(plot, ax.count, ay.count, (i) => (Number.isFinite(field[i]) ? ramp(stops, field[i]) : [128, 128, 128]));
    this.drawContours(plot, field, ax.count, ay.count);
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.left, plot.top, plot.width, plot.height);
    ctx.clip();
    e.earlier.forEach((p) => this.drawPath(plot, points(p, 2), c.foreground, true));
    this.drawPath(plot, points(e.path, 2), c.foreground, false);
    ctx.restore();
    drawAxes(plot, { x: axisTitle(s, e, 0), y: axisTitle(s, e, 1) }, c);
    drawColorBar(
      ctx,
      { x: LEFT + side + 8, y: 6, h: side },
      stops,
      [formatNumber(lo), formatNumber(hi)],
      `${s.loss} (log)`,
    );
    this.legend(ctx, s, e, side + 44, side + 50);
  }

  private drawContours(p: Plot, field: Float32Array, cols: number, rows: number): void {
    const { ctx } = p;
    const cw = p.width / (cols - 1);
    const ch = p.height / (rows - 1);
    ctx.save();
    ctx.strokeStyle = css([0, 0, 0], 0.35);
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let k = 1; k < CONTOURS; k++) {
      for (const [x0, y0, x1, y1] of contourSegments(field, cols, rows, k / CONTOURS)) {
        ctx.moveTo(p.left + x0 * cw, p.top + p.height - y0 * ch);
        ctx.lineTo(p.left + x1 * cw, p.top + p.height - y1 * ch);
      }
    }
    ctx.stroke();
    ctx.restore();
  }

  /** A path as a line through its points, hollow at the start and filled (larger) where it is now. */
  private drawPath(p: Plot, pts: number[][], color: string, earlier: boolean): void {
    if (pts.length === 0) return;
    const { ctx } = p;
    const two = pts[0].length === 3;
    const xy = pts.map((q) => [p.sx(q[0]), p.sy(two ? q[1] : q[1])]);
    const outline = themeColors().background;
    for (const [stroke, width] of [
      [outline, earlier ? 3 : 4],
      [color, earlier ? 1.5 : 2],
    ] as [string, number][]) {
      ctx.save();
      ctx.strokeStyle = stroke;
      ctx.lineWidth = width;
      ctx.setLineDash(earlier ? [5, 3] : []);
      ctx.beginPath();
      xy.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      ctx.stroke();
      ctx.restore();
    }
    if (!earlier && pts.length < 400) for (const [x, y] of xy) dot(ctx, x, y, 2, color, null);
    if (!earlier) arrows(ctx, xy, color);
    dot(ctx, xy[0][0], xy[0][1], 5, outline, color, 2);
    const [ex, ey] = xy[xy.length - 1];
    if (earlier) ctx.strokeRect(ex - 4, ey - 4, 8, 8);
    else dot(ctx, ex, ey, 6, color, outline, 2);
  }

  private legend(ctx: CanvasRenderingContext2D, s: Strings, e: LandscapeEvent, y: number, width: number): void {
    const c = themeColors();
    const map = e.axes.length === 2;
    const now = map ? c.foreground : c.series[1];
    const items = [
      { label: s.pathStart, draw: (x: number, yy: number) => dot(ctx, x, yy, 5, c.background, now, 2) },
      {
        label: `${s.pathNow}: ${s.pathEnd}`,
        draw: (x: number, yy: number) => dot(ctx, x, yy, 5, now, c.background, 2),
      },
      { label: s.pathNow, draw: (x: number, yy: number) => legendLine(ctx, x, yy, now, 2) },
    ];
    if (e.earlier.length > 0)
      items.push({
        label: s.pathEarlier,
        draw: (x, yy) => legendLine(ctx, x, yy, map ? c.foreground : c.series[3], 1.5, [5, 3]),
      });
    drawLegend(ctx, LEFT, y, width, items);
  }
}

/** Arrowheads along a path (on at most 40 of its longer segments), so its direction, and a zig-zag, read at a glance. */
function arrows(ctx: CanvasRenderingContext2D, xy: number[][], color: string): void {
  const every = Math.max(1, Math.floor(xy.length / 40));
  ctx.save();
  ctx.fillStyle = color;
  for (let i = 1; i < xy.length; i += every) {
    const [x0, y0] = xy[i - 1];
    const [x1, y1] = xy[i];
    const len = Math.hypot(x1 - x0, y1 - y0);
    if (len < 14) continue;
    const a = Math.atan2(y1 - y0, x1 - x0);
    const mx = x0 + (x1 - x0) * 0.6;
    const my = y0 + (y1 - y0) * 0.6;
    ctx.beginPath();
    ctx.moveTo(mx + 6 * Math.cos(a), my + 6 * Math.sin(a));
    ctx.lineTo(mx + 6 * Math.cos(a + 2.5), my + 6 * Math.sin(a + 2.5));
    ctx.lineTo(mx + 6 * Math.cos(a - 2.5), my + 6 * Math.sin(a - 2.5));
    ctx.fill();
  }
  ctx.restore();
}
