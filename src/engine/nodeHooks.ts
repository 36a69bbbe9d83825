// grad_fn.register_hook (PyTorch's Node post-hooks, and Module.register_backward_hook, which puts one on the
// node of a module's output): a hook runs in place of the node's backward, given the gradient of the node's
// output and that backward, so it can see the input gradients and replace them. Registering wraps the node's
// backward closures (the plain one and, for create_graph, the differentiable one); the walks in autograd.ts
// and autogradGraph.ts are unchanged and a node without hooks costs nothing.
import { Node, releaseNode, type BackwardFn, type DiffBackwardFn } from './autograd';
import type { Tensor } from './tensor';

/** Runs a node's backward (`backward(gradOut)`) and returns the input gradients it settles on. */
export type NodeHook = (gradOut: Float32Array, backward: BackwardFn) => (Float32Array | null)[];
/** The same for the differentiable backward a create_graph pass runs. */
export type NodeDiffHook = (gradOut: Tensor, backward: DiffBackwardFn) => (Tensor | null)[];

// The closure a released node holds (releaseNode's): a node already run without retain_graph never runs
// again, and must keep it so that a second backward still raises PyTorch's error.
const released = (() => {
  const probe = new Node('released', [], () => []);
  releaseNode(probe);
  return probe.backward;
})();

/**
 * Makes `hook` (and `diffHook` in a create_graph pass) run in place of `node`'s backward, with the backward
 * as it was (earlier hooks included, so a later hook sees what earlier ones returned, as in PyTorch).
 * Returns the remover: afterwards the wrappers pass straight through.
 */
export function hookNodeBackward(node: Node, hook: NodeHook, diffHook: NodeDiffHook): () => void {
  const inner = node.backward;
  if (inner === released) return () => undefined;
  let active = true;
  (node as { backward: BackwardFn }).backward = (g) => (active ? hook(g, inner) : inner(g));
  const innerDiff = node.diff;
  if (innerDiff !== null) node.diff = (g) => (active ? diffHook(g, innerDiff) : innerDiff(g));
  return () => {
    active = false;
  };
}
