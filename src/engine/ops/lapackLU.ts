// The dense steps behind torch.linalg's LU family (linalgLU.ts), on one row-major matrix: getrf on an m x n
// matrix as OpenBLAS's getf2 computes it (partial pivoting, the first row of largest magnitude, rows scaled
// by the pivot's reciprocal), in the input's precision; unpacking the factors, triangular solves, and the derivative of
// A = P L U that PyTorch's linalg_lu_backward gives for square, wide and tall A.
import type { Mat } from './linalgKernels';
import { matMul, transposed } from './linalgKernels';

export interface Factors {
  /** L below the diagonal (unit diagonal implied) and U on and above it, m x n. */
  lu: Mat;
  /** Row swapped with row i at step i, 0-based (PyTorch shows them 1-based). */
  piv: Int32Array;
  /** 1-based index of the first zero pivot, 0 when there is none (getrf's info). */
  info: number;
}

/**
 * getrf: P A = L U for the m x n matrix at a[offset...], column by column as OpenBLAS's getf2 (left-looking)
 * takes its steps: each column first gets the dot products of the factored columns subtracted (U's rows
 * above the diagonal, then the rest), then the pivot (the first entry of largest magnitude), the swap and
 * the scaling by the pivot's reciprocal. `round` is the dtype's rounding (Math.fround for float32, so that
 * each step rounds as sgetf2's float arithmetic does; PyTorch's factors of matrices up to 5 x 5 are
 * reproduced bit for bit, larger ones to the last bits).
 */
export function getrf(
  a: ArrayLike<number>,
  offset: number,
  m: number,
  n: number,
  round: (v: number) => number = (v) => v,
): Factors {
  const lu = new Float64Array(m * n);
  for (let i = 0; i < m * n; i++) lu[i] = a[offset + i];
  const k = Math.min(m, n);
  const piv = new Int32Array(k);
  let info = 0;
  // lu[i][j] minus the dot product of row i's first `len` entries with column j's
  const subtractDot = (i: number, j: number, len: number) => {
    let s = 0;
    for (let t = 0; t < len; t++) s = round(s + round(lu[i * n + t] * lu[t * n + j]));
    lu[i * n + j] = round(lu[i * n + j] - s);
  };
  for (let j = 0; j < n; j++) {
    for (let i = 1; i < Math.min(j, m); i++) subtractDot(i, j, i);
    if (j >= m) continue;
    for (let i = j; i < m; i++) subtractDot(i, j, j);
    if (j >= k) continue;
    let p = j;
    for (let r = j + 1; r < m; r++) if (Math.abs(lu[r * n + j]) > Math.abs(lu[p * n + j])) p = r;
    piv[j] = p;
    const d = lu[p * n + j];
    if (d === 0) {
      // a zero column below the diagonal: no swap, no scaling; the first such step is reported
      if (info === 0) info = j + 1;
      continue;
    }
    if (p !== j) for (let c = 0; c < n; c++) [lu[j * n + c], lu[p * n + c]] = [lu[p * n + c], lu[j * n + c]];
    const inv = round(1 / d);
    for (let r = j + 1; r < m; r++) lu[r * n + j] = round(lu[r * n + j] * inv);
  }
  return { lu, piv, info };
}

/** perm with P[perm[i], i] = 1 (A = P L U): the identity's rows swapped as the pivots say. */
export function permutation(piv: ArrayLike<number>, m: number): Int32Array {
  const perm = new Int32Array(m);
  for (let i = 0; i < m; i++) perm[i] = i;
  for (let i = 0; i < piv.length; i++) {
    const p = piv[i];
    [perm[i], perm[p]] = [perm[p], perm[i]];
  }
  return perm;
}

/** The m x m permutation matrix P of perm. */
export function permutationMatrix(perm: Int32Array): Mat {
  const m = perm.length;
  const P = new Float64Array(m * m);
  for (let i = 0; i < m; i++) P[perm[i] * m + i] = 1;
  return P;
}

/** L (m x k, unit diagonal) and U (k x n) of the packed m x n factors. */
export function unpack(lu: ArrayLike<number>, m: number, n: number): { L: Mat; U: Mat } {
  const k = Math.min(m, n);
  const L = new Float64Array(m * k);
  const U = new Float64Array(k * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) L[i * k + j] = i > j ? lu[i * n + j] : i === j ? 1 : 0;
  for (let i = 0; i < k; i++) for (let j = i; j < n; j++) U[i * n + j] = lu[i * n + j];
  return { L, U };
}

/** X with T X = B for the k x k triangle of T (its other entries ignored) and B k x cols. */
export function triSolve(T: Mat, k: number, upper: boolean, unit: boolean, B: Mat, cols: number): Mat {
  const x = Float64Array.from(B);
  const rows = upper ? Array.from({ length: k }, (_, i) => k - 1 - i) : Array.from({ length: k }, (_, i) => i);
  for (const i of rows) {
    for (let l = upper ? i + 1 : 0; l < (upper ? k : i); l++) {
      const t = T[i * k + l];
      if (t !== 0) for (let j = 0; j < cols; j++) x[i * cols + j] -= t * x[l * cols + j];
    }
    if (!unit) for (let j = 0; j < cols; j++) x[i * cols + j] /= T[i * k + i];
  }
  return x;
}

/** rows [r0, r1) and columns [c0, c1) of the rows x cols matrix a. */
export function block(a: Mat, cols: number, r0: number, r1: number, c0: number, c1: number): Mat {
  const w = c1 - c0;
  const out = new Float64Array((r1 - r0) * w);
  for (let i = r0; i < r1; i++) for (let j = c0; j < c1; j++) out[(i - r0) * w + j - c0] = a[i * cols + j];
  return out;
}

