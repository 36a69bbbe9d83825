// torch.linalg's solvers over batches of matrices (float32 and float64, batch dims broadcast): solve,
// slogdet/logdet, pinv, matrix_rank and lstsq, each in double (linalgKernels.ts) rounded once, each with
// PyTorch's derivative beside it (linalg_solve's, pinv_backward's).
import { pyError } from '../errors';
import { Tensor, allocate } from '../tensor';
import { broadcastShapes } from '../shape';
import { type LU, type Mat, luFactor, luSolve, matMul, svdJacobi, transposed } from './linalgKernels';
import { broadcastTo, epsOf, linAlgError, matrices, recorded, slice, stored, typeName } from './linalgCommon';

// ---------------------------------------------------------------------------------------------------- solve

/**
 * torch.linalg.solve(A, B): X with A X = B, B a vector (B.ndim == 1, or A's batch of vectors) or matrices,
 * batch dims broadcast. d: gB = A^-T gX, gA = -gB X^T.
 */
export function solve(A: Tensor, B: Tensor): Tensor {
  const { n } = matrices(A, 'linalg.solve', true);
  if (A.dtype !== B.dtype) {
    throw pyError(
      'RuntimeError',
      `linalg.solve: Expected A and B to have the same dtype, but found A of type ${typeName(A.dtype)} and B of type ${typeName(B.dtype)} instead`,
    );
  }
  const vector = B.ndim === 1 || (B.ndim === A.ndim - 1 && B.shape.every((s, i) => s === A.shape[i]));
  const bm = vector ? B.shape[B.ndim - 1] : B.shape[B.ndim - 2];
  const k = vector ? 1 : B.shape[B.ndim - 1];
  if (bm !== n || B.ndim < 1) {
    throw pyError(
      'RuntimeError',
      `linalg.solve: Incompatible shapes of A and B for the equation AX = B (${n}x${n} and ${bm ?? 1}x${k})`,
    );
  }
  const batch = broadcastShapes(A.shape.slice(0, -2), B.shape.slice(0, vector ? -1 : -2), 'linalg.solve');
  const a = broadcastTo(A, [...batch, n, n]);
  const b = broadcastTo(B, vector ? [...batch, n] : [...batch, n, k]);
  const count = batch.reduce((p, x) => p * x, 1);
  const x = new Float64Array(count * n * k);
  const lus: LU[] = [];
  for (let i = 0; i < count; i++) {
    const lu = luFactor(a.data, i * n * n, n);
    if (lu.info > 0) {
      throw linAlgError(
        'torch.linalg.solve',
        batch.length > 0,
        i,
        'The solver failed because the input matrix is singular.',
      );
    }
    lus.push(lu);
    x.set(luSolve(lu, n, slice(b.data, i * n * k, n * k), k), i * n * k);
  }
  const out = new Tensor(stored(A.dtype, x), b.shape, A.dtype);
  return recorded('LinalgSolveExBackward0', [a, b], [out], ([g]) => {
    const ga = allocate(A.dtype, a.data.length) as Float32Array;
    const gb = allocate(A.dtype, b.data.length) as Float32Array;
    for (let i = 0; i < count; i++) {
      const gbi = luSolve(lus[i], n, slice(g, i * n * k, n * k), k, true);
      gb.set(gbi, i * n * k);
      const xi = slice(out.data, i * n * k, n * k);
      const gai = matMul(gbi, transposed(xi, n, k), n, k, n);
      for (let j = 0; j < n * n; j++) ga[i * n * n + j] = -gai[j];
    }
    return [a.requiresGrad ? ga : null, b.requiresGrad ? gb : null];
  })[0];
}

// ---------------------------------------------------------------------------------------------- determinants

/** A^-1 of the n x n matrix from its LU factors. */
function inverseFrom(lu: LU, n: number): Mat {
  const id = new Float64Array(n * n);
  for (let i = 0; i < n; i++) id[i * n + i] = 1;
  return luSolve(lu, n, id, n);
}

