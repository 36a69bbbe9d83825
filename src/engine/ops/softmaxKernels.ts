// softmax and log_softmax of float32 tensors in PyTorch 1.13's own steps (aten/src/ATen/native/cpu/
// SoftMaxKernel.cpp on an AVX2 machine, one thread), so that probabilities print as PyTorch prints them: a
// learner checking that a row sums to 1 sees `tensor([1.0000, 0.9999...])` exactly where PyTorch shows it.
//   - over the last dim (`_vec_softmax_lastdim`, `_vec_log_softmax_lastdim`): the row's max; e = exp(x - max)
//     by SLEEF's expf (sleefExp.ts); their sum in `vec::reduce_all`'s order (vecReduceSum below); softmax
//     multiplies each e by 1 / sum rounded to float32, log_softmax subtracts max and then log(sum), that log
//     SLEEF's logf_u10 (sleefLog.ts);
//   - over another dim (`_vec_softmax`): eight inner positions at a time, each a sequential float32 sum along
//     the dim and a division; the inner positions past the last full eight take the scalar path, glibc's
//     expf (correctly rounded: Math.exp rounded once) instead of SLEEF's.
import { expf } from './sleefExp';
import { logf } from './sleefLog';

const f = Math.fround;
const LANES = 8;

/**
 * The sum of e[off .. off + n) as `vec::reduce_all` adds it: sequentially below eight elements, else eight
 * lane sums (the tail added into the first lanes) folded by AVX2's shuffles, (0+4, 1+5, 2+6, 3+7), then
 * (0+2, 1+3), then (0+1). `acc` is eight float32 scratch lanes.
 */
export function vecReduceSum(e: Float32Array, off: number, n: number, acc: Float32Array): number {
  if (n < LANES) {
    let s = e[off];
    for (let k = 1; k < n; k++) s = f(s + e[off + k]);
    return s;
  }
  for (let i = 0; i < LANES; i++) acc[i] = e[off + i];
  const full = n - (n % LANES);
  let d = LANES;
  for (; d < full; d += LANES) for (let i = 0; i < LANES; i++) acc[i] += e[off + d + i];
  for (let i = 0; d + i < n; i++) acc[i] += e[off + d + i];
  const a0 = f(acc[0] + acc[4]);
  const a1 = f(acc[1] + acc[5]);
  const a2 = f(acc[2] + acc[6]);
  const a3 = f(acc[3] + acc[7]);
  return f(f(a0 + a2) + f(a1 + a3));
}

/** vec::maximum over a row: NaN wins. */
function rowMax(x: Float32Array, off: number, n: number): number {
  let max = -Infinity;
  for (let k = 0; k < n; k++) {
    const v = x[off + k];
    if (v > max || v !== v) max = v;
    if (v !== v) break;
  }
  return max;
}

/** softmax (or log_softmax) of each contiguous row of `size` values of x into y (same layout). */
export function softmaxLastDim(x: Float32Array, y: Float32Array, rows: number, size: number, log: boolean): void {
  const acc = new Float32Array(LANES);
  const e = log ? new Float32Array(size) : y;
  for (let r = 0; r < rows; r++) {
    const off = r * size;
    const eOff = log ? 0 : off;
    const max = rowMax(x, off, size);
    for (let k = 0; k < size; k++) e[eOff + k] = expf(f(x[off + k] - max));
    const sum = vecReduceSum(e, eOff, size, acc);
    if (log) {
      const logSum = logf(sum);
      for (let k = 0; k < size; k++) y[off + k] = f(x[off + k] - max) - logSum;
    } else {
      const inv = f(1 / sum);
      for (let k = 0; k < size; k++) y[off + k] = e[off + k] * inv;
    }
  }
}

/** softmax over a dim that is not the last: x and y are outer x size x inner, contiguous. */
export function softmaxInnerDim(x: Float32Array, y: Float32Array, outer: number, size: number, inner: number): void {
  const vectorized = inner - (inner % LANES);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i;
      let max = x[base];
      for (let k = 1; k < size; k++) {
        const v = x[base + k * inner];
        if (v > max || v !== v) max = v;
      }
      let sum = 0;
      for (let k = 0; k < size; k++) {
        const j = base + k * inner;
        const d = f(x[j] - max);
        y[j] = i < vectorized ? expf(d) : Math.exp(d);
        sum = f(sum + y[j]);
      }
      for (let k = 0; k < size; k++) y[base + k * inner] /= sum;
    }
  }
}

/** softmax or log_softmax evaluated in double and rounded once (float64 tensors, log_softmax over an inner dim). */
export function softmaxF64(
  x: Float32Array,
  y: Float32Array,
  outer: number,
  size: number,
  inner: number,
  log: boolean,
): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i;
      let max = -Infinity;
      for (let k = 0; k < size; k++) {
        const v = x[base + k * inner];
        if (v > max || v !== v) max = v;
      }
      let sum = 0;
      for (let k = 0; k < size; k++) sum += Math.exp(x[base + k * inner] - max);
      if (log) {
        const lse = Math.log(sum);
        for (let k = 0; k < size; k++) y[base + k * inner] = x[base + k * inner] - max - lse;
      } else {
        for (let k = 0; k < size; k++) y[base + k * inner] = Math.exp(x[base + k * inner] - max) / sum;
      }
    }
  }
}
