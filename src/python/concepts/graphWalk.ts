// Reading a loss's autograd graph: every tensor it was computed from, in an order where inputs come before
// the tensors computed from them, and the roles the tensors play in a training step: the parameters
// (leaves that require grad), the data (leaves that do not), the model's output and the target the loss
// compares it with. Works the same for an nn.Module and for plain tensors (`loss = ((x * w + b - y)**2).mean()`).
import type { Tensor } from '../../engine/tensor';

export interface LossGraph {
  root: Tensor;
  /** Every tensor of the graph, inputs before the tensors computed from them; the root last. */
  order: Tensor[];
  /** Leaves that require grad (the trained parameters), in the order the walk meets them from the root. */
  params: Tensor[];
}

/**
 * The parameters a scalar loss depends on (leaves that require grad), cheaply: the walk follows only inputs
 * that require grad. Called at every training step, so it allocates little.
 */
export function trainedLeaves(root: Tensor, limit = 4096): Tensor[] {
  const leaves: Tensor[] = [];
  const seen = new Set<Tensor>();
  const stack: Tensor[] = [root];
  while (stack.length > 0 && seen.size < limit) {
    const t = stack.pop()!;
    if (seen.has(t)) continue;
    seen.add(t);
    const node = t.gradFn;
    if (node === null) {
      if (t.requiresGrad) leaves.push(t);
      continue;
    }
    for (let i = node.inputs.length - 1; i >= 0; i--) {
      const input = node.inputs[i];
      if (input && input.requiresGrad) stack.push(input);
    }
  }
  return leaves;
}

/**
 * The first parameter the walk of trainedLeaves meets (the same order), without visiting the rest: a check,
 * at every step, that the step trains the parameters of the step before. Null for none within `limit` tensors.
 */
export function firstTrainedLeaf(root: Tensor, limit = 256): Tensor | null {
  const stack: Tensor[] = [root];
  for (let visited = 0; stack.length > 0 && visited < limit; visited++) {
    const t = stack.pop()!;
    const node = t.gradFn;
    if (node === null) {
      if (t.requiresGrad) return t;
      continue;
    }
    for (let i = node.inputs.length - 1; i >= 0; i--) {
      const input = node.inputs[i];
      if (input && input.requiresGrad) stack.push(input);
    }
  }
  return null;
}

/** Every tensor under `root` (iterative post-order: no recursion limit for long graphs); null past `limit` tensors. */
export function collectGraph(root: Tensor, limit = 20_000): LossGraph | null {
  const order: Tensor[] = [];
  const params: Tensor[] = [];
  const visited = new Set<Tensor>([root]);
  const stack: [Tensor, number][] = [[root, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const inputs = top[0].gradFn?.inputs ?? [];
    if (top[1] < inputs.length) {
      const child = inputs[top[1]++];
      if (child && !visited.has(child)) {
        if (visited.size >= limit) return null;
        visited.add(child);
        stack.push([child, 0]);
      }
      continue;
    }
    stack.pop();
    order.push(top[0]);
    if (top[0].gradFn === null && top[0].requiresGrad) params.push(top[0]);
  }
  return { root, order, params };
}

/** A leaf holding data: float or integer values that need no gradient, more than one of them. */
export function isDataLeaf(t: Tensor): boolean {
  return t.gradFn === null && !t.requiresGrad && t.data.length > 1;
}

/** The tensors `target` is computed from (itself included), as a set. */
export function ancestors(target: Tensor): Set<Tensor> {
  const out = new Set<Tensor>([target]);
  const stack = [target];
  while (stack.length > 0) {
    const t = stack.pop()!;
    for (const input of t.gradFn?.inputs ?? []) {
      if (input && !out.has(input)) {
        out.add(input);
        stack.push(input);
      }
    }
  }
  return out;
}

export interface Comparison {
  /** The loss's node that compares the model's output with the target (MseLossBackward0, SubBackward0 ...). */
  nodeName: string;
  /** The model's output as the loss received it. */
  prediction: Tensor;
  target: Tensor;
}

/** Loss nodes whose inputs are (prediction, target). */
const LOSS_NODES = new Set([
  'MseLossBackward0',
  'L1LossBackward0',
  'SmoothL1LossBackward0',
  'HuberLossBackward0',
  'BinaryCrossEntropyBackward0',
  'BinaryCrossEntropyWithLogitsBackward0',
  'NllLossBackward0',
  'NllLoss2DBackward0',
]);

/**
 * Where the loss compares the model's output with the target: a loss function's node, or for a loss written
 * out (`((pred - y)**2).mean()`) the first node from the root with one input that needs grad and one data
 * tensor with as many rows. Null for a loss of the parameters alone.
 */
export function findComparison(graph: LossGraph): Comparison | null {
  // Breadth-first from the root: the comparison nearest the loss.
  const queue: Tensor[] = [graph.root];
  const seen = new Set<Tensor>(queue);
  while (queue.length > 0) {
    const t = queue.shift()!;
    const node = t.gradFn;
    if (!node) continue;
    const [a, b] = node.inputs;
    if (a && b && node.inputs.length === 2) {
      if (LOSS_NODES.has(node.name) && a.requiresGrad && !b.requiresGrad)
        return { nodeName: node.name, prediction: a, target: b };
      const pairs: [Tensor, Tensor][] = [
        [a, b],
        [b, a],
      ];
      for (const [p, y] of pairs) {
        if (
          p.requiresGrad &&
          isDataLeaf(y) &&
          p.shape.length > 0 &&
          y.shape[0] === p.shape[0] &&
          y.data.length === p.data.length
        ) {
          return { nodeName: node.name, prediction: p, target: y };
        }
      }
    }
    for (const input of node.inputs) {
      if (input && input.requiresGrad && !seen.has(input)) {
        seen.add(input);
        queue.push(input);
      }
    }
  }
  return null;
}

/** The model's input: the one data leaf the prediction is computed from with as many rows (null if none or several). */
export function findModelInput(prediction: Tensor, target: Tensor): Tensor | null {
  const n = prediction.shape[0];
  let found: Tensor | null = null;
  for (const t of ancestors(prediction)) {
    if (
      t === target ||
      !isDataLeaf(t) ||
      t.dtype !== 'float32' ||
      t.shape.length === 0 ||
      t.shape.length > 2 ||
      t.shape[0] !== n
    )
      continue;
    if (found && found !== t) return null;
    found = t;
  }
  return found;
}
