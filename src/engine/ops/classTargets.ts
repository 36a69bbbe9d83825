// The class-scores layout cross_entropy and nll_loss share, and their checks of a class-index target in
// ATen's order (loss.ts computes the losses).
import { pyError } from '../errors';
import type { Tensor } from '../tensor';
import { fmtShape, numel, sameShape } from '../shape';
import { dtypeName } from './util';

/** Layout of a class-scores tensor: [C], [N, C] or [N, C, d1, ...] as outer N, classes C, inner d1*... */
export function classLayout(input: Tensor): { outer: number; C: number; inner: number; targetShape: number[] } {
  if (input.ndim === 0)
    throw pyError('RuntimeError', 'cross_entropy: input must have at least 1 dimension (got a 0-d tensor)');
  if (input.ndim === 1) return { outer: 1, C: input.shape[0], inner: 1, targetShape: [] };
  const C = input.shape[1];
  const outer = input.shape[0];
  const inner = numel(input.shape.slice(2));
  return { outer, C, inner, targetShape: [input.shape[0], ...input.shape.slice(2)] };
}

export function checkTarget(input: Tensor, target: Tensor, targetShape: number[]): void {
  // ATen's order (nll_loss_nd, then nll_loss / the nd shape check, then the kernel's dtype dispatch): the batch
  // sizes first (a 0-d target reads as batch 0), then the target's rank or trailing shape, the dtype last, so a
  // (B, T) target against (B*T, C) scores and a float target of another batch both name the batch sizes.
  if (input.ndim >= 2 && (target.ndim === 0 ? 0 : target.shape[0]) !== input.shape[0]) {
    throw pyError(
      'ValueError',
      `Expected input batch_size (${input.shape[0]}) to match target batch_size (${target.ndim === 0 ? 0 : target.shape[0]}).`,
    );
  }
  if (input.ndim <= 2) {
    if (target.ndim > 1) throw pyError('RuntimeError', '0D or 1D target tensor expected, multi-target not supported');
    if (!(input.ndim === 1 && target.ndim === 0) && target.shape[0] !== input.shape[0]) {
      throw pyError(
        'RuntimeError',
        `size mismatch (got input: ${fmtShape(input.shape)}, target: ${fmtShape(target.shape)})`,
      );
    }
  } else if (!sameShape(target.shape, targetShape)) {
    throw pyError('RuntimeError', `Expected target size ${fmtShape(targetShape)}, got ${fmtShape(target.shape)}`);
  }
  if (target.dtype !== 'int64') {
    throw pyError('RuntimeError', `expected scalar type Long but found ${dtypeName(target.dtype)}`);
  }
}
