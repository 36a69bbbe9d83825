#!/usr/bin/env python3
"""Writes test/unit/ops-torch113.json: what real PyTorch 1.13 (CPU, Debian python3-torch) gives for the
engine's semantics that ops.json does not cover: dtype inference and promotion, creation (arange,
linspace bit for bit), indexing and index assignment, reductions with indices, rounding, grad_fn names,
in-place ops under autograd, and exact error texts. test/unit/ops-torch.test.ts maps every case name to
the same call on the engine.

    /usr/bin/python3 test/unit/ops-fixture.py > test/unit/ops-torch113.json
"""

import json
import math

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
g = torch.Generator().manual_seed(113)


def rn(*shape):
    return torch.randn(*shape, generator=g)


def enc_tensor(t):
    t = t.detach().clone()  # gradients of zero-gradient ops are expanded zeros with no storage
    dtype = {torch.float32: 'float32', torch.int64: 'int64', torch.bool: 'bool'}[t.dtype]
    data = [float(v) if dtype == 'float32' else int(v) for v in t.reshape(-1).tolist()]
    data = [None if isinstance(v, float) and math.isnan(v) else v for v in data]
    return {'shape': list(t.shape), 'dtype': dtype, 'data': data}


def enc_value(v):
    if isinstance(v, torch.Tensor):
        out = enc_tensor(v)
        out['grad_fn'] = type(v.grad_fn).__name__ if v.grad_fn is not None else None
        out['contiguous'] = v.is_contiguous()
        return out
    if isinstance(v, (tuple, list)):
        return {'list': [enc_value(x) for x in v]}
    if isinstance(v, bool):
        return {'bool': v}
    return {'number': v}


X34 = rn(3, 4)
X234 = rn(2, 3, 4)
V5 = rn(5)
I34 = torch.tensor([[1, 3, 3, 0], [2, 0, 2, 2], [-1, 5, 5, 4]])

