"""F.multi_head_attention_forward: PyTorch 1.13's Python composition of multi-head attention (in-projection,
masks merged into one additive float mask, baddbmm, softmax, dropout, bmm, out-projection), step for step, so
that values, grad_fn names and dropout draws are PyTorch's. Every step is an existing op: the engine records
the gradients. PyTorch's native fast path (eval, no grad) computes the same function in fused kernels; here
the composed path serves every call."""

import math
import warnings

from .. import _creation
from .._functions import cat
from .._dtype import bool as _bool, uint8 as _uint8
from .functional import dropout, linear, pad, softmax


def _check_kpm_dtype(key_padding_mask):
    if (
        key_padding_mask is not None
        and key_padding_mask.dtype is not _bool
        and not key_padding_mask.is_floating_point()
    ):
        raise AssertionError('only bool and floating types of key_padding_mask are supported')


def _mha_shape_check(query, key, value, key_padding_mask, attn_mask, num_heads):
    """Whether the input is batched (3-D query), with PyTorch's assertion messages for the shapes."""
    if query.dim() == 3:
        assert key.dim() == 3 and value.dim() == 3, (
            'For batched (3-D) `query`, expected `key` and `value` to be 3-D'
            f' but found {key.dim()}-D and {value.dim()}-D tensors respectively'
        )
        if key_padding_mask is not None:
            assert key_padding_mask.dim() == 2, (
                'For batched (3-D) `query`, expected `key_padding_mask` to be `None` or 2-D'
                f' but found {key_padding_mask.dim()}-D tensor instead'
            )
        if attn_mask is not None:
            assert attn_mask.dim() in (2, 3), (
                'For batched (3-D) `query`, expected `attn_mask` to be `None`, 2-D or 3-D'
                f' but found {attn_mask.dim()}-D tensor instead'
            )
        return True
    if query.dim() == 2:
        assert key.dim() == 2 and value.dim() == 2, (
            'For unbatched (2-D) `query`, expected `key` and `value` to be 2-D'
            f' but found {key.dim()}-D and {value.dim()}-D tensors respectively'
        )
        if key_padding_mask is not None:
            assert key_padding_mask.dim() == 1, (
                'For unbatched (2-D) `query`, expected `key_padding_mask` to be `None` or 1-D'
                f' but found {key_padding_mask.dim()}-D tensor instead'
            )
        if attn_mask is not None:
            assert attn_mask.dim() in (2, 3), (
                'For unbatched (2-D) `query`, expected `attn_mask` to be `None`, 2-D or 3-D'
                f' but found {attn_mask.dim()}-D tensor instead'
            )
            if attn_mask.dim() == 3:
                expected_shape = (num_heads, query.shape[0], key.shape[0])
                assert attn_mask.shape == expected_shape, (
                    f'Expected `attn_mask` shape to be {expected_shape} but got {attn_mask.shape}'
                )
        return False
    raise AssertionError(f'query should be unbatched 2D or batched 3D tensor but received {query.dim()}-D query tensor')


def _in_projection_packed(q, k, v, w, b=None):
    """q, k, v projected by one packed (3E, E) weight; self-attention takes one linear and chunks it."""
    E = q.size(-1)
    if k is v:
        if q is k:
            return linear(q, w, b).chunk(3, dim=-1)
        w_q, w_kv = w.split([E, E * 2])
        b_q, b_kv = (None, None) if b is None else b.split([E, E * 2])
        return (linear(q, w_q, b_q),) + linear(k, w_kv, b_kv).chunk(2, dim=-1)
    w_q, w_k, w_v = w.chunk(3)
    b_q, b_k, b_v = (None, None, None) if b is None else b.chunk(3)
    return linear(q, w_q, b_q), linear(k, w_k, b_k), linear(v, w_v, b_v)


def _in_projection(q, k, v, w_q, w_k, w_v, b_q=None, b_k=None, b_v=None):
    """q, k, v projected by separate weights (kdim/vdim differ from embed_dim)."""
    Eq, Ek, Ev = q.size(-1), k.size(-1), v.size(-1)
    assert w_q.shape == (Eq, Eq), f'expecting query weights shape of {(Eq, Eq)}, but got {w_q.shape}'
    assert w_k.shape == (Eq, Ek), f'expecting key weights shape of {(Eq, Ek)}, but got {w_k.shape}'
    assert w_v.shape == (Eq, Ev), f'expecting value weights shape of {(Eq, Ev)}, but got {w_v.shape}'
    return linear(q, w_q, b_q), linear(k, w_k, b_k), linear(v, w_v, b_v)


