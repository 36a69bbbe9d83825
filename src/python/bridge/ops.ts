// `_bl_engine` functions for tensor math: each converts its arguments (None -> null, lists -> arrays,
// dims, index keys) and calls the engine op of the same name, which computes the value and records its
// gradient. No values are computed here.
import type { Tensor } from '../../engine/tensor';
import * as arith from '../../engine/ops/arith';
import * as modulo from '../../engine/ops/modulo';
import * as unary from '../../engine/ops/unary';
import * as act from '../../engine/ops/activation';
import * as cmp from '../../engine/ops/compare';
import * as loss from '../../engine/ops/loss';
import * as marginLoss from '../../engine/ops/marginLosses';
import * as likelihoodLoss from '../../engine/ops/likelihoodLosses';
import { multi_margin_loss } from '../../engine/ops/multiMarginLoss';
import { ctc_loss_nll } from '../../engine/ops/ctcLoss';
import * as mm from '../../engine/ops/matmul';
import * as red from '../../engine/ops/reduce';
import * as view from '../../engine/ops/view';
import { viewDtype } from '../../engine/ops/viewDtype';
import * as ix from '../../engine/ops/indexing';
import * as inplace from '../../engine/ops/inplace';
import { transpose_ } from '../../engine/ops/transposeInPlace';
import * as misc from '../../engine/ops/misc';
import * as sc from '../../engine/ops/scatter';
import * as re from '../../engine/ops/rearrange';
import * as la from '../../engine/ops/linalg';
import * as fused from '../../engine/ops/addmm';
import * as nanops from '../../engine/ops/nanops';
import * as orderStats from '../../engine/ops/orderStats';
import { cdist } from '../../engine/ops/distance';
import { pdist } from '../../engine/ops/pdist';
import { quantile, type Interpolation } from '../../engine/ops/quantile';
import * as binning from '../../engine/ops/binning';
import { uniqueConsecutive, uniqueDim } from '../../engine/ops/uniqueSlices';
import { einsum } from '../../engine/ops/einsum';
import { histogram } from '../../engine/ops/histogram';
import * as bn from '../../engine/ops/batchnorm';
import * as rect from '../../engine/ops/rectifiers';
import * as ln from '../../engine/ops/layernorm';
import { asTensor, promote } from '../../engine/ops/util';
import { commonShape } from '../../engine/shape';
import { dropout } from '../../engine/nn/functional';
import { type Scalar, dims, indexSpec, js, pick, valuesIndices } from './convert';

const orNull = <T>(v: T | undefined): T | null => v ?? null;

/** Arithmetic (Python's operators and their method forms), in place and out of place, and products. */
export const arithmetic: Record<string, unknown> = {
  ...pick(arith, ['add', 'sub', 'mul', 'div', 'pow', 'rsub', 'rdiv', 'rpow', 'neg', 'maximum', 'minimum', 'lerp']),
  ...pick(modulo, ['remainder', 'fmod', 'floor_divide']),
  add_: (a: Tensor, b: Scalar, alpha = 1) => inplace.add_(a, b, alpha),
  sub_: (a: Tensor, b: Scalar, alpha = 1) => inplace.sub_(a, b, alpha),
  ...pick(inplace, ['mul_', 'div_', 'pow_', 'masked_fill_']),
  copy_: (t: Tensor, src: Scalar) => inplace.copy_(t, asTensor(src, t)),
  transpose_: (t: Tensor, d0: number, d1: number, name: string) => transpose_(t, d0, d1, name),
  ...pick(inplace, [
    'neg_',
    'exp_',
    'log_',
    'sqrt_',
    'abs_',
    'sigmoid_',
    'tanh_',
    'relu_',
    'floor_',
    'ceil_',
    'round_',
  ]),
  ...inplace.unaryInplace,
  zero_: (t: Tensor) => t.zero_(),
  fill_: (t: Tensor, v: number | boolean) => t.fill_(Number(v)),
  clamp_: (t: Tensor, lo?: number, hi?: number) => inplace.clamp_(t, orNull(lo), orNull(hi)),
  matmul: (a: Scalar, b: Tensor) => mm.matmul(a as Tensor, b),
  ...pick(mm, ['mm', 'bmm', 'dot', 'linear']),
  outer: misc.outer,
  ...pick(fused, ['addmm', 'addmv', 'addr', 'baddbmm', 'addbmm']),
  ...fused.fusedInplace,
  is_fused_product_node: (node: object) => fused.isFusedProductNode(node),
};

