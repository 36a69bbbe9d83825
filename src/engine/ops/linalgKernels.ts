// Dense factorizations of one row-major matrix in double precision, the LAPACK routines PyTorch's CPU
// linalg calls reduced to the unblocked algorithms (the matrices learners factor are small): LU with
// partial pivoting (getrf), Cholesky (potrf), Householder QR (geqrf/orgqr), SVD (one-sided Jacobi, not
// gesdd); the symmetric eigensolver is lapackEigh.ts. The ops in linalgDecomp.ts round the results once
// to the input's dtype. Eigenvectors and singular vectors are unique only up to sign; see fixSigns.

export type Mat = Float64Array;

/** a^T (m x n in, n x m out). */
export function transposed(a: Mat, m: number, n: number): Mat {
  const t = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) t[j * m + i] = a[i * n + j];
  return t;
}

/** a (m x k) times b (k x n). */
export function matMul(a: Mat, b: Mat, m: number, k: number, n: number): Mat {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let l = 0; l < k; l++) {
      const x = a[i * k + l];
      if (x === 0) continue;
      for (let j = 0; j < n; j++) c[i * n + j] += x * b[l * n + j];
    }
  return c;
}

export interface LU {
  lu: Mat;
  /** Row swapped with row i at step i (getrf's ipiv, 0-based). */
  piv: Int32Array;
  /** 1-based column of the first zero pivot, 0 when none (getrf's info). */
  info: number;
}

/** getrf: P A = L U, the pivot the first row of largest magnitude in its column (idamax). */
export function luFactor(a: ArrayLike<number>, offset: number, n: number): LU {
  const lu = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) lu[i] = a[offset + i];
  const piv = new Int32Array(n);
  let info = 0;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(lu[r * n + c]) > Math.abs(lu[p * n + c])) p = r;
    piv[c] = p;
    if (lu[p * n + c] === 0) {
      if (info === 0) info = c + 1;
      continue;
    }
    if (p !== c) for (let j = 0; j < n; j++) [lu[c * n + j], lu[p * n + j]] = [lu[p * n + j], lu[c * n + j]];
    const d = lu[c * n + c];
    for (let r = c + 1; r < n; r++) {
      const f = (lu[r * n + c] /= d);
      if (f !== 0) for (let j = c + 1; j < n; j++) lu[r * n + j] -= f * lu[c * n + j];
    }
  }
  return { lu, piv, info };
}

/** getrs: X with A X = B for B n x k (overwritten), from luFactor's result. */
export function luSolve({ lu, piv }: LU, n: number, b: Mat, k: number, transpose = false): Mat {
  if (!transpose) {
    for (let i = 0; i < n; i++) if (piv[i] !== i) swapRows(b, i, piv[i], k);
    for (let i = 0; i < n; i++)
      for (let r = i + 1; r < n; r++) {
        const f = lu[r * n + i];
        if (f !== 0) for (let j = 0; j < k; j++) b[r * k + j] -= f * b[i * k + j];
      }
    for (let i = n - 1; i >= 0; i--) {
      for (let j = 0; j < k; j++) b[i * k + j] /= lu[i * n + i];
      for (let r = 0; r < i; r++) {
        const f = lu[r * n + i];
        if (f !== 0) for (let j = 0; j < k; j++) b[r * k + j] -= f * b[i * k + j];
      }
    }
    return b;
  }
  // A^T X = B: U^T L^T P X = B
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) b[i * k + j] /= lu[i * n + i];
    for (let r = i + 1; r < n; r++) {
      const f = lu[i * n + r];
      if (f !== 0) for (let j = 0; j < k; j++) b[r * k + j] -= f * b[i * k + j];
    }
  }
  for (let i = n - 1; i >= 0; i--)
    for (let r = 0; r < i; r++) {
      const f = lu[i * n + r];
      if (f !== 0) for (let j = 0; j < k; j++) b[r * k + j] -= f * b[i * k + j];
    }
  for (let i = n - 1; i >= 0; i--) if (piv[i] !== i) swapRows(b, i, piv[i], k);
  return b;
}

