// Reductions: sum, mean, amax/amin, max/min (with indices), argmax/argmin, prod, var/std, norm,
// logsumexp, all/any (cumsum, re-exported, is scan.ts's). float32 sum and mean add in PyTorch's order (cascadeSum.ts), bit for bit;
// the others accumulate in float64 and round once, within PyTorch's results to the last bit or two.
import { pyError } from '../errors';
import { Node, isGradEnabled, noGrad } from '../autograd';
import { Tensor, allocate, floats, isFloatDType } from '../tensor';
import { Shape, numel } from '../shape';
import { cascadeSumDims } from './cascadeSum';
import { expf } from './sleefExp';
import { logsumexpF32, varianceGradF32 } from './reduceBits';
import { normTwoF32 } from './normKernels';
import { broadcastOffsets, dtypeName, normDimChecked, normDims, splitAt } from './util';
import { add, div, mul, neg, sub } from './arith';
import { sgn, sqrt } from './unary';
import { constantLike, diffNode, expandBack, sumTo } from './gradOps';
import { extremeDiff, indexedExtremeDiff, logsumexpDiff, prodDiff, varianceDiff } from './reduceDiff';

export type Dims = number | readonly number[] | null | undefined;

interface Layout {
  /** Output shape (reduced dims dropped unless keepdim). */
  outShape: number[];
  outN: number;
  /** For every input element, the output element it reduces into; null for a full reduction. */
  readonly map: Int32Array | null;
  full: boolean;
}

function layout(shape: Shape, dims: number[], keepdim: boolean): Layout {
  const kept = shape.map((s, i) => (dims.includes(i) ? 1 : s));
  const outShape = keepdim ? kept : shape.filter((_, i) => !dims.includes(i));
  const outN = numel(outShape);
  const full = outN === 1;
  // The map is an Int32Array as long as the input: made only when a loop over it needs it (sum and mean
  // reduce through cascadeSum.ts without it, and their backward may never run).
  let map: Int32Array | null | undefined = full ? null : undefined;
  return {
    outShape,
    outN,
    full,
    get map() {
      if (map === undefined) map = broadcastOffsets(kept, shape);
      return map;
    },
  };
}

/** A reduction over `dim` given as number, list, or nothing; PyTorch treats an empty list as all dims. */
function dimsOf(dim: Dims, ndim: number): number[] {
  if (Array.isArray(dim) && dim.length === 0) return normDims(null, ndim);
  return normDims(dim as number | number[] | null | undefined, ndim);
}

/** The reverse of a reduction: each input element gets the gradient of the output element it fed. */
function spread(g: Float32Array, L: Layout, n: number, scale = 1): Float32Array {
  const r = floats(n);
  if (L.full) r.fill(g[0] * scale);
  else {
    const m = L.map!;
    if (scale === 1) for (let i = 0; i < n; i++) r[i] = g[m[i]];
    else for (let i = 0; i < n; i++) r[i] = g[m[i]] * scale;
  }
  return r;
}

function sumInto(x: ArrayLike<number>, L: Layout): Float64Array {
  const acc = new Float64Array(L.outN);
  if (L.full) {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += x[i];
    acc[0] = s;
  } else {
    const m = L.map!;
    for (let i = 0; i < x.length; i++) acc[m[i]] += x[i];
  }
  return acc;
}

/** A float32 tensor's sums over `dims`, in PyTorch's order and arithmetic (see cascadeSum.ts). */
function floatSum(t: Tensor, dims: number[], L: Layout): Float32Array {
  const out = floats(L.outN);
  cascadeSumDims(t.data as Float32Array, t.shape, dims, out);
  return out;
}

export function sum(t: Tensor, dim?: Dims, keepdim = false): Tensor {
  const all = dim === undefined || dim === null;
  const L = layout(t.shape, dimsOf(dim, t.ndim), keepdim);
  if (!isFloatDType(t.dtype)) return new Tensor(Float64Array.from(sumInto(t.data, L)), L.outShape, 'int64');
  const out = floatSum(t, dimsOf(dim, t.ndim), L);
  const n = t.data.length;
  const node =
    t.requiresGrad && isGradEnabled()
      ? new Node(
          all ? 'SumBackward0' : 'SumBackward1',
          [t],
          (g) => [spread(g, L, n)],
          (g) => [expandBack(g, t.shape, dimsOf(dim, t.ndim))],
        )
      : null;
  return Tensor.result(out, L.outShape, node);
}