/** Comparisons, logic and bitwise operators. */
export const comparisons: Record<string, unknown> = {
  ...pick(cmp, ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'logical_and', 'logical_or', 'logical_xor', 'logical_not']),
  ...pick(cmp, [
    'bitwise_and',
    'bitwise_or',
    'bitwise_xor',
    'bitwise_not',
    'isnan',
    'isinf',
    'isfinite',
    'isposinf',
    'isneginf',
    'signbit',
  ]),
  ...pick(cmp, ['where', 'masked_fill', 'allclose', 'isclose']),
};

/** Elementwise math and activations. */
export const math: Record<string, unknown> = {
  ...pick(unary, [
    'exp',
    'log',
    'log2',
    'log10',
    'log1p',
    'expm1',
    'sqrt',
    'rsqrt',
    'reciprocal',
    'sin',
    'cos',
    'tan',
    'asin',
    'acos',
    'atan',
    'sinh',
    'cosh',
    'square',
    'abs',
    'floor',
    'ceil',
    'trunc',
    'sign',
    'sgn',
    'frac',
    'exp2',
    'erf',
    'erfinv',
  ]),
  round: (t: Tensor, decimals?: number) => unary.round(t, decimals ?? 0),
  clamp: (t: Tensor, lo?: number, hi?: number) => unary.clamp(t, orNull(lo), orNull(hi)),
  clamp_min: (t: Tensor, lo: number) => unary.clamp_min(t, lo),
  clamp_max: (t: Tensor, hi: number) => unary.clamp_max(t, hi),
  ...pick(act, ['relu', 'sigmoid', 'tanh', 'selu', 'silu', 'mish', 'relu6', 'logsigmoid', 'hardswish']),
  leaky_relu: (t: Tensor, slope: number) => act.leaky_relu(t, slope),
  elu: (t: Tensor, alpha: number) => act.elu(t, alpha),
  celu: (t: Tensor, alpha: number) => act.celu(t, alpha),
  gelu: (t: Tensor, approximate: 'none' | 'tanh') => act.gelu(t, approximate),
  softplus: (t: Tensor, beta: number, threshold: number) => act.softplus(t, beta, threshold),
  hardtanh: (t: Tensor, lo: number, hi: number) => act.hardtanh(t, lo, hi),
  prelu: (t: Tensor, weight: Tensor) => rect.prelu(t, weight),
  threshold: (t: Tensor, threshold: number, value: number) => rect.threshold(t, threshold, value),
  rrelu: (t: Tensor, lower: number, upper: number, training: boolean) => rect.rrelu(t, lower, upper, !!training),
  softmax: (t: Tensor, dim?: number) => act.softmax(t, orNull(dim)),
  log_softmax: (t: Tensor, dim?: number) => act.log_softmax(t, orNull(dim)),
  dropout: (t: Tensor, p: number) => dropout(t, p, true),
  layer_norm: (x: Tensor, shape: unknown, weight?: Tensor, bias?: Tensor, eps?: number) =>
    ln.layer_norm(x, js<number[]>(shape), orNull(weight), orNull(bias), eps),
  batch_norm: (
    x: Tensor,
    runningMean: Tensor | undefined,
    runningVar: Tensor | undefined,
    weight: Tensor | undefined,
    bias: Tensor | undefined,
    training: boolean,
    momentum: number,
    eps: number,
  ) =>
    bn.batch_norm(x, orNull(runningMean), orNull(runningVar), orNull(weight), orNull(bias), {
      training: !!training,
      momentum,
      eps,
    }),
};

/** Loss functions, with Python's positional order (weight, reduction, then the rest). */
export const losses: Record<string, unknown> = {
  ...pick(loss, ['mse_loss', 'l1_loss', 'smooth_l1_loss', 'huber_loss']),
  ...pick(marginLoss, [
    'margin_ranking_loss',
    'hinge_embedding_loss',
    'cosine_embedding_loss',
    'pairwise_distance',
    'triplet_margin_loss',
  ]),
  ...pick(likelihoodLoss, ['poisson_nll_loss', 'gaussian_nll_loss']),
  multi_margin_loss: (x: Tensor, y: Tensor, p: number, margin: number, w: Tensor | undefined, r: loss.Reduction) =>
    multi_margin_loss(x, y, p, margin, orNull(w), r),
  binary_cross_entropy: (x: Tensor, y: Tensor, w: Tensor | undefined, r: loss.Reduction) =>
    loss.binary_cross_entropy(x, y, orNull(w), r),
  binary_cross_entropy_with_logits: (
    x: Tensor,
    y: Tensor,
    w: Tensor | undefined,
    r: loss.Reduction,
    pw: Tensor | undefined,
  ) => loss.binary_cross_entropy_with_logits(x, y, orNull(w), r, orNull(pw)),
  cross_entropy: (x: Tensor, y: Tensor, w: Tensor | undefined, r: loss.Reduction, ignore: number, smoothing: number) =>
    loss.cross_entropy(x, y, orNull(w), ignore, r, smoothing),
  nll_loss: (x: Tensor, y: Tensor, w: Tensor | undefined, r: loss.Reduction, ignore: number) =>
    loss.nll_loss(x, y, orNull(w), ignore, r),
  ctc_loss_nll: (lp: Tensor, targets: Tensor, il: unknown, tl: unknown, blank: number, zeroInfinity: boolean) =>
    ctc_loss_nll(lp, targets, js<number[]>(il).map(Number), js<number[]>(tl).map(Number), {
      blank,
      zeroInfinity: !!zeroInfinity,
    }),
};

