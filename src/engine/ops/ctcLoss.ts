// Connectionist temporal classification loss (torch._ctc_loss, under F.ctc_loss / nn.CTCLoss): per batch
// item the negative log-likelihood of its target over all alignments, as PyTorch 1.13's CPU kernel
// (LossCTC.cpp, after Graves et al. 2006) computes it in log space in the input's precision:
//  - alpha over the extended target l' = (blank, l1, blank, l2, ..., blank): alpha[0][0] = lp[0][blank],
//    alpha[0][1] = lp[0][l1], then alpha[t][s] = log(e^(a1 - m) + e^(a2 - m) + e^(a3 - m)) + m + lp[t][l's]
//    with a2 from s - 1 and a3 from s - 2 where l's differs from l'(s-2), m their max (0 when all are -inf);
//  - the likelihood log-adds the last two alphas (only the last one for an empty target);
//  - the backward pass runs beta the same way from the end, log-adds alpha + beta per (t, character) in
//    descending s, and gives grad = (e^lp - e^(collected + nll - lp)) * grad_out; zero_infinity zeroes
//    the gradient of an item whose loss is infinite.
// Every float32 step rounds, with glibc's expf (e^x rounded once) and logf as the kernel's std::exp/std::log.
// The reductions (divide by the target lengths and mean, or sum) and zero_infinity's where() are composed
// by the caller as ATen composes them.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor } from '../tensor';
import { floats, isFloatDType } from '../buffers';
import { glibcLogf } from './glibcLogf';
import { dtypeName } from './util';

export interface CtcOptions {
  blank: number;
  zeroInfinity: boolean;
}

/** The arithmetic of one precision: float32 rounds every step, float64 keeps doubles. */
interface Arith {
  r: (v: number) => number;
  exp: (v: number) => number;
  log: (v: number) => number;
}

const F32: Arith = { r: Math.fround, exp: (v) => Math.fround(Math.exp(v)), log: glibcLogf };
const F64: Arith = { r: (v) => v, exp: Math.exp, log: Math.log };

/** log(e^(a - m) + e^(b - m) + e^(c - m)) + m with m the largest (0 when all are -inf), step by step. */
function logAdd3(A: Arith, a: number, b: number, c: number): number {
  let m = Math.max(a, b, c);
  if (m === -Infinity) m = 0;
  const sum = A.r(A.r(A.exp(A.r(a - m)) + A.exp(A.r(b - m))) + A.exp(A.r(c - m)));
  return A.r(A.log(sum) + m);
}

interface Problem {
  T: number;
  N: number;
  C: number;
  inputLengths: number[];
  targetLengths: number[];
  /** Per batch item, where its target starts in the targets' (contiguous) data. */
  offsets: number[];
  targets: ArrayLike<number>;
  /** Columns of alpha and beta: 2 * the longest target + 1. */
  S: number;
}

/** l'(s): blank at even s, the target's (s - 1) / 2-th label at odd s. */
function prime(p: Problem, b: number, s: number, blank: number): number {
  return s % 2 === 0 ? blank : p.targets[p.offsets[b] + ((s - 1) >> 1)];
}

