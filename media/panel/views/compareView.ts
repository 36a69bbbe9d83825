// The learning-rate comparison (src/extension/compareLr.ts): the loss curves of the file run at several
// learning rates, overlaid on one logarithmic axis that is clipped (src/shared/lrComparison.ts lossAxis) so
// a diverging run does not flatten the others; where a run leaves the chart it is marked with the step.
// When the file has an exact loss landscape (1 or 2 trained numbers), each run's path is drawn over it too.
// The card stays hidden until the first comparison arrives; it is not part of the run state.
import type { ComparedRun, LrComparison } from '../../../src/protocol';
import { formatNumber } from '../../../src/shared/paramStats';
import { factorLabel, leavesChartAt, lossAxis } from '../../../src/shared/lrComparison';
import { fmt, type Strings } from '../../../src/shared/strings';
import { h } from '../../common/dom';
import {
  availableWidth,
  dot,
  drawAxes,
  drawLegend,
  legendLine,
  plotArea,
  setupCanvas,
  type Plot,
} from '../../common/plot';
import { svgLineChart } from '../../common/svgChart';
import { themeColors } from '../../common/theme';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

const HEIGHT = 260;

export class CompareView implements View {
  readonly redrawOn: readonly RunEventType[] = [];
  private comparison: LrComparison | null = null;
  private readonly canvas = h('canvas', { class: 'concept-canvas', id: 'compare-chart', role: 'img' });
  private readonly paths = h('canvas', { class: 'concept-canvas', id: 'compare-paths', role: 'img', hidden: true });
  private readonly summary = h('ul', { class: 'compare-summary' });

  constructor(
    private readonly container: HTMLElement,
    s: Strings,
  ) {
    container.append(h('p', { class: 'section-help', text: s.compareHelp }), this.canvas, this.paths, this.summary);
  }

  /** A comparison arrived from the host (it is redrawn by the caller). */
  show(comparison: LrComparison): void {
    this.comparison = comparison;
  }

  update({ strings: s }: ViewContext): void {
    const c = this.comparison;
    this.container.hidden = !c;
    if (!c) return;
    const width = availableWidth(this.container);
    const [lo, hi] = lossAxis(c.runs);
    this.drawCurves(s, c.runs, width, [lo, hi]);
    this.drawPaths(s, c, width);
    this.summary.replaceChildren(...c.runs.map((r) => h('li', {}, runSummary(s, r, hi))));
    this.canvas.dataset.runs = String(c.runs.length);
    this.canvas.dataset.steps = c.runs.map((r) => r.losses.length).join(',');
    this.canvas.dataset.status = c.runs.map((r) => r.status).join(',');
    // Each run's last loss exactly (null for NaN/inf): the end-to-end test compares them with the CLI's.
    this.canvas.dataset.finalLosses = JSON.stringify(
      c.runs.map((r) => (r.losses.length ? r.losses[r.losses.length - 1] : null)),
    );
  }

  /** The comparison as an SVG line chart (for "Export charts"), null before one. */
  svg(s: Strings): string | null {
    const c = this.comparison;
    if (!c) return null;
    const colors = themeColors();
    const series = c.runs.map((r, i) => ({
      label: runLabel(r),
      color: colors.series[i % colors.series.length],
      points: Array.from(r.losses, (v, step) => [step, v] as const),
    }));
    return svgLineChart(series, {
      title: s.compareTitle,
      xTitle: fmt(s.stepValue, '').trim(),
      yTitle: s.loss,
      logY: true,
      yRange: lossAxis(c.runs),
      foreground: colors.foreground,
      background: colors.background,
    });
  }

  private drawCurves(s: Strings, runs: ComparedRun[], width: number, [lo, hi]: [number, number]): void {
    const ctx = setupCanvas(this.canvas, width, HEIGHT);
    const colors = themeColors();
    const steps = Math.max(2, ...runs.map((r) => r.losses.length));
    const logLo = Math.floor(Math.log10(lo));
    const logHi = Math.ceil(Math.log10(hi));
    const p = plotArea(
      ctx,
      { left: 56, top: 12, width: width - 72, height: HEIGHT - 84 },
      [0, steps - 1],
      [logLo, logHi],
    );
    drawAxes(p, { x: fmt(s.stepValue, '').trim(), y: s.loss }, colors, logTicks(logLo, logHi));
    runs.forEach((r, i) => drawRun(p, r, colors.series[i % colors.series.length], hi));
    const items = runs.map((r, i) => ({
      label: runLabel(r),
      draw: (x: number, y: number) => legendLine(ctx, x, y, colors.series[i % colors.series.length], 2),
    }));
    drawLegend(ctx, 56, HEIGHT - 34, width - 72, items);
    this.canvas.setAttribute('aria-label', `${s.compareTitle}: ${runs.map((r) => runSummary(s, r, hi)).join('; ')}`);
  }

