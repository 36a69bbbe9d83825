// torch.linalg's solvers and factorizations (engine/ops/linalgDecomp.ts, linalgChain.ts) as `_bl_engine`
// functions: Python's None arrives as undefined, multi_dot's tensors as separate arguments (so that the
// float64 check sees them), and several results as a JS array the package unpacks.
import type { Tensor } from '../../engine/tensor';
import * as dec from '../../engine/ops/linalgDecomp';
import * as sol from '../../engine/ops/linalgSolve';
import * as chain from '../../engine/ops/linalgChain';
import * as lu from '../../engine/ops/linalgLU';
import * as chol from '../../engine/ops/linalgCholeskySolve';
import { matrixExp } from '../../engine/ops/linalgMatrixExp';

const orNull = <T>(v: T | undefined | null): T | null => v ?? null;

export const linalg: Record<string, unknown> = {
  // nn.init.orthogonal_'s reduced QR
  qr: (A: Tensor) => dec.qr(A),
  linalg_solve: (A: Tensor, B: Tensor) => sol.solve(A, B),
  linalg_slogdet: (A: Tensor) => sol.slogdet(A),
  logdet: (A: Tensor) => sol.logdet(A),
  linalg_cholesky: (A: Tensor, upper: boolean, legacy: boolean) =>
    dec.cholesky(A, !!upper, legacy ? 'CholeskyBackward0' : 'LinalgCholeskyExBackward0'),
  linalg_qr: (A: Tensor, mode: string) => dec.qr(A, mode),
  linalg_eigh: (A: Tensor, uplo: string, vectors: boolean) => dec.eigh(A, uplo, !!vectors),
  linalg_svd: (A: Tensor, full: boolean, vectors: boolean) => dec.svd(A, !!full, !!vectors),
  linalg_pinv: (A: Tensor, atol?: number | null, rtol?: number | null) => sol.pinv(A, orNull(atol), orNull(rtol)),
  linalg_matrix_rank: (A: Tensor, atol?: number | null, rtol?: number | null) =>
    sol.matrixRank(A, orNull(atol), orNull(rtol)),
  linalg_lstsq: (A: Tensor, B: Tensor, rcond?: number | null, driver?: string | null) =>
    sol.lstsq(A, B, orNull(rcond), driver ?? 'gelsy'),
  linalg_matrix_power: (A: Tensor, n: number) => chain.matrixPower(A, n),
  linalg_multi_dot: (...ts: Tensor[]) => chain.multiDot(ts),
  linalg_singular_value_norm: (A: Tensor, ord: 2 | -2 | 'nuc', keepdim: boolean) =>
    chain.singularValueNorm(A, ord, !!keepdim),
  linalg_cond2: (A: Tensor, p: 2 | -2) => chain.cond2(A, p),
  linalg_lu_factor_ex: (A: Tensor, pivot: boolean) => lu.luFactorEx(A, !!pivot),
  linalg_lu_factor: (A: Tensor, pivot: boolean, what?: string) => lu.luFactor(A, !!pivot, what),
  linalg_lu: (A: Tensor, pivot: boolean) => lu.lu(A, !!pivot),
  lu_unpack: (LU: Tensor, pivots: Tensor, data: boolean, pivotsToo: boolean) =>
    lu.luUnpack(LU, pivots, !!data, !!pivotsToo),
  linalg_lu_solve: (LU: Tensor, pivots: Tensor, B: Tensor, left: boolean, adjoint: boolean) =>
    lu.luSolveFactors(LU, pivots, B, !!left, !!adjoint),
  cholesky_solve: (B: Tensor, L: Tensor, upper: boolean) => chol.choleskySolve(B, L, !!upper),
  cholesky_inverse: (L: Tensor, upper: boolean) => chol.choleskyInverse(L, !!upper),
  linalg_cholesky_ex: (A: Tensor, upper: boolean) => chol.choleskyEx(A, !!upper),
  linalg_matrix_exp: (A: Tensor) => matrixExp(A),
  // a result made by a composite (vector_norm through norm or amax) under the node name PyTorch gives it
  linalg_named_node: (t: Tensor, name: string) => {
    if (t.gradFn) (t.gradFn as { name: string }).name = name;
    return t;
  },
};
