// In-place writes through a view (`a[0].mul_(2)`, `buf[:2].add_(w)`), recorded as PyTorch records them:
// CopySlices on the view's base (inplace.ts's commit calls copySlices after running the op on a stand-in).
// The base's later readers then get the written values' history, and a tensor the base's earlier readers
// saved names torch::autograd::CopySlices in the "modified by an inplace operation" error.
import { type BackwardFn, type DiffBackwardFn, Node } from '../autograd';
import { checkSaved } from '../savedVersions';
import { Tensor, floats, isFloatDType } from '../tensor';
import { add, mul } from './arith';
import { gatherOffsets, scatterOffsets } from './gradOps';
import { reduceThrough } from './util';

/** inplace.ts's rebaseHistory: makes t the output of node `name` over [t's old self, ...others]. */
type Rebase = (t: Tensor, name: string, others: readonly (Tensor | null)[], backward: BackwardFn) => void;

/**
 * An in-place op on a view of another tensor (`a[0].mul_(2)`, `buf[:2].add_(w)`), as PyTorch records it: the
 * base's history is rebased onto CopySlices, which sends the written region's gradient through the op's
 * node `fn` (and on to fn's other inputs) and the rest to the base's old history; the view becomes
 * AsStridedBackward0 of the base. `old` is the stand-in the op ran on (fn's first input), the view's values
 * before the write. False (nothing done) when t is no view the engine can map into its base.
 */
export function copySlices(t: Tensor, fn: Node | null, old: Tensor, rebase: Rebase): boolean {
  const base = t.viewBase;
  const offsets = base === null || fn === null || fn.inputs[0] !== old ? null : offsetsInBase(t, base);
  if (offsets === null || base === null || fn === null || !isFloatDType(base.dtype)) return false;
  rebase(base, 'CopySlices', fn.inputs.slice(1), (g) => {
    checkSaved(fn);
    const region = floats(offsets.length);
    for (let i = 0; i < offsets.length; i++) region[i] = g[offsets[i]];
    const grads = fn.backward(region);
    const gOld = g.slice();
    for (let i = 0; i < offsets.length; i++) gOld[offsets[i]] = grads[0] ? grads[0][i] : 0;
    return [gOld, ...grads.slice(1)];
  });
  if (fn.diff !== null) base.gradFn!.diff = copySlicesDiff(fn.diff, base, t.shape, offsets);
  t.gradFn = viewOfBase(base, offsets);
  t.requiresGrad = true;
  // The old values are the old base's region: create_graph's gradients that reach them (fn.diff reads them:
  // mul_'s other operand's gradient) go to the base's history before this write, not after it.
  const oldBase = base.gradFn!.inputs[0]!;
  if (old.requiresGrad) old.gradFn = viewOfBase(oldBase, offsets);
  return true;
}

/** The region of `base` at `offsets` as a view node (PyTorch regenerates a written view as AsStridedBackward0). */
function viewOfBase(base: Tensor, offsets: Int32Array): Node {
  const size = base.data.length;
  return new Node(
    'AsStridedBackward0',
    [base],
    (g) => [reduceThrough(g, offsets, size)],
    (g) => [scatterOffsets(g, offsets, base.shape)],
  );
}

/** CopySlices' gradients as recorded ops (create_graph): the region through `diff`, the rest passed on. */
function copySlicesDiff(diff: DiffBackwardFn, base: Tensor, shape: number[], offsets: Int32Array): DiffBackwardFn {
  return (g) => {
    const grads = diff(gatherOffsets(g, offsets, shape));
    const keep = floats(base.data.length).fill(1);
    for (const o of offsets) keep[o] = 0;
    const rest = mul(g, new Tensor(keep, base.shape, base.dtype));
    return [grads[0] ? add(rest, scatterOffsets(grads[0], offsets, base.shape)) : rest, ...grads.slice(1)];
  };
}

/** The flat offset in `base` of each element of its view t, or null where the engine cannot tell. */
function offsetsInBase(t: Tensor, base: Tensor): Int32Array | null {
  if (base.layout !== null) return null;
  const l = t.layout;
  if (l === null) return t.data === base.data ? Int32Array.from({ length: t.data.length }, (_, i) => i) : null;
  if (l.root !== base.data) return null;
  const offsets = new Int32Array(t.data.length);
  const idx = new Array<number>(t.ndim).fill(0);
  for (let i = 0; i < offsets.length; i++) {
    let o = l.offset;
    for (let d = 0; d < t.ndim; d++) o += idx[d] * l.strides[d];
    offsets[i] = o;
    for (let d = t.ndim - 1; d >= 0 && ++idx[d] === t.shape[d]; d--) idx[d] = 0;
  }
  return offsets;
}
