// The decision boundary of a classifier with two input features: the class the model predicts on a grid
// around the training points (each class in its colour, paler where the model is less sure), the line where
// the prediction changes, and the training points in their true class's colour (ringed when the model gets
// them wrong). Drawn from the worker's `prediction` event of kind 'boundary'.
import type { BoundaryPrediction } from '../../../src/protocol';
import { fmt, type Strings } from '../../../src/shared/strings';
import { ConceptCard, dataLine, shortName } from '../../common/conceptCard';
import {
  availableWidth,
  canvasFont,
  contourSegments,
  css,
  dot,
  drawAxes,
  drawLegend,
  mix,
  paintGrid,
  plotArea,
  setupCanvas,
  type Plot,
  type Rgb,
} from '../../common/plot';
import { cssVar, themeColors, toRgb } from '../../common/theme';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

const LEFT = 48;
const BAR = 72;

function percent(v: number): string {
  return `${Math.round(v * 100)}%`;
}

export class BoundaryView implements View {
  readonly redrawOn: readonly RunEventType[] = ['prediction', 'model'];
  private readonly card: ConceptCard;
  private last: ViewContext | null = null;

  constructor(container: HTMLElement, s: Strings) {
    this.card = new ConceptCard(container, s.boundaryHelp, () => this.last && this.update(this.last));
  }

  update(context: ViewContext): void {
    this.last = context;
    const { strings: s, run } = context;
    const p = run?.concepts.prediction;
    if (!this.card.show(p?.kind === 'boundary')) return;
    const e = p as BoundaryPrediction;
    this.card.title.textContent = s.boundary;
    this.card.help.textContent = s.boundaryHelp;
    this.card.data.textContent = dataLine(s, e.input, e.target);
    this.card.container.dataset.step = String(e.step);
    this.card.container.dataset.accuracy = String(e.accuracy);
    this.draw(s, e);
    this.card.describe(fmt(s.boundarySummary, e.step, fmt(s.accuracyValue, percent(e.accuracy))));
  }

  private draw(s: Strings, e: BoundaryPrediction): void {
    const width = availableWidth(this.card.container, 560);
    const side = Math.min(width - LEFT - BAR, 380);
    const height = side + 44 + 40;
    const ctx = setupCanvas(this.card.canvas, LEFT + side + BAR, height);
    const plot = plotArea(ctx, { left: LEFT, top: 6, width: side, height: side }, [e.x0, e.x1], [e.y0, e.y1]);
    const c = themeColors();
    const bg = toRgb(c.background);
    const colors = classColors(e.classes);
    paintGrid(plot, e.cols, e.rows, (i) => cellColor(bg, colors, e, i));
    this.drawBoundary(plot, e);
    this.drawPoints(plot, e, colors);
    const name = shortName(e.input, 'x');
    drawAxes(plot, { x: `${name}[:, 0]`, y: `${name}[:, 1]` }, c);
    this.drawScale(ctx, { x: LEFT + side + 8, y: 6, h: side }, s, colors, bg);
    const error = cssVar('--vscode-errorForeground', '#f85149');
    const items = colors.map((col, k) => ({
      label: fmt(s.classValue, k),
      draw: (x: number, y: number) => dot(ctx, x, y, 4.5, css(col), c.foreground),
    }));
    items.push({ label: s.misclassified, draw: (x, y) => dot(ctx, x, y, 6, null, error, 2) });
    drawLegend(ctx, LEFT, side + 44, side + BAR, items.slice(0, 7));
  }

