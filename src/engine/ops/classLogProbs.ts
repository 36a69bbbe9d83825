// A classification loss's log-probabilities and, for float32 logits with the classes last, its input gradient,
// as PyTorch 1.13's CPU kernels compute them: log_softmax by its own kernel (softmaxKernels.ts), and the
// gradient of cross_entropy as nll_loss's backward followed by log_softmax's (each float32 step rounded).
import { floats } from '../tensor';
import { lossRounding } from './lossReduction';
import { expf } from './sleefExp';
import { fmaf } from '../random';
import { softmaxLastDim } from './softmaxKernels';

export interface ClassLayout {
  outer: number;
  C: number;
  inner: number;
}

/**
 * log_softmax over the class dim (input holds logits), or the input itself (log-probabilities): float32 logits
 * with the classes last as PyTorch's kernel computes it (softmaxKernels.ts), others in float64, rounded once.
 */
export function logProbabilities(x: Float32Array, { outer, C, inner }: ClassLayout, logits: boolean): Float64Array {
  const logp = new Float64Array(x.length);
  const rd = lossRounding();
  if (!logits) {
    logp.set(x);
    return logp;
  }
  if (x instanceof Float32Array && inner === 1) {
    const y = new Float32Array(x.length);
    softmaxLastDim(x, y, outer, C, true);
    logp.set(y);
    return logp;
  }
  for (let a = 0; a < outer; a++) {
    for (let b = 0; b < inner; b++) {
      const base = a * C * inner + b;
      let mx = -Infinity;
      for (let c = 0; c < C; c++) mx = Math.max(mx, x[base + c * inner]);
      let s = 0;
      for (let c = 0; c < C; c++) s += Math.exp(x[base + c * inner] - mx);
      const lse = mx + Math.log(s);
      for (let c = 0; c < C; c++) logp[base + c * inner] = rd(x[base + c * inner] - lse);
    }
  }
  return logp;
}

/**
 * The input gradient of cross_entropy over float32 logits (classes last, no label smoothing), PyTorch's way:
 * nll_loss_backward puts -scale (times the class weight, rounded) at each position's target, and
 * _log_softmax_backward_data gives g_c - exp(logp_c) * sum(g) per row as one fma, exp by SLEEF's expf
 * (sleefExp.ts); the row's sum is g itself, its only nonzero value.
 */
export function classIndexGradF32(
  scaleAt: (pos: number) => number,
  logp: Float64Array,
  tg: ArrayLike<number>,
  w: Float32Array | null,
  ignoreIndex: number,
  { outer, C }: ClassLayout,
): Float32Array {
  const f = Math.fround;
  const gx = floats(logp.length);
  for (let a = 0; a < outer; a++) {
    const t = tg[a];
    if (t === ignoreIndex) continue; // a zero gradient row: 0 - exp(logp) * 0
    const g = w ? f(w[t] * -f(scaleAt(a))) : -f(scaleAt(a));
    const base = a * C;
    for (let c = 0; c < C; c++) gx[base + c] = fmaf(-expf(logp[base + c]), g, c === t ? g : 0);
  }
  return gx;
}
