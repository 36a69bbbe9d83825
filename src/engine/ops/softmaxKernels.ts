// softmax and log_softmax of float32 tensors in PyTorch 1.13's own steps (aten/src/ATen/native/cpu/
// SoftMaxKernel.cpp on an AVX2 machine, one thread), so that probabilities print as PyTorch prints them: a
// learner checking that a row sums to 1 sees `tensor([1.0000, 0.9999...])` exactly where PyTorch shows it.
//   - over the last dim (`_vec_softmax_lastdim`, `_vec_log_softmax_lastdim`): the row's max; e = exp(x - max)
//     by SLEEF's expf (sleefExp.ts); their sum in `vec::reduce_all`'s order (vecReduceSum below); softmax
//     multiplies each e by 1 / sum rounded to float32, log_softmax subtracts max and then log(sum), that log
//     SLEEF's logf_u10 (sleefLog.ts);
//   - over another dim (`_vec_softmax`; log_softmax's `_vec_logsoftmax` below): eight inner positions at a
//     time, each a sequential float32 sum along the dim and a division; the inner positions past the last
//     full eight take the scalar path, glibc's expf (glibcExpf.ts) instead of SLEEF's.
import { expf } from './sleefExp';
import { glibcExpf } from './glibcExpf';
import { logf } from './sleefLog';
import { fmaf } from '../random';
import { TR_EXP, transcendentalInScratch, transcendentalScratch } from '../kernels/elementwise';

const f = Math.fround;
const LANES = 8;
const BLOCK_BYTES = 128 * 1024;

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
        y[j] = i < vectorized ? expf(d) : glibcExpf(d);
        sum = f(sum + y[j]);
      }
      for (let k = 0; k < size; k++) y[base + k * inner] /= sum;
    }
  }
}

/**
 * log_softmax over a dim that is not the last (`_vec_logsoftmax`): per inner position the max, a sequential
 * float32 sum of exp(x - max) (SLEEF's expf where the vectorized loop covers the position within its chunk,
 * glibc's for the rest), SLEEF's logf of the sum, then (x - max) - log(sum).
 */
export function logSoftmaxInnerDim(x: Float32Array, y: Float32Array, outer: number, size: number, inner: number): void {
  const chunk = chunkWidth(size);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i;
      const vectorized = vectorizedInChunk(i, chunk, inner);
      let max = -Infinity;
      for (let k = 0; k < size; k++) {
        const v = x[base + k * inner];
        if (v > max || v !== v) max = v;
      }
      let sum = 0;
      for (let k = 0; k < size; k++) {
        const d = f(x[base + k * inner] - max);
        sum = f(sum + (vectorized ? expf(d) : glibcExpf(d)));
      }
      const logSum = logf(sum);
      for (let k = 0; k < size; k++) y[base + k * inner] = f(x[base + k * inner] - max) - logSum;
    }
  }
}

/** Inner positions per chunk in the kernels over an inner dim: 128 KiB of float32 per dim, whole vectors. */
function chunkWidth(size: number): number {
  return Math.max(Math.floor(Math.floor(BLOCK_BYTES / size) / 4 / LANES) * LANES, LANES);
}

/** Whether the vectorized loop (whole groups of eight within the position's chunk) covers inner position i. */
function vectorizedInChunk(i: number, chunk: number, inner: number): boolean {
  const start = i - (i % chunk);
  const width = Math.min(chunk, inner - start);
  return i - start < width - (width % LANES);
}

// Their gradients (`_vec_host_softmax_backward_lastdim`, `_vec_softmax_backward`, `_vec_log_softmax_backward`),
// as GCC compiled them with FMA contraction, which matches every element we compared:
//   - last dim: softmax's sum(g y) in `vec::map2_reduce_all`'s order (rounded products added one after another
//     below eight elements; else eight lanes started by rounded products and accumulated by fma, folded as
//     vecReduceSum does), then (g - sum) y; log_softmax's sum(g) by vecReduceSum, then fma(-exp(y), sum, g),
//     exp by SLEEF;
//   - another dim: a sequential float32 sum along the dim per inner position (fma for softmax, in the
//     vectorized and the scalar loops alike), then y (g - sum), or fma(-exp(y), sum, g) with SLEEF's expf for
//     positions the vectorized loop covers and glibc's for the rest of each chunk of inner positions.

/**
 * SLEEF's expf of every value (torch.exp's kernel: WebAssembly where available, the same bits), computed in
 * and read from the kernels' scratch region where it can be (valid until the next kernel call).
 */