def _prepare_attn_mask(attn_mask, bsz, num_heads, tgt_len, src_len):
    """A bool (byte: deprecated) or float attn_mask, checked and made 3-D as PyTorch does."""
    if attn_mask.dtype is _uint8:
        warnings.warn('Byte tensor for attn_mask in nn.MultiheadAttention is deprecated. Use bool tensor instead.')
        attn_mask = attn_mask.to(_bool)
    else:
        assert attn_mask.is_floating_point() or attn_mask.dtype is _bool, (
            f'Only float, byte, and bool types are supported for attn_mask, not {attn_mask.dtype}'
        )
    if attn_mask.dim() == 2:
        correct_2d_size = (tgt_len, src_len)
        if attn_mask.shape != correct_2d_size:
            raise RuntimeError(f'The shape of the 2D attn_mask is {attn_mask.shape}, but should be {correct_2d_size}.')
        return attn_mask.unsqueeze(0)
    if attn_mask.dim() == 3:
        correct_3d_size = (bsz * num_heads, tgt_len, src_len)
        if attn_mask.shape != correct_3d_size:
            raise RuntimeError(f'The shape of the 3D attn_mask is {attn_mask.shape}, but should be {correct_3d_size}.')
        return attn_mask
    raise RuntimeError(f"attn_mask's dimension {attn_mask.dim()} is not supported")


def _merge_masks(attn_mask, key_padding_mask, bsz, num_heads, src_len, dtype):
    """key_padding_mask folded into attn_mask, then a bool mask turned into an additive float one (-inf)."""
    if key_padding_mask is not None:
        assert key_padding_mask.shape == (bsz, src_len), (
            f'expecting key_padding_mask shape of {(bsz, src_len)}, but got {key_padding_mask.shape}'
        )
        key_padding_mask = (
            key_padding_mask.view(bsz, 1, 1, src_len).expand(-1, num_heads, -1, -1).reshape(bsz * num_heads, 1, src_len)
        )
        if attn_mask is None:
            attn_mask = key_padding_mask
        elif attn_mask.dtype is _bool:
            attn_mask = attn_mask.logical_or(key_padding_mask)
        else:
            attn_mask = attn_mask.masked_fill(key_padding_mask, float('-inf'))
    if attn_mask is not None and attn_mask.dtype is _bool:
        new_attn_mask = _creation.zeros_like(attn_mask, dtype=dtype)
        new_attn_mask.masked_fill_(attn_mask, float('-inf'))
        attn_mask = new_attn_mask
    return attn_mask


def _add_bias_kv(k, v, bias_k, bias_v, static_k, static_v, attn_mask, key_padding_mask, bsz):
    if bias_k is not None and bias_v is not None:
        assert static_k is None, 'bias cannot be added to static key.'
        assert static_v is None, 'bias cannot be added to static value.'
        k = cat([k, bias_k.repeat(1, bsz, 1)])
        v = cat([v, bias_v.repeat(1, bsz, 1)])
        attn_mask = None if attn_mask is None else pad(attn_mask, (0, 1))
        key_padding_mask = None if key_padding_mask is None else pad(key_padding_mask, (0, 1))
    else:
        assert bias_k is None
        assert bias_v is None
    return k, v, attn_mask, key_padding_mask


def _heads(x, static, bsz, num_heads, head_dim, name):
    """(S, N, E) -> (N * heads, S, head_dim), or the given static key/value."""
    if static is None:
        return x.contiguous().view(x.shape[0], bsz * num_heads, head_dim).transpose(0, 1)
    assert static.size(0) == bsz * num_heads, f'expecting {name}.size(0) of {bsz * num_heads}, but got {static.size(0)}'
    assert static.size(2) == head_dim, f'expecting {name}.size(2) of {head_dim}, but got {static.size(2)}'
    return static


def _add_zero_attn(k, v, attn_mask, key_padding_mask, bsz, num_heads, head_dim):
    zero_attn_shape = (bsz * num_heads, 1, head_dim)
    k = cat([k, _creation.zeros(zero_attn_shape, dtype=k.dtype)], dim=1)
    v = cat([v, _creation.zeros(zero_attn_shape, dtype=v.dtype)], dim=1)
    attn_mask = None if attn_mask is None else pad(attn_mask, (0, 1))
    key_padding_mask = None if key_padding_mask is None else pad(key_padding_mask, (0, 1))
    return k, v, attn_mask, key_padding_mask


