// Sampling from categorical distributions as PyTorch 1.13's CPU build without MKL does it, draw for draw,
// so seeded text generation (makemore's `torch.multinomial(p, 1, replacement=True, generator=g)`, char-RNN
// sampling) picks the same indices:
//   - exponential_(lambd): a double uniform u per element, -1 / lambd * log(1 - u) in double, stored as the
//     tensor's dtype;
//   - multinomial without replacement: the Gumbel trick of ATen's multinomial_out,
//     q = empty_like(p).exponential_(1), q = p / q in p's dtype, then argmax (one sample) or topk;
//   - with replacement (one sample too; later versions take the Gumbel path there): ATen's multinomial_with_replacement kernel, a cumulative sum in
//     p's dtype divided by the total, the last bucket set to 1, and a binary search for each double uniform.
import { runtimeError } from '../errors';
import { throwIfRefused } from '../inference';
import { Tensor, isFloatDType } from '../tensor';
import { defaultGen, type Generator } from '../random';

function floatData(t: Tensor, what: string): Float32Array | Float64Array {
  if (!isFloatDType(t.dtype)) throw runtimeError(`"${what}" not implemented for '${t.dtype}'`);
  return t.data as Float32Array | Float64Array;
}

function fillExponential(data: Float32Array | Float64Array, lambd: number, gen: Generator): void {
  for (let i = 0; i < data.length; i++) data[i] = (-1 / lambd) * Math.log(1 - gen.uniformDouble());
}

/** Tensor.exponential_(lambd=1) in place. */
export function exponential_(t: Tensor, lambd = 1, gen: Generator = defaultGen()): Tensor {
  const data = floatData(t, 'exponential_cpu');
  if (!(lambd > 0)) throw runtimeError(`exponential_ expects lambda > 0.0, but found lambda=${lambd}`);
  t.checkInplace();
  fillExponential(data, lambd, gen);
  throwIfRefused(t); // an inference tensor outside inference mode: filled, then refused (as PyTorch)
  return t;
}

function checkDistribution(p: Float32Array | Float64Array, rows: number, cats: number): void {
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0 && p[i] < Infinity)) {
      throw runtimeError('probability tensor contains either `inf`, `nan` or element < 0');
    }
  }
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < cats; c++) sum += p[r * cats + c];
    if (sum === 0) throw runtimeError('invalid multinomial distribution (sum of probabilities <= 0)');
  }
}

/** The indices of the n largest of row[0..cats), largest first (ties: the lower index first). */
function largest(q: Float32Array | Float64Array, at: number, cats: number, n: number): number[] {
  const order = Array.from({ length: cats }, (_, c) => c);
  order.sort((a, b) => q[at + b] - q[at + a] || a - b);
  return order.slice(0, n);
}

function gumbelSamples(p: Float32Array | Float64Array, rows: number, cats: number, n: number, gen: Generator) {
  const q = p instanceof Float32Array ? new Float32Array(p.length) : new Float64Array(p.length);
  fillExponential(q, 1, gen);
  for (let i = 0; i < q.length; i++) q[i] = p[i] / q[i];
  const out = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) out.set(largest(q, r * cats, cats, n), r * n);
  return out;
}

function replacementSamples(p: Float32Array | Float64Array, rows: number, cats: number, n: number, gen: Generator) {
  const cum = p instanceof Float32Array ? new Float32Array(cats) : new Float64Array(cats);
  const out = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < cats; c++) {
      const v = p[r * cats + c];
      if (v < 0) throw runtimeError('invalid multinomial distribution (encountering probability entry < 0)');
      if (!Number.isFinite(v)) {
        throw runtimeError('invalid multinomial distribution (encountering probability entry = infinity or NaN)');
      }
      sum = p instanceof Float32Array ? Math.fround(sum + v) : sum + v;
      cum[c] = sum;
    }
    if (!(sum > 0)) throw runtimeError('invalid multinomial distribution (sum of probabilities <= 0)');
    for (let c = 0; c < cats; c++) cum[c] /= sum;
    cum[cats - 1] = 1;
    for (let s = 0; s < n; s++) {
      const u = gen.uniformDouble();
      let left = 0;
      let right = cats;
      while (right - left > 0) {
        const mid = left + Math.floor((right - left) / 2);
        if (cum[mid] < u) left = mid + 1;
        else right = mid;
      }
      out[r * n + s] = left;
    }
  }
  return out;
}

/** torch.multinomial(input, num_samples, replacement=False, generator=None): int64 indices. */
export function multinomial(t: Tensor, numSamples: number, replacement = false, gen: Generator = defaultGen()): Tensor {
  const p = floatData(t, 'multinomial');
  if (t.ndim < 1 || t.ndim > 2) throw runtimeError('prob_dist must be 1 or 2 dim');
  if (numSamples <= 0) throw runtimeError('cannot sample n_sample <= 0 samples');
  const cats = t.shape[t.ndim - 1];
  const rows = t.ndim === 2 ? t.shape[0] : 1;
  if (!replacement && numSamples > cats) {
    throw runtimeError('cannot sample n_sample > prob_dist.size(-1) samples without replacement');
  }
  const shape = t.ndim === 2 ? [rows, numSamples] : [numSamples];
  if (rows === 0) return new Tensor(new Float64Array(0), shape, 'int64');
  if (!replacement) checkDistribution(p, rows, cats);
  const out = !replacement
    ? gumbelSamples(p, rows, cats, numSamples, gen)
    : replacementSamples(p, rows, cats, numSamples, gen);
  return new Tensor(out, shape, 'int64');
}