/** sign and log|det| of each matrix from its LU factors (sign -0 or 0 and -inf for a singular one, as LAPACK's). */
function slogdetValues(A: Tensor, what: string) {
  const { n, count, batch } = matrices(A, what, true);
  const sign = new Float64Array(count);
  const logabs = new Float64Array(count);
  const lus: LU[] = [];
  for (let i = 0; i < count; i++) {
    const lu = luFactor(A.data, i * n * n, n);
    let s = 1;
    let l = 0;
    for (let j = 0; j < n; j++) {
      if (lu.piv[j] !== j) s = -s;
      const d = lu.lu[j * n + j];
      s *= Math.sign(d);
      l += Math.log(Math.abs(d));
    }
    sign[i] = s;
    logabs[i] = l;
    lus.push(lu);
  }
  return { n, count, batch, sign, logabs, lus };
}

/** d log|det A| = A^-T (zero for a singular A, where PyTorch's would be inf or nan). */
function logdetGrad(A: Tensor, g: Float32Array, n: number, count: number, lus: LU[]) {
  const r = allocate(A.dtype, A.data.length) as Float32Array;
  r.fill(0);
  for (let i = 0; i < count; i++) {
    if (lus[i].info > 0) continue;
    const inv = inverseFrom(lus[i], n);
    for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) r[i * n * n + p * n + q] = g[i] * inv[q * n + p];
  }
  return r;
}

/** torch.linalg.slogdet: (sign, logabsdet); only logabsdet carries a gradient. */
export function slogdet(A: Tensor): [Tensor, Tensor] {
  const { n, count, batch, sign, logabs, lus } = slogdetValues(A, 'linalg.slogdet');
  const outs = [new Tensor(stored(A.dtype, sign), batch, A.dtype), new Tensor(stored(A.dtype, logabs), batch, A.dtype)];
  const [s, l] = recorded('LinalgSlogdetBackward0', [A], outs, ([, gl]) => [logdetGrad(A, gl, n, count, lus)]);
  return [s, l];
}

/** torch.logdet: log det A, nan where det < 0 and -inf where it is 0 (PyTorch's where over slogdet). */
export function logdet(A: Tensor): Tensor {
  const { n, count, batch, sign, logabs, lus } = slogdetValues(A, 'linalg.slogdet');
  const v = logabs.map((l, i) => (sign[i] < 0 ? NaN : sign[i] === 0 ? -Infinity : l));
  const out = new Tensor(stored(A.dtype, v), batch, A.dtype);
  return recorded('WhereBackward0', [A], [out], ([g]) => [logdetGrad(A, g, n, count, lus)])[0];
}

// ------------------------------------------------------------------------------------------- pinv and lstsq

/** P = V S_r^-1 U^T over the singular values above max(atol, rtol * s_max), and that rank. */
function pseudoInverse(a: ArrayLike<number>, offset: number, m: number, n: number, atol: number, rtol: number) {
  const k = Math.min(m, n);
  const { u, s, v } = svdJacobi(a, offset, m, n, false);
  const tol = Math.max(atol, rtol * (s[0] ?? 0));
  const p = new Float64Array(n * m);
  let rank = 0;
  for (let j = 0; j < k; j++) {
    if (!(s[j] > tol)) continue;
    rank++;
    for (let r = 0; r < n; r++) {
      const f = v[r * k + j] / s[j];
      for (let c = 0; c < m; c++) p[r * m + c] += f * u[c * k + j];
    }
  }
  return { p, rank, s };
}

/**
 * The gradient of P = pinv(A) (constant rank; Golub and Pereyra's derivative, as PyTorch's pinv_backward):
 * gA = -P^T gP P^T + (I - A P) gP^T P P^T + P^T P gP^T (I - P A).
 */
