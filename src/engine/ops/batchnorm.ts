// Batch normalisation (F.batch_norm, nn.BatchNorm1d) over input [N, C] or [N, C, L], per channel C, in the
// order PyTorch 1.13's CPU kernel computes it: the batch mean and sum of squares accumulated in double, the
// mean kept as float, invstd = 1 / sqrt(var + eps), then y = x * alpha + beta with alpha = invstd * weight
// and beta = bias - mean * alpha per channel (one fused multiply-add per element, so a value at the mean can
// come out as -5.96e-08, as PyTorch prints it). Training normalises with the biased variance and moves the
// running variance towards the unbiased one; eval uses the running statistics.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor, allocate, isFloatDType } from '../tensor';
import { fmtShape } from '../shape';
import { fmaf } from '../random';
import { batchNormDiff } from './normDiff';
import { batchNormPlaneSums } from './batchnormBits';

export interface BatchNormOptions {
  training: boolean;
  momentum: number;
  eps: number;
}

interface Layout {
  n: number;
  c: number;
  inner: number;
}

function layout(x: Tensor): Layout {
  if (x.ndim < 2) {
    throw pyError('ValueError', `expected 2D or 3D input (got ${x.ndim}D input)`);
  }
  const c = x.shape[1];
  let inner = 1;
  for (let k = 2; k < x.ndim; k++) inner *= x.shape[k];
  return { n: x.shape[0], c, inner };
}

/** Per channel: the float mean and the sum of squared deviations (both accumulated in double). */
function batchStats(x: Tensor, l: Layout): { mean: Float64Array; varSum: Float64Array } {
  const round = x.dtype === 'float32' ? Math.fround : (v: number) => v;
  const mean = new Float64Array(l.c);
  const varSum = new Float64Array(l.c);
  const count = l.n * l.inner;
  for (let ch = 0; ch < l.c; ch++) {
    // [N, C] input takes ATen's channels-last kernel: row by row in float (the square added with one
    // rounding); [N, C, L] its contiguous kernel, accumulating in double.
    const rowwise = l.inner === 1;
    let sum = 0;
    for (let b = 0; b < l.n; b++) {
      const base = (b * l.c + ch) * l.inner;
      for (let i = 0; i < l.inner; i++) sum = rowwise ? round(sum + x.data[base + i]) : sum + x.data[base + i];
    }
    const m = round(sum / count);
    let sq = 0;
    for (let b = 0; b < l.n; b++) {
      const base = (b * l.c + ch) * l.inner;
      for (let i = 0; i < l.inner; i++) {
        const d = round(x.data[base + i] - m);
        sq = rowwise ? fmaFor(x.dtype)(d, d, sq) : sq + round(d * d);
      }
    }
    mean[ch] = m;
    varSum[ch] = round(sq);
  }
  return { mean, varSum };
}

/**
 * running = momentum * batch value + (1 - momentum) * running, as ATen's batch_norm_cpu_update_stats does it:
 * the momentum is cast to the buffer's type first, and for float32 the mean's update is float32 arithmetic
 * (each product and the sum rounded), while the variance's batch value (var_sum / (n - 1)) is held in a
 * double, so its product and the sum are double and only the running term's product is float32.
 */
function updateRunning(
  running: Tensor | null,
  values: ArrayLike<number>,
  momentum: number,
  batchInDouble: boolean,
): void {
  if (!running) return;
  const float32 = running.data instanceof Float32Array;
  const round = float32 ? Math.fround : (v: number) => v;
  const m = round(momentum);
  const keep = round(1 - m);
  for (let ch = 0; ch < values.length; ch++) {
    const kept = round(keep * running.data[ch]);
    running.data[ch] = batchInDouble ? m * values[ch] + kept : round(m * values[ch]) + kept;
  }
}

/** a * b + c with one rounding in float32 (the compiler's contraction); plain in double. */
function fmaFor(dtype: string): (a: number, b: number, c: number) => number {
  return dtype === 'float32' ? fmaf : (a, b, c) => a * b + c;
}