# name -> (inputs, requires_grad flags, fn). fn gets the inputs (leaves cloned per flags).
CASES = {
    # creation and dtype inference
    'tensor_int': ([], [], lambda: torch.tensor([[1, 2], [3, 4]])),
    'tensor_float': ([], [], lambda: torch.tensor([1.5, 2])),
    'tensor_bool': ([], [], lambda: torch.tensor([True, False, True])),
    'arange_int': ([], [], lambda: torch.arange(5)),
    'arange_int_step': ([], [], lambda: torch.arange(1, 10, 3)),
    'arange_float': ([], [], lambda: torch.arange(0, 1, 0.1)),
    'arange_float_long': ([], [], lambda: torch.arange(-3.0, 7.5, 0.37)),
    'arange_float_neg_step': ([], [], lambda: torch.arange(2.0, -1.3, -0.15)),
    'linspace_20': ([], [], lambda: torch.linspace(-1, 1, 20)),
    'linspace_16': ([], [], lambda: torch.linspace(-2, 2, 16)),
    'linspace_40': ([], [], lambda: torch.linspace(0.05, 1.0, 40)),
    'linspace_40_b': ([], [], lambda: torch.linspace(4.0, 8.0, 40)),
    'linspace_101': ([], [], lambda: torch.linspace(-5, 17, 101)),
    'linspace_5': ([], [], lambda: torch.linspace(0, 1, 5)),
    'linspace_1': ([], [], lambda: torch.linspace(3, 7, 1)),
    'linspace_33': ([], [], lambda: torch.linspace(-0.3, 0.7, 33)),
    'full_int': ([], [], lambda: torch.full((2, 2), 7)),
    'full_float': ([], [], lambda: torch.full((2,), 0.5)),
    'eye_3': ([], [], lambda: torch.eye(3)),
    'eye_2_3': ([], [], lambda: torch.eye(2, 3)),
    'zeros_like_int': ([I34], [], lambda a: torch.zeros_like(a)),
    # arithmetic dtypes and integer semantics
    'int_add_scalar': ([I34], [], lambda a: a + 2),
    'int_div_scalar': ([I34], [], lambda a: a / 2),
    'int_floordiv': ([], [], lambda: torch.tensor([-7, 7, 6]) // 2),
    'float_remainder': ([], [], lambda: torch.tensor([-7.0, 7.0, 5.5]) % 3),
    'int_remainder_neg': ([], [], lambda: torch.tensor([-7, 7, 5]) % -3),
    'int_mul_float': ([I34], [], lambda a: a * 1.5),
    'int_pow': ([I34], [], lambda a: a**2),
    'bool_sum': ([X34], [], lambda a: (a > 0).sum()),
    'cmp_float_mean': ([X34], [], lambda a: (a.argmax(dim=1) == torch.tensor([0, 1, 2])).float().mean()),
    'round_half_even': ([], [], lambda: torch.tensor([0.5, 1.5, 2.5, -0.5, -1.5, 0.49999997, 3.7]).round()),
    'round_decimals': ([], [], lambda: torch.tensor([1.2345, -2.5551, 0.125]).round(decimals=2)),
    'sign_floor_ceil': ([V5], [], lambda a: torch.stack([a.sign(), a.floor(), a.ceil()])),
    'argmax_ties': ([I34], [], lambda a: a.argmax(dim=1)),
    'argmin_all': ([I34], [], lambda a: a.argmin()),
    'max_dim': ([X34], [True], lambda a: tuple(a.max(dim=1))),
    'min_dim_keep': ([X34], [True], lambda a: tuple(a.min(dim=0, keepdim=True))),
    'max_all': ([X34], [True], lambda a: a.max()),
    'int_sum_dim': ([I34], [], lambda a: a.sum(dim=0)),
    'var_default': ([X34], [True], lambda a: a.var()),
    'std_dim': ([X34], [True], lambda a: a.std(dim=1)),
    'var_biased': ([X34], [True], lambda a: a.var(dim=0, unbiased=False)),
    'prod_zero': ([], [], lambda: torch.tensor([[2.0, 0.0, 3.0], [1.5, -2.0, 4.0]]).prod(dim=1)),
    'norm_default': ([X34], [True], lambda a: a.norm()),
    'norm_dim_p1': ([X34], [True], lambda a: a.norm(p=1, dim=1)),
    'mean_multi_dim': ([X234], [True], lambda a: a.mean(dim=(0, 2))),
    'sum_neg_keep': ([X234], [True], lambda a: a.sum(dim=-2, keepdim=True)),
    'logsumexp': ([X34], [True], lambda a: torch.logsumexp(a, dim=1)),
    'cumsum': ([X34], [True], lambda a: torch.cumsum(a, dim=1)),
    'clamp_min_only': ([X34], [True], lambda a: a.clamp(min=0)),
    'maximum': ([X34, V5[:4]], [True, True], lambda a, b: torch.maximum(a, b)),
    'where_bcast': ([X34, V5[:4]], [True, True], lambda a, b: torch.where(a > 0, a, b)),
    'masked_fill': ([X34], [True], lambda a: a.masked_fill(a < 0, 0.5)),
    'rsub_scalar': ([X34], [True], lambda a: 2 - a),
    'rdiv_scalar': ([X34], [True], lambda a: 1 / a),
    'pow_scalar_base': ([V5], [True], lambda a: 2**a),
    'pow_tensor_exp': ([V5, V5], [True, True], lambda a, b: a.abs() ** b),
    # shape ops
    'transpose_view_contig': ([X34], [True], lambda a: a.t()),
    't_then_contiguous': ([X34], [True], lambda a: a.t().contiguous()),
    't_then_reshape': ([X34], [True], lambda a: a.t().reshape(12)),
    'permute': ([X234], [True], lambda a: a.permute(2, 0, 1)),
    'T_3d': ([X234], [True], lambda a: a.T),
    'flatten_mid': ([X234], [True], lambda a: a.flatten(1)),
    'squeeze_all': ([], [], lambda: torch.zeros(1, 3, 1).squeeze()),
    'unsqueeze_neg': ([V5], [True], lambda a: a.unsqueeze(-1)),
    'expand': ([V5[:4]], [True], lambda a: a.expand(3, 4)),
    'repeat': ([V5[:2]], [True], lambda a: a.repeat(2, 3)),
    'cat_dim1': ([X34, X34], [True, True], lambda a, b: torch.cat([a, b[:, :2]], dim=1)),
    'stack_dim1': ([V5, V5], [True, True], lambda a, b: torch.stack([a, b * 2], dim=1)),
    'cat_int_float': ([], [], lambda: torch.cat([torch.tensor([1, 2]), torch.tensor([0.5])])),
    'flip': ([X34], [True], lambda a: a.flip(0)),
    # indexing
    'idx_col': ([X34], [True], lambda a: a[:, 0]),
    'idx_rows': ([X34], [True], lambda a: a[1:3]),
    'idx_neg': ([X34], [True], lambda a: a[-1]),
    'idx_step': ([X34], [True], lambda a: a[::2, 1::2]),
    'idx_tensor': ([X34], [True], lambda a: a[torch.tensor([2, 0, 2])]),
    'idx_mask': ([X34], [True], lambda a: a[a > 0]),
    'idx_row_mask': ([X34], [True], lambda a: a[torch.tensor([True, False, True])]),
    'idx_adv_adjacent': ([X234], [True], lambda a: a[:, torch.tensor([0, 2]), torch.tensor([1, 3])]),
    'idx_adv_split': ([X234], [True], lambda a: a[torch.tensor([0, 1]), :, torch.tensor([3, 0])]),
    'idx_int_then_adv': ([X234], [True], lambda a: a[0, :, torch.tensor([1, 0])]),
    'idx_none': ([X34], [True], lambda a: a[None, :, 1]),
    'idx_ellipsis': ([X234], [True], lambda a: a[..., 0]),
    'idx_lists': ([X34], [True], lambda a: a[[0, 2], [1, 3]]),
    'idx_2d_index': ([X34], [True], lambda a: a[torch.tensor([[0, 1], [2, 0]])]),
    'idx_neg_tensor': ([X34], [True], lambda a: a[torch.tensor([-1, 0])]),
    'idx_scalar': ([X34], [True], lambda a: a[1, 2]),
    'idx_0d_tensor': ([X34], [True], lambda a: a[:, torch.tensor(2)]),
    'idx_0d_with_adv': ([X34], [True], lambda a: a[torch.tensor(1), torch.tensor([0, 3])]),
    'idx_empty_slice': ([X34], [True], lambda a: a[5:]),
    'index_select': ([X34], [True], lambda a: torch.index_select(a, 1, torch.tensor([3, 0]))),
    'gather': ([X34], [True], lambda a: torch.gather(a, 1, torch.tensor([[0, 0], [3, 1], [2, 2]]))),
    'narrow': ([X34], [True], lambda a: a.narrow(1, 1, 2)),
    'nonzero': ([I34], [], lambda a: torch.nonzero(a > 2)),
}


def _setitem_col(a):
    b = a * 1
    b[:, 0] = 5
    return b


def _setitem_mask(a):
    b = a * 1
    b[b > 0] = 0
    return b


def _setitem_rows(a, v):
    b = a * 1
    b[torch.tensor([0, 2])] = v
    return b


def _setitem_value_grad(a, v):
    b = a * 1
    b[1, 1:3] = v * 3
    return b


def _inplace_nonleaf(a):
    b = a * 2
    b.add_(1)
    b.mul_(a)
    return b


def _inplace_relu(a):
    b = a - 0.1
    b.relu_()
    return b


def _nograd_sub(a):
    w = a.clone().requires_grad_(True)
    with torch.no_grad():
        w -= 0.1 * torch.ones_like(w)
    return w


def _copy_into(a, v):
    b = torch.zeros(3, 4)
    b.copy_(v)
    return b + a


CASES.update(
    {
        'setitem_col': ([X34], [True], _setitem_col),
        'setitem_mask': ([X34], [True], _setitem_mask),
        'setitem_rows': ([X34, V5[:4]], [True, True], _setitem_rows),
        'setitem_value_grad': ([X34, V5[:2]], [True, True], _setitem_value_grad),
        'inplace_nonleaf': ([X34], [True], _inplace_nonleaf),
        'inplace_relu': ([X34], [True], _inplace_relu),
        'nograd_sub': ([X34], [], _nograd_sub),
        'copy_broadcast': ([X34, V5[:4]], [True, True], _copy_into),
        # grad_fn names of the matmul family and linear
        'mm_vec_mat': ([V5[:3], X34[:, :3].t()], [True, False], lambda a, b: a @ b.t()),
        'matmul_3d_1d': ([X234, V5[:4]], [True, True], lambda a, b: a @ b),
        'matmul_1d_3d': ([V5[:3], X234], [True, True], lambda a, b: a @ b),
        'matmul_bcast_4d': ([X234.reshape(2, 1, 3, 4), X34.t().reshape(1, 4, 3)], [True, True], lambda a, b: a @ b),
        'bmm': ([X234, X234.transpose(1, 2)], [True, True], lambda a, b: torch.bmm(a, b)),
        'linear_1d_bias': ([V5[:4], X34, V5[:3]], [True, True, True], lambda x, w, b: F.linear(x, w, b)),
        'linear_1d_nobias': ([V5[:4], X34], [True, True], lambda x, w: F.linear(x, w)),
        'linear_4d_bias': (
            [X234.reshape(1, 2, 3, 4), X34, V5[:3]],
            [True, True, True],
            lambda x, w, b: F.linear(x, w, b),
        ),
        'linear_3d_nobias': ([X234, X34], [True, True], lambda x, w: F.linear(x, w)),
        # activations beyond ops.json
        'selu': ([V5], [True], lambda a: F.selu(a)),
        'celu': ([V5], [True], lambda a: F.celu(a, 0.7)),
        'hardtanh': ([V5], [True], lambda a: F.hardtanh(a, -0.5, 0.5)),
        'relu6': ([V5 * 4], [True], lambda a: F.relu6(a)),
        'mish': ([V5], [True], lambda a: F.mish(a)),
        'logsigmoid': ([V5 * 30], [True], lambda a: F.logsigmoid(a)),
        'gelu_tanh': ([V5], [True], lambda a: F.gelu(a, approximate='tanh')),
        'softmax_implicit_dim': ([X34], [True], lambda a: F.softmax(a, dim=None)),
        # losses beyond ops.json
        'ce_weight_ignore': (
            [X34, torch.tensor([1, -100, 3])],
            [True, False],
            lambda a, t: F.cross_entropy(a, t, weight=torch.tensor([1.0, 2.0, 0.5, 1.5]), ignore_index=-100),
        ),
        'ce_smooth_weight': (
            [X34, torch.tensor([1, 0, 3])],
            [True, False],
            lambda a, t: F.cross_entropy(a, t, weight=torch.tensor([1.0, 2.0, 0.5, 1.5]), label_smoothing=0.2),
        ),
        'ce_none_3d': (
            [X234.transpose(1, 2).contiguous(), torch.tensor([[0, 1, 2], [2, 2, 0]])],
            [True, False],
            lambda a, t: F.cross_entropy(a.reshape(2, 4, 3), t, reduction='none'),
        ),
        'ce_1d_input': ([V5, torch.tensor(3)], [True, False], lambda a, t: F.cross_entropy(a, t)),
        'ce_probs_smooth_sum': (
            [X34, X34.softmax(1)],
            [True, True],
            lambda a, p: F.cross_entropy(a, p, reduction='sum', label_smoothing=0.1),
        ),
        'nll_none': (
            [X34.log_softmax(1), torch.tensor([0, 3, 1])],
            [True, False],
            lambda a, t: F.nll_loss(a, t, reduction='none'),
        ),
        'bce_weight_sum': (
            [torch.rand(4, generator=g) * 0.9 + 0.05, torch.tensor([0.0, 1.0, 1.0, 0.0])],
            [True, False],
            lambda p, y: F.binary_cross_entropy(p, y, weight=torch.tensor([1.0, 2.0, 0.5, 3.0]), reduction='sum'),
        ),
        'bce_logits_pos_weight': (
            [V5[:4] * 3, torch.tensor([0.0, 1.0, 1.0, 0.0])],
            [True, False],
            lambda x, y: F.binary_cross_entropy_with_logits(x, y, pos_weight=torch.tensor([2.0])),
        ),
        'mse_none': ([X34, X34.flip(0)], [True, True], lambda a, b: F.mse_loss(a, b, reduction='none')),
        'l1_sum': ([X34, X34.flip(1)], [True, True], lambda a, b: F.l1_loss(a, b, reduction='sum')),
        'smooth_l1_beta': (
            [X34 * 2, X34.flip(0)],
            [True, False],
            lambda a, b: F.smooth_l1_loss(a, b, beta=0.5, reduction='none'),
        ),
    }
)

CASES.update(
    {
        'sort_desc': ([X34], [True], lambda a: tuple(torch.sort(a, dim=1, descending=True))),
        'sort_dim0': ([X34], [True], lambda a: tuple(torch.sort(a, dim=0))),
        'topk': ([X34], [True], lambda a: tuple(torch.topk(a, 2))),
        'topk_smallest_dim0': ([X34], [True], lambda a: tuple(torch.topk(a, 2, dim=0, largest=False))),
        'argsort': ([I34], [], lambda a: torch.argsort(a.float() + torch.arange(4) * 0.01, dim=1)),
        'split_size': ([X34], [True], lambda a: tuple(torch.split(a, 3, dim=1))),
        'split_sizes': ([X34], [True], lambda a: tuple(torch.split(a, [1, 2], dim=0))),
        'chunk': ([X34], [True], lambda a: tuple(torch.chunk(a, 3, dim=1))),
        'unbind': ([X34], [True], lambda a: tuple(torch.unbind(a, dim=1))),
        'tril': ([X34], [True], lambda a: torch.tril(a)),
        'triu_k': ([X34], [True], lambda a: torch.triu(a, 1)),
        'outer': ([V5[:3], V5], [True, True], lambda a, b: torch.outer(a, b)),
        'diag_vec': ([V5[:3]], [True], lambda a: torch.diag(a, 1)),
        'diag_mat': ([X34], [True], lambda a: torch.diag(a, -1)),
        'one_hot': ([], [], lambda: F.one_hot(torch.tensor([0, 2, 1, 2]))),
        'one_hot_n': ([], [], lambda: F.one_hot(torch.tensor([[0], [2]]), 4)),
        'fmod': ([], [], lambda: torch.fmod(torch.tensor([-7.0, 7.0, 5.5]), 3)),
        'var_named': ([X34], [True], lambda a: torch.var(a, 1, keepdim=True)),
    }
)

# Ops the bridge used to compute itself, and the graphs of Python's reflected operators (PyTorch 1.13 names).
B4 = rn(4).abs() + 0.5
CASES.update(
    {
        'erf': ([X34], [True], lambda a: torch.erf(a)),
        'exp2': ([X34], [True], lambda a: torch.exp2(a)),
        'frac': ([X34 * 3], [True], lambda a: torch.frac(a)),
        'sgn': ([V5], [True], lambda a: torch.sgn(a)),
        'rdiv_float': ([X34], [True], lambda a: 2.5 / a),
        'rdiv_tensor': ([X34, V5[:4]], [True, True], lambda a, b: a.__rtruediv__(b)),
        'rsub_float_integral': ([X34], [True], lambda a: 2.0 - a),
        'pow_float_integral_exp': ([X34], [True], lambda a: a**2.0),
        'pow_fn_scalar_base': ([V5], [True], lambda a: torch.pow(2, a)),
        'rpow_float_base': ([V5], [True], lambda a: 2.5**a),
        'int_pow_neg_tensor_exp': (
            [],
            [],
            lambda: torch.tensor([1, -1, 2, -3, 0]) ** torch.tensor([-1, -3, -2, -1, 2]),
        ),
        'int_rpow_neg': ([], [], lambda: 2 ** -torch.tensor([1, 2])),
        'int_pow_float_integral': ([I34], [], lambda a: a**2.0),
        'remainder_scalar_grad': ([X34 * 3], [True], lambda a: a % 1.5),
        'remainder_tensor_grad': ([X34 * 3, B4], [True, True], lambda a, b: a % b),
        'fmod_tensor_grad': ([X34 * 3, B4], [True, True], lambda a, b: torch.fmod(a, b)),
        'fmod_scalar_grad': ([X34 * 3], [True], lambda a: torch.fmod(a, 1.5)),
        'int_fmod_float': ([], [], lambda: torch.fmod(torch.tensor([5, -7, 3]), 2.5)),
        'div_trunc_grad': ([X34 * 3], [True], lambda a: a.div(2, rounding_mode='trunc')),
        'div_floor_grad': ([X34 * 3], [True], lambda a: torch.div(a, 2, rounding_mode='floor')),
        'int_div_trunc': ([], [], lambda: torch.tensor([-7, 7, 5]).div(2, rounding_mode='trunc')),
        'int_div_floor': ([], [], lambda: torch.tensor([-7, 7, 5]).div(2, rounding_mode='floor')),
        'lerp_small_weight': ([X34, X34.flip(0)], [True, True], lambda a, b: torch.lerp(a, b, 0.3)),
        'lerp_large_weight': ([X34, X34.flip(1)], [True, True], lambda a, b: a.lerp(b, 0.7)),
        'lerp_tensor_weight': (
            [X34, V5[:4], torch.rand(3, 1, generator=g) * 1.4 - 0.2],
            [True, True, True],
            lambda a, b, w: torch.lerp(a, b, w),
        ),
        'int_bitwise_and': ([], [], lambda: torch.tensor([5, -6, 7]) & torch.tensor([3, 3, -1])),
        'int_bitwise_or_scalar': ([], [], lambda: torch.tensor([5, -6, 7]) | 8),
        'int_bitwise_xor_bool': ([], [], lambda: torch.tensor([True, False]) ^ 3),
        'bool_bitwise_and': ([], [], lambda: torch.tensor([True, False, True]) & torch.tensor([True, True, False])),
        'masked_fill_inplace': ([X34], [True], lambda a: (a * 1).masked_fill_(a < 0, 0.5)),
        'round_decimals_grad': ([X34], [True], lambda a: a.round(decimals=1)),
    }
)

# MultiheadAttention's mask merge: out of place, masked_fill broadcasts self and mask together; triu/tril
# select (the causal mask is triu of a matrix of -inf, whose zeros must not become nan).
CASES.update(
    {
        'masked_fill_bcast_self': (
            [X34[:1]],
            [True],
            lambda a: a.masked_fill(torch.tensor([[True], [False], [True]]), -1.5),
        ),
        'triu_of_inf': ([], [], lambda: torch.triu(torch.full((3, 3), float('-inf')), diagonal=1).exp()),
        'tril_of_inf_grad': ([X34], [True], lambda a: torch.tril(a.masked_fill(a > 0.5, float('inf'))).tanh()),
    }
)

ERRORS = {
    'err_matmul_2d': lambda: torch.randn(1, 3) @ torch.randn(4, 6),
    'err_matmul_1d': lambda: torch.randn(3) @ torch.randn(4),
    'err_matmul_mv': lambda: torch.randn(2, 3) @ torch.randn(4),
    'err_matmul_vm': lambda: torch.randn(4) @ torch.randn(3, 2),
    'err_matmul_batched': lambda: torch.randn(2, 3, 4) @ torch.randn(2, 5, 6),
    'err_matmul_fold': lambda: torch.randn(2, 3, 4) @ torch.randn(5, 6),
    'err_linear': lambda: F.linear(torch.randn(1, 3), torch.randn(6, 4), torch.randn(6)),
    'err_broadcast': lambda: torch.randn(2, 3) + torch.randn(4),
    'err_backward_nonscalar': lambda: (torch.randn(2, 3, requires_grad=True) * 2).backward(),
    'err_backward_no_grad': lambda: torch.randn(2).sum().backward(),
    'err_leaf_inplace': lambda: torch.zeros(2, requires_grad=True).add_(1),
    'err_int_requires_grad': lambda: torch.tensor([1, 2], requires_grad=True),
    'err_index_range': lambda: torch.zeros(3, 4)[5],
    'err_index_range_dim1': lambda: torch.zeros(3, 4)[:, -5],
    'err_too_many_indices': lambda: torch.zeros(3, 4)[0, 1, 2],
    'err_view_size': lambda: torch.zeros(3, 4).view(5, 3),
    'err_view_infer_two': lambda: torch.zeros(3, 4).view(-1, -1),
    'err_view_noncontig': lambda: torch.zeros(3, 4).t().view(12),
    'err_cat_sizes': lambda: torch.cat([torch.zeros(2, 3), torch.zeros(2, 4)]),
    'err_stack_sizes': lambda: torch.stack([torch.zeros(2, 3), torch.zeros(3, 2)]),
    'err_ce_target_range': lambda: F.cross_entropy(torch.randn(3, 4), torch.tensor([1, 5, 0])),
    'err_ce_batch': lambda: F.cross_entropy(torch.randn(5, 4), torch.tensor([1, 2, 0, 3])),
    'err_ce_float_target': lambda: F.cross_entropy(torch.randn(3, 4), torch.tensor([1.0, 2.0, 0.0])),
    'err_bce_size': lambda: F.binary_cross_entropy(torch.rand(6, 1), torch.rand(6)),
    'err_bce_range': lambda: F.binary_cross_entropy(torch.tensor([1.5]), torch.tensor([1.0])),
    'err_bce_logits_size': lambda: F.binary_cross_entropy_with_logits(torch.rand(6, 1), torch.rand(6)),
    'err_mean_int': lambda: torch.tensor([1, 2]).mean(),
    'err_dim_range': lambda: torch.zeros(2, 3).sum(dim=2),
    'err_item': lambda: torch.zeros(2, 3).item(),
    'err_t_3d': lambda: torch.zeros(2, 3, 4).t(),
    'err_mask_shape': lambda: torch.zeros(3, 4)[torch.tensor([True, False])],
    'err_inplace_broadcast': lambda: torch.zeros(3).add_(torch.zeros(2, 3)),
    'err_inplace_dtype': lambda: torch.tensor([1, 2]).add_(0.5),
    'err_expand': lambda: torch.zeros(2, 3).expand(4, 3),
    'err_setitem_shape': lambda: torch.zeros(3, 4).__setitem__(slice(None), torch.zeros(2)),
    'err_bool_sub': lambda: torch.tensor([True]) - torch.tensor([False]),
    'err_clamp_none': lambda: torch.zeros(2).clamp(),
    'err_sub_bool_scalar': lambda: torch.tensor([True]) - 1,
    'err_rsub_bool': lambda: 1 - torch.tensor([True]),
    'err_bitwise_float': lambda: torch.tensor([1.0]) & torch.tensor([True]),
    'err_frac_int': lambda: torch.tensor([1]).frac(),
    'err_floordiv_backward': lambda: (torch.rand(3, requires_grad=True) // 2).sum().backward(),
    'err_remainder_scalar_backward': lambda: torch.remainder(2, torch.rand(3, requires_grad=True) + 1).sum().backward(),
    'err_int_pow_neg_scalar': lambda: torch.tensor([2]) ** -1,
    'err_remainder_bool': lambda: torch.tensor([True]) % torch.tensor([True]),
    'err_int_floordiv_zero': lambda: torch.tensor([1]) // 0,
    'err_lerp_int_end': lambda: torch.lerp(torch.zeros(2), torch.tensor([1, 2]), 0.5),
    'err_masked_fill_inplace_bcast': lambda: torch.zeros(3, 3).masked_fill_(torch.ones(2, 3, 3, dtype=torch.bool), 1.0),
}


def run_case(name, inputs, flags, fn):
    leaves = []
    for i, t in enumerate(inputs):
        t = t.clone()
        if i < len(flags) and flags[i]:
            t.requires_grad_(True)
        leaves.append(t)
    out = fn(*leaves)
    entry = {'name': name, 'inputs': [enc_tensor(t) for t in inputs], 'requires_grad': flags, 'out': enc_value(out)}
    first = out[0] if isinstance(out, tuple) else out
    if isinstance(first, torch.Tensor) and first.requires_grad:
        grad_out = (
            torch.linspace(-1, 1, first.numel()).reshape(first.shape) if first.numel() > 1 else torch.ones(first.shape)
        )
        first.backward(grad_out)
        entry['grad_out'] = enc_tensor(grad_out)
        entry['grads'] = [enc_tensor(t.grad) if t.grad is not None else None for t in leaves]
    return entry


def run_error(name, fn):
    try:
        fn()
    except Exception as ex:  # noqa: BLE001 - recording whatever PyTorch raises
        return {'name': name, 'kind': type(ex).__name__, 'message': str(ex)}
    raise SystemExit(f'{name}: expected an error')


def main():
    cases = [run_case(n, *spec) for n, spec in CASES.items()]
    errors = [run_error(n, fn) for n, fn in ERRORS.items()]
    print(json.dumps({'torch': torch.__version__, 'cases': cases, 'errors': errors}))


if __name__ == '__main__':
    main()