export function mean(t: Tensor, dim?: Dims, keepdim = false): Tensor {
  if (!isFloatDType(t.dtype)) {
    throw pyError(
      'RuntimeError',
      `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${dtypeName(t.dtype)}`,
    );
  }
  const all = dim === undefined || dim === null;
  const L = layout(t.shape, dimsOf(dim, t.ndim), keepdim);
  const n = t.data.length;
  const count = L.outN === 0 ? 0 : n / L.outN;
  // PyTorch's CPU mean is sum(...).div_(count), both in float32.
  const out = floatSum(t, dimsOf(dim, t.ndim), L);
  for (let i = 0; i < out.length; i++) out[i] = out[i] / count;
  const node =
    t.requiresGrad && isGradEnabled()
      ? new Node(
          all ? 'MeanBackward0' : 'MeanBackward1',
          [t],
          (g) => [spread(g, L, n, 1 / count)],
          (g) => [div(expandBack(g, t.shape, dimsOf(dim, t.ndim)), count)],
        )
      : null;
  return Tensor.result(out, L.outShape, node);
}

/** amax/amin: the gradient is split evenly among the elements that tie for the extreme. */
function extreme(t: Tensor, dims: number[], keepdim: boolean, isMax: boolean, name: string, op: string): Tensor {
  if (t.data.length === 0) {
    throw pyError(
      'IndexError',
      `${op}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`,
    );
  }
  const L = layout(t.shape, dims, keepdim);
  const x = t.data;
  const n = x.length;
  const out = allocate(t.dtype, L.outN);
  out.fill(isMax ? -Infinity : Infinity);
  const m = L.map;
  const nanSeen = new Uint8Array(L.outN);
  for (let i = 0; i < n; i++) {
    const o = m ? m[i] : 0;
    const v = x[i];
    if (v !== v) nanSeen[o] = 1;
    else if (isMax ? v > out[o] : v < out[o]) out[o] = v;
  }
  for (let o = 0; o < L.outN; o++) if (nanSeen[o]) out[o] = NaN;
  if (!isFloatDType(t.dtype)) return new Tensor(out, L.outShape, t.dtype);
  const node =
    t.requiresGrad && isGradEnabled()
      ? new Node(name, [t], (g) => {
          const count = new Float64Array(L.outN);
          for (let i = 0; i < n; i++) {
            const o = m ? m[i] : 0;
            if (x[i] === out[o]) count[o]++;
          }
          const r = floats(n);
          for (let i = 0; i < n; i++) {
            const o = m ? m[i] : 0;
            if (x[i] === out[o]) r[i] = g[o] / count[o];
          }
          return [r];
        })
      : null;
  // create_graph: the same split as constant weights (the plain backward of a ones gradient), made lazily.
  if (node) node.diff = extremeDiff(t, dims, () => node.backward(floats(L.outN).fill(1))[0]!);
  return savedWithResult(node, t, Tensor.result(out as Float32Array, L.outShape, node));
}

export function amax(t: Tensor, dim?: Dims, keepdim = false): Tensor {
  return extreme(t, dimsOf(dim, t.ndim), keepdim, true, 'AmaxBackward0', 'amax');
}

export function amin(t: Tensor, dim?: Dims, keepdim = false): Tensor {
  return extreme(t, dimsOf(dim, t.ndim), keepdim, false, 'AminBackward0', 'amin');
}

export interface ValuesIndices {
  values: Tensor;
  indices: Tensor;
}

/** Index of the first extreme along one dim (NaN counts as the extreme, as in PyTorch). */
function argExtreme(
  t: Tensor,
  d: number,
  isMax: boolean,
): { idx: Float64Array; val: Float64Array; outer: number; size: number; inner: number } {
  const { outer, size, inner } = splitAt(t.shape, d);
  if (size === 0) throw pyError('IndexError', 'max(): Expected reduction dim 0 to have non-zero size.');
  const x = t.data;
  const idx = new Float64Array(outer * inner);
  const val = new Float64Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i;
      let best = x[base];
      let bi = 0;
      if (best === best) {
        for (let k = 1; k < size; k++) {
          const v = x[base + k * inner];
          if (v !== v) {
            best = v;
            bi = k;
            break;
          }
          if (isMax ? v > best : v < best) {
            best = v;
            bi = k;
          }
        }
      }
      idx[o * inner + i] = bi;
      val[o * inner + i] = best;
    }
  }
  return { idx, val, outer, size, inner };
}