/** Reductions, sorting. */
export const reductions: Record<string, unknown> = {
  sum: (t: Tensor, d: unknown, keepdim: boolean) => red.sum(t, dims(d), !!keepdim),
  mean: (t: Tensor, d: unknown, keepdim: boolean) => red.mean(t, dims(d), !!keepdim),
  prod: (t: Tensor, d: number | undefined, keepdim: boolean) => red.prod(t, orNull(d), !!keepdim),
  std: (t: Tensor, d: unknown, correction: number, keepdim: boolean) => red.std(t, dims(d), correction, !!keepdim),
  var: (t: Tensor, d: unknown, correction: number, keepdim: boolean) => red.var_(t, dims(d), correction, !!keepdim),
  norm: (t: Tensor, p: number, d: unknown, keepdim: boolean) => red.norm(t, p, dims(d), !!keepdim),
  frobenius_norm: (t: Tensor, d: unknown, keepdim: boolean) => red.frobenius_norm(t, [dims(d) ?? []].flat(), !!keepdim),
  logsumexp: (t: Tensor, d: unknown, keepdim: boolean) => red.logsumexp(t, dims(d), !!keepdim),
  amax: (t: Tensor, d: unknown, keepdim: boolean) => red.amax(t, dims(d), !!keepdim),
  amin: (t: Tensor, d: unknown, keepdim: boolean) => red.amin(t, dims(d), !!keepdim),
  max_all: (t: Tensor) => red.max(t),
  min_all: (t: Tensor) => red.min(t),
  max_dim: (t: Tensor, d: number, keepdim: boolean) => valuesIndices(red.max(t, d, !!keepdim)),
  min_dim: (t: Tensor, d: number, keepdim: boolean) => valuesIndices(red.min(t, d, !!keepdim)),
  argmax: (t: Tensor, d: number | undefined, keepdim: boolean) => red.argmax(t, orNull(d), !!keepdim),
  argmin: (t: Tensor, d: number | undefined, keepdim: boolean) => red.argmin(t, orNull(d), !!keepdim),
  all: (t: Tensor, d: number | undefined, keepdim: boolean) => red.all(t, orNull(d), !!keepdim),
  any: (t: Tensor, d: number | undefined, keepdim: boolean) => red.any(t, orNull(d), !!keepdim),
  cumsum: red.cumsum,
  topk: (t: Tensor, k: number, d: number, largest: boolean, sorted = true) =>
    valuesIndices(misc.topk(t, k, d, !!largest, !!sorted)),
  sort: (t: Tensor, d: number, descending: boolean) => valuesIndices(misc.sort(t, d, !!descending)),
  nan_to_num: (t: Tensor, nan: number, posinf?: number, neginf?: number) =>
    nanops.nan_to_num(t, nan, orNull(posinf), orNull(neginf)),
  nan_to_num_: (t: Tensor, nan: number, posinf?: number, neginf?: number) =>
    nanops.nan_to_num_(t, nan, orNull(posinf), orNull(neginf)),
  nansum: (t: Tensor, d: unknown, keepdim: boolean) => nanops.nansum(t, dims(d), !!keepdim),
  nanmean: (t: Tensor, d: unknown, keepdim: boolean) => nanops.nanmean(t, dims(d), !!keepdim),
  median_all: (t: Tensor, ignoreNan: boolean) => nanops.medianAll(t, !!ignoreNan),
  median_dim: (t: Tensor, d: number, keepdim: boolean, ignoreNan: boolean) =>
    nanops.medianDim(t, d, !!keepdim, !!ignoreNan),
  kthvalue: (t: Tensor, k: number, d: number, keepdim: boolean) =>
    valuesIndices(orderStats.kthvalue(t, k, d, !!keepdim)),
  mode: (t: Tensor, d: number, keepdim: boolean) => valuesIndices(orderStats.mode(t, d, !!keepdim)),
  cdist,
  pdist,
  dist: red.dist,
  cummax: (t: Tensor, d: number) => valuesIndices(orderStats.cummax(t, d)),
  cummin: (t: Tensor, d: number) => valuesIndices(orderStats.cummin(t, d)),
  logcumsumexp: orderStats.logcumsumexp,
  quantile: (t: Tensor, q: number | Tensor, d: number | undefined, keepdim: boolean, how: Interpolation) =>
    quantile(t, q, orNull(d), !!keepdim, how),
  searchsorted: (s: Tensor, v: Tensor, right: boolean, int32: boolean) => binning.searchsorted(s, v, !!right, !!int32),
  bucketize: (v: Tensor, b: Tensor, right: boolean, int32: boolean) => binning.bucketize(v, b, !!right, !!int32),
  histc: binning.histc,
  isin: (e: Tensor, t: Tensor, invert: boolean) => binning.isin(e, t, !!invert),
  unique_dim: uniqueDim,
  promote_types: promote,
  unique_consecutive: (t: Tensor, d: number | undefined) => uniqueConsecutive(t, orNull(d)),
};

