// torch.linalg's factorizations over batches of matrices (the leading dims), float32 and float64: cholesky,
// qr, eigh/eigvalsh, svd/svdvals. Each factors in double (linalgKernels.ts) and rounds once; each derivative
// is PyTorch's formula for it (FunctionsManual: cholesky_backward, linalg_qr_backward, linalg_eig_backward,
// svd_backward) beside the op. Several outputs (Q and R, eigenvalues and eigenvectors, U S Vh) share one node,
// as in PyTorch.
import { pyError } from '../errors';
import { Tensor, allocate } from '../tensor';
import { type Mat, choleskyFactor, householderQR, matMul, transposed } from './linalgKernels';
import { lapackSvd } from './lapackSvd';
import { linAlgError, matrices, recorded, slice, stored } from './linalgCommon';
import { lapackEigh } from './lapackEigh';

export { matrices } from './linalgCommon';

// ------------------------------------------------------------------------------------------------- cholesky

/**
 * torch.linalg.cholesky (lower L, or L^T when `upper`): A = L L^T from the lower triangle. d (PyTorch's
 * cholesky_backward): phi = tril(L^T gL) with its diagonal halved, S = L^-T phi^T L^-1, gA = (S + S^T) / 2.
 */
export function cholesky(A: Tensor, upper = false, gradName = 'LinalgCholeskyExBackward0'): Tensor {
  const { n, count, batch } = matrices(A, 'linalg.cholesky', true);
  const out = new Float64Array(count * n * n);
  for (let i = 0; i < count; i++) {
    const { l, info } = choleskyFactor(A.data, i * n * n, n);
    if (info > 0) {
      throw linAlgError(
        'linalg.cholesky',
        batch.length > 0,
        i,
        `The factorization could not be completed because the input is not positive-definite (the leading minor of order ${info} is not positive-definite).`,
      );
    }
    out.set(upper ? transposed(l, n, n) : l, i * n * n);
  }
  const result = new Tensor(stored(A.dtype, out), A.shape, A.dtype);
  return recorded(gradName, [A], [result], ([g]) => {
    const r = allocate(A.dtype, A.data.length) as Float32Array;
    for (let i = 0; i < count; i++) {
      const o = i * n * n;
      const L = upper ? transposed(slice(out, o, n * n), n, n) : slice(out, o, n * n);
      const gL = upper ? transposed(slice(g, o, n * n), n, n) : slice(g, o, n * n);
      const phi = matMul(transposed(L, n, n), gL, n, n, n);
      for (let p = 0; p < n; p++)
        for (let q = 0; q < n; q++) {
          if (q > p) phi[p * n + q] = 0;
          else if (q === p) phi[p * n + q] *= 0.5;
        }
      const Linv = triangularInverse(L, n);
      const S = matMul(matMul(transposed(Linv, n, n), transposed(phi, n, n), n, n, n), Linv, n, n, n);
      for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) r[o + p * n + q] = 0.5 * (S[p * n + q] + S[q * n + p]);
    }
    return [r];
  })[0];
}

/** The inverse of a lower-triangular n x n matrix by forward substitution. */
function triangularInverse(L: Mat, n: number): Mat {
  const inv = new Float64Array(n * n);
  for (let c = 0; c < n; c++)
    for (let i = c; i < n; i++) {
      let s = i === c ? 1 : 0;
      for (let k = c; k < i; k++) s -= L[i * n + k] * inv[k * n + c];
      inv[i * n + c] = s / L[i * n + i];
    }
  return inv;
}

// ------------------------------------------------------------------------------------------------------- qr

/**
 * torch.linalg.qr, mode 'reduced' | 'complete' | 'r' (Q empty). d (m >= n, Q square or reduced):
 * M = R gR^T - gQ^T Q, gA = (gQ + Q copyltu(M)) R^-T; for m < n, A = [X | Y] with R = [U | V]: gY = Q gV and
 * gX from the square case with gQ + Y gV^T.
 */
