// The activation explorer: for each activation the model applied at the step (an nn.Tanh module, an F.relu
// call, ...), the function's curve and its derivative, with the histogram of the inputs it actually received
// underneath and the flat regions (where the derivative is almost zero) tinted: inputs piling up there are
// saturated Sigmoid/Tanh units or dead ReLUs, and pass almost no gradient back. Drawn from the worker's
// `activationInputs` event.
import type { ActivationInput, ModuleInfo } from '../../../src/protocol';
import { ACTIVATION_FUNCTIONS } from '../../../src/shared/activationFunctions';
import { functionalActivation } from '../../../src/shared/activationStats';
import { formatNumber } from '../../../src/shared/paramStats';
import { fmt, type Strings } from '../../../src/shared/strings';
import { clear, h } from '../../common/dom';
import { canvasFont, css, drawAxes, drawLegend, legendLine, plotArea, setupCanvas, type Plot } from '../../common/plot';
import { themeColors, toRgb } from '../../common/theme';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

/** The x range always shown around 0, so the curve's bends are in view even for small inputs. */
const MIN_HALF_RANGE = 3;

function percent(v: number): string {
  return `${(v * 100).toFixed(v > 0 && v < 0.01 ? 1 : 0)}%`;
}

/** `1: Tanh`, `Tanh (functional)` in `hidden`, or the function's name outside a model. */
function labelOf(item: ActivationInput, modules: ModuleInfo[]): string {
  const fnLabel = ACTIVATION_FUNCTIONS[item.fn]?.label ?? item.fn;
  if (item.path === null) return fnLabel;
  const type = modules.find((m) => m.path === item.path)?.type;
  if (type) return item.path ? `${item.path}: ${type}` : type;
  const f = functionalActivation(item.path);
  if (f) return f.module ? `${f.module}: ${f.label}` : f.label;
  return `${item.path}: ${fnLabel}`;
}

export class ActivationExplorerView implements View {
  readonly redrawOn: readonly RunEventType[] = ['activationInputs', 'model'];
  private readonly title: HTMLElement;
  private readonly help: HTMLElement;
  private readonly grid = h('div', { class: 'explorer-grid' });
  private last: ViewContext | null = null;
  private width = 0;

  constructor(
    private readonly container: HTMLElement,
    s: Strings,
  ) {
    this.title = container.querySelector('h2') ?? h('h2');
    this.help = h('p', { class: 'section-help', text: s.explorerHelp });
    container.append(this.help, this.grid);
    container.hidden = true;
    new ResizeObserver(() => {
      if (container.clientWidth !== this.width && this.last && !container.hidden) this.update(this.last);
    }).observe(container);
  }

  update(context: ViewContext): void {
    this.last = context;
    this.width = this.container.clientWidth;
    const { strings: s, run } = context;
    const e = run?.concepts.activationInputs ?? null;
    this.container.hidden = !e || e.items.length === 0;
    if (!e) return clear(this.grid);
    this.title.textContent = s.explorer;
    this.help.textContent = s.explorerHelp;
    this.container.dataset.step = String(e.step);
    const figures = Array.from(this.grid.children) as HTMLElement[];
    e.items.forEach((item, i) => {
      let fig = figures[i];
      if (!fig) {
        fig = h('figure', { class: 'explorer-figure' }, h('canvas', { role: 'img', tabindex: 0 }), h('figcaption'));
        this.grid.append(fig);
      }
      this.drawOne(s, fig, item, labelOf(item, run?.modules ?? []));
    });
    for (const stale of figures.slice(e.items.length)) stale.remove();
  }

