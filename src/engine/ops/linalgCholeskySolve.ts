// torch.cholesky_solve and torch.cholesky_inverse: solves and the inverse with A = L L^H (or U^H U) given
// its Cholesky factor (and linalg.cholesky_ex's info for a matrix that is not positive-definite), in double (the factor's other triangle ignored, as potrs/potri ignore it) rounded
// once, with PyTorch's derivatives beside them (cholesky_solve_backward, cholesky_inverse_backward: the
// factor's gradient is a full matrix, not a triangle).
import { pyError } from '../errors';
import { Tensor, allocate } from '../tensor';
import { broadcastShapes } from '../shape';
import { type Mat, matMul, transposed } from './linalgKernels';
import { triSolve } from './lapackLU';
import { broadcastTo, matrices, recorded, slice, stored } from './linalgCommon';
import { cholesky } from './linalgDecomp';

/** (L L^T)^-1 B, or (U^T U)^-1 B, for the n x n factor F and B n x k. */
function solveWith(F: Mat, n: number, upper: boolean, B: Mat, k: number): Mat {
  const Ft = transposed(F, n, n);
  // lower: L y = B, L^T x = y; upper: U^T y = B, U x = y
  const y = upper ? triSolve(Ft, n, false, false, B, k) : triSolve(F, n, false, false, B, k);
  return upper ? triSolve(F, n, true, false, y, k) : triSolve(Ft, n, true, false, y, k);
}

/** The factor's gradient from the symmetric S = gA + gA^T: -S L (lower) or -U S (upper). */
function factorGrad(F: Mat, n: number, upper: boolean, S: Mat): Mat {
  const g = upper ? matMul(F, S, n, n, n) : matMul(S, F, n, n, n);
  return g.map((v) => -v);
}

/**
 * torch.cholesky_solve(B, L, upper): X = A^-1 B with A = L L^T (U^T U when upper); batch dims broadcast.
 * d (CholeskySolveBackward0): gB = A^-1 gX; gL = -(gB X^T + X gB^T) L (or -U (...)).
 */
export function choleskySolve(B: Tensor, L: Tensor, upper = false): Tensor {
  if (B.ndim < 2) {
    throw pyError('RuntimeError', `b should have at least 2 dimensions, but has ${B.ndim} dimensions instead`);
  }
  if (L.ndim < 2) {
    throw pyError('RuntimeError', `u should have at least 2 dimensions, but has ${L.ndim} dimensions instead`);
  }
  const n = L.shape[L.ndim - 1];
  const ln = L.shape[L.ndim - 2];
  const bm = B.shape[B.ndim - 2];
  const k = B.shape[B.ndim - 1];
  if (ln !== n)
    throw pyError('RuntimeError', `u must be batches of square matrices, but they are ${ln} by ${n} matrices`);
  if (bm !== n) {
    throw pyError(
      'RuntimeError',
      `Incompatible matrix sizes for cholesky_solve: each A matrix is ${n} by ${n} but each b matrix is ${bm} by ${k}`,
    );
  }
  if (B.dtype !== L.dtype) {
    throw pyError(
      'RuntimeError',
      `Expected b and A to have the same dtype, but found b of type ${B.dtype === 'float64' ? 'Double' : 'Float'} and A of type ${L.dtype === 'float64' ? 'Double' : 'Float'} instead.`,
    );
  }
  const batch = broadcastShapes(B.shape.slice(0, -2), L.shape.slice(0, -2), 'cholesky_solve');
  const count = batch.reduce((p, x) => p * x, 1);
  const b = broadcastTo(B, [...batch, n, k]);
  const l = broadcastTo(L, [...batch, n, n]);
  const factors = Array.from({ length: count }, (_, i) => slice(l.data, i * n * n, n * n));
  const xs = new Float64Array(count * n * k);
  factors.forEach((F, i) => xs.set(solveWith(F, n, upper, slice(b.data, i * n * k, n * k), k), i * n * k));
  const X = new Tensor(stored(B.dtype, xs), [...batch, n, k], B.dtype);
  return recorded('CholeskySolveBackward0', [b, l], [X], ([g]) => {
    const gb = allocate(B.dtype, b.data.length) as Float32Array;
    const gl = allocate(L.dtype, l.data.length) as Float32Array;
    factors.forEach((F, i) => {
      const gBi = solveWith(F, n, upper, slice(g, i * n * k, n * k), k);
      gb.set(gBi, i * n * k);
      const Xi = slice(X.data, i * n * k, n * k);
      const c = matMul(gBi, transposed(Xi, n, k), n, k, n);
      const S = new Float64Array(n * n);
      for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) S[p * n + q] = c[p * n + q] + c[q * n + p];
      gl.set(factorGrad(F, n, upper, S), i * n * n);
    });
    return [b.requiresGrad ? gb : null, l.requiresGrad ? gl : null];
  })[0];
}

