// Matrix multiply in double precision, for float64 tensors (their buffers are Float64Arrays that the ops
// pass typed as Float32Array, see buffers.ts): C[m x n] (+)= op(A) * op(B), row-major. Each element is one
// chain of fused multiply-adds in k order from 0, then added to C, as OpenBLAS's dgemm micro-kernels do
// (so small float64 products match PyTorch's to the bit). float64 is rare in learners' files (micrograd
// checks, `.double()` models), so this stays plain and separate from the float32 kernels.
import { fmaDouble } from '../random';

export function gemmF64(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  A: ArrayLike<number>,
  aOff: number,
  B: ArrayLike<number>,
  bOff: number,
  C: Float64Array,
  cOff: number,
  accumulate: boolean,
): void {
  // op(A)[i][p] = A[aOff + i * aI + p * aP]; op(B)[p][j] = B[bOff + p * bP + j * bJ].
  const aI = transA ? 1 : k;
  const aP = transA ? m : 1;
  const bP = transB ? 1 : n;
  const bJ = transB ? k : 1;
  for (let i = 0; i < m; i++) {
    const a0 = aOff + i * aI;
    for (let j = 0; j < n; j++) {
      const b0 = bOff + j * bJ;
      let s = 0;
      for (let p = 0; p < k; p++) s = fmaDouble(A[a0 + p * aP], B[b0 + p * bP], s);
      const c = cOff + i * n + j;
      C[c] = accumulate ? C[c] + s : s;
    }
  }
}
