// torch.pdist (F.pdist): the p-norm distance between every pair of rows i < j of a 2-D input [n, m], as a
// vector of n (n - 1) / 2 values in row-major order of the pairs (0,1), (0,2), ..., (1,2), ... PyTorch 1.13
// runs its own CPU kernel for it (_pdist_forward, grad_fn PdistBackward0), so this op takes that kernel's
// float32 steps on an AVX2 build: each pair's reduction is vec::map2_reduce_all over the row (8 float lanes,
// 4 double lanes), p = 2 squares fused into the lane sums after the first vector, |diff|^p by SLEEF's powf
// and the root by C's double pow. The gradient is _pdist_backward's: per column, row i collects +r and row j
// -r for each pair in pair order. PyTorch has no derivative of that backward: a create_graph gradient hangs
// from PdistBackwardBackward0, which raises NotImplementedError when reached.
import { pyError } from '../errors';
import { Node, isGradEnabled } from '../autograd';
import { Tensor, allocate, isFloatDType } from '../tensor';
import { fmaDouble, fmaf } from '../random';
import { powf } from './sleefPow';
import { contiguous } from './view';

/** Which of the kernel's norm specialisations a p selects (ATen picks them by p in this order). */
type Norm = 'zero' | 'one' | 'two' | 'inf' | 'general';

function normOf(p: number): Norm {
  if (p === 0) return 'zero';
  if (p === 1) return 'one';
  if (p === 2) return 'two';
  if (p === Infinity) return 'inf';
  return 'general';
}

/** What one element adds to a pair's reduction: a function of diff = |a - b| (already rounded). */
interface Reduction {
  /** The mapped value of one element: |d|^p (or 0/1 for p = 0, d itself for p = 1 and inf). */
  map: (d: number) => number;
  /** The lanes' combine: a sum, rounded, or the NaN-propagating max of p = inf. */
  red: (acc: number, v: number) => number;
  /** The fused acc + d * d of the p = 2 loop (GCC contracts the map into the reduction), else null. */
  fused: ((acc: number, d: number) => number) | null;
  /** The aggregate to a distance (p-th root, square root, or as it is). */
  finish: (agg: number) => number;
}

const identity = (v: number): number => v;

/** vec::maximum: the larger, NaN when either is NaN. */
function maxNaN(a: number, b: number): number {
  return a !== a || b !== b ? NaN : a > b ? a : b;
}

function reduction(norm: Norm, p: number, float32: boolean): Reduction {
  const rd = float32 ? Math.fround : identity;
  const add = (a: number, b: number) => rd(a + b);
  // The kernel holds p in the input's precision; the root's exponent 1.0 / p is a double either way.
  const pp = rd(p);
  switch (norm) {
    case 'zero':
      return { map: (d) => (d !== d ? NaN : d === 0 ? 0 : 1), red: add, fused: null, finish: (a) => a };
    case 'one':
      return { map: (d) => d, red: add, fused: null, finish: (a) => a };
    case 'two':
      return {
        map: (d) => rd(d * d),
        red: add,
        fused: float32 ? (acc, d) => fmaf(d, d, acc) : (acc, d) => fmaDouble(d, d, acc),
        finish: (a) => rd(Math.sqrt(a)),
      };
    case 'inf':
      return { map: (d) => d, red: maxNaN, fused: null, finish: (a) => a };
    default:
      return {
        map: float32 ? (d) => powf(d, pp) : (d) => d ** pp,
        red: add,
        fused: null,
        finish: (a) => rd(a ** (1 / pp)),
      };
  }
}

/**
 * vec::map2_reduce_all over the m values of rows at `io` and `jo`: under `lanes` values, the mapped values
 * reduced one after another; else lane l starts with value l and takes every lanes-th further one, and the
 * lanes meet as AVX2's vec_reduce_all meets them: for 8 float lanes ((l0+l4)+(l2+l6))+((l1+l5)+(l3+l7)),
 * for 4 double lanes one after another.
 */
function pairReduce(x: ArrayLike<number>, io: number, jo: number, m: number, r: Reduction, acc: Float64Array): number {
  const rd = acc.length === 8 ? Math.fround : identity;
  const lanes = acc.length;
  if (m < lanes) {
    let s = r.map(Math.abs(rd(x[io] - x[jo])));
    for (let k = 1; k < m; k++) s = r.red(s, r.map(Math.abs(rd(x[io + k] - x[jo + k]))));
    return s;
  }
  for (let l = 0; l < lanes; l++) acc[l] = r.map(Math.abs(rd(x[io + l] - x[jo + l])));
  for (let k = lanes; k < m; k++) {
    const l = k & (lanes - 1);
    const d = Math.abs(rd(x[io + k] - x[jo + k]));
    acc[l] = r.fused ? r.fused(acc[l], d) : r.red(acc[l], r.map(d));
  }
  const red = r.red;
  if (lanes === 8) {
    return red(red(red(acc[0], acc[4]), red(acc[2], acc[6])), red(red(acc[1], acc[5]), red(acc[3], acc[7])));
  }
  return red(red(red(acc[0], acc[1]), acc[2]), acc[3]);
}