  private drawOne(s: Strings, fig: HTMLElement, item: ActivationInput, label: string): void {
    const f = ACTIVATION_FUNCTIONS[item.fn];
    const canvas = fig.querySelector('canvas')!;
    const width = Math.max(240, Math.min(420, fig.clientWidth || 300));
    const height = 210;
    const ctx = setupCanvas(canvas, width, height);
    const c = themeColors();
    const lo = Math.min(item.min, -MIN_HALF_RANGE);
    const hi = Math.max(item.max, MIN_HALF_RANGE);
    const xs = Array.from({ length: 161 }, (_, i) => lo + (i / 160) * (hi - lo));
    const ys = f ? xs.flatMap((x) => [f.f(x, item.param), f.df(x, item.param)]) : [0, 1];
    const yLo = Math.min(0, ...ys);
    const yHi = Math.max(1, ...ys);
    const pad = (yHi - yLo) * 0.08;
    const plot = plotArea(
      ctx,
      { left: 40, top: 6, width: width - 50, height: height - 76 },
      [lo, hi],
      [yLo - pad, yHi + pad],
    );
    if (f) this.tintFlat(plot, xs, (x) => f.flat(x, item.param));
    this.drawInputs(plot, item, c.muted);
    if (f) {
      this.curve(plot, xs, (x) => f.df(x, item.param), c.series[1], [5, 3]);
      this.curve(plot, xs, (x) => f.f(x, item.param), c.series[0], []);
    }
    drawAxes(plot, { x: s.inputsReceived, y: '' }, c);
    drawLegend(ctx, 8, height - 30, width - 16, [
      { label: f?.label ?? item.fn, draw: (x, y) => legendLine(ctx, x, y, c.series[0], 2) },
      { label: s.slope, draw: (x, y) => legendLine(ctx, x, y, c.series[1], 2, [5, 3]) },
      {
        label: s.inputsReceived,
        draw: (x, y) => ((ctx.fillStyle = css(toRgb(c.muted), 0.5)), ctx.fillRect(x - 5, y - 5, 10, 10)),
      },
    ]);
    const flat = fmt(s.flatShare, percent(item.flat));
    const dead = item.fn === 'relu' && item.units > 0 ? `; ${fmt(s.deadUnits, item.deadUnits, item.units)}` : '';
    const caption = fig.querySelector('figcaption')!;
    caption.textContent = `${label} [${item.shape.join('×')}]: ${flat}${dead}`;
    caption.classList.toggle('warn', item.flat > 0.5 || (item.units > 0 && item.deadUnits > 0));
    fig.dataset.fn = item.fn;
    fig.dataset.flat = String(item.flat);
    canvas.setAttribute(
      'aria-label',
      fmt(s.explorerSummary, label, formatNumber(item.min), formatNumber(item.max), `${flat}${dead}`),
    );
  }

  /** The regions where the slope is almost zero, tinted the theme's orange. */
  private tintFlat(p: Plot, xs: number[], flat: (x: number) => boolean): void {
    const c = themeColors();
    p.ctx.fillStyle = css(toRgb(c.series[1]), 0.13);
    const step = p.width / (xs.length - 1);
    xs.forEach((x) => {
      if (flat(x)) p.ctx.fillRect(p.sx(x) - step / 2, p.top, step + 0.5, p.height);
    });
  }

  /** The inputs' histogram as bars rising from the bottom of the plot (at most 45% of its height). */
  private drawInputs(p: Plot, item: ActivationInput, color: string): void {
    const peak = Math.max(1, ...item.counts);
    const bins = item.counts.length;
    const w = (item.max - item.min) / bins;
    p.ctx.fillStyle = css(toRgb(color), 0.5);
    for (let i = 0; i < bins; i++) {
      if (item.counts[i] === 0) continue;
      const x0 = w > 0 ? p.sx(item.min + i * w) : p.sx(item.min) - 2;
      const x1 = w > 0 ? p.sx(item.min + (i + 1) * w) : p.sx(item.min) + 2;
      const bh = (item.counts[i] / peak) * p.height * 0.45;
      p.ctx.fillRect(x0, p.top + p.height - bh, Math.max(1.5, x1 - x0 - 0.5), bh);
    }
  }

  private curve(p: Plot, xs: number[], f: (x: number) => number, color: string, dash: number[]): void {
    const { ctx } = p;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.setLineDash(dash);
    ctx.beginPath();
    xs.forEach((x, i) => (i === 0 ? ctx.moveTo(p.sx(x), p.sy(f(x))) : ctx.lineTo(p.sx(x), p.sy(f(x)))));
    ctx.stroke();
    ctx.restore();
    ctx.font = canvasFont(10);
  }
}