/** F.batch_norm(x, running_mean, running_var, weight, bias, training, momentum, eps). */
export function batch_norm(
  x: Tensor,
  runningMean: Tensor | null,
  runningVar: Tensor | null,
  weight: Tensor | null,
  bias: Tensor | null,
  opts: BatchNormOptions,
): Tensor {
  if (!isFloatDType(x.dtype)) throw pyError('RuntimeError', `"batch_norm" not implemented for '${x.dtype}'`);
  const l = layout(x);
  const count = l.n * l.inner;
  // F.batch_norm checks the batch in Python before ATen checks each defined tensor against the channels.
  if (opts.training && count <= 1) {
    throw pyError(
      'ValueError',
      `Expected more than 1 value per channel when training, got input size ${fmtShape(x.shape)}`,
    );
  }
  const named: [string, Tensor | null][] = [
    ['running_mean', runningMean],
    ['running_var', runningVar],
    ['weight', weight],
    ['bias', bias],
  ];
  for (const [name, t] of named) {
    if (t && t.data.length !== l.c) {
      throw pyError('RuntimeError', `${name} should contain ${l.c} elements not ${t.data.length}`);
    }
    if (!t && !opts.training && name.startsWith('running')) {
      throw pyError('RuntimeError', `${name} must be defined in evaluation mode`);
    }
  }
  const round = x.dtype === 'float32' ? Math.fround : (v: number) => v;
  let mean: Float64Array;
  const invstd = new Float64Array(l.c);
  if (opts.training) {
    const stats = batchStats(x, l);
    mean = stats.mean;
    // var = var_sum / n in the input's type (both float32 tensors), then 1 / sqrt(var + eps) in double.
    for (let ch = 0; ch < l.c; ch++) invstd[ch] = round(1 / Math.sqrt(round(stats.varSum[ch] / count) + opts.eps));
    updateRunning(runningMean, mean, opts.momentum, false);
    updateRunning(
      runningVar,
      // var_sum is the buffer's type and so is its quotient (n - 1 converted to it), kept in double after.
      Array.from(stats.varSum, (s) => round(s / (count - 1))),
      opts.momentum,
      true,
    );
  } else {
    if (!runningMean || !runningVar) throw new Error('unreachable: checked above');
    mean = Float64Array.from(runningMean.data);
    const eps = round(opts.eps);
    for (let ch = 0; ch < l.c; ch++) invstd[ch] = round(1 / round(Math.sqrt(round(runningVar.data[ch] + eps))));
  }
  const alpha = new Float64Array(l.c);
  const beta = new Float64Array(l.c);
  for (let ch = 0; ch < l.c; ch++) {
    alpha[ch] = round(invstd[ch] * (weight ? weight.data[ch] : 1));
    beta[ch] = fmaFor(x.dtype)(-mean[ch], alpha[ch], bias ? bias.data[ch] : 0);
  }
  const out = allocate(x.dtype, x.data.length);
  const fma = fmaFor(x.dtype);
  for (let b = 0; b < l.n; b++) {
    for (let ch = 0; ch < l.c; ch++) {
      const base = (b * l.c + ch) * l.inner;
      for (let i = 0; i < l.inner; i++) out[base + i] = fma(x.data[base + i], alpha[ch], beta[ch]);
    }
  }
  if (!needsGrad(x, weight, bias)) return new Tensor(out, x.shape, x.dtype);
  const node = new Node('NativeBatchNormBackward0', [x, weight, bias], (g) =>
    batchNormBackward(g, x, weight, l, mean, invstd, opts.training),
  );
  node.diff = batchNormDiff(x, weight, bias, opts.training, opts.eps, { mean, invstd });
  return new Tensor(out, x.shape, x.dtype, true, node);
}

/**
 * Gradients of x, weight and bias, as PyTorch 1.13's contiguous CPU kernel computes them in float32: per
 * channel, sum = Σ dy and dotp = Σ (x - mean) * dy accumulated in float; dbias = sum, dweight = dotp * invstd;
 * in training dx = ((dy - sum / N) - (x - mean) * k) * invstd * w with k = dotp * invstd² / N (the subtraction
 * of the product fused, as the AVX2 build's compiler contracts it), in eval dx = dy * invstd * w.
 */
function batchNormBackward(
  g: Float32Array,
  x: Tensor,
  weight: Tensor | null,
  l: Layout,
  mean: Float64Array,
  invstd: Float64Array,
  training: boolean,
): (Float32Array | null)[] {
  const round = x.dtype === 'float32' ? Math.fround : (v: number) => v;
  const fma = fmaFor(x.dtype);
  const count = l.n * l.inner;
  const gx = allocate(x.dtype, x.data.length) as Float32Array;
  const gw = allocate(x.dtype, l.c) as Float32Array;
  const gb = allocate(x.dtype, l.c) as Float32Array;
  // [N, C, ...] float32 with planes of more than one value: ATen's contiguous kernel, its sums reduced plane by
  // plane (batchnormBits.ts); [N, C] (and float64) accumulate value by value.
  const planes = l.inner > 1 && x.data instanceof Float32Array && g instanceof Float32Array;
  const sums = new Float64Array(l.c);
  const dots = new Float64Array(l.c);
  if (planes) batchNormPlaneSums(x.data as Float32Array, g, mean, l.n, l.c, l.inner, sums, dots);
  for (let ch = 0; ch < l.c; ch++) {
    const m = mean[ch];
    const is = invstd[ch];
    let sum = sums[ch];
    let dotp = dots[ch];
    for (let b = 0; b < l.n && !planes; b++) {
      const base = (b * l.c + ch) * l.inner;
      for (let i = 0; i < l.inner; i++) {
        sum = round(sum + g[base + i]);
        dotp = fma(round(x.data[base + i] - m), g[base + i], dotp);
      }
    }
    const w = weight ? weight.data[ch] : 1;
    gb[ch] = sum;
    gw[ch] = round(dotp * is);
    // The contiguous kernel's dotp is a double, rounded to float before it scales (its grad_weight is not).
    const k = round(round(round(round(dotp) * is) * is) / count);
    const gradMean = round(sum / count);
    for (let b = 0; b < l.n; b++) {
      const base = (b * l.c + ch) * l.inner;
      for (let i = 0; i < l.inner; i++) {
        const j = base + i;
        const centred = training ? fma(-round(x.data[j] - m), k, round(g[j] - gradMean)) : g[j];
        gx[j] = round(round(centred * is) * w);
      }
    }
  }
  return [gx, gw, gb];
}
