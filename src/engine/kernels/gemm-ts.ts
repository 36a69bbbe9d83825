// Plain TypeScript matrix multiply: C[m x n] (+)= op(A) * op(B), row-major, op(X) = X or X^T.
// Used for small products (where calling into WebAssembly costs more than it saves) and wherever
// WebAssembly SIMD is missing. It adds up in OpenBLAS's order (gemm-order.ts): per K block, one chain of
// float32 fused multiply-adds per element (two for the paired tiles), then the block added to C, so its
// bits are PyTorch's. fmaf rounds a * b + c once to float32 as the FMA instruction does.
import { fmaf } from '../random';
import { blasBlocks, pairedRows } from './gemm-order';

const f32 = Math.fround;

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
  if (!accumulate) C.fill(0, cOff, cOff + m * n);
  if (k === 0) return;
  // op(A)[i][p] = A[aOff + i * aI + p * aP]; op(B)[p][j] = B[bOff + p * bP + j * bJ].
  const aI = transA ? 1 : k;
  const aP = transA ? m : 1;
  const bP = transB ? 1 : n;
  const bJ = transB ? k : 1;
  const blocks = blasBlocks(k);
  const paired = pairedRows(m, n);
  const wholeCols = n & ~7;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const twoChains = j < wholeCols && paired[(j >> 3) * m + i] === 1;
      const c = cOff + i * n + j;
      let acc = C[c];
      for (let b = 0; b < blocks.length; b += 2) {
        let a = aOff + i * aI + blocks[b] * aP;
        let bb = bOff + blocks[b] * bP + j * bJ;
        const len = blocks[b + 1];
        let even = 0;
        let odd = 0;
        let p = 0;
        if (twoChains) {
          for (const pairs = len & ~7; p < pairs; p += 2) {
            even = fmaf(A[a], B[bb], even);
            odd = fmaf(A[a + aP], B[bb + bP], odd);
            a += 2 * aP;
            bb += 2 * bP;
          }
        }
        for (; p < len; p++) {
          even = fmaf(A[a], B[bb], even);
          a += aP;
          bb += bP;
        }
        acc = f32(acc + f32(even + odd));
      }
      C[c] = acc;
    }
  }
}