def _project(query, key, value, embed_dim, num_heads, in_proj_weight, in_proj_bias, separate):
    """The checks on embedding sizes, then q, k, v in-projected (packed or separate weights)."""
    head_dim = embed_dim // num_heads
    assert head_dim * num_heads == embed_dim, f'embed_dim {embed_dim} not divisible by num_heads {num_heads}'
    if separate is None:
        assert key.shape == value.shape, f'key shape {key.shape} does not match value shape {value.shape}'
        assert in_proj_weight is not None, 'use_separate_proj_weight is False but in_proj_weight is None'
        return _in_projection_packed(query, key, value, in_proj_weight, in_proj_bias)
    assert key.shape[:2] == value.shape[:2], (
        f"key's sequence and batch dims {key.shape[:2]} do not match value's {value.shape[:2]}"
    )
    q_w, k_w, v_w = separate
    assert q_w is not None, 'use_separate_proj_weight is True but q_proj_weight is None'
    assert k_w is not None, 'use_separate_proj_weight is True but k_proj_weight is None'
    assert v_w is not None, 'use_separate_proj_weight is True but v_proj_weight is None'
    b_q, b_k, b_v = (None, None, None) if in_proj_bias is None else in_proj_bias.chunk(3)
    return _in_projection(query, key, value, q_w, k_w, v_w, b_q, b_k, b_v)


def _attend(q, k, v, attn_mask, dropout_p):
    """softmax(q k^T / sqrt(E) + mask), dropped out, times v: PyTorch's baddbmm/bmm composition."""
    _, _, E = q.shape
    q_scaled = q / math.sqrt(E)
    if attn_mask is not None:
        weights = attn_mask.baddbmm(q_scaled, k.transpose(-2, -1))
    else:
        weights = q_scaled.bmm(k.transpose(-2, -1))
    weights = softmax(weights, dim=-1)
    if dropout_p > 0.0:
        weights = dropout(weights, p=dropout_p)
    return weights.bmm(v), weights


def multi_head_attention_forward(
    query,
    key,
    value,
    embed_dim_to_check,
    num_heads,
    in_proj_weight,
    in_proj_bias,
    bias_k,
    bias_v,
    add_zero_attn,
    dropout_p,
    out_proj_weight,
    out_proj_bias,
    training=True,
    key_padding_mask=None,
    need_weights=True,
    attn_mask=None,
    use_separate_proj_weight=False,
    q_proj_weight=None,
    k_proj_weight=None,
    v_proj_weight=None,
    static_k=None,
    static_v=None,
    average_attn_weights=True,
):
    is_batched = _mha_shape_check(query, key, value, key_padding_mask, attn_mask, num_heads)
    if not is_batched:  # a batch of one, squeezed again at the end
        query, key, value = query.unsqueeze(1), key.unsqueeze(1), value.unsqueeze(1)
        if key_padding_mask is not None:
            key_padding_mask = key_padding_mask.unsqueeze(0)
    tgt_len, bsz, embed_dim = query.shape
    src_len, _, _ = key.shape
    _check_kpm_dtype(key_padding_mask)
    assert embed_dim == embed_dim_to_check, (
        f'was expecting embedding dimension of {embed_dim_to_check}, but got {embed_dim}'
    )
    head_dim = embed_dim // num_heads
    separate = (q_proj_weight, k_proj_weight, v_proj_weight) if use_separate_proj_weight else None
    q, k, v = _project(query, key, value, embed_dim, num_heads, in_proj_weight, in_proj_bias, separate)
    if attn_mask is not None:
        attn_mask = _prepare_attn_mask(attn_mask, bsz, num_heads, tgt_len, src_len)
    k, v, attn_mask, key_padding_mask = _add_bias_kv(
        k, v, bias_k, bias_v, static_k, static_v, attn_mask, key_padding_mask, bsz
    )
    q = q.contiguous().view(tgt_len, bsz * num_heads, head_dim).transpose(0, 1)
    k = _heads(k, static_k, bsz, num_heads, head_dim, 'static_k')
    v = _heads(v, static_v, bsz, num_heads, head_dim, 'static_v')
    if add_zero_attn:
        k, v, attn_mask, key_padding_mask = _add_zero_attn(k, v, attn_mask, key_padding_mask, bsz, num_heads, head_dim)
    src_len = k.size(1)
    attn_mask = _merge_masks(attn_mask, key_padding_mask, bsz, num_heads, src_len, q.dtype)
    attn_output, weights = _attend(q, k, v, attn_mask, dropout_p if training else 0.0)
    attn_output = attn_output.transpose(0, 1).contiguous().view(tgt_len * bsz, embed_dim)
    attn_output = linear(attn_output, out_proj_weight, out_proj_bias)
    attn_output = attn_output.view(tgt_len, bsz, attn_output.size(1))
    if not need_weights:
        return (attn_output if is_batched else attn_output.squeeze(1)), None
    weights = weights.view(bsz, num_heads, tgt_len, src_len)
    if average_attn_weights:
        weights = weights.sum(dim=1) / num_heads
    if not is_batched:
        return attn_output.squeeze(1), weights.squeeze(0)
    return attn_output, weights