/** PyTorch's checks (ctc_loss_cpu_template), in its order and words. */
function problemOf(
  lp: Tensor,
  targets: Tensor,
  inputLengths: number[],
  targetLengths: number[],
  blank: number,
): Problem {
  if (!isFloatDType(lp.dtype)) {
    throw pyError('RuntimeError', `"ctc_loss_cpu" not implemented for '${dtypeName(lp.dtype)}'`);
  }
  if (lp.ndim !== 3) {
    throw pyError(
      'RuntimeError',
      `Expected 3-dimensional tensor, but got ${lp.ndim}-dimensional tensor for argument #1 'log_probs' (while checking arguments for ctc_loss_cpu)`,
    );
  }
  if (targets.ndim < 1 || targets.ndim > 2) {
    throw pyError(
      'RuntimeError',
      `Expected 1 to 2 dimensions, but got ${targets.ndim}-dimensional tensor for argument #2 'targets' (while checking arguments for ctc_loss_cpu)`,
    );
  }
  const [T, N, C] = lp.shape;
  if (blank < 0 || blank >= C) throw pyError('RuntimeError', 'blank must be in label range');
  if (inputLengths.length !== N) throw pyError('RuntimeError', 'input_lengths must be of size batch_size');
  if (targetLengths.length !== N) throw pyError('RuntimeError', 'target_lengths must be of size batch_size');
  const offsets: number[] = [];
  let longest = 0;
  if (targets.ndim === 1) {
    let pos = 0;
    for (const l of targetLengths) {
      offsets.push(pos);
      pos += l;
      longest = Math.max(longest, l);
    }
    if (targets.shape[0] !== pos) {
      throw pyError(
        'RuntimeError',
        `Expected tensor to have size ${pos} at dimension 0, but got size ${targets.shape[0]} for argument #2 'targets' (while checking arguments for ctc_loss_cpu)`,
      );
    }
  } else {
    const width = targets.shape[1];
    for (let b = 0; b < N; b++) {
      offsets.push(b * width);
      longest = Math.max(longest, targetLengths[b]);
    }
    if (targets.shape[0] !== N) {
      throw pyError(
        'RuntimeError',
        `Expected tensor to have size ${N} at dimension 0, but got size ${targets.shape[0]} for argument #2 'targets' (while checking arguments for ctc_loss_cpu)`,
      );
    }
    if (width < longest) {
      throw pyError(
        'RuntimeError',
        `Expected tensor to have size at least ${longest} at dimension 1, but got size ${width} for argument #2 'targets' (while checking arguments for ctc_loss_cpu)`,
      );
    }
  }
  for (const l of inputLengths) {
    if (l > T) {
      throw pyError(
        'RuntimeError',
        `Expected input_lengths to have value at most ${T}, but got value ${l} (while checking arguments for ctc_loss_cpu)`,
      );
    }
  }
  return { T, N, C, inputLengths, targetLengths, offsets, targets: targets.data, S: 2 * longest + 1 };
}

/**
 * torch._ctc_loss(log_probs [T, N, C], targets, input_lengths, target_lengths, blank, zero_infinity): the
 * per-item negative log-likelihoods [N] (grad_fn CtcLossBackward0).
 */
export function ctc_loss_nll(
  logProbs: Tensor,
  targets: Tensor,
  inputLengths: number[],
  targetLengths: number[],
  opts: CtcOptions,
): Tensor {
  const p = problemOf(logProbs, targets, inputLengths, targetLengths, opts.blank);
  const A = logProbs.dtype === 'float64' ? F64 : F32;
  const LP = logProbs.data;
  const { T, N, C, S } = p;
  const lp = (t: number, b: number, c: number): number => LP[(t * N + b) * C + c];
  const alpha = new Float64Array(N * T * S).fill(-Infinity);
  const nll = floats(N);
  const at = (b: number, t: number, s: number): number => (b * T + t) * S + s;
  for (let b = 0; b < N; b++) {
    const len = inputLengths[b];
    const tl = targetLengths[b];
    if (len === 0) {
      nll[b] = tl === 0 ? 0 : Infinity;
      continue;
    }
    alpha[at(b, 0, 0)] = lp(0, b, opts.blank);
    if (tl > 0) alpha[at(b, 0, 1)] = lp(0, b, prime(p, b, 1, opts.blank));
    for (let t = 1; t < len; t++) {
      for (let s = 0; s < 2 * tl + 1; s++) {
        const cur = prime(p, b, s, opts.blank);
        const a1 = alpha[at(b, t - 1, s)];
        const a2 = s > 0 ? alpha[at(b, t - 1, s - 1)] : -Infinity;
        const a3 = s > 1 && prime(p, b, s - 2, opts.blank) !== cur ? alpha[at(b, t - 1, s - 2)] : -Infinity;
        alpha[at(b, t, s)] = A.r(logAdd3(A, a1, a2, a3) + lp(t, b, cur));
      }
    }
    if (tl === 0) nll[b] = -alpha[at(b, len - 1, 0)];
    else {
      const l1 = alpha[at(b, len - 1, 2 * tl)];
      const l2 = alpha[at(b, len - 1, 2 * tl - 1)];
      let m = Math.max(l1, l2);
      if (m === -Infinity) m = 0;
      nll[b] = -A.r(A.log(A.r(A.exp(A.r(l1 - m)) + A.exp(A.r(l2 - m)))) + m);
    }
  }
  if (!needsGrad(logProbs)) return Tensor.result(nll, [N], null);
  const node = new Node('CtcLossBackward0', [logProbs], (g) => [backward(p, A, LP, alpha, nll, g, opts)]);
  return Tensor.result(nll, [N], node);
}