  /** Each run's path over the x1 run's exact landscape (1-D: loss against the number; 2-D: the plane). */
  private drawPaths(s: Strings, c: LrComparison, width: number): void {
    const land = c.landscape;
    const show = !!land && land.kind === 'exact' && c.runs.some((r) => r.path && r.path.length > 0);
    this.paths.hidden = !show;
    if (!show || !land) return;
    const ctx = setupCanvas(this.paths, width, HEIGHT);
    const colors = themeColors();
    const dims = land.axes.length;
    const a = land.axes[0];
    const yRange: [number, number] = dims === 1 ? finiteRange(land.values) : [land.axes[1].min, land.axes[1].max];
    const p = plotArea(ctx, { left: 56, top: 12, width: width - 72, height: HEIGHT - 60 }, [a.min, a.max], yRange);
    drawAxes(p, { x: a.label, y: dims === 1 ? s.loss : land.axes[1].label }, colors);
    ctx.save();
    ctx.beginPath();
    ctx.rect(p.left, p.top, p.width, p.height);
    ctx.clip();
    if (dims === 1) {
      ctx.strokeStyle = colors.muted;
      ctx.beginPath();
      land.values.forEach((v, i) => {
        const x = p.sx(a.min + ((a.max - a.min) * i) / Math.max(1, a.count - 1));
        if (i === 0) ctx.moveTo(x, p.sy(v));
        else ctx.lineTo(x, p.sy(v));
      });
      ctx.stroke();
    }
    c.runs.forEach((r, i) => {
      if (!r.path) return;
      const color = colors.series[i % colors.series.length];
      const stride = dims + 1;
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      for (let k = 0; k + stride <= r.path.length; k += stride) {
        const x = p.sx(r.path[k]);
        const y = p.sy(dims === 1 ? r.path[k + 1] : r.path[k + 1]);
        if (k === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.stroke();
      if (r.path.length >= stride) dot(ctx, p.sx(r.path[0]), p.sy(r.path[1]), 3, color, null);
    });
    ctx.restore();
    this.paths.setAttribute('aria-label', `${s.landscape}: ${c.runs.map(runLabel).join(', ')}`);
  }
}

function finiteRange(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    lo = Math.min(lo, values[i]);
    hi = Math.max(hi, values[i]);
  }
  return Number.isFinite(lo) ? [lo, hi] : [0, 1];
}

/** `lr 0.05 (×1)`; before the lr is known, `×1`. */
function runLabel(r: ComparedRun): string {
  return r.lr === null ? factorLabel(r.factor) : `lr ${formatNumber(r.lr)} (${factorLabel(r.factor)})`;
}

function runSummary(s: Strings, r: ComparedRun, hi: number): string {
  const off = leavesChartAt(r, hi);
  const last = r.losses.length ? r.losses[r.losses.length - 1] : NaN;
  const end =
    r.divergedAt !== null
      ? fmt(s.compareDiverged, r.divergedAt)
      : off !== null
        ? fmt(s.compareOffChart, off)
        : fmt(s.compareFinal, formatNumber(last));
  return `${runLabel(r)}: ${end}`;
}

/** The y ticks of a log chart drawn in log10 space: powers of ten (every few when they are many). */
function logTicks(lo: number, hi: number): { values: number[]; label(k: number): string } {
  const step = Math.max(1, Math.ceil((hi - lo) / 6));
  const values: number[] = [];
  for (let k = lo; k <= hi; k += step) values.push(k);
  return { values, label: (k) => (k >= -3 && k <= 4 ? formatNumber(10 ** k) : `1e${k}`) };
}

/** One run's curve in log space, clipped at the top; an x where it leaves the chart (diverges). */
function drawRun(p: Plot, r: ComparedRun, color: string, hi: number): void {
  const { ctx } = p;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  let pen = false;
  const top = Math.log10(hi);
  for (let i = 0; i < r.losses.length; i++) {
    const v = r.losses[i];
    if (!(v > 0)) {
      pen = false;
      continue;
    }
    const y = p.sy(Math.min(top, Math.log10(v)));
    if (pen) ctx.lineTo(p.sx(i), y);
    else ctx.moveTo(p.sx(i), y);
    pen = true;
    if (!(v <= hi)) break; // off the chart from here on
  }
  ctx.stroke();
  const off = leavesChartAt(r, hi);
  if (off !== null) {
    const x = p.sx(off);
    const y = p.top + 4;
    ctx.beginPath();
    ctx.moveTo(x - 4, y - 4);
    ctx.lineTo(x + 4, y + 4);
    ctx.moveTo(x + 4, y - 4);
    ctx.lineTo(x - 4, y + 4);
    ctx.stroke();
  }
  ctx.restore();
}