export function qr(A: Tensor, mode = 'reduced'): [Tensor, Tensor] {
  if (mode !== 'reduced' && mode !== 'complete' && mode !== 'r') {
    throw pyError(
      'RuntimeError',
      `qr received unrecognized mode '${mode}' but expected one of 'reduced' (default), 'r', or 'complete'`,
    );
  }
  const { m, n, count, batch } = matrices(A, 'linalg.qr', false);
  const k = Math.min(m, n);
  const qc = mode === 'complete' ? m : k;
  const qs = new Float64Array(count * m * qc);
  const rs = new Float64Array(count * qc * n);
  for (let i = 0; i < count; i++) {
    const { q, r } = householderQR(A.data, i * m * n, m, n, mode === 'complete');
    qs.set(q, i * m * qc);
    rs.set(r, i * qc * n);
  }
  const Q =
    mode === 'r'
      ? new Tensor(allocate(A.dtype, 0), [0], A.dtype)
      : new Tensor(stored(A.dtype, qs), [...batch, m, qc], A.dtype);
  const R = new Tensor(stored(A.dtype, rs), [...batch, qc, n], A.dtype);
  const [q, r] = recorded('LinalgQrBackward0', [A], [Q, R], ([gQ, gR]) => {
    if (mode === 'r') {
      throw pyError(
        'RuntimeError',
        "The derivative of linalg.qr depends on Q, which is not computed when mode='r'. Please use linalg.qr(A, mode='reduced') if you are going to differentiate through linalg.qr.",
      );
    }
    if (mode === 'complete' && m > n) {
      throw pyError(
        'RuntimeError',
        "The QR decomposition is not differentiable when mode='complete' and nrows > ncols.",
      );
    }
    const ga = allocate(A.dtype, A.data.length) as Float32Array;
    for (let i = 0; i < count; i++) {
      const Qi = slice(Q.data, i * m * k, m * k);
      const Ri = slice(R.data, i * k * n, k * n);
      const gQi = slice(gQ, i * m * k, m * k);
      const gRi = slice(gR, i * k * n, k * n);
      let gA: Mat;
      if (m >= n) gA = qrSquareGrad(Qi, Ri, gQi, gRi, m, n);
      else {
        // X = A[:, :m] (R's square part U), Y = A[:, m:] (R's V)
        const U = new Float64Array(m * m);
        const gU = new Float64Array(m * m);
        const gV = new Float64Array(m * (n - m));
        const Y = new Float64Array(m * (n - m));
        for (let p = 0; p < m; p++) {
          for (let c = 0; c < m; c++) {
            U[p * m + c] = Ri[p * n + c];
            gU[p * m + c] = gRi[p * n + c];
          }
          for (let c = m; c < n; c++) {
            gV[p * (n - m) + c - m] = gRi[p * n + c];
            Y[p * (n - m) + c - m] = A.data[i * m * n + p * n + c];
          }
        }
        const gQ2 = matMul(Y, transposed(gV, m, n - m), m, n - m, m);
        for (let j = 0; j < m * m; j++) gQ2[j] += gQi[j];
        const gX = qrSquareGrad(Qi, U, gQ2, gU, m, m);
        const gY = matMul(Qi, gV, m, m, n - m);
        gA = new Float64Array(m * n);
        for (let p = 0; p < m; p++) {
          for (let c = 0; c < m; c++) gA[p * n + c] = gX[p * m + c];
          for (let c = m; c < n; c++) gA[p * n + c] = gY[p * (n - m) + c - m];
        }
      }
      ga.set(gA, i * m * n);
    }
    return [ga];
  });
  return [q, r];
}

