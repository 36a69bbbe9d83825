// binary_cross_entropy's element-wise loops as PyTorch 1.13's CPU kernels run them (aten/src/ATen/native/
// Loss.cpp, binary_cross_entropy_out_cpu and binary_cross_entropy_backward_out_cpu; the target's gradient from
// torch/csrc/autograd/FunctionsManual.cpp), every step rounded to the input's dtype in the same order, so that
// float32 results match PyTorch's bits (test/unit/bce-bits.test.ts).
import { pyError } from '../errors';
import { floats } from '../tensor';
import { inFloat64Mode } from '../buffers';
import { glibcLogf } from './glibcLogf';
import { logf as sleefLogf } from './sleefLog';
import type { Reduction } from './lossReduction';

/** Loss.cpp's EPSILON: a float constant 1e-12, the same value in a double kernel. */
const EPSILON = Math.fround(1e-12);

/** Math.fround for float32 data; the value itself for float64 (see buffers.ts). */
const rounding = (): ((v: number) => number) => (inFloat64Mode() ? (v) => v : Math.fround);

/**
 * Per-element losses (y - 1) max(log(1 - x), -100) - y max(log(x), -100), then times the weight in a pass of
 * its own. The loss kernel is scalar only: std::log of a float is glibc's logf (of a double, glibc's log, taken
 * as Math.log). 1 - x is rounded before its log (PyTorch takes no log1p).
 */
export function bceLosses(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number> | null): Float64Array {
  const f = rounding();
  const log = inFloat64Mode() ? Math.log : glibcLogf;
  const n = x.length;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = x[i];
    if (!(p >= 0 && p <= 1)) throw pyError('RuntimeError', 'all elements of input should be between 0 and 1');
    const lp = Math.max(log(p), -100);
    const lq = Math.max(log(f(1 - p)), -100);
    const l = f(f(f(y[i] - 1) * lq) - f(y[i] * lp));
    losses[i] = w ? f(l * w[i]) : l;
  }
  return losses;
}

/** The output gradient at i: its own element for 'none', the scalar otherwise (not yet divided for 'mean'). */
const gradAt = (g: ArrayLike<number>, reduction: Reduction) =>
  reduction === 'none' ? (i: number) => g[i] : () => g[0];

/**
 * binary_cross_entropy_backward: g (x - y) / max((1 - x) x, EPSILON), then times the weight, then divided by n
 * for 'mean', each a pass of its own.
 */
export function bceInputGrad(
  g: ArrayLike<number>,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  w: ArrayLike<number> | null,
  reduction: Reduction,
): Float32Array {
  const f = rounding();
  const gi = gradAt(g, reduction);
  const n = x.length;
  const out = floats(n);
  for (let i = 0; i < n; i++) {
    const p = x[i];
    let v = f(f(gi(i) * f(p - y[i])) / Math.max(f(f(1 - p) * p), EPSILON));
    if (w) v = f(v * w[i]);
    out[i] = reduction === 'mean' ? v / n : v;
  }
  return out;
}

/**
 * binary_cross_entropy_target_backward: (log(1 - x) - log(x)) g, times the weight, divided by n for 'mean'.
 * These logs are torch.log's (SLEEF's logf on float32) and not clamped: x = 0 or 1 gives an infinity.
 */
export function bceTargetGrad(
  g: ArrayLike<number>,
  x: ArrayLike<number>,
  w: ArrayLike<number> | null,
  reduction: Reduction,
): Float32Array {
  const f = rounding();
  const log = inFloat64Mode() ? Math.log : sleefLogf;
  const gi = gradAt(g, reduction);
  const n = x.length;
  const out = floats(n);
  for (let i = 0; i < n; i++) {
    const p = x[i];
    let v = f(f(log(f(1 - p)) - log(p)) * gi(i));
    if (w) v = f(v * w[i]);
    out[i] = reduction === 'mean' ? v / n : v;
  }
  return out;
}