/**
 * torch.cholesky_inverse(L, upper): R = (L L^T)^-1 (or (U^T U)^-1), batched. d (CholeskyInverseBackward0):
 * gL = -R (g + g^T) R L (or -U R (g + g^T) R).
 */
export function choleskyInverse(L: Tensor, upper = false): Tensor {
  if (L.ndim < 2) {
    throw pyError('RuntimeError', 'cholesky_inverse: The input tensor A must have at least 2 dimensions.');
  }
  const n = L.shape[L.ndim - 1];
  const m = L.shape[L.ndim - 2];
  if (m !== n) {
    throw pyError(
      'RuntimeError',
      `cholesky_inverse: A must be batches of square matrices, but they are ${m} by ${n} matrices`,
    );
  }
  const count = L.shape.slice(0, -2).reduce((p, x) => p * x, 1);
  const factors = Array.from({ length: count }, (_, i) => slice(L.data, i * n * n, n * n));
  const id = new Float64Array(n * n);
  for (let i = 0; i < n; i++) id[i * n + i] = 1;
  const inverses = factors.map((F) => solveWith(F, n, upper, id, n));
  const rs = new Float64Array(count * n * n);
  inverses.forEach((R, i) => rs.set(R, i * n * n));
  const R = new Tensor(stored(L.dtype, rs), L.shape, L.dtype);
  return recorded('CholeskyInverseBackward0', [L], [R], ([g]) => {
    const gl = allocate(L.dtype, L.data.length) as Float32Array;
    factors.forEach((F, i) => {
      const Ri = slice(R.data, i * n * n, n * n);
      const gi = slice(g, i * n * n, n * n);
      const sym = new Float64Array(n * n);
      for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) sym[p * n + q] = gi[p * n + q] + gi[q * n + p];
      gl.set(factorGrad(F, n, upper, matMul(matMul(Ri, sym, n, n, n), Ri, n, n, n)), i * n * n);
    });
    return [gl];
  })[0];
}

/**
 * torch.linalg.cholesky_ex(A, upper): [L, info] without raising. A matrix that is not positive-definite
 * keeps what OpenBLAS's potf2 leaves: the columns before the failing one factored, the failing diagonal
 * entry its non-positive Schur value, the rest A's own triangle. When every matrix factors, L is
 * linalg.cholesky's (with its gradient); otherwise L carries no gradient.
 */
export function choleskyEx(A: Tensor, upper = false, what = 'linalg.cholesky_ex'): [Tensor, Tensor] {
  const { n, count, batch } = matrices(A, what, true);
  const out = new Float64Array(count * n * n);
  const infos = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    // the triangle potrf reads, as a lower one
    const a = slice(A.data, b * n * n, n * n);
    const low = upper ? transposed(a, n, n) : a;
    const { l, info } = potf2Lower(low, n);
    infos[b] = info;
    out.set(upper ? transposed(l, n, n) : l, b * n * n);
  }
  const info = new Tensor(infos, batch, 'int32');
  if (infos.every((v) => v === 0)) return [cholesky(A, upper), info];
  return [new Tensor(stored(A.dtype, out), A.shape, A.dtype), info];
}

/** potf2 (lower) column by column, stopping at the first non-positive pivot (1-based in info). */
function potf2Lower(a: Mat, n: number): { l: Mat; info: number } {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) l[i * n + j] = a[i * n + j];
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > 0)) {
      l[j * n + j] = d;
      return { l, info: j + 1 };
    }
    const s = Math.sqrt(d);
    l[j * n + j] = s;
    for (let i = j + 1; i < n; i++) {
      let v = a[i * n + j];
      for (let k = 0; k < j; k++) v -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = v / s;
    }
  }
  return { l, info: 0 };
}