function expOf(y: Float32Array): Float32Array {
  const n = y.length;
  let e = transcendentalScratch(n);
  if (e !== null) {
    e.set(y);
    transcendentalInScratch(TR_EXP, 0, n);
    return e;
  }
  e = new Float32Array(n);
  for (let k = 0; k < n; k++) e[k] = expf(y[k]);
  return e;
}

/** softmax (log: log_softmax) gradient r from the output gradient g and the output y, rows of `size`. */
export function softmaxBackwardLastDim(
  g: Float32Array,
  y: Float32Array,
  r: Float32Array,
  rows: number,
  size: number,
  log: boolean,
): void {
  const acc = new Float32Array(LANES);
  const e = log ? expOf(y) : y;
  for (let row = 0; row < rows; row++) {
    const off = row * size;
    if (log) {
      const s = vecReduceSum(g, off, size, acc);
      for (let k = off; k < off + size; k++) r[k] = fmaf(-e[k], s, g[k]);
      continue;
    }
    let s: number;
    if (size < LANES) {
      s = f(g[off] * y[off]);
      for (let k = off + 1; k < off + size; k++) s = f(s + f(g[k] * y[k]));
    } else {
      for (let i = 0; i < LANES; i++) acc[i] = g[off + i] * y[off + i];
      for (let d = LANES; d < size; d++) acc[d % LANES] = fmaf(g[off + d], y[off + d], acc[d % LANES]);
      const a0 = f(acc[0] + acc[4]);
      const a1 = f(acc[1] + acc[5]);
      const a2 = f(acc[2] + acc[6]);
      const a3 = f(acc[3] + acc[7]);
      s = f(f(a0 + a2) + f(a1 + a3));
    }
    for (let k = off; k < off + size; k++) r[k] = f(g[k] - s) * y[k];
  }
}

/** The same over a dim that is not the last: g, y and r are outer x size x inner, contiguous. */
export function softmaxBackwardInnerDim(
  g: Float32Array,
  y: Float32Array,
  r: Float32Array,
  outer: number,
  size: number,
  inner: number,
  log: boolean,
): void {
  // The kernel walks the inner positions in chunks; the scalar loop's share only matters for exp.
  const chunk = chunkWidth(size);
  const e = log ? expOf(y) : y;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i;
      const vectorized = log && vectorizedInChunk(i, chunk, inner);
      let s = 0;
      if (log) for (let k = 0; k < size; k++) s = f(s + g[base + k * inner]);
      else for (let k = 0; k < size; k++) s = fmaf(g[base + k * inner], y[base + k * inner], s);
      for (let k = 0; k < size; k++) {
        const j = base + k * inner;
        if (!log) r[j] = y[j] * f(g[j] - s);
        else r[j] = fmaf(-(vectorized ? e[j] : glibcExpf(y[j])), s, g[j]);
      }
    }
  }
}

/** A softmax's data as outer x size x inner, contiguous; the last dim (inner 1) has kernels of its own. */
export interface SoftmaxLayout {
  outer: number;
  size: number;
  inner: number;
  lastDim: boolean;
}

/** softmax (log: log_softmax) of x into y: PyTorch's float32 kernels, or double rounded once (float64). */
export function softmaxForward(x: Float32Array, y: Float32Array, l: SoftmaxLayout, log: boolean): void {
  if (!(x instanceof Float32Array && y instanceof Float32Array)) softmaxF64(x, y, l.outer, l.size, l.inner, log);
  else if (l.lastDim) softmaxLastDim(x, y, l.outer, l.size, log);
  else if (log) logSoftmaxInnerDim(x, y, l.outer, l.size, l.inner);
  else softmaxInnerDim(x, y, l.outer, l.size, l.inner);
}

/** The gradient r of softmax (log: log_softmax) from the output gradient g and the output y. */
export function softmaxGrad(g: Float32Array, y: Float32Array, r: Float32Array, l: SoftmaxLayout, log: boolean): void {
  const { outer, size, inner } = l;
  if (g instanceof Float32Array && y instanceof Float32Array && r instanceof Float32Array) {
    if (l.lastDim) softmaxBackwardLastDim(g, y, r, outer, size, log);
    else softmaxBackwardInnerDim(g, y, r, outer, size, inner, log);
    return;
  }
  // float64: log_softmax's g - exp(y) sum(g), softmax's y (g - sum(g y)), in double.
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i;
      let s = 0;
      for (let k = 0; k < size; k++) s += log ? g[base + k * inner] : g[base + k * inner] * y[base + k * inner];
      for (let k = 0; k < size; k++) {
        const j = base + k * inner;
        r[j] = log ? g[j] - Math.exp(y[j]) * s : y[j] * (g[j] - s);
      }
    }
  }
}

/** softmax or log_softmax evaluated in double and rounded once (float64 tensors). */
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