  /** The line where the predicted class changes: the 0.5 contour for two classes, cell edges for more. */
  private drawBoundary(p: Plot, e: BoundaryPrediction): void {
    const { ctx } = p;
    const cw = p.width / e.cols;
    const ch = p.height / e.rows;
    ctx.save();
    ctx.strokeStyle = themeColors().foreground;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    if (e.classes === 2) {
      const p1 = e.cellClass.map((k, i) => (k === 1 ? e.cellConfidence[i] : 1 - e.cellConfidence[i]));
      for (const [x0, y0, x1, y1] of contourSegments(p1, e.cols, e.rows, 0.5)) {
        ctx.moveTo(p.left + (x0 + 0.5) * cw, p.top + p.height - (y0 + 0.5) * ch);
        ctx.lineTo(p.left + (x1 + 0.5) * cw, p.top + p.height - (y1 + 0.5) * ch);
      }
    } else {
      for (let r = 0; r < e.rows; r++) {
        for (let col = 0; col < e.cols; col++) {
          const k = e.cellClass[r * e.cols + col];
          const x = p.left + (col + 1) * cw;
          const y = p.top + p.height - (r + 1) * ch;
          if (col + 1 < e.cols && e.cellClass[r * e.cols + col + 1] !== k) ctx.rect(x, y, 0.01, ch);
          if (r + 1 < e.rows && e.cellClass[(r + 1) * e.cols + col] !== k) ctx.rect(x - cw, y, cw, 0.01);
        }
      }
    }
    ctx.stroke();
    ctx.restore();
  }

  private drawPoints(p: Plot, e: BoundaryPrediction, colors: Rgb[]): void {
    const c = themeColors();
    const error = cssVar('--vscode-errorForeground', '#f85149');
    const n = e.targets.length;
    const r = n > 200 ? 3 : 4.5;
    for (let i = 0; i < n; i++) {
      const x = p.sx(e.points[i * 2]);
      const y = p.sy(e.points[i * 2 + 1]);
      const k = e.targets[i];
      dot(p.ctx, x, y, r, css(colors[k] ?? toRgb(c.muted)), c.foreground, 1);
      if (e.predicted[i] !== k) dot(p.ctx, x, y, r + 2.5, null, error, 2);
    }
  }

  /** For two classes the probability scale from one class's colour to the other's; for more, the confidence. */
  private drawScale(
    ctx: CanvasRenderingContext2D,
    at: { x: number; y: number; h: number },
    s: Strings,
    colors: Rgb[],
    bg: Rgb,
  ): void {
    const c = themeColors();
    const two = colors.length === 2;
    for (let i = 0; i < at.h; i++) {
      const t = 1 - i / (at.h - 1);
      const rgb = two
        ? t >= 0.5
          ? mix(bg, colors[1], 0.12 + 0.6 * (2 * t - 1))
          : mix(bg, colors[0], 0.12 + 0.6 * (1 - 2 * t))
        : mix(bg, toRgb(c.foreground), 0.1 + 0.5 * t);
      ctx.fillStyle = css(rgb);
      ctx.fillRect(at.x, at.y + i, 10, 1);
    }
    ctx.strokeStyle = c.grid;
    ctx.strokeRect(at.x + 0.5, at.y + 0.5, 10, at.h);
    ctx.fillStyle = c.muted;
    ctx.font = canvasFont(10);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(two ? fmt(s.classValue, 1) : '100%', at.x + 13, at.y);
    ctx.textBaseline = 'bottom';
    ctx.fillText(
      two ? fmt(s.classValue, 0) : `${Math.round(100 / Math.max(1, colors.length))}%`,
      at.x + 13,
      at.y + at.h,
    );
    ctx.save();
    ctx.translate(at.x + 19, at.y + at.h / 2);
    ctx.rotate(Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(s.confidence, 0, 0);
    ctx.restore();
  }
}

/** Class k's colour: the theme's chart colours, blue and orange first (as in TensorFlow Playground). */
function classColors(classes: number): Rgb[] {
  const series = themeColors().series;
  const order = [0, 1, 2, 3, 4, 5];
  return Array.from({ length: Math.min(classes, 12) }, (_, k) => toRgb(series[order[k % order.length]]));
}

function cellColor(bg: Rgb, colors: Rgb[], e: BoundaryPrediction, i: number): Rgb {
  const k = e.cellClass[i];
  const chance = 1 / e.classes;
  const strength = Math.max(0, (e.cellConfidence[i] - chance) / (1 - chance));
  return mix(bg, colors[k] ?? bg, 0.12 + 0.6 * strength);
}