/** Views, reshaping, joining and indexing. */
export const shapes: Record<string, unknown> = {
  common_shape: (shapes: unknown, forShapes: boolean) => commonShape(js<number[][]>(shapes), !!forShapes),
  view: (t: Tensor, shape: unknown) => view.view(t, js<number[]>(shape)),
  view_dtype: viewDtype,
  reshape: (t: Tensor, shape: unknown) => view.reshape(t, js<number[]>(shape)),
  squeeze: (t: Tensor, d?: number) => view.squeeze(t, orNull(d)),
  ...pick(view, ['unsqueeze', 'flatten', 'transpose', 't', 'T', 'contiguous']),
  permute: (t: Tensor, order: unknown) => view.permute(t, js<number[]>(order)),
  expand: (t: Tensor, sizes: unknown) => view.expand(t, js<number[]>(sizes)),
  repeat: (t: Tensor, sizes: unknown) => view.repeat(t, js<number[]>(sizes)),
  flip: (t: Tensor, d: unknown) => view.flip(t, js<number[]>(d)),
  cat: (ts: unknown, d: number) => view.cat(js<Tensor[]>(ts), d),
  stack: (ts: unknown, d: number) => view.stack(js<Tensor[]>(ts), d),
  getitem: (t: Tensor, key: unknown) => ix.index(t, indexSpec(key)),
  setitem: (t: Tensor, key: unknown, v: Scalar) => ix.setitem(t, indexSpec(key), v),
  ...pick(ix, ['narrow', 'index_select', 'gather', 'nonzero']),
  split: (t: Tensor, sizes: unknown, d: number) =>
    misc.split(t, typeof sizes === 'number' ? sizes : js<number[]>(sizes), d),
  ...pick(misc, ['unbind', 'one_hot', 'tril', 'triu', 'diag']),
  roll: (t: Tensor, shifts: unknown, d: unknown) => re.roll(t, js<number[]>(shifts), js<number[]>(d)),
  ...pick(re, ['diagonal', 'trace', 'unique', 'cumprod', 'unfold']),
  pad: (t: Tensor, pads: unknown, value: number) => re.pad(t, js<number[]>(pads), value),
  ...pick(la, ['inv', 'det', 'cross']),
  einsum: (equation: string, ts: unknown) => einsum(equation, js<Tensor[]>(ts)),
  scatter: (t: Tensor, d: number, idx: Tensor, src: Scalar, reduce?: 'add' | 'multiply') =>
    sc.scatter(t, d, idx, src as Tensor | number, orNull(reduce)),
  scatter_: (t: Tensor, d: number, idx: Tensor, src: Scalar, reduce?: 'add' | 'multiply') =>
    sc.scatter_(t, d, idx, src as Tensor | number, orNull(reduce)),
  ...pick(sc, ['scatter_add', 'scatter_add_']),
  bincount: (t: Tensor, w: Tensor | undefined, minlength: number) => sc.bincount(t, orNull(w), minlength),
  histogram: (t: Tensor, bins: Tensor | number, range: unknown, w: Tensor | undefined, density: boolean) =>
    histogram(t, bins, range == null ? null : js<[number, number]>(range), orNull(w), !!density),
};
