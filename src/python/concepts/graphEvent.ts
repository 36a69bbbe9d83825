// The autograd graph of the step's loss as PyTorch shows it (loss.grad_fn and its next_functions): one node
// per backward function named as PyTorch names it, AccumulateGrad for each parameter, and the data tensors
// that fed it. Where the engine computes in one node what PyTorch splits in two, the missing node is put
// back: F.linear's transposed weight (AddmmBackward0 <- TBackward0 <- AccumulateGrad) and cross_entropy's
// log-softmax (NllLossBackward0 <- LogSoftmaxBackward0). Each node carries a summary of the tensor it made
// and of the loss's gradient with respect to it (from a backward pass over a replay: the run's own
// gradients are not touched).
import { noGrad } from '../../engine/autograd';
import type { Tensor } from '../../engine/tensor';
import * as act from '../../engine/ops/activation';
import * as mm from '../../engine/ops/matmul';
import type { GraphEvent, GraphNode, ValueSummary } from '../../protocol';
import { foldGraph, depths, type PlainGraph } from './graphFold';
import type { LossGraph } from './graphWalk';
import { closeTo, type Program } from './replay';
import { isDropoutMask } from './replayOps';

export function summarize(data: ArrayLike<number> | null | undefined): ValueSummary | null {
  if (!data || data.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < data.length; i++) {
    const v = Number(data[i]);
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
    sq += v * v;
  }
  return { mean: sum / data.length, min, max, norm: Math.sqrt(sq) };
}

/** F.linear's node (the weight is used transposed), not a plain x @ W. */
function isLinear(t: Tensor): boolean {
  const node = t.gradFn!;
  if (node.name !== 'AddmmBackward0' && node.name !== 'MmBackward0') return false;
  if (node.inputs.length === 3) return true;
  const [x, w] = node.inputs;
  if (!x || !w || w.shape.length !== 2 || x.shape[x.shape.length - 1] !== w.shape[1]) return false;
  try {
    return noGrad(() => closeTo(mm.linear(x, w), t));
  } catch {
    return false;
  }
}

/** CrossEntropyLoss computed in one node: PyTorch shows NllLossBackward0 over LogSoftmaxBackward0. */
function isFusedCrossEntropy(t: Tensor): boolean {
  const node = t.gradFn!;
  return (
    node.name === 'NllLossBackward0' &&
    node.inputs[0]?.gradFn?.name !== 'LogSoftmaxBackward0' &&
    !!node.inputs[0] &&
    node.inputs[0].shape.length <= 2
  );
}

class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly edges: [number, number][] = [];
  private readonly id = new Map<Tensor, number>();

  constructor(
    private readonly replay: { values: Tensor[]; grads: (Float32Array | null)[] },
    private readonly program: Program | null,
    private readonly names: ReadonlyMap<Tensor, string>,
  ) {}

  /** The tensor as replayed with the parameters now (the recorded one without a program). */
  private current(t: Tensor): Tensor {
    const slot = this.program?.slot(t);
    return slot === undefined ? t : (this.replay.values[slot] ?? t);
  }

  private value(t: Tensor): ValueSummary | null {
    return summarize(this.current(t).data);
  }

  add(node: Omit<GraphNode, 'depth'>): number {
    this.nodes.push({ ...node, depth: 0 });
    return this.nodes.length - 1;
  }

  private grad(t: Tensor): ValueSummary | null {
    const slot = this.program?.slot(t);
    return slot === undefined ? null : summarize(this.replay.grads[slot]);
  }

  leaf(t: Tensor): void {
    if (t.requiresGrad) {
      this.id.set(
        t,
        this.add({
          name: 'AccumulateGrad',
          kind: 'param',
          label: this.names.get(t) ?? null,
          shape: t.shape.slice(),
          value: this.value(t),
          grad: this.grad(t),
        }),
      );
    } else if (t.data.length > 1 && !isDropoutMask(t)) {
      this.id.set(
        t,
        this.add({
          name: 'data',
          kind: 'data',
          label: this.names.get(t) ?? null,
          shape: t.shape.slice(),
          value: summarize(t.data),
          grad: null,
        }),
      );
    }
  }

  op(t: Tensor): void {
    const node = t.gradFn!;
    const inputs = node.inputs.map((x) => (x ? this.id.get(x) : undefined));
    let from: (number | undefined)[] = inputs;
    if (isLinear(t)) {
      const w = node.inputs[1]!;
      const tw =
        inputs[1] === undefined
          ? undefined
          : this.add({
              name: 'TBackward0',
              kind: 'op',
              label: null,
              shape: [w.shape[1], w.shape[0]],
              value: this.value(w),
              grad: this.grad(w),
            });
      if (tw !== undefined) this.edges.push([inputs[1]!, tw]);
      from = node.inputs.length === 3 ? [inputs[2], inputs[0], tw] : [inputs[0], tw]; // PyTorch's order: bias, input, weight
    } else if (isFusedCrossEntropy(t)) {
      const x = this.current(node.inputs[0]!);
      const logp = noGrad(() => act.log_softmax(x, x.shape.length - 1));
      const ls = this.add({
        name: 'LogSoftmaxBackward0',
        kind: 'op',
        label: null,
        shape: x.shape.slice(),
        value: summarize(logp.data),
        grad: null,
      });
      if (inputs[0] !== undefined) this.edges.push([inputs[0], ls]);
      from = [ls, inputs[1]];
    }
    const me = this.add({
      name: node.name,
      kind: 'op',
      label: this.names.get(t) ?? null,
      shape: t.shape.slice(),
      value: this.value(t),
      grad: this.grad(t),
    });
    for (const f of from) if (f !== undefined) this.edges.push([f, me]);
    this.id.set(t, me);
  }
}

/** The graph event of a step's loss; `names` gives parameters' and variables' names. */
export function graphEvent(
  graph: LossGraph,
  program: Program | null,
  names: ReadonlyMap<Tensor, string>,
  runId: number,
  step: number,
): GraphEvent {
  let replay: { values: Tensor[]; grads: (Float32Array | null)[] } = { values: [], grads: [] };
  try {
    if (program) replay = program.replayWithGradients();
  } catch {
    /* values as recorded, no gradients */
  }
  const b = new GraphBuilder(replay, program, names);
  for (const t of graph.order) {
    if (t.gradFn) b.op(t);
    else b.leaf(t);
  }
  depths(b.nodes, b.edges);
  const plain: PlainGraph = foldGraph({ nodes: b.nodes, edges: b.edges, hidden: 0 });
  return { type: 'graph', runId, step, nodes: plain.nodes, edges: plain.edges, hidden: plain.hidden };
}
