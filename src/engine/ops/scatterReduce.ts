// torch.scatter_reduce(self, dim, index, src, reduce, include_self=True): src's values reduced into self at
// the places scatter would write them ('sum', 'prod', 'mean', 'amax', 'amin'), each place taking its values in
// index order as ATen's CPU kernel does (one float32 rounding per step). include_self=False starts every
// written place from the reduction's identity instead of self's value. ScatterReduceBackward0's gradients
// are those of PyTorch 1.13's scatter_reduce_backward (an even split among equal maxima, exclusive products
// for zeros).
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor, DType, Storage, floats, isFloatDType } from '../tensor';
import { dtypeName } from './util';
import { plan } from './scatter';
import { commit } from './inplace';

export type ScatterReduce = 'sum' | 'prod' | 'mean' | 'amax' | 'amin';

const IDENTITY: Record<ScatterReduce, number> = { sum: 0, prod: 1, mean: 0, amax: -Infinity, amin: Infinity };

type Plan = { to: Int32Array; from: Int32Array };

/** The reduced values and, per place of self, how many values (self's included) were reduced there. */
function reduceInto(self: Storage, dtype: DType, src: Storage, p: Plan, reduce: ScatterReduce, includeSelf: boolean) {
  const out = self.slice();
  const counts = new Int32Array(out.length).fill(1);
  if (!includeSelf) {
    for (const o of p.to) {
      out[o] = IDENTITY[reduce];
      counts[o] = 0;
    }
  }
  const step: (cur: number, v: number) => number =
    reduce === 'sum' || reduce === 'mean'
      ? (c, v) => c + v
      : reduce === 'prod'
        ? (c, v) => c * v
        : reduce === 'amax'
          ? (c, v) => (v !== v ? v : c < v ? v : c)
          : (c, v) => (v !== v ? v : c > v ? v : c);
  for (let k = 0; k < p.to.length; k++) {
    const o = p.to[k];
    out[o] = step(out[o], src[p.from[k]]);
    counts[o]++;
  }
  if (reduce === 'mean') {
    const float = isFloatDType(dtype);
    for (const o of new Set(p.to)) {
      const n = Math.max(counts[o], 1);
      out[o] = float ? out[o] / n : Math.floor(out[o] / n);
    }
  }
  return { out, counts };
}

export function scatter_reduce(
  self: Tensor,
  dim: number,
  index: Tensor,
  src: Tensor,
  reduce: string,
  includeSelf = true,
): Tensor {
  if (!(reduce in IDENTITY)) {
    throw pyError('RuntimeError', 'reduce argument must be either sum, prod, mean, amax or amin.');
  }
  if (src.dtype !== self.dtype) {
    throw pyError(
      'RuntimeError',
      `scatter_reduce(): Expected self.dtype to be equal to src.dtype (got ${dtypeName(self.dtype)} and ` +
        `${dtypeName(src.dtype)})`,
    );
  }
  const r = reduce as ScatterReduce;
  const p = plan('scatter_reduce', self, dim, index, src);
  const { out, counts } = reduceInto(self.data, self.dtype, src.data, p, r, includeSelf);
  if (!isFloatDType(self.dtype) || !needsGrad(self, src)) return new Tensor(out, self.shape, self.dtype);
  const node = new Node('ScatterReduceBackward0', [self, src], (g) => {
    const [gSelf, gSrc] = grads(g, self, src, p, r, includeSelf, out, counts);
    if (!includeSelf) for (const o of p.to) gSelf[o] = 0;
    return [self.requiresGrad ? gSelf : null, src.requiresGrad ? gSrc : null];
  });
  return new Tensor(out, self.shape, self.dtype, true, node);
}

/** The gradients of self and src for output gradient g (scatter_reduce_backward). */
function grads(
  g: Float32Array,
  self: Tensor,
  src: Tensor,
  p: Plan,
  reduce: ScatterReduce,
  includeSelf: boolean,
  result: Storage,
  counts: Int32Array,
): [Float32Array, Float32Array] {
  const gSelf = g.slice();
  const gSrc = floats(src.data.length);
  const x = self.data;
  const s = src.data;
  if (reduce === 'sum') {
    for (let k = 0; k < p.to.length; k++) gSrc[p.from[k]] = g[p.to[k]];
  } else if (reduce === 'mean') {
    for (let i = 0; i < gSelf.length; i++) gSelf[i] = g[i] / Math.max(counts[i], 1);
    for (let k = 0; k < p.to.length; k++) gSrc[p.from[k]] = gSelf[p.to[k]];
  } else if (reduce === 'prod') {
    prodGrads(g, self, src, p, includeSelf, result, gSelf, gSrc);
  } else {
    // An even split of g among the values equal to the result (self's own value included).
    const ties = new Float32Array(gSelf.length);
    for (let i = 0; i < ties.length; i++) ties[i] = x[i] === result[i] ? 1 : 0;
    for (let k = 0; k < p.to.length; k++) if (s[p.from[k]] === result[p.to[k]]) ties[p.to[k]]++;
    const share = floats(gSelf.length);
    for (let i = 0; i < share.length; i++) share[i] = g[i] / ties[i];
    for (let i = 0; i < gSelf.length; i++) gSelf[i] = x[i] === result[i] ? share[i] : 0;
    for (let k = 0; k < p.to.length; k++) gSrc[p.from[k]] = s[p.from[k]] === result[p.to[k]] ? share[p.to[k]] : 0;
  }
  return [gSelf, gSrc];
}

/**
 * prod's gradients: g * (product of the others). PyTorch divides the product by the value where that is not
 * zero, and recomputes the product without a zero value where it is the only zero of its place.
 */
function prodGrads(
  g: Float32Array,
  self: Tensor,
  src: Tensor,
  p: Plan,
  includeSelf: boolean,
  result: Storage,
  gSelf: Float32Array,
  gSrc: Float32Array,
): void {
  const x = self.data;
  const s = src.data;
  const oneFor = (v: number) => (v === 0 ? 1 : v);
  // Self's zeros count as ones: grad * product(masked self, src) / masked self.
  const withMaskedSelf = reduceInto(x.map(oneFor), self.dtype, s, p, 'prod', includeSelf).out;
  for (let i = 0; i < gSelf.length; i++) gSelf[i] = (g[i] * withMaskedSelf[i]) / oneFor(x[i]);
  const zeros = new Int32Array(x.length);
  for (let k = 0; k < p.to.length; k++) if (s[p.from[k]] === 0) zeros[p.to[k]]++;
  const maskedSrc = s.slice();
  for (let k = 0; k < p.to.length; k++) if (s[p.from[k]] === 0 && zeros[p.to[k]] === 1) maskedSrc[p.from[k]] = 1;
  const withMaskedSrc = reduceInto(x, self.dtype, maskedSrc, p, 'prod', includeSelf).out;
  for (let k = 0; k < p.to.length; k++) {
    const o = p.to[k];
    const v = s[p.from[k]];
    gSrc[p.from[k]] = v === 0 && zeros[o] === 1 ? g[o] * withMaskedSrc[o] : (g[o] * result[o]) / oneFor(v);
  }
}

/** x.scatter_reduce_(dim, index, src, reduce, include_self=True). */
export function scatter_reduce_(
  t: Tensor,
  dim: number,
  index: Tensor,
  src: Tensor,
  reduce: string,
  includeSelf = true,
): Tensor {
  return commit(t, [src], (x, same) => scatter_reduce(x, dim, index, same(src) as Tensor, reduce, includeSelf));
}
