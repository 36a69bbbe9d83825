// The panel's activations section: one small histogram per module of what its forward pass returned at the
// latest step (and per functional activation call such as F.relu inside a forward, labelled `ReLU
// (functional)`), in the order the calls returned (inner layers first, the whole model last). Under
// each, for ReLU the share of outputs that are exactly 0 ("dead": no gradient flows back through them) and
// for Sigmoid/Tanh the share near their limits ("saturated": almost none does), so the notes' activation
// functions are seen at work rather than only named.
import { summarizeActivations, type ActivationSummary } from '../../../src/shared/activationStats';
import { formatNumber, meanStd } from '../../../src/shared/paramStats';
import { fmt, type Strings } from '../../../src/shared/strings';
import { clear, h } from '../../common/dom';
import { drawHistogram } from '../../common/histogramCanvas';
import { themeColors } from '../../common/theme';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

/** A dead/saturated share above this is flagged: most of the layer passes (almost) no gradient back. */
const WARN_FRACTION = 0.5;

export class ActivationsView implements View {
  readonly redrawOn: readonly RunEventType[] = ['activations', 'model'];
  private readonly grid: HTMLElement;
  private readonly help: HTMLElement;
  private readonly title: HTMLElement;

  /** `container` is the section (with its heading), hidden until a step's outputs arrive. */
  constructor(
    private readonly container: HTMLElement,
    s: Strings,
  ) {
    this.title = container.querySelector('h2') ?? h('h2');
    this.help = h('p', { class: 'section-help', text: s.activationsHelp });
    this.grid = h('div', { class: 'activation-grid' });
    container.append(this.help, this.grid);
  }

  update({ strings: s, run, restored }: ViewContext): void {
    const activations = run && !restored ? run.activations : null;
    this.title.textContent = s.activations;
    this.help.textContent = s.activationsHelp;
    this.container.hidden = !activations || activations.outputs.length === 0;
    if (!activations) {
      clear(this.grid);
      return;
    }
    this.container.dataset.step = String(activations.step);
    // The batch's targets tell an output Sigmoid saturated because it is right from one that is stuck.
    const target = run?.concepts.batch?.target?.rows ?? null;
    const summaries = summarizeActivations(activations.outputs, run?.modules ?? [], undefined, target);
    const existing = new Map(
      Array.from(this.grid.querySelectorAll<HTMLElement>('figure')).map((f) => [f.dataset.module!, f]),
    );
    summaries.forEach((a, i) => {
      let fig = existing.get(a.path);
      if (!fig) {
        fig = h(
          'figure',
          { class: 'activation-figure' },
          h('canvas', { class: 'histogram', role: 'img' }),
          h('figcaption'),
          h('div', { class: 'activation-stat' }),
        );
        fig.dataset.module = a.path;
      }
      existing.delete(a.path);
      this.grid.append(fig); // appending in summary order keeps the figures in forward order
      this.drawOne(s, fig, a, activations.outputs[i].data, i);
    });
    for (const stale of existing.values()) stale.remove();
  }

  private drawOne(s: Strings, fig: HTMLElement, a: ActivationSummary, data: Float32Array, index: number): void {
    const name = a.path === '' ? s.wholeModel : a.path;
    const label = a.type ? `${name}: ${a.type}` : name;
    const { mean, std } = meanStd(data);
    const canvas = fig.querySelector('canvas')!;
    canvas.setAttribute('aria-label', `${label}: ${s.mean} ${formatNumber(mean)}, ${s.std} ${formatNumber(std)}`);
    drawHistogram(canvas, a.hist, index);
    markZero(canvas, a.hist.min, a.hist.max);
    fig.querySelector('figcaption')!.textContent =
      `${label} [${a.shape.join('×')}]  ${formatNumber(a.hist.min)} … ${formatNumber(a.hist.max)}`;
    const stat = fig.querySelector<HTMLElement>('.activation-stat')!;
    if (a.kind === null || Number.isNaN(a.fraction)) {
      stat.hidden = true;
      delete fig.dataset.fraction;
      return;
    }
    const percent = `${(a.fraction * 100).toFixed(a.fraction > 0 && a.fraction < 0.01 ? 1 : 0)}%`;
    stat.hidden = false;
    stat.textContent = fmt(a.kind === 'dead' ? s.deadFraction : s.saturatedFraction, percent);
    stat.classList.toggle('warn', a.fraction > WARN_FRACTION);
    fig.dataset.kind = a.kind;
    fig.dataset.fraction = String(a.fraction);
  }
}

/** A dashed line where the output is 0 (where ReLU cuts off and Tanh is centred), when 0 is inside the range. */
function markZero(canvas: HTMLCanvasElement, min: number, max: number): void {
  if (!(min < 0 && max > 0)) return;
  const width = canvas.clientWidth || 160;
  const height = canvas.clientHeight || 60;
  const x = Math.round(((0 - min) / (max - min)) * width) + 0.5;
  const ctx = canvas.getContext('2d')!; // drawHistogram left the device-pixel-ratio transform in place
  ctx.save();
  ctx.strokeStyle = themeColors().muted;
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  ctx.moveTo(x, 0);
  ctx.lineTo(x, height);
  ctx.stroke();
  ctx.restore();
}