function reducedShape(shape: Shape, d: number, keepdim: boolean): number[] {
  if (shape.length === 0) return [];
  return keepdim ? shape.map((s, i) => (i === d ? 1 : s)) : shape.filter((_, i) => i !== d);
}

function extremeWithIndices(t: Tensor, dim: number, keepdim: boolean, isMax: boolean): ValuesIndices {
  const d = normDimChecked(dim, t.ndim);
  const r = argExtreme(t, d, isMax);
  const shape = reducedShape(t.shape, d, keepdim);
  const indices = new Tensor(r.idx, shape, 'int64');
  const vals = allocate(t.dtype, r.val.length);
  vals.set(r.val);
  if (!isFloatDType(t.dtype)) return { values: new Tensor(vals, shape, t.dtype), indices };
  const n = t.data.length;
  const node =
    t.requiresGrad && isGradEnabled()
      ? new Node(isMax ? 'MaxBackward0' : 'MinBackward0', [t], (g) => {
          const out = floats(n);
          for (let o = 0; o < r.outer; o++) {
            for (let i = 0; i < r.inner; i++) {
              const j = o * r.inner + i;
              out[o * r.size * r.inner + r.idx[j] * r.inner + i] = g[j];
            }
          }
          return [out];
        })
      : null;
  if (node) {
    // The flat offset of each chosen element, o * size * inner + k * inner + i for output j = o * inner + i.
    const offsets = () => Int32Array.from(r.idx, (k, j) => (j - (j % r.inner)) * r.size + k * r.inner + (j % r.inner));
    node.diff = indexedExtremeDiff(t, offsets);
  }
  return { values: Tensor.result(vals as Float32Array, shape, node), indices };
}

/** max(t): the overall maximum (MaxBackward1); max(t, dim): values and indices (MaxBackward0). */
export function max(t: Tensor): Tensor;
export function max(t: Tensor, dim: number, keepdim?: boolean): ValuesIndices;
export function max(t: Tensor, dim?: number, keepdim = false): Tensor | ValuesIndices {
  if (dim === undefined || dim === null) return extreme(t, normDims(null, t.ndim), false, true, 'MaxBackward1', 'max');
  return extremeWithIndices(t, dim, keepdim, true);
}

export function min(t: Tensor): Tensor;
export function min(t: Tensor, dim: number, keepdim?: boolean): ValuesIndices;
export function min(t: Tensor, dim?: number, keepdim = false): Tensor | ValuesIndices {
  if (dim === undefined || dim === null) return extreme(t, normDims(null, t.ndim), false, false, 'MinBackward1', 'min');
  return extremeWithIndices(t, dim, keepdim, false);
}

function argOf(t: Tensor, dim: number | null | undefined, keepdim: boolean, isMax: boolean): Tensor {
  if (dim === undefined || dim === null) {
    const flat = new Tensor(t.data, [t.data.length], t.dtype);
    const r = argExtreme(flat, 0, isMax);
    return new Tensor(r.idx, keepdim ? t.shape.map(() => 1) : [], 'int64');
  }
  const d = normDimChecked(dim, t.ndim);
  const r = argExtreme(t, d, isMax);
  return new Tensor(r.idx, reducedShape(t.shape, d, keepdim), 'int64');
}

export function argmax(t: Tensor, dim?: number | null, keepdim = false): Tensor {
  return argOf(t, dim, keepdim, true);
}

export function argmin(t: Tensor, dim?: number | null, keepdim = false): Tensor {
  return argOf(t, dim, keepdim, false);
}