/** a with entries outside the band kept by `keep(i, j)` zeroed (tril/triu). */
function masked(a: Mat, rows: number, cols: number, keep: (i: number, j: number) => boolean): Mat {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (keep(i, j)) out[i * cols + j] = a[i * cols + j];
  return out;
}

const lower = (i: number, j: number) => i > j;
const upperOrDiag = (i: number, j: number) => i <= j;

/** M U1^-T for the k x k upper triangle U1 (M rows x k). */
function rightUpperT(M: Mat, rows: number, U1: Mat, k: number): Mat {
  return transposed(triSolve(U1, k, true, false, transposed(M, rows, k), rows), k, rows);
}

/** L1^-T M for the k x k unit lower triangle L1 (M k x cols). */
function leftUnitLowerT(L1: Mat, k: number, M: Mat, cols: number): Mat {
  return triSolve(transposed(L1, k, k), k, true, true, M, cols);
}

/**
 * The gradient of A (m x n) from those of L (m x k) and U (k x n) where A = P L U: only L's strictly lower
 * part and U's upper part are free, so the rest of gL and gU is dropped first (PyTorch's linalg_lu_backward).
 */
export function luBackward(gLin: Mat, gUin: Mat, perm: Int32Array, L: Mat, U: Mat, m: number, n: number): Mat {
  const k = Math.min(m, n);
  const gL = masked(gLin, m, k, lower);
  const gU = masked(gUin, k, n, upperOrDiag);
  const Lt = transposed(L, m, k);
  const Ut = transposed(U, k, n);
  let g: Mat;
  if (m <= n) {
    // P L^-H [ (L^H gL - gU U^H) o tril(-1) ) U1^-H + triu(gU1) | gU2 ] (square: the plus form, the same)
    const LtgL = matMul(Lt, gL, k, m, k);
    const gUUt = matMul(gU, Ut, k, n, k);
    const U1 = block(U, n, 0, k, 0, k);
    const inner = new Float64Array(k * k);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) inner[i * k + j] = i > j ? LtgL[i * k + j] - gUUt[i * k + j] : 0;
    const left = rightUpperT(inner, k, U1, k);
    const M = new Float64Array(k * n);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < n; j++) M[i * n + j] = (j < k ? left[i * k + j] : 0) + gU[i * n + j];
    g = leftUnitLowerT(L, k, M, n);
  } else {
    // P [ L1^-H ((gU U^H - L^H gL) o triu) + tril(gL1, -1) ; gL2 ] U^-H
    const gUUt = matMul(gU, Ut, k, n, k);
    const LtgL = matMul(Lt, gL, k, m, k);
    const inner = new Float64Array(k * k);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) inner[i * k + j] = i <= j ? gUUt[i * k + j] - LtgL[i * k + j] : 0;
    const L1 = block(L, k, 0, k, 0, k);
    const top = leftUnitLowerT(L1, k, inner, k);
    const M = Float64Array.from(gL);
    for (let i = 0; i < k * k; i++) M[i] += top[i];
    g = rightUpperT(M, m, U, k);
  }
  // A_grad = P g: row i of g is row perm[i] of the result
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[perm[i] * n + j] = g[i * n + j];
  return out;
}

/**
 * getrs: X with A X = B (A^T X = B when `trans`) for B n x k (row-major, overwritten), from getrf's factors,
 * in the steps OpenBLAS takes in the dtype's arithmetic (`round`): one right-hand side by its triangular
 * solves (trsv: column updates for A, dot products for A^T, dividing by U's diagonal), several by trsm's
 * column updates with U's diagonal inverted first.
 */
export function getrs(
  { lu, piv }: Factors,
  n: number,
  b: Mat,
  k: number,
  trans: boolean,
  round: (v: number) => number = (v) => v,
): Mat {
  const scaleRow = (i: number) => {
    const d = lu[i * n + i];
    if (k === 1) b[i] = round(b[i] / d);
    else {
      const inv = round(1 / d);
      for (let c = 0; c < k; c++) b[i * k + c] = round(b[i * k + c] * inv);
    }
  };
  // row r -= f * row i
  const axpy = (r: number, i: number, f: number) => {
    for (let c = 0; c < k; c++) b[r * k + c] = round(b[r * k + c] - round(b[i * k + c] * f));
  };
  if (!trans) {
    for (let i = 0; i < piv.length; i++) if (piv[i] !== i) swapRows(b, i, piv[i], k);
    for (let i = 0; i < n; i++) for (let r = i + 1; r < n; r++) axpy(r, i, lu[r * n + i]);
    for (let i = n - 1; i >= 0; i--) {
      scaleRow(i);
      for (let r = 0; r < i; r++) axpy(r, i, lu[r * n + i]);
    }
    return b;
  }
  if (k === 1) {
    // U^T y = b, then L^T z = y, by dot products
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let t = 0; t < i; t++) s = round(s + round(lu[t * n + i] * b[t]));
      b[i] = round(b[i] - s);
      scaleRow(i);
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = 0;
      for (let t = i + 1; t < n; t++) s = round(s + round(lu[t * n + i] * b[t]));
      b[i] = round(b[i] - s);
    }
  } else {
    for (let i = 0; i < n; i++) {
      scaleRow(i);
      for (let r = i + 1; r < n; r++) axpy(r, i, lu[i * n + r]);
    }
    for (let i = n - 1; i >= 0; i--) for (let r = 0; r < i; r++) axpy(r, i, lu[i * n + r]);
  }
  for (let i = piv.length - 1; i >= 0; i--) if (piv[i] !== i) swapRows(b, i, piv[i], k);
  return b;
}

function swapRows(b: Mat, i: number, p: number, k: number): void {
  for (let c = 0; c < k; c++) [b[i * k + c], b[p * k + c]] = [b[p * k + c], b[i * k + c]];
}
