// `_bl_engine` functions for the extra elementwise, indexing and statistics ops (addcmul/addcdiv, hypot, atan2,
// logaddexp, xlogy, fmax/fmin, sinc, logit, index_add/index_copy, take/put, masked_scatter, scatter_reduce,
// trapezoid, cov/corrcoef, result_type, torchvision's nms/roi_pool): arguments converted, the engine called. No
// values computed here.
import type { Tensor } from '../../engine/tensor';
import * as pw from '../../engine/ops/pointwiseExtra';
import * as ixx from '../../engine/ops/indexExtra';
import * as stats from '../../engine/ops/statsExtra';
import { scatter_reduce, scatter_reduce_ } from '../../engine/ops/scatterReduce';
import { quantile, type Interpolation } from '../../engine/ops/quantile';
import { nms, roi_pool } from '../../engine/ops/detection';
import { asTensor, combineCategories, isScalarOperand, promote } from '../../engine/ops/util';
import type { DType } from '../../engine/tensor';
import { type Scalar, pick } from './convert';

const orNull = <T>(v: T | undefined): T | null => v ?? null;

/**
 * torch.result_type of two operands: tensors by PyTorch's priority (dimensioned, then 0-d, then Python
 * numbers, each lower one only lifting the category).
 */
function resultType(a: Scalar, b: Scalar): DType {
  const rank = (x: Scalar, t: Tensor) => (isScalarOperand(x) ? 0 : t.shape.length > 0 ? 2 : 1);
  const A = asTensor(a, b);
  const B = asTensor(b, a);
  const ra = rank(a, A);
  const rb = rank(b, B);
  if (ra === rb) return promote(A.dtype, B.dtype);
  return ra > rb ? combineCategories(A.dtype, B.dtype) : combineCategories(B.dtype, A.dtype);
}

export const extraOps: Record<string, unknown> = {
  ...pick(pw, ['addcmul', 'addcdiv', 'addcmul_', 'addcdiv_', 'hypot', 'logaddexp', 'logaddexp2', 'xlogy']),
  ...pick(pw, ['fmax', 'fmin', 'heaviside', 'sinc', 'atan2']),
  ...pw.pointwiseInplace,
  logit: (t: Tensor, eps?: number) => pw.logit(t, orNull(eps)),
  ...pick(ixx, ['index_add', 'index_copy', 'take', 'put', 'masked_scatter']),
  ...ixx.indexInplace,
  scatter_reduce: (t: Tensor, d: number, idx: Tensor, src: Tensor, reduce: string, includeSelf: boolean) =>
    scatter_reduce(t, d, idx, src, reduce, !!includeSelf),
  scatter_reduce_: (t: Tensor, d: number, idx: Tensor, src: Tensor, reduce: string, includeSelf: boolean) =>
    scatter_reduce_(t, d, idx, src, reduce, !!includeSelf),
  trapezoid_dx: stats.trapezoidDx,
  trapezoid_x: stats.trapezoidX,
  cumulative_trapezoid_dx: stats.cumulativeTrapezoidDx,
  cumulative_trapezoid_x: stats.cumulativeTrapezoidX,
  cov: (t: Tensor, correction: number, fw?: Tensor, aw?: Tensor) => stats.cov(t, correction, orNull(fw), orNull(aw)),
  corrcoef: stats.corrcoef,
  nanquantile: (t: Tensor, q: number | Tensor, d: number | undefined, keepdim: boolean, how: Interpolation) =>
    quantile(t, q, orNull(d), !!keepdim, how, true),
  result_type: resultType,
  // torchvision.ops' kernels (torch.ops.torchvision.nms / roi_pool).
  tv_nms: nms,
  tv_roi_pool: roi_pool,
};
