// Plain TypeScript matrix multiply: C[m x n] (+)= op(A) * op(B), row-major, op(X) = X or X^T.
// Used for small products (where calling into WebAssembly costs more than it saves) and wherever
// WebAssembly SIMD is missing. Two paths:
//  - tiny products: direct loops with no setup, in the loop order that reads memory sequentially;
//  - the rest: op(A) and op(B) are packed into 4-wide panels (zero-padded), then a 4 x 4 register-blocked
//    micro-kernel keeps 16 partial sums in locals across the whole k loop.
// Sums accumulate in float64 locals (JavaScript numbers) and round once to float32 on store.

/** Below this many multiply-adds, packing costs more than it saves. */
const PACK_MIN_WORK = 512;

// Packing buffers, grown on demand and reused: the engine calls gemm several times per training step.
let packedA = new Float32Array(1024);
let packedB = new Float32Array(1024);

export function gemmTs(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  A: Float32Array,
  aOff: number,
  B: Float32Array,
  bOff: number,
  C: Float32Array,
  cOff: number,
  accumulate: boolean,
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    if (!accumulate) C.fill(0, cOff, cOff + m * n);
    return;
  }
  if (m * n * k < PACK_MIN_WORK || m < 4 || n < 4)
    gemmDirect(transA, transB, m, n, k, A, aOff, B, bOff, C, cOff, accumulate);
  else gemmPacked(transA, transB, m, n, k, A, aOff, B, bOff, C, cOff, accumulate);
}

/**
 * Straight loops, no scratch memory: best when the product is a few hundred multiply-adds. The inner loop
 * is an axpy over a row of C (independent adds that pipeline), not a dot product (one serial chain of adds).
 */
function gemmDirect(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  A: Float32Array,
  aOff: number,
  B: Float32Array,
  bOff: number,
  C: Float32Array,
  cOff: number,
  accumulate: boolean,
): void {
  if (!accumulate) C.fill(0, cOff, cOff + m * n);
  // op(A)[i][p] = A[aOff + i * aI + p * aP]; op(B)[p][j] = B[bOff + p * bP + j * bJ].
  const aI = transA ? 1 : k;
  const aP = transA ? m : 1;
  const bP = transB ? 1 : n;
  const bJ = transB ? k : 1;
  for (let i = 0; i < m; i++) {
    const cRow = cOff + i * n;
    for (let p = 0; p < k; p++) {
      const a = A[aOff + i * aI + p * aP];
      const b0 = bOff + p * bP;
      for (let j = 0; j < n; j++) C[cRow + j] += a * B[b0 + j * bJ];
    }
  }
}

/** Writes op(X) (rows x k) into ceil(rows / 4) panels of k x 4 values, zero-padded, at dst[0..]. */
function pack4(trans: boolean, rows: number, k: number, X: Float32Array, off: number, dst: Float32Array): void {
  // op(X)[r][p] lives at X[off + r * k + p] when not transposed, X[off + p * rows + r] when transposed.
  const rStep = trans ? 1 : k;
  const pStep = trans ? rows : 1;
  let o = 0;
  for (let r0 = 0; r0 < rows; r0 += 4) {
    const full = r0 + 4 <= rows;
    const x0 = off + r0 * rStep;
    for (let p = 0; p < k; p++) {
      const x = x0 + p * pStep;
      if (full) {
        dst[o] = X[x];
        dst[o + 1] = X[x + rStep];
        dst[o + 2] = X[x + 2 * rStep];
        dst[o + 3] = X[x + 3 * rStep];
      } else {
        for (let r = 0; r < 4; r++) dst[o + r] = r0 + r < rows ? X[x + r * rStep] : 0;
      }
      o += 4;
    }
  }
}

