// The model as a network diagram, TensorFlow-Playground style: layers as columns of neurons, an edge for
// every weight (the theme's red for positive, blue for negative, thicker for larger), each neuron shaded by
// its mean activation on the batch. A single nn.Linear(n, 1) with an activation is drawn as the notes'
// perceptron instead: the inputs of the batch's first sample, each weight, the sum with the bias, the
// activation and the output, with their current numbers. Drawn from the model, params, activations and
// batch events.
import { ACTIVATION_FUNCTIONS } from '../../../src/shared/activationFunctions';
import { networkLayers, type NetworkLayer } from '../../../src/shared/networkLayers';
import { formatNumber } from '../../../src/shared/paramStats';
import { fmt, type Strings } from '../../../src/shared/strings';
import { ConceptCard, tensorLabel } from '../../common/conceptCard';
import {
  availableWidth,
  canvasFont,
  css,
  dot,
  drawLegend,
  legendLine,
  mix,
  setupCanvas,
  type Rgb,
} from '../../common/plot';
import { themeColors, toRgb } from '../../common/theme';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

/** Most neurons drawn in a column (the rest are counted). */
const MAX_NEURONS = 14;

interface Column {
  label: string;
  count: number;
  mean: Float32Array | null;
}

function maxAbs(a: ArrayLike<number> | null): number {
  let m = 0;
  if (a) for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i])) m = Math.max(m, Math.abs(a[i]));
  return m;
}

export class NetworkView implements View {
  readonly redrawOn: readonly RunEventType[] = ['model', 'params', 'activations', 'batch', 'paused'];
  private readonly card: ConceptCard;
  private last: ViewContext | null = null;

  constructor(container: HTMLElement, s: Strings) {
    this.card = new ConceptCard(container, s.networkHelp, () => this.last && this.update(this.last));
  }

  update(context: ViewContext): void {
    this.last = context;
    const { strings: s, run } = context;
    const layers = run ? networkLayers(run.modules, run.params, run.activations?.outputs ?? null) : null;
    if (!this.card.show(!!layers)) return;
    const batch = run!.concepts.batch;
    const perceptron = layers!.length === 1 && layers![0].outputs === 1;
    this.card.title.textContent = s.network;
    this.card.help.textContent = perceptron ? s.perceptronHelp : s.networkHelp;
    this.card.data.textContent = batch ? fmt(s.firstSample, tensorLabel(s, batch.input)) : '';
    this.card.data.hidden = !perceptron || !batch;
    this.card.container.dataset.layout = perceptron ? 'perceptron' : 'network';
    const input =
      batch && batch.input.shape.length === 2 && batch.input.shape[1] === layers![0].inputs ? batch.input : null;
    if (perceptron)
      this.drawPerceptron(
        s,
        layers![0],
        input ? Array.from(input.rows.subarray(0, layers![0].inputs)) : null,
        input?.name ?? 'x',
      );
    else this.drawNetwork(s, layers!, input ? meanRows(input.rows, layers![0].inputs) : null);
    const parts = [
      `${layers![0].inputs} ${s.inputLayer}`,
      ...layers!.map((l) => `${l.path || s.outputLayer}: ${l.outputs}${l.activation ? `, ${l.activation}` : ''}`),
    ];
    this.card.describe(fmt(s.networkSummary, parts.join('; ')));
  }