/** Product over all elements or one dim; the gradient of each element is the product of the others. */
export function prod(t: Tensor, dim?: number | null, keepdim = false): Tensor {
  const all = dim === undefined || dim === null;
  const d = all ? 0 : normDimChecked(dim, t.ndim);
  const { outer, size, inner } = all ? { outer: 1, size: t.data.length, inner: 1 } : splitAt(t.shape, d);
  const shape = all ? [] : reducedShape(t.shape, d, keepdim);
  const x = t.data;
  const outN = outer * inner;
  const acc = new Float64Array(outN);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let p = 1;
      for (let k = 0; k < size; k++) p *= x[o * size * inner + k * inner + i];
      acc[o * inner + i] = p;
    }
  }
  if (!isFloatDType(t.dtype)) return new Tensor(acc, shape, 'int64');
  const out = floats(outN);
  out.set(acc);
  const node =
    t.requiresGrad && isGradEnabled()
      ? new Node(all ? 'ProdBackward0' : 'ProdBackward1', [t], (g) => {
          const r = floats(x.length);
          for (let o = 0; o < outer; o++) {
            for (let i = 0; i < inner; i++) {
              // Products of the elements before and after each position: exact even when some are zero.
              const base = o * size * inner + i;
              const gi = g[o * inner + i];
              let before = 1;
              for (let k = 0; k < size; k++) {
                r[base + k * inner] = before;
                before *= x[base + k * inner];
              }
              let after = 1;
              for (let k = size - 1; k >= 0; k--) {
                r[base + k * inner] *= after * gi;
                after *= x[base + k * inner];
              }
            }
          }
          return [r];
        })
      : null;
  const result = Tensor.result(out, shape, node);
  if (node) node.diff = prodDiff(t, all ? null : d, result);
  return savedWithResult(node, t, result);
}

/**
 * The reductions whose derivative reads both their input and their result (prod, amax, max(), norm,
 * logsumexp, std: PyTorch's `self` and `result` SavedVariables) save them for the version check.
 */
function savedWithResult(node: Node | null, t: Tensor, result: Tensor): Tensor {
  return node === null ? result : node.save(t).saveOutput(result);
}

/** Variance with Bessel's correction by default (`unbiased=True`, i.e. correction 1). */
export function variance(t: Tensor, dim: Dims, correction: number, keepdim: boolean, isStd: boolean): Tensor {
  if (!isFloatDType(t.dtype)) {
    // One text for both: PyTorch's std_var_out names them together.
    throw pyError('RuntimeError', 'std and var only support floating point and complex dtypes');
  }
  const L = layout(t.shape, dimsOf(dim, t.ndim), keepdim);
  const x = t.data;
  const n = x.length;
  const count = L.outN === 0 ? 0 : n / L.outN;
  const means = sumInto(x, L);
  for (let i = 0; i < means.length; i++) means[i] /= count;
  const m = L.map;
  const ss = new Float64Array(L.outN);
  for (let i = 0; i < n; i++) {
    const o = m ? m[i] : 0;
    const dlt = x[i] - means[o];
    ss[o] += dlt * dlt;
  }
  const denom = Math.max(count - correction, 0);
  const out = floats(L.outN);
  for (let o = 0; o < L.outN; o++) out[o] = isStd ? Math.sqrt(ss[o] / denom) : ss[o] / denom;
  const node =
    t.requiresGrad && isGradEnabled()
      ? new Node(isStd ? 'StdBackward0' : 'VarBackward0', [t], (g) => {
          if (x instanceof Float32Array && denom > 0) {
            return [varianceGradF32(g, x, t.shape, dimsOf(dim, t.ndim), m, denom, isStd ? out : null)];
          }
          const r = floats(n);
          for (let i = 0; i < n; i++) {
            const o = m ? m[i] : 0;
            // d var/dx_i = 2 (x_i - mean) / (N - correction); d std = d var / (2 std)
            const dv = (2 * (x[i] - means[o])) / denom;
            r[i] = isStd ? (g[o] * dv) / (2 * out[o]) : g[o] * dv;
          }
          return [r];
        })
      : null;
  const result = Tensor.result(out, L.outShape, node);
  if (node) node.diff = varianceDiff(t, dimsOf(dim, t.ndim), denom, isStd ? result : null);
  if (isStd) return savedWithResult(node, t, result);
  node?.save(t); // var's derivative reads only its input
  return result;
}

export function var_(t: Tensor, dim?: Dims, unbiased: boolean | number = true, keepdim = false): Tensor {
  return variance(t, dim, typeof unbiased === 'number' ? unbiased : unbiased ? 1 : 0, keepdim, false);
}

export function std(t: Tensor, dim?: Dims, unbiased: boolean | number = true, keepdim = false): Tensor {
  return variance(t, dim, typeof unbiased === 'number' ? unbiased : unbiased ? 1 : 0, keepdim, true);
}