function qrSquareGrad(Q: Mat, R: Mat, gQ: Mat, gR: Mat, m: number, n: number): Mat {
  // M = R gR^T - gQ^T Q (n x n), copyltu(M) = tril(M) + tril(M, -1)^T
  const M = matMul(R, transposed(gR, n, n), n, n, n);
  const QtgQ = matMul(transposed(gQ, m, n), Q, n, m, n);
  for (let j = 0; j < n * n; j++) M[j] -= QtgQ[j];
  const C = new Float64Array(n * n);
  for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) C[p * n + q] = p >= q ? M[p * n + q] : M[q * n + p];
  const B = matMul(Q, C, m, n, n);
  for (let j = 0; j < m * n; j++) B[j] += gQ[j];
  // gA = B R^-T: solve gA R^T = B row by row (R upper triangular)
  const gA = new Float64Array(m * n);
  for (let p = 0; p < m; p++)
    for (let c = n - 1; c >= 0; c--) {
      // (gA R^T)[p][c] = sum_{j >= c} gA[p][j] R[c][j]
      let s = B[p * n + c];
      for (let j = c + 1; j < n; j++) s -= gA[p * n + j] * R[c * n + j];
      gA[p * n + c] = s / R[c * n + c];
    }
  return gA;
}

// ------------------------------------------------------------------------------------------------------ eigh

/**
 * torch.linalg.eigh (eigenvalues ascending, eigenvectors as columns, LAPACK's signs: lapackEigh.ts) of the
 * triangle UPLO names. d (PyTorch's
 * linalg_eig_backward, hermitian): gA = V (diag(gL) + skew(V^T gV) / E) V^T, E_ij = L_j - L_i, skew(X) = (X - X^T) / 2.
 */
export function eigh(A: Tensor, UPLO = 'L', vectors = true): [Tensor, Tensor | null] {
  const what = vectors ? 'linalg.eigh' : 'linalg.eigvalsh';
  if (UPLO !== 'L' && UPLO !== 'U' && UPLO !== 'l' && UPLO !== 'u') {
    throw pyError('RuntimeError', `Expected UPLO argument to be 'L' or 'U', but got ${UPLO}`);
  }
  const { n, count, batch } = matrices(A, what, true);
  // slamch / dlamch ('E', 'S'): the precision LAPACK's iteration deflates at
  const lamch: [number, number] = A.dtype === 'float32' ? [2 ** -24, 2 ** -126] : [2 ** -53, 2 ** -1022];
  const ws = new Float64Array(count * n);
  const vs = new Float64Array(count * n * n);
  for (let i = 0; i < count; i++) {
    const { w, v } = lapackEigh(A.data, i * n * n, n, UPLO.toUpperCase() === 'L', ...lamch);
    ws.set(w, i * n);
    vs.set(v, i * n * n);
  }
  const L = new Tensor(stored(A.dtype, ws), [...batch, n], A.dtype);
  const V = new Tensor(stored(A.dtype, vs), [...batch, n, n], A.dtype);
  const outs = recorded('LinalgEighBackward0', [A], vectors ? [L, V] : [L], ([gL, gV]) => {
    const ga = allocate(A.dtype, A.data.length) as Float32Array;
    for (let i = 0; i < count; i++) {
      const Vi = slice(V.data, i * n * n, n * n);
      const w = slice(L.data, i * n, n);
      const inner = new Float64Array(n * n);
      if (gV) {
        const VtgV = matMul(transposed(Vi, n, n), slice(gV, i * n * n, n * n), n, n, n);
        for (let p = 0; p < n; p++)
          for (let q = 0; q < n; q++)
            if (p !== q) inner[p * n + q] = (0.5 * (VtgV[p * n + q] - VtgV[q * n + p])) / (w[q] - w[p]);
      }
      for (let p = 0; p < n; p++) inner[p * n + p] = gL[i * n + p];
      ga.set(matMul(matMul(Vi, inner, n, n, n), transposed(Vi, n, n), n, n, n), i * n * n);
    }
    return [ga];
  });
  return [outs[0], vectors ? outs[1] : null];
}

// ------------------------------------------------------------------------------------------------------- svd

/**
 * torch.linalg.svd: U, S (descending), Vh, with LAPACK's signs (lapackSvd.ts); U m x (full ? m : k) and Vh
 * (full ? n : k) x n. d (PyTorch's
 * svd_backward, on the first k columns): gA = U [(skew(U^T gU) S + S skew(V^T gV)) / E + diag(gS)] Vh, E_ij =
 * S_j^2 - S_i^2, skew(X) = X - X^T, plus (gU - U U^T gU) S^-1 Vh when m > k and U S^-1 (gV - V V^T gV)^T when n > k.
 */
