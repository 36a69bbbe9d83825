// PyTorch 1.13's own loop for small batched products: bmm (and matmul's batched case, which calls it) sums
// a batch entry itself, not through BLAS, when rows x cols x inner < 400 (baddbmm_cpu_kernel in
// aten/src/ATen/native/LinearAlgebra.cpp): per element one float32 chain in k order from 0, each product
// rounded before it is added (the kernel is compiled without FMA). Same contract as gemm.
export const BMM_NATIVE_MAX_WORK = 400;

const f32 = Math.fround;

export function bmmSmall(
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
  const aI = transA ? 1 : k;
  const aP = transA ? m : 1;
  const bP = transB ? 1 : n;
  const bJ = transB ? k : 1;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let p = 0; p < k; p++) acc = f32(acc + f32(A[aOff + i * aI + p * aP] * B[bOff + p * bP + j * bJ]));
      const c = cOff + i * n + j;
      C[c] = accumulate ? f32(C[c] + acc) : acc;
    }
  }
}
