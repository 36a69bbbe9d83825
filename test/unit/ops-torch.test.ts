// Engine semantics checked against real PyTorch 1.13 (test/unit/ops-torch113.json, written by
// ops-fixture.py): dtypes, creation (arange/linspace bit for bit), indexing, index assignment, in-place ops
// under autograd, grad_fn names, contiguity, gradients, and the exact error texts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';

interface FxTensor {
  shape: number[];
  dtype: 'float32' | 'int64' | 'bool';
  data: (number | null)[];
  grad_fn?: string | null;
  contiguous?: boolean;
}
type FxValue = FxTensor | { list: FxValue[] } | { bool: boolean } | { number: number };
interface FxCase {
  name: string;
  inputs: FxTensor[];
  requires_grad: boolean[];
  out: FxValue;
  grad_out?: FxTensor;
  grads?: (FxTensor | null)[];
}
interface FxError {
  name: string;
  kind: string;
  message: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(fs.readFileSync(path.join(here, 'ops-torch113.json'), 'utf8')) as {
  cases: FxCase[];
  errors: FxError[];
};

function build(t: FxTensor, requiresGrad = false): Tensor {
  const data = t.data.map((v) => (v === null ? NaN : v));
  const storage =
    t.dtype === 'float32'
      ? Float32Array.from(data)
      : t.dtype === 'int64'
        ? Float64Array.from(data)
        : Uint8Array.from(data);
  return new Tensor(storage, t.shape, t.dtype, requiresGrad);
}

const f32 = (v: number[]) => torch.tensor(v, { dtype: 'float32' });
const i64 = (v: unknown) => torch.tensor(v as number[], { dtype: 'int64' });
const all = { start: null, stop: null } as const;

type Out = Tensor | Tensor[];
const CASES: Record<string, (...x: Tensor[]) => Out> = {
  tensor_int: () =>
    torch.tensor([
      [1, 2],
      [3, 4],
    ]),
  tensor_float: () => torch.tensor([1.5, 2]),
  tensor_bool: () => torch.tensor([true, false, true]),
  arange_int: () => torch.arange(5),
  arange_int_step: () => torch.arange(1, 10, 3),
  arange_float: () => torch.arange(0, 1, 0.1),
  arange_float_long: () => torch.arange(-3.0, 7.5, 0.37),
  arange_float_neg_step: () => torch.arange(2.0, -1.3, -0.15),
  linspace_20: () => torch.linspace(-1, 1, 20),
  linspace_16: () => torch.linspace(-2, 2, 16),
  linspace_40: () => torch.linspace(0.05, 1.0, 40),
  linspace_40_b: () => torch.linspace(4.0, 8.0, 40),
  linspace_101: () => torch.linspace(-5, 17, 101),
  linspace_5: () => torch.linspace(0, 1, 5),
  linspace_1: () => torch.linspace(3, 7, 1),
  linspace_33: () => torch.linspace(-0.3, 0.7, 33),
  full_int: () => torch.full([2, 2], 7),
  full_float: () => torch.full([2], 0.5),
  eye_3: () => torch.eye(3),
  eye_2_3: () => torch.eye(2, 3),
  zeros_like_int: (a) => torch.zeros_like(a),
  int_add_scalar: (a) => torch.add(a, 2),
  int_div_scalar: (a) => torch.div(a, 2),
  int_floordiv: () => torch.floor_divide(i64([-7, 7, 6]), 2),
  float_remainder: () => torch.remainder(f32([-7, 7, 5.5]), 3),
  int_remainder_neg: () => torch.remainder(i64([-7, 7, 5]), -3),
  int_mul_float: (a) => torch.mul(a, 1.5),
  int_pow: (a) => torch.pow(a, 2),
  bool_sum: (a) => torch.sum(torch.gt(a, 0)),
  cmp_float_mean: (a) => torch.mean(torch.to(torch.eq(torch.argmax(a, 1), i64([0, 1, 2])), 'float32')),
  round_half_even: () => torch.round(f32([0.5, 1.5, 2.5, -0.5, -1.5, 0.49999997, 3.7])),
  round_decimals: () => torch.round(f32([1.2345, -2.5551, 0.125]), 2),
  sign_floor_ceil: (a) => torch.stack([torch.sign(a), torch.floor(a), torch.ceil(a)]),
  argmax_ties: (a) => torch.argmax(a, 1),
  argmin_all: (a) => torch.argmin(a),
  max_dim: (a) => Object.values(torch.max(a, 1)),
  min_dim_keep: (a) => Object.values(torch.min(a, 0, true)),
  max_all: (a) => torch.max(a),
  int_sum_dim: (a) => torch.sum(a, 0),
  var_default: (a) => torch.var_(a),
  std_dim: (a) => torch.std(a, 1),
  var_biased: (a) => torch.var_(a, 0, false),
  prod_zero: () =>
    torch.prod(
      torch.tensor(
        [
          [2.0, 0.0, 3.0],
          [1.5, -2.0, 4.0],
        ],
        { dtype: 'float32' },
      ),
      1,
    ),
  norm_default: (a) => torch.norm(a),
  norm_dim_p1: (a) => torch.norm(a, 1, 1),
  mean_multi_dim: (a) => torch.mean(a, [0, 2]),
  sum_neg_keep: (a) => torch.sum(a, -2, true),
  logsumexp: (a) => torch.logsumexp(a, 1),
  cumsum: (a) => torch.cumsum(a, 1),
  clamp_min_only: (a) => torch.clamp(a, 0),
  maximum: (a, b) => torch.maximum(a, b),
  where_bcast: (a, b) => torch.where(torch.gt(a, 0), a, b),
  masked_fill: (a) => torch.masked_fill(a, torch.lt(a, 0), 0.5),
  rsub_scalar: (a) => torch.rsub(a, 2),
  rdiv_scalar: (a) => torch.rdiv(a, 1),
  pow_scalar_base: (a) => torch.rpow(a, 2),
  pow_tensor_exp: (a, b) => torch.pow(torch.abs(a), b),
  transpose_view_contig: (a) => torch.t(a),
  t_then_contiguous: (a) => torch.contiguous(torch.t(a)),
  t_then_reshape: (a) => torch.reshape(torch.t(a), [12]),
  permute: (a) => torch.permute(a, 2, 0, 1),
  T_3d: (a) => torch.T(a),
  flatten_mid: (a) => torch.flatten(a, 1),
  squeeze_all: () => torch.squeeze(torch.zeros([1, 3, 1])),
  unsqueeze_neg: (a) => torch.unsqueeze(a, -1),
  expand: (a) => torch.expand(a, 3, 4),
  repeat: (a) => torch.repeat(a, 2, 3),
  cat_dim1: (a, b) => torch.cat([a, torch.index(b, [all, { stop: 2 }])], 1),
  stack_dim1: (a, b) => torch.stack([a, torch.mul(b, 2)], 1),
  cat_int_float: () => torch.cat([i64([1, 2]), f32([0.5])]),
  flip: (a) => torch.flip(a, [0]),
  idx_col: (a) => torch.index(a, [all, 0]),
  idx_rows: (a) => torch.index(a, [{ start: 1, stop: 3 }]),
  idx_neg: (a) => torch.index(a, [-1]),
  idx_step: (a) => torch.index(a, [{ step: 2 }, { start: 1, step: 2 }]),
  idx_tensor: (a) => torch.index(a, [i64([2, 0, 2])]),
  idx_mask: (a) => torch.index(a, [torch.gt(a, 0)]),
  idx_row_mask: (a) => torch.index(a, [torch.tensor([true, false, true])]),
  idx_adv_adjacent: (a) => torch.index(a, [all, i64([0, 2]), i64([1, 3])]),
  idx_adv_split: (a) => torch.index(a, [i64([0, 1]), all, i64([3, 0])]),
  idx_int_then_adv: (a) => torch.index(a, [0, all, i64([1, 0])]),
  idx_none: (a) => torch.index(a, [null, all, 1]),
  idx_ellipsis: (a) => torch.index(a, ['ellipsis', 0]),
  idx_lists: (a) =>
    torch.index(a, [
      [0, 2],
      [1, 3],
    ]),
  idx_2d_index: (a) =>
    torch.index(a, [
      i64([
        [0, 1],
        [2, 0],
      ]),
    ]),
  idx_neg_tensor: (a) => torch.index(a, [i64([-1, 0])]),
  idx_scalar: (a) => torch.index(a, [1, 2]),
  idx_0d_tensor: (a) => torch.index(a, [all, torch.tensor(2)]),
  idx_0d_with_adv: (a) => torch.index(a, [torch.tensor(1), i64([0, 3])]),
  idx_empty_slice: (a) => torch.index(a, [{ start: 5 }]),
  index_select: (a) => torch.index_select(a, 1, i64([3, 0])),
  gather: (a) =>
    torch.gather(
      a,
      1,
      i64([
        [0, 0],
        [3, 1],
        [2, 2],
      ]),
    ),
  narrow: (a) => torch.narrow(a, 1, 1, 2),
  nonzero: (a) => torch.nonzero(torch.gt(a, 2)),
  setitem_col: (a) => {
    const b = torch.mul(a, 1);
    torch.setitem(b, [all, 0], 5);
    return b;
  },
  setitem_mask: (a) => {
    const b = torch.mul(a, 1);
    torch.setitem(b, [torch.gt(b, 0)], 0);
    return b;
  },
  setitem_rows: (a, v) => {
    const b = torch.mul(a, 1);
    torch.setitem(b, [i64([0, 2])], v);
    return b;
  },
  setitem_value_grad: (a, v) => {
    const b = torch.mul(a, 1);
    torch.setitem(b, [1, { start: 1, stop: 3 }], torch.mul(v, 3));
    return b;
  },
  inplace_nonleaf: (a) => {
    const b = torch.mul(a, 2);
    torch.add_(b, 1);
    torch.mul_(b, a);
    return b;
  },
  inplace_relu: (a) => {
    const b = torch.sub(a, 0.1);
    torch.relu_(b);
    return b;
  },
  nograd_sub: (a) => {
    const w = torch.clone(a).requires_grad_(true);
    torch.noGrad(() => torch.sub_(w, torch.mul(0.1, torch.ones_like(w))));
    return w;
  },
  copy_broadcast: (a, v) => {
    const b = torch.zeros([3, 4]);
    torch.copy_(b, v);
    return torch.add(b, a);
  },
  mm_vec_mat: (a, b) => torch.matmul(a, torch.t(b)),
  matmul_3d_1d: (a, b) => torch.matmul(a, b),
  matmul_1d_3d: (a, b) => torch.matmul(a, b),
  matmul_bcast_4d: (a, b) => torch.matmul(a, b),
  bmm: (a, b) => torch.bmm(a, b),
  linear_1d_bias: (x, w, b) => torch.linear(x, w, b),
  linear_1d_nobias: (x, w) => torch.linear(x, w),
  linear_4d_bias: (x, w, b) => torch.linear(x, w, b),
  linear_3d_nobias: (x, w) => torch.linear(x, w),
  selu: (a) => torch.selu(a),
  celu: (a) => torch.celu(a, 0.7),
  hardtanh: (a) => torch.hardtanh(a, -0.5, 0.5),
  relu6: (a) => torch.relu6(a),
  mish: (a) => torch.mish(a),
  logsigmoid: (a) => torch.logsigmoid(a),
  gelu_tanh: (a) => torch.gelu(a, 'tanh'),
  softmax_implicit_dim: (a) => torch.softmax(a, null),
  ce_weight_ignore: (a, t) => torch.cross_entropy(a, t, f32([1, 2, 0.5, 1.5]), -100),
  ce_smooth_weight: (a, t) => torch.cross_entropy(a, t, f32([1, 2, 0.5, 1.5]), -100, 'mean', 0.2),
  ce_none_3d: (a, t) => torch.cross_entropy(torch.reshape(a, [2, 4, 3]), t, null, -100, 'none'),
  ce_1d_input: (a, t) => torch.cross_entropy(a, t),
  ce_probs_smooth_sum: (a, p) => torch.cross_entropy(a, p, null, -100, 'sum', 0.1),
  nll_none: (a, t) => torch.nll_loss(a, t, null, -100, 'none'),
  bce_weight_sum: (p, y) => torch.binary_cross_entropy(p, y, f32([1, 2, 0.5, 3]), 'sum'),
  bce_logits_pos_weight: (x, y) => torch.binary_cross_entropy_with_logits(x, y, null, 'mean', f32([2])),
  mse_none: (a, b) => torch.mse_loss(a, b, 'none'),
  l1_sum: (a, b) => torch.l1_loss(a, b, 'sum'),
  smooth_l1_beta: (a, b) => torch.smooth_l1_loss(a, b, 'none', 0.5),
  sort_desc: (a) => Object.values(torch.sort(a, 1, true)),
  sort_dim0: (a) => Object.values(torch.sort(a, 0)),
  topk: (a) => Object.values(torch.topk(a, 2)),
  topk_smallest_dim0: (a) => Object.values(torch.topk(a, 2, 0, false)),
  argsort: (a) => torch.argsort(torch.add(torch.to(a, 'float32'), torch.mul(torch.arange(4), 0.01)), 1),
  split_size: (a) => torch.split(a, 3, 1),
  split_sizes: (a) => torch.split(a, [1, 2], 0),
  chunk: (a) => torch.chunk(a, 3, 1),
  unbind: (a) => torch.unbind(a, 1),
  tril: (a) => torch.tril(a),
  triu_k: (a) => torch.triu(a, 1),
  outer: (a, b) => torch.outer(a, b),
  diag_vec: (a) => torch.diag(a, 1),
  diag_mat: (a) => torch.diag(a, -1),
  one_hot: () => torch.one_hot(i64([0, 2, 1, 2])),
  one_hot_n: () => torch.one_hot(i64([[0], [2]]), 4),
  fmod: () => torch.fmod(f32([-7, 7, 5.5]), 3),
  var_named: (a) => torch.var(a, 1, true, true),
  // ops the bridge used to compute itself, and the graphs of Python's reflected operators
  erf: (a) => torch.erf(a),
  exp2: (a) => torch.exp2(a),
  frac: (a) => torch.frac(a),
  sgn: (a) => torch.sgn(a),
  rdiv_float: (a) => torch.rdiv(a, 2.5),
  rdiv_tensor: (a, b) => torch.rdiv(a, b),
  rsub_float_integral: (a) => torch.rsub(a, torch.floatScalar(2)),
  pow_float_integral_exp: (a) => torch.pow(a, torch.floatScalar(2)),
  pow_fn_scalar_base: (a) => torch.pow(2, a),
  rpow_float_base: (a) => torch.rpow(a, 2.5),
  int_pow_neg_tensor_exp: () => torch.pow(i64([1, -1, 2, -3, 0]), i64([-1, -3, -2, -1, 2])),
  int_rpow_neg: () => torch.rpow(torch.neg(i64([1, 2])), 2),
  int_pow_float_integral: (a) => torch.pow(a, torch.floatScalar(2)),
  remainder_scalar_grad: (a) => torch.remainder(a, 1.5),
  remainder_tensor_grad: (a, b) => torch.remainder(a, b),
  fmod_tensor_grad: (a, b) => torch.fmod(a, b),
  fmod_scalar_grad: (a) => torch.fmod(a, 1.5),
  int_fmod_float: () => torch.fmod(i64([5, -7, 3]), 2.5),
  div_trunc_grad: (a) => torch.div(a, 2, 'trunc'),
  div_floor_grad: (a) => torch.div(a, 2, 'floor'),
  int_div_trunc: () => torch.div(i64([-7, 7, 5]), 2, 'trunc'),
  int_div_floor: () => torch.div(i64([-7, 7, 5]), 2, 'floor'),
  lerp_small_weight: (a, b) => torch.lerp(a, b, 0.3),
  lerp_large_weight: (a, b) => torch.lerp(a, b, 0.7),
  lerp_tensor_weight: (a, b, w) => torch.lerp(a, b, w),
  int_bitwise_and: () => torch.bitwise_and(i64([5, -6, 7]), i64([3, 3, -1])),
  int_bitwise_or_scalar: () => torch.bitwise_or(i64([5, -6, 7]), 8),
  int_bitwise_xor_bool: () => torch.bitwise_xor(torch.tensor([true, false]), 3),
  bool_bitwise_and: () => torch.bitwise_and(torch.tensor([true, false, true]), torch.tensor([true, true, false])),
  masked_fill_inplace: (a) => torch.masked_fill_(torch.mul(a, 1), torch.lt(a, 0), 0.5),
  round_decimals_grad: (a) => torch.round(a, 1),
  masked_fill_bcast_self: (a) => torch.masked_fill(a, torch.tensor([[true], [false], [true]]), -1.5),
  triu_of_inf: () => torch.exp(torch.triu(torch.full([3, 3], -Infinity), 1)),
  tril_of_inf_grad: (a) => torch.tanh(torch.tril(torch.masked_fill(a, torch.gt(a, 0.5), Infinity))),
};

const ERRORS: Record<string, () => unknown> = {
  err_matmul_2d: () => torch.matmul(torch.zeros([1, 3]), torch.zeros([4, 6])),
  err_matmul_1d: () => torch.matmul(torch.zeros([3]), torch.zeros([4])),
  err_matmul_mv: () => torch.matmul(torch.zeros([2, 3]), torch.zeros([4])),
  err_matmul_vm: () => torch.matmul(torch.zeros([4]), torch.zeros([3, 2])),
  err_matmul_batched: () => torch.matmul(torch.zeros([2, 3, 4]), torch.zeros([2, 5, 6])),
  err_matmul_fold: () => torch.matmul(torch.zeros([2, 3, 4]), torch.zeros([5, 6])),
  err_linear: () => torch.linear(torch.zeros([1, 3]), torch.zeros([6, 4]), torch.zeros([6])),
  err_broadcast: () => torch.add(torch.zeros([2, 3]), torch.zeros([4])),
  err_backward_nonscalar: () => torch.mul(torch.zeros([2, 3], { requires_grad: true }), 2).backward(),
  err_backward_no_grad: () => torch.sum(torch.zeros([2])).backward(),
  err_leaf_inplace: () => torch.add_(torch.zeros([2], { requires_grad: true }), 1),
  err_int_requires_grad: () => torch.tensor([1, 2], { requires_grad: true }),
  err_index_range: () => torch.index(torch.zeros([3, 4]), [5]),
  err_index_range_dim1: () => torch.index(torch.zeros([3, 4]), [all, -5]),
  err_too_many_indices: () => torch.index(torch.zeros([3, 4]), [0, 1, 2]),
  err_view_size: () => torch.view(torch.zeros([3, 4]), 5, 3),
  err_view_infer_two: () => torch.view(torch.zeros([3, 4]), -1, -1),
  err_view_noncontig: () => torch.view(torch.t(torch.zeros([3, 4])), 12),
  err_cat_sizes: () => torch.cat([torch.zeros([2, 3]), torch.zeros([2, 4])]),
  err_stack_sizes: () => torch.stack([torch.zeros([2, 3]), torch.zeros([3, 2])]),
  err_ce_target_range: () => torch.cross_entropy(torch.zeros([3, 4]), i64([1, 5, 0])),
  err_ce_batch: () => torch.cross_entropy(torch.zeros([5, 4]), i64([1, 2, 0, 3])),
  err_ce_float_target: () => torch.cross_entropy(torch.zeros([3, 4]), f32([1, 2, 0])),
  err_bce_size: () => torch.binary_cross_entropy(torch.full([6, 1], 0.5), torch.full([6], 0.5)),
  err_bce_range: () => torch.binary_cross_entropy(f32([1.5]), f32([1])),
  err_bce_logits_size: () => torch.binary_cross_entropy_with_logits(torch.full([6, 1], 0.5), torch.full([6], 0.5)),
  err_mean_int: () => torch.mean(i64([1, 2])),
  err_dim_range: () => torch.sum(torch.zeros([2, 3]), 2),
  err_item: () => torch.zeros([2, 3]).item(),
  err_t_3d: () => torch.t(torch.zeros([2, 3, 4])),
  err_mask_shape: () => torch.index(torch.zeros([3, 4]), [torch.tensor([true, false])]),
  err_inplace_broadcast: () => torch.add_(torch.zeros([3]), torch.zeros([2, 3])),
  err_inplace_dtype: () => torch.add_(i64([1, 2]), 0.5),
  err_expand: () => torch.expand(torch.zeros([2, 3]), 4, 3),
  err_setitem_shape: () => torch.setitem(torch.zeros([3, 4]), [all], torch.zeros([2])),
  err_bool_sub: () => torch.sub(torch.tensor([true]), torch.tensor([false])),
  err_clamp_none: () => torch.clamp(torch.zeros([2])),
  err_sub_bool_scalar: () => torch.sub(torch.tensor([true]), 1),
  err_rsub_bool: () => torch.rsub(torch.tensor([true]), 1),
  err_bitwise_float: () => torch.bitwise_and(f32([1]), torch.tensor([true])),
  err_frac_int: () => torch.frac(i64([1])),
  err_floordiv_backward: () => torch.sum(torch.floor_divide(torch.rand([3]).requires_grad_(), 2)).backward(),
  err_remainder_scalar_backward: () =>
    torch.sum(torch.remainder(2, torch.add(torch.rand([3]).requires_grad_(), 1))).backward(),
  err_int_pow_neg_scalar: () => torch.pow(i64([2]), -1),
  err_remainder_bool: () => torch.remainder(torch.tensor([true]), torch.tensor([true])),
  err_int_floordiv_zero: () => torch.floor_divide(i64([1]), 0),
  err_lerp_int_end: () => torch.lerp(torch.zeros([2]), i64([1, 2]), 0.5),
  err_masked_fill_inplace_bcast: () =>
    torch.masked_fill_(torch.zeros([3, 3]), torch.ones([2, 3, 3], { dtype: 'bool' }), 1),
};

/** Exact for creation and integer results; float results within float32 rounding of PyTorch's kernels. */
const EXACT = /^(arange|linspace|full|eye|tensor|int_|round|sign|argm|nonzero|zeros)/;

function compareTensor(what: string, got: Tensor, want: FxTensor, exact: boolean): void {
  assert.deepEqual(got.shape, want.shape, `${what}: shape`);
  assert.equal(got.dtype, want.dtype, `${what}: dtype`);
  for (let i = 0; i < want.data.length; i++) {
    const e = want.data[i] === null ? NaN : (want.data[i] as number);
    const a = got.data[i];
    if (Number.isNaN(e)) assert.ok(Number.isNaN(a), `${what}[${i}]: ${a}, expected NaN`);
    else if (exact) assert.equal(a, e, `${what}[${i}]: ${a}, expected ${e} (bit-exact)`);
    else assert.ok(Math.abs(a - e) <= 1e-6 + 1e-5 * Math.abs(e), `${what}[${i}]: ${a}, expected ${e}`);
  }
}

function compareOut(name: string, got: Out, want: FxValue): void {
  if ('list' in want) {
    assert.ok(Array.isArray(got), `${name}: expected a tuple`);
    want.list.forEach((w, i) => compareOut(`${name}[${i}]`, got[i], w));
    return;
  }
  assert.ok(got instanceof Tensor, `${name}: expected a tensor`);
  const w = want as FxTensor;
  compareTensor(name, got, w, EXACT.test(name));
  assert.equal(got.gradFn?.name ?? null, w.grad_fn ?? null, `${name}: grad_fn`);
  if (w.contiguous !== undefined) assert.equal(got.is_contiguous(), w.contiguous, `${name}: is_contiguous()`);
}

test('every fixture case has an engine mapping', () => {
  assert.deepEqual(
    fixture.cases.map((c) => c.name).filter((n) => !(n in CASES)),
    [],
  );
  assert.deepEqual(
    fixture.errors.map((c) => c.name).filter((n) => !(n in ERRORS)),
    [],
  );
});

for (const c of fixture.cases) {
  test(`torch 1.13: ${c.name}`, () => {
    const inputs = c.inputs.map((t, i) => build(t, c.requires_grad[i] ?? false));
    const out = CASES[c.name](...inputs);
    compareOut(c.name, out, c.out);
    if (c.grad_out && c.grads) {
      const first = Array.isArray(out) ? out[0] : out;
      first.backward(build(c.grad_out));
      c.grads.forEach((want, i) => {
        if (want === null) return;
        const got = inputs[i].grad;
        assert.ok(got, `${c.name}: grad of input ${i} missing`);
        compareTensor(`${c.name} grad[${i}]`, got, want, false);
      });
    }
  });
}

for (const e of fixture.errors) {
  test(`torch 1.13 error: ${e.name}`, () => {
    assert.throws(ERRORS[e.name], (err: Error) => {
      assert.equal(err.name, e.kind, `${e.name}: exception class`);
      // Our message may add the op and shapes around PyTorch's text; PyTorch's text must be there verbatim.
      assert.ok(err.message.includes(e.message), `${e.name}: "${err.message}" does not contain "${e.message}"`);
      return true;
    });
  });
}

// PyTorch 1.13's texts for a non-float image into a convolution: Conv2d with a bias compares the bias with the
// input in C++'s type names; Conv2d without one, and Conv1d, say 'expected scalar type'.
test('convolution dtype errors read as PyTorch 1.13 words them', () => {
  const opts2 = {
    stride: [1, 1] as [number, number],
    padding: [0, 0] as [number, number],
    dilation: [1, 1] as [number, number],
    groups: 1,
  };
  const w = torch.zeros([4, 3, 3, 3]);
  const b = torch.zeros([4]);
  const bytes = torch.zeros([1, 3, 8, 8], { dtype: 'uint8' });
  assert.throws(() => torch.conv2d(bytes, w, b, opts2), {
    message: 'Input type (unsigned char) and bias type (float) should be the same',
  });
  assert.throws(() => torch.conv2d(torch.zeros([1, 3, 8, 8], { dtype: 'int64' }), w, b, opts2), {
    message: 'Input type (long int) and bias type (float) should be the same',
  });
  assert.throws(() => torch.conv2d(bytes, w, null, opts2), { message: 'expected scalar type Byte but found Float' });
  const opts1 = { stride: 1, padding: 0, dilation: 1, groups: 1 };
  assert.throws(() => torch.conv1d(torch.zeros([1, 3, 8], { dtype: 'uint8' }), torch.zeros([4, 3, 3]), b, opts1), {
    message: 'expected scalar type Byte but found Float',
  });
});

test("shape errors read as PyTorch 1.13's, nothing added", () => {
  assert.throws(() => torch.linear(torch.zeros([1, 3]), torch.zeros([6, 4])), {
    message: 'mat1 and mat2 shapes cannot be multiplied (1x3 and 4x6)',
  });
  assert.throws(() => torch.matmul(torch.zeros([1, 3]), torch.zeros([4, 6])), {
    message: 'mat1 and mat2 shapes cannot be multiplied (1x3 and 4x6)',
  });
  // [2, 2, 3] @ [4]: mv's check on the folded [4, 3] rows.
  assert.throws(() => torch.matmul(torch.zeros([2, 2, 3]), torch.zeros([4])), {
    message: 'size mismatch, got 4, 4x3,4',
  });
  assert.throws(() => torch.matmul(torch.zeros([2, 2, 3]), torch.zeros([4, 5])), {
    message: 'mat1 and mat2 shapes cannot be multiplied (4x3 and 4x5)',
  });
  assert.throws(() => torch.mul(torch.zeros([2, 3]), torch.zeros([4])), {
    message: 'The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1',
  });
});