/** Vector p-norm (torch.norm / linalg.vector_norm): p = 2 by default, 'fro' is 2, Infinity is max |x|. */
export function norm(t: Tensor, p: number | 'fro' = 2, dim?: Dims, keepdim = false): Tensor {
  if (!isFloatDType(t.dtype))
    throw pyError(
      'RuntimeError',
      `linalg.vector_norm: Expected a floating point or complex tensor as input. Got ${dtypeName(t.dtype)}`,
    );
  const ord = p === 'fro' ? 2 : p;
  const dims = dimsOf(dim, t.ndim);
  const L = layout(t.shape, dims, keepdim);
  const x = t.data;
  const n = x.length;
  const m = L.map;
  const acc = new Float64Array(L.outN);
  if (ord === -Infinity) acc.fill(Infinity);
  for (let i = 0; i < n; i++) {
    const o = m ? m[i] : 0;
    const a = Math.abs(x[i]);
    if (ord === Infinity) acc[o] = Math.max(acc[o], a);
    else if (ord === -Infinity) acc[o] = Math.min(acc[o], a);
    else if (ord === 0) acc[o] += a !== 0 ? 1 : 0;
    else if (ord === 1) acc[o] += a;
    else if (ord === 2) acc[o] += a * a;
    else acc[o] += Math.pow(a, ord);
  }
  const out = floats(L.outN);
  for (let o = 0; o < L.outN; o++) {
    out[o] =
      ord === 2 ? Math.sqrt(acc[o]) : ord === 1 || ord === 0 || !isFinite(ord) ? acc[o] : Math.pow(acc[o], 1 / ord);
  }
  // float32 2-norms in PyTorch's own order (normKernels.ts).
  if (ord === 2 && x instanceof Float32Array && out instanceof Float32Array && !t.nonContiguous)
    normTwoF32(x, t.shape, dims, m, out);
  const node =
    t.requiresGrad && isGradEnabled()
      ? new Node(
          'NormBackward1',
          [t],
          (g) => {
            const r = floats(n);
            if (ord === 0) return [r];
            if (ord === 2 && x instanceof Float32Array) {
              // PyTorch 1.13's norm_backward for p = 2 in float32: g (x / norm), 0 where the norm is 0.
              for (let i = 0; i < n; i++) {
                const o = m ? m[i] : 0;
                r[i] = out[o] === 0 ? 0 : Math.fround(g[o] * Math.fround(x[i] / out[o]));
              }
              return [r];
            }
            const ties = new Float64Array(L.outN);
            if (!isFinite(ord))
              for (let i = 0; i < n; i++) if (Math.abs(x[i]) === out[m ? m[i] : 0]) ties[m ? m[i] : 0]++;
            for (let i = 0; i < n; i++) {
              const o = m ? m[i] : 0;
              const v = x[i];
              const s = v > 0 ? 1 : v < 0 ? -1 : 0;
              if (ord === 1) r[i] = g[o] * s;
              else if (!isFinite(ord)) r[i] = Math.abs(v) === out[o] ? (g[o] * s) / ties[o] : 0;
              else if (out[o] === 0) r[i] = 0;
              else if (ord === 2) r[i] = (g[o] * v) / out[o];
              else r[i] = (g[o] * s * Math.pow(Math.abs(v), ord - 1)) / Math.pow(out[o], ord - 1);
            }
            return [r];
          },
          ord === 1 || ord === 2 ? normDiff(t, ord, dims, out) : null,
        )
      : null;
  return savedWithResult(node, t, Tensor.result(out, L.outShape, node));
}

/**
 * torch.norm's default 'fro' (frobenius_norm): over two dims it is sqrt(sum(x * x)), three recorded ops as
 * in PyTorch 1.13 (SqrtBackward0, the sum in torch.sum's order); over none or one dim the 2-norm.
 */
export function frobenius_norm(t: Tensor, dim: readonly number[], keepdim = false): Tensor {
  if (dim.length <= 1) return norm(t, 2, dim.length === 0 ? undefined : dim, keepdim);
  if (dim.length > 2)
    throw pyError('RuntimeError', `Expected at most 2 dimensions, but got ${dim.length} dimensions instead.`);
  const wrapped = normDims(dim as number[], t.ndim);
  if (wrapped[0] === wrapped[1])
    throw pyError('RuntimeError', `Expected dims to be different, got [${dim.join(', ')}] instead`);
  return sqrt(sum(mul(t, t), wrapped, keepdim));
}

/**
 * torch.dist: the p-norm of a - b (broadcast). PyTorch records it as one node over both inputs, DistBackward0,
 * whose gradient is the norm's gradient at the difference (negated and summed to shape for b). Done so for
 * p = 1 and 2, the norms with a recorded derivative here; other p stay the norm of the difference.
 */
