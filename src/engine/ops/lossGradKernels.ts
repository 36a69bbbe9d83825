// Input gradients of the pointwise losses for float32 tensors in PyTorch 1.13's own float32 steps
// (aten/src/ATen/native/cpu/PointwiseOpsKernel.cpp, Loss.cpp), so that a learner comparing gradients with
// PyTorch sees the same bits. Each takes d = input - target (unrounded doubles of float32 values, rounded
// here as PyTorch's subtraction rounds it), the output gradient g (one value for 'mean' and 'sum', one per
// element for 'none') and writes the input's gradient; the target's is its exact negation.
//   - the scale `norm` is 2/n (mse) or 1/n (smooth_l1, huber) for 'mean', else 2 or 1, rounded to float32;
//   - smooth_l1 and huber go through `cpu_kernel_vec`: whole blocks of 16 take the vectorized lambda
//     (norm * clipped * g, beta or delta rounded to float32), the last n % 16 the scalar one, whose steps
//     differ (smooth_l1: norm * d * g / beta) and which compares with and scales by beta or delta as a double.
import { BLOCK } from './float32Kernels';
import type { Reduction } from './lossReduction';

const f = Math.fround;

function normFor(reduction: Reduction, n: number, base: number): number {
  return f(reduction === 'mean' ? base / n : base);
}

/** mse_loss_backward: norm * (input - target) * g. */
export function mseGrad32(d: Float64Array, g: Float32Array, reduction: Reduction, out: Float32Array): void {
  const n = out.length;
  const norm = normFor(reduction, n, 2);
  const one = g.length === 1;
  for (let i = 0; i < n; i++) out[i] = f(norm * f(d[i])) * (one ? g[0] : g[i]);
}

/** smooth_l1_loss_backward: d / beta inside (-beta, beta), its sign beyond, times norm and g. */
export function smoothL1Grad32(
  d: Float64Array,
  g: Float32Array,
  reduction: Reduction,
  beta: number,
  out: Float32Array,
): void {
  const n = out.length;
  const norm = normFor(reduction, n, 1);
  const b = f(beta);
  const one = g.length === 1;
  const vectorEnd = n - (n % BLOCK);
  for (let i = 0; i < n; i++) {
    const x = f(d[i]);
    const gi = one ? g[0] : g[i];
    if (i < vectorEnd) {
      const clipped = Math.abs(x) >= b ? (x > 0 ? 1 : -1) : f(x / b);
      out[i] = f(norm * clipped) * gi;
    } else if (x <= -beta) out[i] = -norm * gi;
    else if (x >= beta) out[i] = norm * gi;
    else out[i] = f(f(norm * x) * gi) / beta;
  }
}

/** huber_loss_backward: d inside (-delta, delta), delta times its sign beyond, times norm and g. */
export function huberGrad32(
  d: Float64Array,
  g: Float32Array,
  reduction: Reduction,
  delta: number,
  out: Float32Array,
): void {
  const n = out.length;
  const norm = normFor(reduction, n, 1);
  const dl = f(delta);
  const one = g.length === 1;
  const vectorEnd = n - (n % BLOCK);
  for (let i = 0; i < n; i++) {
    const x = f(d[i]);
    const gi = one ? g[0] : g[i];
    if (i < vectorEnd) {
      const clipped = Math.abs(x) >= dl ? (x > 0 ? dl : -dl) : x;
      out[i] = f(norm * clipped) * gi;
    } else if (x <= -delta) out[i] = f(-norm * gi) * delta;
    else if (x >= delta) out[i] = f(norm * gi) * delta;
    else out[i] = f(norm * x) * gi;
  }
}

/**
 * binary_cross_entropy_with_logits_backward as its ops run: (sigmoid(x) - y) * g, or with pos_weight p
 * ((p y + 1 - y) sigmoid(x) - p y) * g, then times weight, then / n for 'mean'; `s` holds sigmoid(x) as
 * torch.sigmoid computes it (sleefExp.ts sigmoidfLoop).
 */
export function bceLogitsGrad32(
  s: Float32Array,
  y: Float32Array,
  g: Float32Array,
  w: Float32Array | null,
  pw: Float32Array | null,
  reduction: Reduction,
  out: Float32Array,
): void {
  const n = out.length;
  const one = g.length === 1;
  for (let i = 0; i < n; i++) {
    let v: number;
    if (pw) {
      const t = f(pw[i] * y[i]);
      v = f(f(f(f(t + 1) - y[i]) * s[i]) - t);
    } else v = f(s[i] - y[i]);
    v = f(v * (one ? g[0] : g[i]));
    if (w) v = f(v * w[i]);
    out[i] = reduction === 'mean' ? v / n : v;
  }
}
