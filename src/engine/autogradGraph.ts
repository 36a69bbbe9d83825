// Backward passes that record a graph (`create_graph=True`): the same walk as autograd.ts's, but with grad
// mode on and every node's differentiable backward (Node.diff), so gradients are Tensors with grad_fns that
// can be differentiated again (Hessian-vector products, gradient penalties). The default walk in autograd.ts
// stays on plain buffers: this one is only taken when a learner asks for create_graph.
import { Tensor, asFloatStorage } from './tensor';
import { setFloat64Mode } from './buffers';
import { sameShape, fmtShape } from './shape';
import { pyError, runtimeError } from './errors';
import { checkSaved } from './savedVersions';
import {
  capturePaths,
  checkNanGrads,
  checkNotReleased,
  leadsTo,
  notifyBackward,
  reachableOrder,
  releaseNode,
  setGradEnabled,
  topologicalOrder,
  Node,
} from './autograd';
import { add } from './ops/arith';
import { to } from './ops/create';

/** `root.backward(gradient, create_graph=True)`: `.grad` of the leaves becomes a tensor with a graph. */
export function backwardWithGraph(root: Tensor, gradient: Tensor | undefined, retainGraph: boolean): void {
  if (!root.requiresGrad) throw runtimeError('element 0 of tensors does not require grad and does not have a grad_fn');
  if (gradient && !sameShape(gradient.shape, root.shape)) {
    throw runtimeError(
      `Mismatch in shape: grad_output[0] has a shape of ${fmtShape(gradient.shape)} and ` +
        `output[0] has a shape of ${fmtShape(root.shape)}.`,
    );
  }
  if (!gradient && root.data.length !== 1) throw runtimeError('grad can be implicitly created only for scalar outputs');
  const seed = gradient ?? new Tensor(asFloatStorage([1], root.dtype), root.shape, root.dtype);
  notifyBackward(root, false);
  withGraphMode(() => graphPass(topologicalOrder([root]), [root], [seed], retainGraph, null));
  notifyBackward(root, true);
}

/** `torch.autograd.grad(..., create_graph=True)`: the gradients, each with its own graph (null if unused). */
export function gradientsOfGraph(
  roots: readonly Tensor[],
  gradients: readonly Tensor[],
  inputs: readonly Tensor[],
  retainGraph: boolean,
  allowUnused: boolean,
): (Tensor | null)[] {
  const order = reachableOrder(roots, inputs, allowUnused);
  const capture = new Map<Tensor, Tensor | null>();
  for (const t of inputs) capture.set(t, null);
  withGraphMode(() => graphPass(order, roots, gradients, retainGraph, capture));
  return inputs.map((t) => capture.get(t) ?? null);
}

function withGraphMode(fn: () => void): void {
  const grad = setGradEnabled(true);
  const mode = setFloat64Mode(false);
  try {
    fn();
  } finally {
    setFloat64Mode(mode);
    setGradEnabled(grad);
  }
}

function graphPass(
  order: readonly Tensor[],
  roots: readonly Tensor[],
  gradients: readonly Tensor[],
  retainGraph: boolean,
  capture: Map<Tensor, Tensor | null> | null,
): void {
  const grads = new Map<Tensor, Tensor>();
  roots.forEach((root, i) => addGrad(grads, root, gradients[i]));
  const reach = capturePaths(order, capture);
  for (let i = order.length - 1; i >= 0; i--) {
    const t = order[i];
    let g = grads.get(t);
    if (!g) continue;
    grads.delete(t);
    const node = t.gradFn;
    const retainAt = capture || !node || !t.retainsGrad ? -1 : t.retainAfterHooks;
    if (t.hooks !== null) g = runHooks(t, g, retainAt);
    else if (retainAt >= 0) accumulate(t, g);
    if (capture) {
      if (capture.has(t)) capture.set(t, g);
    } else if (!node) accumulate(t, g);
    if (!node) continue;
    checkNotReleased(node);
    if (node.saved !== null && (reach === null || leadsTo(node, reach))) checkSaved(node);
    const diff = node.diff ?? unsupported(node);
    // The ops a diff form calls allocate in the dtype of the node's values (buffers.ts's float64 mode).
    setFloat64Mode(t.dtype === 'float64');
    const inputGrads = diff(g);
    checkNanGrads(
      node,
      inputGrads.map((ig) => ig?.data ?? null),
    );
    if (!retainGraph) releaseNode(node);
    for (let k = 0; k < node.inputs.length; k++) {
      const input = node.inputs[k];
      const ig = inputGrads[k];
      if (!input || !ig || !input.requiresGrad) continue;
      if (!sameShape(ig.shape, input.shape)) {
        throw new Error(
          `internal: ${node.name}'s differentiable backward gave ${fmtShape(ig.shape)} for ${fmtShape(input.shape)}`,
        );
      }
      addGrad(grads, input, ig);
    }
  }
}

/** Contributions from several uses add up as a recorded add (AddBackward0, as PyTorch's InputBuffer). */
function addGrad(grads: Map<Tensor, Tensor>, input: Tensor, ig: Tensor): void {
  if (ig.dtype !== input.dtype) ig = to(ig, input.dtype);
  const prev = grads.get(input);
  grads.set(input, prev ? add(prev, ig) : ig);
}

/**
 * AccumulateGrad under grad mode: the first gradient is copied into a fresh tensor (PyTorch 1.13's
 * new_empty_strided(...).copy_(grad): CopyBackwards), later ones added (AddBackward0).
 */
function accumulate(t: Tensor, g: Tensor): void {
  if (t.grad !== null) t.grad = add(t.grad, g);
  else if (!g.requiresGrad) t.grad = new Tensor(g.data.slice(), g.shape, g.dtype);
  else t.grad = new Tensor(g.data.slice(), g.shape, g.dtype, true, new Node('CopyBackwards', [g], copyGrad, copyGrad));
}

function copyGrad<G>(g: G): G[] {
  return [g];
}

/**
 * `register_hook`'s hooks. They map plain buffers (tensor.ts's GradHook), so a hook that returns a
 * replacement cuts the gradient's graph there; one that only reads it (returns None) keeps it.
 */
function runHooks(t: Tensor, g: Tensor, retainAt: number): Tensor {
  const hooks = t.hooks ?? [];
  for (let k = 0; k < hooks.length; k++) {
    if (k === retainAt) accumulate(t, g);
    const out = hooks[k](g.data as Float32Array);
    if (out !== null) g = new Tensor(out, g.shape, g.dtype);
  }
  if (retainAt >= hooks.length) accumulate(t, g);
  return g;
}

function unsupported(node: Node): never {
  throw pyError(
    'NotImplementedError',
    `create_graph=True is not supported through ${node.name} yet; higher-order gradients flow through ` +
      'add/sub/mul/div/neg/pow, exp/log/sqrt/trigonometry/abs/clamp, tanh/sigmoid/relu, leaky_relu/elu/gelu/' +
      'softplus/silu/hardtanh, softmax/log_softmax, sum/mean/norm/var/std/logsumexp/prod, max/min/amax/amin, ' +
      'cumsum/cumprod, views, transposes, expand, indexing, cat/stack, matmul/mm/mv/dot/linear, conv1d/2d/3d, ' +
      'max/avg/adaptive_avg pooling in 2-D and 3-D, batch_norm/layer_norm, and the losses mse/l1/smooth_l1/huber, ' +
      'cross_entropy/nll_loss (class indices) and binary_cross_entropy (with logits)',
  );
}