export function dist(a: Tensor, b: Tensor, p = 2): Tensor {
  if (p !== 1 && p !== 2) return norm(sub(a, b), p);
  const out = noGrad(() => norm(sub(a, b), p));
  return diffNode('DistBackward0', [a, b], out, (g) => {
    const d = sub(a, b);
    const r = normDiff(d, p, dimsOf(undefined, d.ndim), out.data as Float32Array)(g)[0];
    return [sumTo(r, a.shape), sumTo(neg(r), b.shape)];
  });
}

/**
 * The 1- and 2-norm's gradients as recorded ops (PyTorch's norm_backward): g * sign(x), and
 * x * (g / norm) with a zero norm giving a zero gradient (its row is all zeros: any divisor will do).
 */
function normDiff(t: Tensor, ord: 1 | 2, dims: number[], values: Float32Array) {
  return (g: Tensor) => {
    const back = expandBack(g, t.shape, dims);
    if (ord === 1) return [mul(back, sgn(t))];
    let n = norm(t, 2, dims, true);
    if (values.some((v) => v === 0))
      n = add(
        n,
        constantLike(n, (i) => (n.data[i] === 0 ? 1 : 0)),
      );
    return [mul(t, div(back, expandBack(n, t.shape, dims)))];
  };
}

export function logsumexp(t: Tensor, dim: Dims, keepdim = false): Tensor {
  if (!isFloatDType(t.dtype))
    throw pyError('RuntimeError', 'logsumexp(): Expected floating point type for result tensor');
  const L = layout(t.shape, dimsOf(dim, t.ndim), keepdim);
  const x = t.data;
  const n = x.length;
  const m = L.map;
  const mx = new Float64Array(L.outN).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const o = m ? m[i] : 0;
    if (x[i] > mx[o]) mx[o] = x[i];
  }
  const s = new Float64Array(L.outN);
  for (let i = 0; i < n; i++) {
    const o = m ? m[i] : 0;
    s[o] += Math.exp(x[i] - (isFinite(mx[o]) ? mx[o] : 0));
  }
  const out = floats(L.outN);
  for (let o = 0; o < L.outN; o++) out[o] = Math.log(s[o]) + (isFinite(mx[o]) ? mx[o] : 0);
  const single = x instanceof Float32Array && out instanceof Float32Array;
  if (single) logsumexpF32(x, t.shape, dimsOf(dim, t.ndim), m, mx, out);
  const node =
    t.requiresGrad && isGradEnabled()
      ? new Node('LogsumexpBackward0', [t], (g) => {
          const r = floats(n);
          // float32: g exp(x - result) with each op rounding and PyTorch's (SLEEF's) expf.
          const e = single ? expf : Math.exp;
          const round = single ? Math.fround : (v: number) => v;
          for (let i = 0; i < n; i++) {
            const o = m ? m[i] : 0;
            r[i] = g[o] * e(round(x[i] - out[o]));
          }
          return [r];
        })
      : null;
  const result = Tensor.result(out, L.outShape, node);
  if (node) node.diff = logsumexpDiff(t, dimsOf(dim, t.ndim), result);
  return savedWithResult(node, t, result);
}

function boolReduce(t: Tensor, dim: number | null | undefined, keepdim: boolean, isAll: boolean): Tensor {
  const L = layout(
    t.shape,
    dim === undefined || dim === null ? normDims(null, t.ndim) : [normDimChecked(dim, t.ndim)],
    keepdim,
  );
  const out = new Uint8Array(L.outN).fill(isAll ? 1 : 0);
  const m = L.map;
  for (let i = 0; i < t.data.length; i++) {
    const o = m ? m[i] : 0;
    if (isAll) {
      if (t.data[i] === 0) out[o] = 0;
    } else if (t.data[i] !== 0) out[o] = 1;
  }
  return new Tensor(out, dim === undefined || dim === null ? (keepdim ? L.outShape : []) : L.outShape, 'bool');
}

export function all(t: Tensor, dim?: number | null, keepdim = false): Tensor {
  return boolReduce(t, dim, keepdim, true);
}

export function any(t: Tensor, dim?: number | null, keepdim = false): Tensor {
  return boolReduce(t, dim, keepdim, false);
}

export { cumsum } from './scan';