function swapRows(b: Mat, i: number, p: number, k: number): void {
  for (let j = 0; j < k; j++) [b[i * k + j], b[p * k + j]] = [b[p * k + j], b[i * k + j]];
}

/** potrf (lower): L with A = L L^T, or the 1-based order of the first leading minor that is not positive. */
export function choleskyFactor(a: ArrayLike<number>, offset: number, n: number): { l: Mat; info: number } {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[offset + j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > 0)) return { l, info: j + 1 };
    const s = Math.sqrt(d);
    l[j * n + j] = s;
    for (let i = j + 1; i < n; i++) {
      let v = a[offset + i * n + j];
      for (let k = 0; k < j; k++) v -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = v / s;
    }
  }
  return { l, info: 0 };
}

/**
 * geqrf + orgqr: A = Q R by Householder reflections as LAPACK applies them (R's diagonal with the opposite
 * sign of the column's lead, no reflection where the column below is already zero). Q is m x m when
 * `complete`, else m x min(m, n); R has Q's column count as rows.
 */
export function householderQR(
  src: ArrayLike<number>,
  offset: number,
  m: number,
  n: number,
  complete: boolean,
): { q: Mat; r: Mat; qCols: number } {
  const k = Math.min(m, n);
  const a = new Float64Array(m * n);
  for (let i = 0; i < m * n; i++) a[i] = src[offset + i];
  const vs: Float64Array[] = [];
  const taus: number[] = [];
  for (let j = 0; j < k; j++) {
    let norm2 = 0;
    for (let i = j + 1; i < m; i++) norm2 += a[i * n + j] ** 2;
    const alpha = a[j * n + j];
    const v = new Float64Array(m);
    v[j] = 1;
    let tau = 0;
    if (norm2 > 0) {
      const beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, Math.sqrt(norm2));
      tau = (beta - alpha) / beta;
      for (let i = j + 1; i < m; i++) v[i] = a[i * n + j] / (alpha - beta);
      for (let c = j; c < n; c++) {
        let s = 0;
        for (let i = j; i < m; i++) s += v[i] * a[i * n + c];
        for (let i = j; i < m; i++) a[i * n + c] -= tau * v[i] * s;
      }
      for (let i = j + 1; i < m; i++) a[i * n + j] = 0;
    }
    vs.push(v);
    taus.push(tau);
  }
  const qCols = complete ? m : k;
  const q = new Float64Array(m * qCols);
  for (let i = 0; i < qCols; i++) q[i * qCols + i] = 1;
  for (let j = k - 1; j >= 0; j--) {
    const v = vs[j];
    for (let c = 0; c < qCols; c++) {
      let s = 0;
      for (let i = j; i < m; i++) s += v[i] * q[i * qCols + c];
      for (let i = j; i < m; i++) q[i * qCols + c] -= taus[j] * v[i] * s;
    }
  }
  const r = new Float64Array(qCols * n);
  for (let i = 0; i < Math.min(qCols, m); i++) for (let c = i; c < n; c++) r[i * n + c] = a[i * n + c];
  return { q, r, qCols };
}

/**
 * Each column of u (rows x cols) turned so that its entry of largest magnitude (the first such) is positive:
 * a fixed choice where LAPACK's depends on its iteration (so our vectors may differ from PyTorch's by sign).
 * Returns the signs applied.
 */
export function fixSigns(u: Mat, rows: number, cols: number): Int8Array {
  const signs = new Int8Array(cols);
  for (let j = 0; j < cols; j++) {
    let best = 0;
    for (let i = 0; i < rows; i++) if (Math.abs(u[i * cols + j]) > Math.abs(best)) best = u[i * cols + j];
    signs[j] = best < 0 ? -1 : 1;
    if (best < 0) for (let i = 0; i < rows; i++) u[i * cols + j] = -u[i * cols + j];
  }
  return signs;
}

/**
 * A = U diag(s) V^T of an m x n matrix by one-sided Jacobi (Hestenes) rotations of its columns: s descending,
 * U m x (full ? m : k), V n x (full ? n : k) with k = min(m, n); U's columns signed by fixSigns and V's to
 * match. Columns for zero singular values (and the completion of a full U or V) are an orthonormal complement.
 */