// One function on purpose: the register-blocked inner loops are the hot path, and splitting them into calls
// costs measurable time per step on tiny nets.
// eslint-disable-next-line max-lines-per-function
function gemmPacked(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  A: Float32Array,
  aOff: number,
  B: Float32Array,
  bOff: number,
  C: Float32Array,
  cOff: number,
  accumulate: boolean,
): void {
  const mPanels = (m + 3) >> 2;
  const nPanels = (n + 3) >> 2;
  if (packedA.length < mPanels * 4 * k) packedA = new Float32Array(mPanels * 4 * k * 2);
  if (packedB.length < nPanels * 4 * k) packedB = new Float32Array(nPanels * 4 * k * 2);
  const pa = packedA;
  const pb = packedB;
  pack4(transA, m, k, A, aOff, pa);
  // op(B) is k x n; its columns are the "rows" to pack: column j of op(B) is row j of B when transB.
  pack4(!transB, n, k, B, bOff, pb);
  for (let ib = 0; ib < mPanels; ib++) {
    const i0 = ib * 4;
    const aBase = ib * 4 * k;
    for (let jb = 0; jb < nPanels; jb++) {
      const j0 = jb * 4;
      let ai = aBase;
      let bi = jb * 4 * k;
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0;
      let c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0;
      let c20 = 0,
        c21 = 0,
        c22 = 0,
        c23 = 0;
      let c30 = 0,
        c31 = 0,
        c32 = 0,
        c33 = 0;
      for (let p = 0; p < k; p++) {
        const a0 = pa[ai],
          a1 = pa[ai + 1],
          a2 = pa[ai + 2],
          a3 = pa[ai + 3];
        const b0 = pb[bi],
          b1 = pb[bi + 1],
          b2 = pb[bi + 2],
          b3 = pb[bi + 3];
        c00 += a0 * b0;
        c01 += a0 * b1;
        c02 += a0 * b2;
        c03 += a0 * b3;
        c10 += a1 * b0;
        c11 += a1 * b1;
        c12 += a1 * b2;
        c13 += a1 * b3;
        c20 += a2 * b0;
        c21 += a2 * b1;
        c22 += a2 * b2;
        c23 += a2 * b3;
        c30 += a3 * b0;
        c31 += a3 * b1;
        c32 += a3 * b2;
        c33 += a3 * b3;
        ai += 4;
        bi += 4;
      }
      const rows = Math.min(4, m - i0);
      const cols = Math.min(4, n - j0);
      if (rows === 4 && cols === 4) {
        let c = cOff + i0 * n + j0;
        if (accumulate) {
          C[c] += c00;
          C[c + 1] += c01;
          C[c + 2] += c02;
          C[c + 3] += c03;
          c += n;
          C[c] += c10;
          C[c + 1] += c11;
          C[c + 2] += c12;
          C[c + 3] += c13;
          c += n;
          C[c] += c20;
          C[c + 1] += c21;
          C[c + 2] += c22;
          C[c + 3] += c23;
          c += n;
          C[c] += c30;
          C[c + 1] += c31;
          C[c + 2] += c32;
          C[c + 3] += c33;
        } else {
          C[c] = c00;
          C[c + 1] = c01;
          C[c + 2] = c02;
          C[c + 3] = c03;
          c += n;
          C[c] = c10;
          C[c + 1] = c11;
          C[c + 2] = c12;
          C[c + 3] = c13;
          c += n;
          C[c] = c20;
          C[c + 1] = c21;
          C[c + 2] = c22;
          C[c + 3] = c23;
          c += n;
          C[c] = c30;
          C[c + 1] = c31;
          C[c + 2] = c32;
          C[c + 3] = c33;
        }
      } else {
        const tile = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
        for (let r = 0; r < rows; r++) {
          for (let cc = 0; cc < cols; cc++) {
            const c = cOff + (i0 + r) * n + j0 + cc;
            C[c] = accumulate ? C[c] + tile[r * 4 + cc] : tile[r * 4 + cc];
          }
        }
      }
    }
  }
}
