// PyTorch's saved-tensor version check (torch/csrc/autograd/saved_variable.cpp). A node records, for each
// tensor its backward reads (PyTorch's SavedVariables: exp saves its result, mul its inputs, ...), the
// tensor's version when the node was recorded; running the node with any of them written in place since
// raises "one of the variables needed for gradient computation has been modified by an inplace operation".
// Versions are counters shared by a tensor, its views and detach() (tensor.ts), not by `.data`.
import type { Node } from './autograd';
import type { Tensor } from './tensor';
import { runtimeError } from './errors';
import { commonShape, sameShape } from './shape';
import { tensorTypeName } from './ops/util';

/**
 * A view the op saves without materialising it (linear's `weight.t()`, matmul's folded or expanded operand,
 * mse_loss's broadcast target), so the message shows the view's shape while the version is the base's.
 */
export class SavedView {
  constructor(
    readonly base: Tensor,
    readonly shape: readonly number[],
  ) {}
  get version(): number {
    return this.base.version;
  }
  get inference(): boolean {
    return this.base.inference;
  }
}

export type Saved = Tensor | SavedView;

/**
 * Saves `tensors` as `torch.broadcast_tensors` hands them to an op that saves them (mse_loss): each one
 * itself when it already has the common shape, else its expanded view.
 */
export function saveBroadcast(node: Node | null, ...tensors: Tensor[]): void {
  if (node === null) return;
  const shape = commonShape(tensors.map((t) => t.shape));
  for (const t of tensors) node.save(sameShape(t.shape, shape) ? t : new SavedView(t, shape));
}

/** Nodes whose C++ class PyTorch prints with its namespace. */
const QUALIFIED: Record<string, string> = {
  CopySlices: 'torch::autograd::CopySlices',
  CopyBackwards: 'torch::autograd::CopyBackwards',
};

/**
 * The grad_fn the message names (unpack's choice): the saving node (`nodeName`) for its own output; for a
 * saved input, the input's grad_fn as it is now (a view written since it was made regenerates
 * AsStridedBackward0 when its base requires grad); none for a leaf.
 */
function gradFnName(nodeName: string, s: Saved, isOutput: boolean): string | null {
  let name: string | null;
  if (isOutput) name = nodeName;
  else if (s instanceof SavedView) name = s.base.requiresGrad ? 'AsStridedBackward0' : null;
  else if (s.isView) name = s.gradFn !== null ? 'AsStridedBackward0' : null;
  else name = s.gradFn?.name ?? null;
  return name === null ? null : (QUALIFIED[name] ?? name);
}

/** Throws PyTorch's error when a tensor `node` saved was written in place after it was saved. */
export function checkSaved(node: Node): void {
  const saved = node.saved;
  if (saved === null) return;
  const versions = node.savedVersions!;
  for (let i = 0; i < saved.length; i++) {
    const error = savedVersionError(node.name, saved[i], versions[i], ((node.savedOutputs >>> i) & 1) === 1);
    if (error !== null) throw error;
  }
}

/**
 * PyTorch's "modified by an inplace operation" error for `s`, saved at version `expected` by the node named
 * `nodeName` (`isOutput`: s is that node's output), or null while s is still at that version. Also for the
 * tensors a custom Function's ctx saved, checked when its backward reads them.
 */
export function savedVersionError(nodeName: string, s: Saved, expected: number, isOutput: boolean): Error | null {
  if (s.version === expected) return null;
  const dtype = s instanceof SavedView ? s.base.dtype : s.dtype;
  const fn = gradFnName(nodeName, s, isOutput);
  return runtimeError(
    'one of the variables needed for gradient computation has been modified by an inplace operation: ' +
      `[${tensorTypeName(dtype)} [${s.shape.join(', ')}]]${fn === null ? '' : `, which is output 0 of ${fn},`} ` +
      `is at version ${s.version}; expected version ${expected} instead. Hint: enable anomaly ` +
      'detection to find the operation that failed to compute its gradient, with ' +
      'torch.autograd.set_detect_anomaly(True).',
  );
}