function pinvGrad(A: Mat, P: Mat, gP: Mat, m: number, n: number): Mat {
  const Pt = transposed(P, n, m);
  const gPt = transposed(gP, n, m);
  const g1 = matMul(matMul(Pt, gP, m, n, m), Pt, m, m, n);
  const AP = matMul(A, P, m, n, m);
  const IAP = new Float64Array(m * m);
  for (let i = 0; i < m * m; i++) IAP[i] = (i % (m + 1) === 0 ? 1 : 0) - AP[i];
  const PA = matMul(P, A, n, m, n);
  const IPA = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) IPA[i] = (i % (n + 1) === 0 ? 1 : 0) - PA[i];
  const PPt = matMul(P, Pt, n, m, n);
  const g2 = matMul(matMul(IAP, gPt, m, m, n), PPt, m, n, n);
  const PtP = matMul(Pt, P, m, n, m);
  const g3 = matMul(matMul(PtP, gPt, m, m, n), IPA, m, n, n);
  const g = new Float64Array(m * n);
  for (let i = 0; i < m * n; i++) g[i] = -g1[i] + g2[i] + g3[i];
  return g;
}

/** torch.linalg.pinv by the SVD, singular values at most max(atol, rtol * s_max) dropped. */
export function pinv(A: Tensor, atol: number | null = null, rtol: number | null = null): Tensor {
  const { m, n, count, batch } = matrices(A, 'linalg.pinv', false);
  const rt = rtol ?? (atol !== null && atol > 0 ? 0 : epsOf(A.dtype) * Math.max(m, n));
  const ps = new Float64Array(count * n * m);
  for (let i = 0; i < count; i++) ps.set(pseudoInverse(A.data, i * m * n, m, n, atol ?? 0, rt).p, i * n * m);
  const out = new Tensor(stored(A.dtype, ps), [...batch, n, m], A.dtype);
  return recorded('LinalgPinvBackward0', [A], [out], ([g]) => {
    const ga = allocate(A.dtype, A.data.length) as Float32Array;
    for (let i = 0; i < count; i++) {
      const Ai = slice(A.data, i * m * n, m * n);
      ga.set(pinvGrad(Ai, slice(out.data, i * n * m, n * m), slice(g, i * n * m, n * m), m, n), i * m * n);
    }
    return [ga];
  })[0];
}

/** torch.linalg.matrix_rank: the count of singular values above max(atol, rtol * s_max), int64. */
export function matrixRank(A: Tensor, atol: number | null = null, rtol: number | null = null): Tensor {
  const { m, n, count, batch } = matrices(A, 'linalg.matrix_rank', false);
  const rt = rtol ?? (atol !== null && atol > 0 ? 0 : epsOf(A.dtype) * Math.max(m, n));
  const ranks = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    // singular values rounded to the dtype first, as PyTorch compares its own float32 ones
    const { s } = svdJacobi(A.data, i * m * n, m, n, false);
    const sv = stored(A.dtype, s);
    const tol = Math.max(atol ?? 0, rt * (sv[0] ?? 0));
    ranks[i] = sv.filter((x) => x > tol).length;
  }
  return new Tensor(ranks, batch, 'int64');
}

/**
 * torch.linalg.lstsq(A, B, rcond, driver): X minimising |A X - B| (the minimum-norm one where A is rank
 * deficient, as gelsy's complete orthogonal factorization gives), through the SVD. Fields as PyTorch's CPU
 * drivers fill them: rank for all but 'gels'; singular_values for 'gelsd'/'gelss'; residuals (squared
 * column norms of A X - B) for drivers other than 'gelsy' when m > n and A has full rank; the rest empty.
 * d: X = pinv(A) B, through pinv's gradient.
 */
