// Scans along one dim: cumsum, whose gradient is the running sum taken from the other end. Each of the two
// scans records the other as its derivative, so create_graph=True differentiates through them to any order.
import { Node, isGradEnabled } from '../autograd';
import { Tensor, allocate, floats, isFloatDType } from '../tensor';
import { normDimChecked, splitAt } from './util';

type Split = { outer: number; size: number; inner: number };

/** dst[k] = src[0] + ... + src[k] along the dim (from the last element when `reverse`). */
function scanInto(src: ArrayLike<number>, dst: { [i: number]: number }, s: Split, reverse: boolean): void {
  for (let o = 0; o < s.outer; o++) {
    for (let i = 0; i < s.inner; i++) {
      let sum = 0;
      for (let kk = 0; kk < s.size; kk++) {
        const k = reverse ? s.size - 1 - kk : kk;
        const j = o * s.size * s.inner + k * s.inner + i;
        sum += src[j];
        dst[j] = sum;
      }
    }
  }
}

/** torch.cumsum(t, dim): integer and bool input sums to int64. */
export function cumsum(t: Tensor, dim: number): Tensor {
  const d = normDimChecked(dim, t.ndim);
  if (isFloatDType(t.dtype)) return floatScan(t, d, false);
  const out = allocate('int64', t.data.length);
  scanInto(t.data, out, splitAt(t.shape, d), false);
  return new Tensor(out, t.shape, 'int64');
}

/**
 * A float scan along `d`. Forward it is CumsumBackward0; from the end it is cumsum's gradient
 * (PyTorch's cumsum_backward, grad.flip(d).cumsum(d).flip(d), whose last op prints FlipBackward0).
 */
function floatScan(t: Tensor, d: number, reverse: boolean): Tensor {
  const s = splitAt(t.shape, d);
  const out = floats(t.data.length);
  scanInto(t.data, out, s, reverse);
  const node =
    t.requiresGrad && isGradEnabled()
      ? new Node(
          reverse ? 'FlipBackward0' : 'CumsumBackward0',
          [t],
          (g) => {
            const r = floats(g.length);
            scanInto(g, r, s, !reverse);
            return [r];
          },
          (g) => [floatScan(g, d, !reverse)],
        )
      : null;
  return Tensor.result(out, t.shape, node);
}

/** The gradient of a cumsum along `d` for output gradient `g`, recorded (create_graph). */
export function cumsumGrad(g: Tensor, d: number): Tensor {
  return floatScan(g, d, true);
}
