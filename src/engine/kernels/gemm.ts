// General matrix multiply, the one hot kernel: C[m x n] (+)= op(A) * op(B), where op(X) is X or X^T.
// Forward (A B), and both backward products (G B^T and A^T G) go through here, so all three orientations
// must be fast. Row-major, contiguous. This is the plain TypeScript version.

/**
 * @param transA false: A is m x k; true: A is stored k x m and used transposed
 * @param transB false: B is k x n; true: B is stored n x k and used transposed
 * @param accumulate when true C += product, else C = product
 */
export function gemm(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  A: Float32Array,
  aOffset: number,
  B: Float32Array,
  bOffset: number,
  C: Float32Array,
  cOffset: number,
  accumulate: boolean,
): void {
  if (!accumulate) C.fill(0, cOffset, cOffset + m * n);
  for (let i = 0; i < m; i++) {
    const cRow = cOffset + i * n;
    for (let p = 0; p < k; p++) {
      const a = transA ? A[aOffset + p * m + i] : A[aOffset + i * k + p];
      if (transB) {
        for (let j = 0; j < n; j++) C[cRow + j] += a * B[bOffset + j * k + p];
      } else {
        const bRow = bOffset + p * n;
        for (let j = 0; j < n; j++) C[cRow + j] += a * B[bRow + j];
      }
    }
  }
}
