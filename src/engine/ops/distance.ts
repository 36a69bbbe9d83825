// torch.cdist: p-norm distances between every row of x1 [..., P, M] and every row of x2 [..., R, M]
// (batch dims broadcast), as PyTorch's direct kernel computes them: p = 0 counts differing coordinates,
// p = inf takes the largest absolute difference, other p sum |diff|^p and take the p-th root. The
// gradient is PyTorch's _cdist_backward: diff / dist for p = 2, sign(diff) for p = 1, sign(diff) at the
// coordinates reaching the maximum for p = inf, sign(diff) |diff|^(p-1) / dist^(p-1) otherwise, and zero
// where a distance is zero (or for p = 0).
import { pyError } from '../errors';
import { Tensor, allocate, isFloatDType } from '../tensor';
import { commonShape } from '../shape';
import { diffNode, sumTo } from './gradOps';
import { contiguous, expand } from './view';

function rowsAt(t: Tensor, batch: readonly number[]): Tensor {
  const want = [...batch, t.shape[t.ndim - 2], t.shape[t.ndim - 1]];
  return contiguous(expand(t, want));
}

/** |a|^p summed into a distance, for one p. */
function pairDistance(a: ArrayLike<number>, ao: number, b: ArrayLike<number>, bo: number, m: number, p: number) {
  let agg = 0;
  if (p === 0) {
    for (let k = 0; k < m; k++) if (a[ao + k] !== b[bo + k]) agg += 1;
    return agg;
  }
  if (p === Infinity) {
    for (let k = 0; k < m; k++) agg = Math.max(agg, Math.abs(a[ao + k] - b[bo + k]));
    return agg;
  }
  if (p === 1) {
    for (let k = 0; k < m; k++) agg += Math.abs(a[ao + k] - b[bo + k]);
    return agg;
  }
  if (p === 2) {
    for (let k = 0; k < m; k++) {
      const d = a[ao + k] - b[bo + k];
      agg += d * d;
    }
    return Math.sqrt(agg);
  }
  for (let k = 0; k < m; k++) agg += Math.abs(a[ao + k] - b[bo + k]) ** p;
  return agg ** (1 / p);
}

/** d dist(a_i, b_j) / d a_i[k] for one coordinate, given diff = a_i[k] - b_j[k] and the distance. */
function partial(diff: number, dist: number, p: number): number {
  if (p === 0 || dist === 0) return 0;
  if (p === 1) return Math.sign(diff);
  if (p === 2) return diff / dist;
  if (p === Infinity) return Math.abs(diff) === dist ? Math.sign(diff) : 0;
  if (p < 1 && diff === 0) return 0;
  return (Math.sign(diff) * Math.abs(diff) ** (p - 1)) / dist ** (p - 1);
}

export function cdist(x1: Tensor, x2: Tensor, p = 2): Tensor {
  if (x1.ndim < 2) throw pyError('RuntimeError', `cdist only supports at least 2D tensors, X1 got: ${x1.ndim}D`);
  if (x2.ndim < 2) throw pyError('RuntimeError', `cdist only supports at least 2D tensors, X2 got: ${x2.ndim}D`);
  const m = x1.shape[x1.ndim - 1];
  if (m !== x2.shape[x2.ndim - 1]) {
    throw pyError(
      'RuntimeError',
      `X1 and X2 must have the same number of columns. X1: ${m} X2: ${x2.shape[x2.ndim - 1]}`,
    );
  }
  if (!isFloatDType(x1.dtype) || !isFloatDType(x2.dtype)) {
    throw pyError(
      'RuntimeError',
      `cdist only supports floating-point dtypes, X1 got: ${x1.dtype === 'int64' ? 'Long' : x1.dtype}`,
    );
  }
  if (!(p >= 0)) throw pyError('RuntimeError', 'cdist only supports non-negative p values');
  const batch = commonShape([x1.shape.slice(0, -2), x2.shape.slice(0, -2)]);
  const a = rowsAt(x1, batch);
  const b = rowsAt(x2, batch);
  const P = x1.shape[x1.ndim - 2];
  const R = x2.shape[x2.ndim - 2];
  const nb = batch.reduce((s, v) => s * v, 1);
  const out = allocate(x1.dtype, nb * P * R);
  const ad = a.data;
  const bd = b.data;
  for (let n = 0; n < nb; n++)
    for (let i = 0; i < P; i++)
      for (let j = 0; j < R; j++)
        out[(n * P + i) * R + j] = pairDistance(ad, (n * P + i) * m, bd, (n * R + j) * m, m, p);
  const result = new Tensor(out, [...batch, P, R], x1.dtype);
  return diffNode('CdistBackward0', [x1, x2], result, (g) => {
    const gd = contiguous(g).data;
    const dist = result.data;
    const ga = allocate(x1.dtype, nb * P * m);
    const gb = allocate(x1.dtype, nb * R * m);
    for (let n = 0; n < nb; n++)
      for (let i = 0; i < P; i++)
        for (let j = 0; j < R; j++) {
          const o = (n * P + i) * R + j;
          const gij = gd[o];
          if (gij === 0) continue;
          const ao = (n * P + i) * m;
          const bo = (n * R + j) * m;
          for (let k = 0; k < m; k++) {
            const d = partial(ad[ao + k] - bd[bo + k], dist[o], p) * gij;
            ga[ao + k] += d;
            gb[bo + k] -= d;
          }
        }
    return [
      sumTo(new Tensor(ga, [...batch, P, m], x1.dtype), x1.shape),
      sumTo(new Tensor(gb, [...batch, R, m], x1.dtype), x2.shape),
    ];
  });
}
