// PyTorch's saved-tensor hooks (torch.autograd.graph.saved_tensors_hooks), the engine's half: which tensors a
// node saved, named as PyTorch's SavedVariables are, and running a node's backward on what the unpack hook
// gave back. The Python side (torch/_saved_tensor_hooks.py) calls the hooks; here the node's backward is
// wrapped, so the walks in autograd.ts and autogradGraph.ts are unchanged and a run without hooks pays nothing.
import { Node, setListingNodes, takeListedNodes } from './autograd';
import type { Storage } from './buffers';
import { Tensor } from './tensor';
import { SavedView } from './savedVersions';
import { sameShape } from './shape';
import { expand, reshape, t as transpose2d } from './ops/view';

export { setListingNodes, takeListedNodes };

/** What one of a node's SavedVariables is: its role decides its PyTorch name (`_saved_self`, `_saved_result`). */
export interface SavedEntry {
  /** The saved tensor, a view materialised for a SavedView. */
  tensor: Tensor;
  /** The node's own output (PyTorch's `result`). */
  isOutput: boolean;
  /** Which of the node's inputs it is, or -1. */
  input: number;
}

/**
 * The node's saved tensors in the order it saved them, or [] once released. A SavedView (a view the op never
 * made: linear's weight.t(), a broadcast target, a folded matmul operand) becomes that view of its base.
 */
export function savedEntries(node: Node): SavedEntry[] {
  const saved = node.saved;
  if (saved === null) return [];
  return saved.map((s, i) => {
    const tensor = s instanceof SavedView ? viewFor(s) : s;
    return {
      tensor,
      isOutput: ((node.savedOutputs >>> i) & 1) === 1,
      input: s instanceof SavedView ? node.inputs.indexOf(s.base) : node.inputs.indexOf(s),
    };
  });
}

function viewFor(s: SavedView): Tensor {
  const base = s.base;
  if (sameShape(base.shape, s.shape)) return base;
  if (base.ndim === 2 && s.shape.length === 2 && base.shape[0] === s.shape[1] && base.shape[1] === s.shape[0]) {
    return transpose2d(base);
  }
  const count = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
  return count(base.shape) === count(s.shape) ? reshape(base, s.shape) : expand(base, s.shape);
}

/**
 * Makes `node`'s backward (and its create_graph form) first call `unpack`, which returns, per saved tensor, the
 * tensor the unpack hook gave back (null where no hook packed it), and compute with those values: PyTorch's
 * backward reads its saved tensors through the hooks. `release` runs when the node is freed.
 */
export function unpackBeforeBackward(node: Node, unpack: () => (Tensor | null)[], release: () => void): void {
  const inner = node.backward;
  (node as { backward: Node['backward'] }).backward = (g) => withUnpacked(node, unpack(), () => inner(g));
  const innerDiff = node.diff;
  if (innerDiff !== null) node.diff = (g) => withUnpacked(node, unpack(), () => innerDiff(g));
  node.onRelease = release;
}

/**
 * Runs `backward` with each saved tensor's values replaced by its unpacked tensor's, restored afterwards. The
 * backward closures read the tensors they saved (or their storage), so the values are written into that
 * storage for the call. Only where they differ (the usual hooks give back the same values) and where the
 * saved tensor owns its storage with the unpacked tensor's shape and dtype.
 */
function withUnpacked<T>(node: Node, unpacked: (Tensor | null)[], backward: () => T): T {
  const saved = node.saved ?? [];
  const restore: [Storage, Storage][] = [];
  for (let i = 0; i < saved.length; i++) {
    const s = saved[i];
    const u = unpacked[i];
    if (!(s instanceof Tensor) || !u || u === s || s.layout !== null || s.nonContiguous) continue;
    if (u.dtype !== s.dtype || !sameShape(u.shape, s.shape)) continue;
    const own = s.data;
    const values = u.data;
    if (values === own || sameBits(values, own)) continue;
    restore.push([own, own.slice()]);
    own.set(values);
  }
  try {
    return backward();
  } finally {
    for (const [own, old] of restore) own.set(old);
  }
}

function sameBits(a: Storage, b: Storage): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