export function svd(A: Tensor, fullMatrices = true, vectors = true): [Tensor, Tensor, Tensor] {
  const what = vectors ? 'linalg.svd' : 'linalg.svdvals';
  const { m, n, count, batch } = matrices(A, what, false);
  const k = Math.min(m, n);
  const uc = fullMatrices ? m : k;
  const vr = fullMatrices ? n : k;
  // dlamch / slamch (eps, safe minimum): where LAPACK's iteration deflates
  const lamch: [number, number] = A.dtype === 'float32' ? [2 ** -24, 2 ** -126] : [2 ** -53, 2 ** -1022];
  const us = new Float64Array(count * m * uc);
  const ss = new Float64Array(count * k);
  const vhs = new Float64Array(count * vr * n);
  for (let i = 0; i < count; i++) {
    const { u, s, vt } = lapackSvd(A.data, i * m * n, m, n, fullMatrices, ...lamch);
    us.set(u, i * m * uc);
    ss.set(s.subarray(0, k), i * k);
    vhs.set(vt, i * vr * n);
  }
  const U = new Tensor(stored(A.dtype, us), [...batch, m, uc], A.dtype);
  const S = new Tensor(stored(A.dtype, ss), [...batch, k], A.dtype);
  const Vh = new Tensor(stored(A.dtype, vhs), [...batch, vr, n], A.dtype);
  const outs = recorded('LinalgSvdBackward0', [A], vectors ? [U, S, Vh] : [S], (grads) => {
    const [gU, gS, gVh] = vectors ? grads : [null, grads[0], null];
    const ga = allocate(A.dtype, A.data.length) as Float32Array;
    for (let i = 0; i < count; i++) {
      // the first k columns of U and rows of Vh (and of their gradients)
      const Ui = new Float64Array(m * k);
      const gUi = new Float64Array(m * k);
      for (let p = 0; p < m; p++)
        for (let c = 0; c < k; c++) {
          Ui[p * k + c] = U.data[i * m * uc + p * uc + c];
          if (gU) gUi[p * k + c] = gU[i * m * uc + p * uc + c];
        }
      const Vhi = slice(Vh.data, i * vr * n, k * n);
      const gVhi = gVh ? slice(gVh, i * vr * n, k * n) : new Float64Array(k * n);
      const Vi = transposed(Vhi, k, n);
      const gVi = transposed(gVhi, k, n);
      const s = slice(S.data, i * k, k);
      const UtgU = matMul(transposed(Ui, m, k), gUi, k, m, k);
      const VtgV = matMul(transposed(Vi, n, k), gVi, k, n, k);
      const inner = new Float64Array(k * k);
      for (let p = 0; p < k; p++)
        for (let q = 0; q < k; q++) {
          if (p === q) inner[p * k + q] = gS ? gS[i * k + p] : 0;
          else {
            const e = s[q] * s[q] - s[p] * s[p];
            inner[p * k + q] =
              ((UtgU[p * k + q] - UtgU[q * k + p]) * s[q] + s[p] * (VtgV[p * k + q] - VtgV[q * k + p])) / e;
          }
        }
      const gA = matMul(matMul(Ui, inner, m, k, k), Vhi, m, k, n);
      if (vectors && m > k) {
        const proj = matMul(Ui, UtgU, m, k, k);
        for (let j = 0; j < m * k; j++) proj[j] = (gUi[j] - proj[j]) / s[j % k];
        const extra = matMul(proj, Vhi, m, k, n);
        for (let j = 0; j < m * n; j++) gA[j] += extra[j];
      }
      if (vectors && n > k) {
        const proj = matMul(Vi, VtgV, n, k, k);
        for (let j = 0; j < n * k; j++) proj[j] = (gVi[j] - proj[j]) / s[j % k];
        const extra = matMul(Ui, transposed(proj, n, k), m, k, n);
        for (let j = 0; j < m * n; j++) gA[j] += extra[j];
      }
      ga.set(gA, i * m * n);
    }
    return [ga];
  });
  return vectors ? [outs[0], outs[1], outs[2]] : [U, outs[0], Vh];
}
