// A classification loss's log-probabilities for the float64 path of cross_entropy and nll_loss (float32 takes
// PyTorch's own kernels in classLossF32.ts): float32 logits with the classes last by log_softmax's kernel
// (softmaxKernels.ts), others in float64, rounded once.
import { lossRounding } from './lossReduction';
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