export function lstsq(A: Tensor, B: Tensor, rcond: number | null = null, driver = 'gelsy'): Tensor[] {
  const { m, n } = matrices(A, 'torch.linalg.lstsq', false);
  if (!['gelsy', 'gelsd', 'gelss', 'gels'].includes(driver)) {
    throw pyError(
      'RuntimeError',
      `torch.linalg.lstsq: parameter \`driver\` should be one of (gels, gelsy, gelsd, gelss)`,
    );
  }
  if (A.dtype !== B.dtype) {
    throw pyError(
      'RuntimeError',
      `torch.linalg.lstsq: Expected input and other to have the same dtype, but got input's dtype ${typeName(A.dtype)} and other's dtype ${typeName(B.dtype)}`,
    );
  }
  const vector = B.ndim === A.ndim - 1;
  if ((vector ? B.shape[B.ndim - 1] : B.shape[B.ndim - 2]) !== m) {
    throw pyError('RuntimeError', `torch.linalg.lstsq: input.size(-2) should match other.size(${vector ? -1 : -2})`);
  }
  const k = vector ? 1 : B.shape[B.ndim - 1];
  const batch = broadcastShapes(A.shape.slice(0, -2), B.shape.slice(0, vector ? -1 : -2), 'linalg.lstsq');
  const a = broadcastTo(A, [...batch, m, n]);
  const b = broadcastTo(B, vector ? [...batch, m] : [...batch, m, k]);
  const count = batch.reduce((p, x) => p * x, 1);
  const rt = rcond ?? epsOf(A.dtype) * Math.max(m, n);
  const xs = new Float64Array(count * n * k);
  const ps: Mat[] = [];
  const ranks = new Float64Array(count);
  const svals = new Float64Array(count * Math.min(m, n));
  const residuals = new Float64Array(count * k);
  let fullRank = true;
  for (let i = 0; i < count; i++) {
    const { p, rank, s } = pseudoInverse(a.data, i * m * n, m, n, 0, rt);
    const bi = slice(b.data, i * m * k, m * k);
    const xi = matMul(p, bi, n, m, k);
    xs.set(xi, i * n * k);
    ps.push(p);
    ranks[i] = rank;
    svals.set(s.subarray(0, Math.min(m, n)), i * Math.min(m, n));
    if (rank < n) fullRank = false;
    const r = matMul(slice(a.data, i * m * n, m * n), xi, m, n, k);
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let j = 0; j < m; j++) sum += (r[j * k + c] - bi[j * k + c]) ** 2;
      residuals[i * k + c] = sum;
    }
  }
  const dtype = A.dtype;
  const empty = () => new Tensor(allocate(dtype, 0), [0], dtype);
  const X = new Tensor(stored(dtype, xs), vector ? [...batch, n] : [...batch, n, k], dtype);
  const solution = recorded('LinalgLstsqBackward0', [a, b], [X], ([g]) => {
    const ga = allocate(dtype, a.data.length) as Float32Array;
    const gb = allocate(dtype, b.data.length) as Float32Array;
    for (let i = 0; i < count; i++) {
      const gX = slice(g, i * n * k, n * k);
      const bi = slice(b.data, i * m * k, m * k);
      gb.set(matMul(transposed(ps[i], n, m), gX, m, n, k), i * m * k);
      const gP = matMul(gX, transposed(bi, m, k), n, k, m);
      ga.set(pinvGrad(slice(a.data, i * m * n, m * n), ps[i], gP, m, n), i * m * n);
    }
    return [a.requiresGrad ? ga : null, b.requiresGrad ? gb : null];
  })[0];
  const withResiduals = driver !== 'gelsy' && m > n && fullRank;
  return [
    solution,
    withResiduals ? new Tensor(stored(dtype, residuals), [...batch, k], dtype) : empty(),
    driver === 'gels' ? new Tensor(new Float64Array(0), [0], 'int64') : new Tensor(ranks, batch, 'int64'),
    driver === 'gelsd' || driver === 'gelss'
      ? new Tensor(stored(dtype, svals), [...batch, Math.min(m, n)], dtype)
      : empty(),
  ];
}