  private drawNetwork(s: Strings, layers: NetworkLayer[], inputMean: Float32Array | null): void {
    const c = themeColors();
    const width = availableWidth(this.card.container, 760);
    const columns: Column[] = [
      { label: `${s.inputLayer} (${layers[0].inputs})`, count: layers[0].inputs, mean: inputMean },
      ...layers.map((l) => ({
        label: `${l.path || s.outputLayer} (${l.outputs})${l.activation ? ` ${l.activation.replace(' (functional)', '')}` : ''}`,
        count: l.outputs,
        mean: l.mean,
      })),
    ];
    const shown = columns.map((col) => Math.min(col.count, MAX_NEURONS));
    const rowGap = 32;
    const top = 18;
    const height = top + Math.max(...shown) * rowGap + 56 + 28;
    const ctx = setupCanvas(this.card.canvas, width, height);
    const colX = (k: number) => 40 + (k * (width - 80)) / Math.max(1, columns.length - 1);
    const rowY = (k: number, i: number) => top + 10 + ((Math.max(...shown) - shown[k]) * rowGap) / 2 + i * rowGap;
    const pos = toRgb(c.positive);
    const neg = toRgb(c.negative);
    layers.forEach((l, k) => {
      const wMax = maxAbs(l.weight) || 1;
      for (let o = 0; o < shown[k + 1]; o++) {
        for (let i = 0; i < shown[k]; i++) {
          const w = l.weight[o * l.inputs + i];
          const t = Math.abs(w) / wMax;
          ctx.strokeStyle = css(w >= 0 ? pos : neg, 0.25 + 0.75 * t);
          ctx.lineWidth = 0.5 + 3.5 * t;
          ctx.beginPath();
          ctx.moveTo(colX(k), rowY(k, i));
          ctx.lineTo(colX(k + 1), rowY(k + 1, o));
          ctx.stroke();
        }
      }
    });
    const bg = toRgb(c.background);
    columns.forEach((col, k) =>
      this.drawColumn(ctx, col, shown[k], {
        x: colX(k),
        y: (i) => rowY(k, i),
        bg,
        pos,
        neg,
        last: k === columns.length - 1,
        first: k === 0,
      }),
    );
    drawLegend(ctx, 8, height - 26, width - 16, [
      { label: s.positiveWeight, draw: (x, y) => legendLine(ctx, x, y, c.positive, 3) },
      { label: s.negativeWeight, draw: (x, y) => legendLine(ctx, x, y, c.negative, 3) },
      { label: `${s.activationShade} -`, draw: (x, y) => dot(ctx, x, y, 5, css(mix(bg, neg, 0.8)), c.foreground) },
      { label: `${s.activationShade} +`, draw: (x, y) => dot(ctx, x, y, 5, css(mix(bg, pos, 0.8)), c.foreground) },
    ]);
  }

  private drawColumn(
    ctx: CanvasRenderingContext2D,
    col: Column,
    shown: number,
    at: { x: number; y: (i: number) => number; bg: Rgb; pos: Rgb; neg: Rgb; last: boolean; first: boolean },
  ): void {
    const c = themeColors();
    const scale = maxAbs(col.mean) || 1;
    for (let i = 0; i < shown; i++) {
      const v = col.mean ? col.mean[i] : NaN;
      const fill = Number.isFinite(v)
        ? css(mix(at.bg, v >= 0 ? at.pos : at.neg, 0.15 + 0.75 * (Math.abs(v) / scale)))
        : css(at.bg);
      dot(ctx, at.x, at.y(i), 11, fill, c.foreground, 1);
    }
    ctx.fillStyle = c.muted;
    ctx.font = canvasFont(10);
    ctx.textBaseline = 'top';
    ctx.textAlign = at.first ? 'left' : at.last ? 'right' : 'center';
    const x = at.first ? at.x - 12 : at.last ? at.x + 12 : at.x;
    if (col.count > shown) ctx.fillText(`+${col.count - shown}`, at.x, at.y(shown - 1) + 14);
    ctx.fillStyle = c.foreground;
    ctx.fillText(col.label, x, at.y(shown - 1) + (col.count > shown ? 27 : 17));
  }