/** ctc_loss_backward_cpu_template: beta, the log-added alpha * beta per (t, character), then the gradient. */
function backward(
  p: Problem,
  A: Arith,
  LP: ArrayLike<number>,
  alpha: Float64Array,
  nll: ArrayLike<number>,
  gradOut: ArrayLike<number>,
  opts: CtcOptions,
): Float32Array {
  const { T, N, C, S } = p;
  const lp = (t: number, b: number, c: number): number => LP[(t * N + b) * C + c];
  const grad = floats(T * N * C);
  const collected = new Float64Array(T * C);
  const beta = new Float64Array(T * S);
  for (let b = 0; b < N; b++) {
    const len = p.inputLengths[b];
    const tl = p.targetLengths[b];
    const al = (t: number, s: number): number => alpha[(b * T + t) * S + s];
    if (opts.zeroInfinity && nll[b] === Infinity) continue; // its gradient stays zero
    collected.fill(-Infinity);
    beta.fill(-Infinity);
    if (len > 0) {
      const last = len - 1;
      beta[last * S + 2 * tl] = lp(last, b, opts.blank);
      collected[last * C + opts.blank] = A.r(al(last, 2 * tl) + beta[last * S + 2 * tl]);
      if (tl > 0) {
        const cur = prime(p, b, 2 * tl - 1, opts.blank);
        beta[last * S + 2 * tl - 1] = lp(last, b, cur);
        collected[last * C + cur] = A.r(al(last, 2 * tl - 1) + beta[last * S + 2 * tl - 1]);
      }
    }
    for (let t = len - 2; t >= 0; t--) {
      for (let s = 2 * tl; s >= 0; s--) {
        const cur = prime(p, b, s, opts.blank);
        const b1 = beta[(t + 1) * S + s];
        const b2 = s < 2 * tl ? beta[(t + 1) * S + s + 1] : -Infinity;
        const b3 = s < 2 * tl - 1 && prime(p, b, s + 2, opts.blank) !== cur ? beta[(t + 1) * S + s + 2] : -Infinity;
        const bv = A.r(logAdd3(A, b1, b2, b3) + lp(t, b, cur));
        beta[t * S + s] = bv;
        const ab = A.r(al(t, s) + bv);
        const k = t * C + cur;
        const lc = collected[k];
        if (lc === -Infinity) collected[k] = ab;
        else {
          const m = Math.max(lc, ab);
          collected[k] = A.r(A.log(A.r(A.exp(A.r(lc - m)) + A.exp(A.r(ab - m)))) + m);
        }
      }
    }
    const gr = gradOut[b];
    for (let t = 0; t < len; t++) {
      for (let c = 0; c < C; c++) {
        const v = lp(t, b, c);
        const e = A.exp(A.r(A.r(collected[t * C + c] + nll[b]) - v));
        grad[(t * N + b) * C + c] = A.r(A.r(A.exp(v) - e) * gr);
      }
    }
  }
  return grad;
}
