// The fitted curve of a model with one input and one output: the training points, the model's output over
// the input range as a line, and each point's error (the gap from the point to the curve) as a thin line,
// so the loss is seen as the gaps it measures. Drawn from the worker's `prediction` event of kind 'fit';
// a plain `w * x + b` with tensors w and b is drawn the same way.
import type { FitPrediction } from '../../../src/protocol';
import { formatNumber } from '../../../src/shared/paramStats';
import { fmt, type Strings } from '../../../src/shared/strings';
import { ConceptCard, dataLine, shortName } from '../../common/conceptCard';
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
import { themeColors } from '../../common/theme';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

const LEFT = 50;

function extent(...arrays: ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      if (!Number.isFinite(a[i])) continue;
      lo = Math.min(lo, a[i]);
      hi = Math.max(hi, a[i]);
    }
  }
  if (!(lo <= hi)) return [-1, 1];
  const pad = (hi - lo) * 0.08 || 0.5;
  return [lo - pad, hi + pad];
}

export class FitView implements View {
  readonly redrawOn: readonly RunEventType[] = ['prediction', 'model'];
  private readonly card: ConceptCard;
  private last: ViewContext | null = null;

  constructor(container: HTMLElement, s: Strings) {
    this.card = new ConceptCard(container, s.fitHelp, () => this.last && this.update(this.last));
  }

  update(context: ViewContext): void {
    this.last = context;
    const { strings: s, run } = context;
    const p = run?.concepts.prediction;
    if (!this.card.show(p?.kind === 'fit')) return;
    const e = p as FitPrediction;
    this.card.title.textContent = s.fit;
    this.card.help.textContent = s.fitHelp;
    this.card.data.textContent = dataLine(s, e.input, e.target);
    this.card.container.dataset.step = String(e.step);
    this.draw(s, e);
    const first = e.ys[0];
    const lastY = e.ys[e.ys.length - 1];
    this.card.describe(fmt(s.fitSummary, e.step, e.targets.length, formatNumber(first), formatNumber(lastY)));
  }

  private draw(s: Strings, e: FitPrediction): void {
    const width = availableWidth(this.card.container, 640);
    const plotWidth = width - LEFT - 12;
    const plotHeight = Math.round(Math.min(300, Math.max(180, plotWidth * 0.6)));
    const ctx = setupCanvas(this.card.canvas, width, plotHeight + 44 + 30);
    const plot = plotArea(
      ctx,
      { left: LEFT, top: 6, width: plotWidth, height: plotHeight },
      [e.xs[0], e.xs[e.xs.length - 1]],
      extent(e.targets, e.ys),
    );
    const c = themeColors();
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.left, plot.top, plot.width, plot.height);
    ctx.clip();
    this.drawErrors(plot, e, c.series[4]);
    this.drawCurve(plot, e, c.series[1]);
    const r = e.targets.length > 200 ? 2.5 : 3.5;
    for (let i = 0; i < e.targets.length; i++)
      dot(ctx, plot.sx(e.points[i]), plot.sy(e.targets[i]), r, c.series[0], c.foreground, 0.75);
    ctx.restore();
    drawAxes(plot, { x: shortName(e.input, 'x'), y: shortName(e.target, 'y') }, c);
    drawLegend(ctx, LEFT, plotHeight + 44, plotWidth, [
      { label: s.trainingData, draw: (x, y) => dot(ctx, x, y, 3.5, c.series[0], c.foreground, 0.75) },
      { label: s.modelCurve, draw: (x, y) => legendLine(ctx, x, y, c.series[1], 2.5) },
      { label: s.errors, draw: (x, y) => legendLine(ctx, x, y, c.series[4], 1.25, [3, 2]) },
    ]);
  }

  private drawErrors(p: Plot, e: FitPrediction, color: string): void {
    const { ctx } = p;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.25;
    ctx.setLineDash([3, 2]);
    ctx.beginPath();
    for (let i = 0; i < e.targets.length; i++) {
      const x = p.sx(e.points[i]);
      ctx.moveTo(x, p.sy(e.targets[i]));
      ctx.lineTo(x, p.sy(e.fitted[i]));
    }
    ctx.stroke();
    ctx.restore();
  }

  private drawCurve(p: Plot, e: FitPrediction, color: string): void {
    const { ctx } = p;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    for (let i = 0; i < e.xs.length; i++) {
      const x = p.sx(e.xs[i]);
      const y = p.sy(e.ys[i]);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
    ctx.restore();
  }
}
