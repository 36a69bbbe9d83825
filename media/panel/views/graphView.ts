// The autograd graph of the latest step's loss (and of a Backprop pause), as PyTorch records it: one box per
// node named as PyTorch names it (AddmmBackward0, TanhBackward0, MseLossBackward0, AccumulateGrad for a
// parameter), with its shape, its value and the gradient of the loss with respect to it; parameters and
// data at the top, the loss at the bottom. A block repeated many times is one dashed box. A list read by
// screen readers gives the same nodes with their inputs. Drawn from the worker's `graph` event.
import type { GraphEvent, GraphNode, ValueSummary } from '../../../src/protocol';
import { formatNumber } from '../../../src/shared/paramStats';
import { fmt, type Strings } from '../../../src/shared/strings';
import { ConceptCard } from '../../common/conceptCard';
import { clear, h } from '../../common/dom';
import { layoutGraph } from '../../common/graphLayout';
import { availableWidth, canvasFont, css, mix, setupCanvas } from '../../common/plot';
import { themeColors, toRgb } from '../../common/theme';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

const BOX_H = 58;
const ROW_GAP = 28;
const MAX_BOX_W = 180;

function numel(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** A value summary in a few characters: the number for a scalar, the range otherwise. */
function valueText(v: ValueSummary | null, n: number): string {
  if (!v) return '-';
  return n === 1 ? formatNumber(v.mean) : `${formatNumber(v.min)} … ${formatNumber(v.max)}`;
}

/** A gradient summary: the number for a scalar, the L2 norm otherwise. */
function gradText(g: ValueSummary | null, n: number): string {
  if (!g) return '-';
  return n === 1 ? formatNumber(g.mean) : `‖${formatNumber(g.norm)}‖`;
}

function nodeLines(s: Strings, n: GraphNode): string[] {
  if (n.kind === 'repeat') return [...(n.label ?? '').split(', ').slice(0, 2), fmt(s.graphRepeat, n.count ?? 0)];
  const shape = `[${n.shape.join(', ')}]`;
  const title = n.kind === 'data' ? (n.label ?? s.graphNodeData) : n.name;
  const second =
    n.kind === 'param'
      ? `${n.label ?? ''} ${shape}`.trim()
      : n.kind === 'data'
        ? `${s.graphNodeData} ${shape}`
        : `${n.label ? `${n.label} ` : ''}${shape}`;
  const lines = [title, second, fmt(s.graphValue, valueText(n.value, numel(n.shape)))];
  if (n.kind !== 'data') lines.push(fmt(s.graphGrad, gradText(n.grad, numel(n.shape))));
  return lines;
}

export class GraphView implements View {
  readonly redrawOn: readonly RunEventType[] = ['graph', 'model'];
  private readonly card: ConceptCard;
  private readonly list = h('ol', { class: 'visually-hidden' });
  private readonly note = h('p', { class: 'section-help' });
  private last: ViewContext | null = null;

  constructor(container: HTMLElement, s: Strings) {
    this.card = new ConceptCard(container, s.graphHelp, () => this.last && this.update(this.last));
    container.append(this.note, this.list);
  }

  update(context: ViewContext): void {
    this.last = context;
    const { strings: s, run } = context;
    const e = run?.concepts.graph ?? null;
    if (!this.card.show(e !== null && e.nodes.length > 0)) return;
    this.card.title.textContent = s.graph;
    this.card.help.textContent = s.graphHelp;
    this.card.data.hidden = true;
    this.card.container.dataset.step = String(e!.step);
    this.card.container.dataset.nodes = e!.nodes.map((n) => n.name).join(',');
    this.note.hidden = e!.hidden === 0;
    this.note.textContent = fmt(s.graphHidden, e!.hidden);
    this.draw(s, e!);
    this.describe(s, e!);
  }

  private describe(s: Strings, e: GraphEvent): void {
    const loss = e.nodes[e.nodes.length - 1];
    this.card.describe(fmt(s.graphSummary, e.step, e.nodes.length, loss.name));
    clear(this.list);
    const inputs = e.nodes.map(() => [] as number[]);
    for (const [from, to] of e.edges) inputs[to].push(from);
    const name = (n: GraphNode) => (n.label ? `${n.name} (${n.label})` : n.name);
    for (let i = e.nodes.length - 1; i >= 0; i--) {
      const n = e.nodes[i];
      const lines = nodeLines(s, n).slice(1).join(', ');
      const from = inputs[i].length ? `; ${fmt(s.graphInputs, inputs[i].map((j) => name(e.nodes[j])).join(', '))}` : '';
      this.list.append(h('li', { text: `${name(n)}: ${lines}${from}` }));
    }
  }

  private draw(s: Strings, e: GraphEvent): void {
    const c = themeColors();
    const lay = layoutGraph(e.nodes, e.edges);
    const width = availableWidth(this.card.container, 900);
    const widest = Math.max(...lay.rows.map((r) => r.length));
    const boxW = Math.min(MAX_BOX_W, (width - 16) / widest - 10);
    const height = lay.rows.length * (BOX_H + ROW_GAP) + 8;
    const ctx = setupCanvas(this.card.canvas, width, height);
    const centre = (i: number) => {
      const r = lay.rows[lay.row[i]];
      const span = r.length * (boxW + 10);
      return {
        x: (width - span) / 2 + lay.slot[i] * (boxW + 10) + boxW / 2 + 5,
        y: 4 + lay.row[i] * (BOX_H + ROW_GAP),
      };
    };
    ctx.strokeStyle = c.muted;
    ctx.fillStyle = c.muted;
    ctx.lineWidth = 1.2;
    for (const [from, to] of e.edges) {
      const a = centre(from);
      const b = centre(to);
      const y0 = a.y + BOX_H;
      const y1 = b.y - 3;
      ctx.beginPath();
      ctx.moveTo(a.x, y0);
      ctx.bezierCurveTo(a.x, (y0 + y1) / 2, b.x, (y0 + y1) / 2, b.x, y1);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(b.x, y1 + 3);
      ctx.lineTo(b.x - 4, y1 - 4);
      ctx.lineTo(b.x + 4, y1 - 4);
      ctx.fill();
    }
    e.nodes.forEach((n, i) => this.box(ctx, s, n, centre(i), boxW, i === e.nodes.length - 1));
  }

  private box(
    ctx: CanvasRenderingContext2D,
    s: Strings,
    n: GraphNode,
    at: { x: number; y: number },
    w: number,
    isLoss: boolean,
  ): void {
    const c = themeColors();
    const bg = toRgb(c.background);
    const accent = n.kind === 'param' ? c.series[2] : n.kind === 'op' ? c.series[0] : c.muted;
    ctx.save();
    ctx.fillStyle = css(mix(bg, toRgb(accent), n.kind === 'data' ? 0.06 : 0.16));
    ctx.strokeStyle = accent;
    ctx.lineWidth = isLoss ? 2.5 : 1.2;
    ctx.setLineDash(n.kind === 'repeat' || n.kind === 'data' ? [4, 3] : []);
    ctx.beginPath();
    ctx.roundRect(at.x - w / 2, at.y, w, BOX_H, 5);
    ctx.fill();
    ctx.stroke();
    ctx.restore();
    const lines = nodeLines(s, n);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    lines.forEach((t, k) => {
      ctx.fillStyle = k === 0 ? c.foreground : c.muted;
      ctx.fillText(fit(ctx, t, w - 8, k === 0 ? 11 : 10, k === 0 ? '600' : ''), at.x, at.y + 4 + k * 13);
    });
  }
}

/** Sets a font that makes `text` fit in `width` (down to 8 px), cutting it with an ellipsis if it still does not. */
function fit(ctx: CanvasRenderingContext2D, text: string, width: number, size: number, weight: string): string {
  for (let px = size; px >= 8; px--) {
    ctx.font = canvasFont(px, weight);
    if (ctx.measureText(text).width <= width) return text;
  }
  let t = text;
  while (t.length > 2 && ctx.measureText(`${t}…`).width > width) t = t.slice(0, -1);
  return `${t}…`;
}