export function svdJacobi(
  src: ArrayLike<number>,
  offset: number,
  m: number,
  n: number,
  full: boolean,
): { u: Mat; s: Mat; v: Mat } {
  if (m < n) {
    // A^T = V S U^T
    const t = transposed(
      Float64Array.from({ length: m * n }, (_, i) => src[offset + i]),
      m,
      n,
    );
    const r = svdJacobi(t, 0, n, m, full);
    const uc = full ? m : Math.min(m, n);
    // r.u is n x (full ? n : k), r.v is m x (full ? m : k): swap, then sign by the new U
    const out = { u: r.v, s: r.s, v: r.u };
    resign(out.u, out.v, m, n, uc, full ? n : Math.min(m, n), out.s.length);
    return out;
  }
  const a = new Float64Array(m * n);
  for (let i = 0; i < m * n; i++) a[i] = src[offset + i];
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  jacobiSweeps(a, v, m, n);
  const norms = Array.from({ length: n }, (_, j) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += a[i * n + j] ** 2;
    return Math.sqrt(s);
  });
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => norms[y] - norms[x]);
  const uc = full ? m : n;
  const u = new Float64Array(m * uc);
  const vs = new Float64Array(n * n);
  const s = new Float64Array(n);
  const scale = norms[order[0]] ?? 0;
  let rank = 0;
  order.forEach((src, dst) => {
    s[dst] = norms[src];
    for (let k = 0; k < n; k++) vs[k * n + dst] = v[k * n + src];
    if (norms[src] > 1e-14 * scale && norms[src] > 0) {
      for (let i = 0; i < m; i++) u[i * uc + dst] = a[i * n + src] / norms[src];
      rank = dst + 1;
    }
  });
  completeColumns(u, m, uc, rank);
  resign(u, vs, m, n, uc, n, rank);
  return { u, s, v: vs };
}

/** Rotates pairs of columns of a (m x n), and of v alike, until every pair is orthogonal to rounding. */
function jacobiSweeps(a: Mat, v: Mat, m: number, n: number): void {
  for (let sweep = 0; sweep < 100; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++)
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          const x = a[i * n + p];
          const y = a[i * n + q];
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const x = a[i * n + p];
          const y = a[i * n + q];
          a[i * n + p] = c * x - s * y;
          a[i * n + q] = s * x + c * y;
        }
        for (let i = 0; i < n; i++) {
          const x = v[i * n + p];
          const y = v[i * n + q];
          v[i * n + p] = c * x - s * y;
          v[i * n + q] = s * x + c * y;
        }
      }
    if (!rotated) break;
  }
}

/** Signs U's first `count` columns by fixSigns and flips V's matching columns, so U S V^T is unchanged. */
function resign(u: Mat, v: Mat, m: number, n: number, uc: number, vc: number, count: number): void {
  const signs = fixSigns(u, m, uc);
  for (let j = 0; j < Math.min(count, vc); j++)
    if (signs[j] < 0) for (let i = 0; i < n; i++) v[i * vc + j] = -v[i * vc + j];
  // columns of U past `count` have no partner in V: their signs are free, fixSigns already chose them
}

/** Fills columns from..cols-1 of u (rows x cols) with an orthonormal complement of the columns before them. */
export function completeColumns(u: Mat, rows: number, cols: number, from: number): void {
  let col = from;
  for (let e = 0; e < rows && col < cols; e++) {
    const x = new Float64Array(rows);
    x[e] = 1;
    for (let pass = 0; pass < 2; pass++)
      for (let j = 0; j < col; j++) {
        let d = 0;
        for (let i = 0; i < rows; i++) d += u[i * cols + j] * x[i];
        for (let i = 0; i < rows; i++) x[i] -= d * u[i * cols + j];
      }
    const norm = Math.hypot(...x);
    if (norm < 1e-8) continue;
    // entries at rounding level (exact zeros in exact arithmetic) print as 0, not as 1e-18
    for (let i = 0; i < rows; i++) u[i * cols + col] = Math.abs(x[i] / norm) < 1e-15 ? 0 : x[i] / norm;
    col++;
  }
}