  private drawPerceptron(s: Strings, l: NetworkLayer, x: number[] | null, name: string): void {
    const c = themeColors();
    const n = Math.min(l.inputs, 8);
    const width = availableWidth(this.card.container, 640);
    const rowGap = 40;
    const height = Math.max(150, n * rowGap + 40) + 30;
    const ctx = setupCanvas(this.card.canvas, width, height);
    const mid = (height - 30) / 2;
    ctx.font = canvasFont(11);
    const labelOf = (i: number) => `${name}${n > 1 ? `[${i}]` : ''}`;
    // The inputs' names beside them when there is room (the line above the diagram names the tensor anyway).
    const named = width >= 520;
    const xIn = named
      ? Math.min(width * 0.3, Math.max(...Array.from({ length: n }, (_, i) => ctx.measureText(labelOf(i)).width)) + 34)
      : 24;
    const xSum = Math.round(width * (named ? 0.56 : 0.52));
    const xAct = Math.round(width * (named ? 0.76 : 0.74));
    const xOut = width - 12;
    const wMax = maxAbs(l.weight) || 1;
    const pos = toRgb(c.positive);
    const neg = toRgb(c.negative);
    const b = l.bias ? l.bias[0] : 0;
    let z = b;
    ctx.font = canvasFont(11);
    for (let i = 0; i < n; i++) {
      const y = 20 + i * rowGap + (Math.max(0, 4 - n) * rowGap) / 2;
      const w = l.weight[i];
      if (x) z += w * x[i];
      ctx.strokeStyle = css(w >= 0 ? pos : neg, 0.35 + 0.65 * (Math.abs(w) / wMax));
      ctx.lineWidth = 1 + 3 * (Math.abs(w) / wMax);
      ctx.beginPath();
      ctx.moveTo(xIn + 16, y);
      ctx.lineTo(xSum - 26, mid);
      ctx.stroke();
      dot(ctx, xIn, y, 15, c.background, c.foreground, 1.5);
      this.text(ctx, x ? formatNumber(x[i]) : '?', xIn, y, 'center', c.foreground, 10);
      if (named) this.text(ctx, labelOf(i), xIn - 18, y, 'right', c.muted);
      this.text(ctx, `w${i + 1} = ${formatNumber(w)}`, xIn + 20, y - 11, 'left', c.foreground);
    }
    if (x === null) z = NaN;
    this.sumAndActivation(ctx, s, l, { xSum, xAct, xOut, mid, z, b });
  }

  private sumAndActivation(
    ctx: CanvasRenderingContext2D,
    s: Strings,
    l: NetworkLayer,
    g: { xSum: number; xAct: number; xOut: number; mid: number; z: number; b: number },
  ): void {
    const c = themeColors();
    const f = l.fn ? ACTIVATION_FUNCTIONS[l.fn] : null;
    const a = f ? f.f(g.z, null) : g.z;
    dot(ctx, g.xSum, g.mid, 24, c.background, c.foreground, 1.5);
    this.text(ctx, 'Σ', g.xSum, g.mid - 6, 'center', c.foreground, 15);
    this.text(ctx, `+ b`, g.xSum, g.mid + 10, 'center', c.muted);
    this.text(ctx, `b = ${formatNumber(g.b)}`, g.xSum, g.mid + 38, 'center', c.foreground);
    this.text(ctx, `z = ${formatNumber(g.z)}`, g.xSum, g.mid - 36, 'center', c.foreground);
    this.text(ctx, s.weightedSum, g.xSum, g.mid + 54, 'center', c.muted);
    ctx.strokeStyle = c.foreground;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(g.xSum + 24, g.mid);
    if (f) {
      ctx.lineTo(g.xAct - 24, g.mid);
      ctx.moveTo(g.xAct + 24, g.mid);
    }
    ctx.lineTo(g.xOut - 16, g.mid);
    ctx.stroke();
    if (f) {
      ctx.strokeRect(g.xAct - 24, g.mid - 16, 48, 32);
      this.text(ctx, f.label, g.xAct, g.mid, 'center', c.foreground, 10);
      this.text(ctx, `a = ${f.label.toLowerCase()}(z)`, g.xAct, g.mid - 26, 'center', c.muted);
    }
    dot(ctx, g.xOut, g.mid, 4, c.foreground, null);
    this.text(ctx, formatNumber(a), g.xOut + 4, g.mid + 16, 'right', c.foreground);
    this.text(ctx, s.outputLayer, g.xOut + 4, g.mid + 30, 'right', c.muted);
  }

  private text(
    ctx: CanvasRenderingContext2D,
    t: string,
    x: number,
    y: number,
    align: CanvasTextAlign,
    color: string,
    size = 11,
  ): void {
    ctx.fillStyle = color;
    ctx.font = canvasFont(size);
    ctx.textAlign = align;
    ctx.textBaseline = 'middle';
    ctx.fillText(t, x, y);
  }
}

/** Mean of each feature over the given rows. */
function meanRows(rows: Float32Array, features: number): Float32Array {
  return Float32Array.from({ length: features }, (_, f) => {
    let s = 0;
    let n = 0;
    for (let i = f; i < rows.length; i += features) {
      s += rows[i];
      n++;
    }
    return n ? s / n : NaN;
  });
}