/** The distances of every pair i < j of the n rows of m values, in pair order. */
function forward(x: ArrayLike<number>, n: number, m: number, p: number, out: Float32Array | Float64Array): void {
  if (m === 0) return; // no coordinates: every distance is 0 (ATen fills instead of running the kernel)
  const float32 = out instanceof Float32Array;
  const r = reduction(normOf(p), p, float32);
  const acc = new Float64Array(float32 ? 8 : 4);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) out[k++] = r.finish(pairReduce(x, i * m, j * m, m, r, acc));
  }
}

/** Vectorized's sign as the kernel builds it from ceil and floor: 1, -1, 0 for zero, NaN for NaN. */
function sign(v: number): number {
  return v !== v ? NaN : v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** One pair's contribution r to row i at one coordinate (row j gets -r): the kernel's backward per norm. */
function partialFn(norm: Norm, p: number, float32: boolean): (diff: number, grad: number, dist: number) => number {
  const rd = float32 ? Math.fround : identity;
  const pow = float32 ? powf : (a: number, b: number) => a ** b;
  const pp = rd(p);
  const pm1 = rd(pp - 1);
  const pm2 = rd(pp - 2);
  switch (norm) {
    case 'one':
      return (d, g) => rd(g * sign(d));
    case 'two':
      return (d, g, dist) => (dist === 0 ? 0 : rd(rd(g * d) / dist));
    case 'inf':
      // grad * sign(diff) * (1 - min(1, ceil(||diff| - dist|))): the full gradient where |diff| is the maximum.
      return (d, g, dist) => {
        const gate = 1 - Math.min(1, Math.ceil(Math.abs(rd(Math.abs(d) - dist))));
        return rd(rd(g * sign(d)) * gate);
      };
    default:
      if (pp < 2) {
        // p < 1 has an infinite |diff|^(p-1) at diff = 0: the kernel blends those coordinates to 0.
        return (d, g, dist) => {
          if (dist === 0 || (d === 0 && pp < 1)) return 0;
          return rd(rd(rd(sign(d) * pow(Math.abs(d), pm1)) * g) / pow(dist, pm1));
        };
      }
      return (d, g, dist) => (dist === 0 ? 0 : rd(rd(rd(d * pow(Math.abs(d), pm2)) * g) / pow(dist, pm1)));
  }
}

/** _pdist_backward: the input's gradient for the distances' gradient `g`, accumulated as the kernel does. */
function backward(
  x: ArrayLike<number>,
  n: number,
  m: number,
  p: number,
  g: ArrayLike<number>,
  dist: ArrayLike<number>,
  res: Float32Array | Float64Array,
): void {
  if (p === 0 || g.length === 0 || m === 0) return; // all zeros
  const float32 = res instanceof Float32Array;
  const rd = float32 ? Math.fround : identity;
  const partial = partialFn(normOf(p), p, float32);
  // The kernel walks one column block at a time: for each row i, its pairs with j > i in order, row i
  // adding r and row j taking r away; columns never mix, so one column at a time gives the same sums.
  for (let c = 0; c < m; c++) {
    let k = 0;
    for (let i = 0; i < n - 1; i++) {
      const a = x[i * m + c];
      let ri = res[i * m + c];
      for (let j = i + 1; j < n; j++, k++) {
        const r = partial(rd(a - x[j * m + c]), g[k], dist[k]);
        ri = rd(ri + r);
        res[j * m + c] = rd(res[j * m + c] - r);
      }
      res[i * m + c] = ri;
    }
  }
}

function check(input: Tensor, p: number): void {
  if (input.ndim !== 2) throw pyError('RuntimeError', `pdist only supports 2D tensors, got: ${input.ndim}D`);
  if (!isFloatDType(input.dtype)) throw pyError('RuntimeError', 'pdist only supports floating-point dtypes');
  if (!(p >= 0)) throw pyError('RuntimeError', 'pdist only supports non-negative p values');
}

/** torch.pdist(input, p=2): the distances between the rows of a 2-D float input, pair by pair. */
export function pdist(input: Tensor, p = 2): Tensor {
  check(input, p);
  const x = contiguous(input);
  const [n, m] = x.shape;
  const count = n <= 1 ? 0 : (n * (n - 1)) / 2;
  const values = x.data;
  const out = allocate(x.dtype, count) as Float32Array | Float64Array;
  forward(values, n, m, p, out);
  if (!(isGradEnabled() && x.requiresGrad)) return new Tensor(out, [count], x.dtype);
  const gradOf = (g: ArrayLike<number>): Float32Array => {
    const res = allocate(x.dtype, n * m) as Float32Array;
    backward(values, n, m, p, g, out, res);
    return res;
  };
  let result: Tensor | null = null;
  const node = new Node('PdistBackward0', [x], (g) => [gradOf(g)]);
  // create_graph: the same values, from a node that raises if a further backward reaches it, as PyTorch's.
  node.diff = (g) => {
    const recording = isGradEnabled() && (g.requiresGrad || x.requiresGrad);
    const grad = new Tensor(gradOf(g.data), x.shape, x.dtype);
    if (!recording) return [grad];
    const twice = new Node('PdistBackwardBackward0', [g, x, result], () => {
      throw pyError('NotImplementedError', "the derivative for '_pdist_backward' is not implemented.");
    });
    return [new Tensor(grad.data, x.shape, x.dtype, true, twice)];
  };
  node.save(x);
  result = new Tensor(out, [count], x.dtype, true, node);
  node.saveOutput(result);
  return result;
}
