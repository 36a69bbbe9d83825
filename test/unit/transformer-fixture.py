#!/usr/bin/env python3
"""Writes test/unit/transformer-torch113.json: what real PyTorch 1.13 gives for nn.MultiheadAttention,
F.multi_head_attention_forward and the nn.Transformer family beyond the conformance files: seeded initial
values, reprs, parameter names, decoder layers and the whole nn.Transformer with masks, norm_first, a module
as activation, unbatched input, 3-D attn_masks, add_bias_kv, separate q/k/v weights, gradients and errors.
test/unit/transformer.test.ts runs this same file on our torch.

    /usr/bin/python3 test/unit/transformer-fixture.py > test/unit/transformer-torch113.json
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

from fixture_cases import run_exec_cases

SETUP = 'torch.manual_seed(0)\n'

CASES = [
    (
        'transformer init and repr',
        'm = nn.Transformer(d_model=4, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=6)\n'
        'result = [repr(m), [(n, list(p.shape)) for n, p in m.named_parameters()], '
        'm.decoder.layers[0].multihead_attn.in_proj_weight[:3], m.encoder.layers[0].linear1.bias, '
        'm.encoder.norm.weight]',
    ),
    (
        'transformer forward and backward',
        'm = nn.Transformer(d_model=4, nhead=2, num_encoder_layers=2, num_decoder_layers=1, dim_feedforward=6, '
        'dropout=0.0)\n'
        'src = torch.randn(5, 2, 4, requires_grad=True)\ntgt = torch.randn(3, 2, 4)\n'
        'out = m(src, tgt, tgt_mask=m.generate_square_subsequent_mask(3), '
        'src_key_padding_mask=torch.tensor([[False] * 5, [False] * 3 + [True] * 2]), '
        'memory_key_padding_mask=torch.tensor([[False] * 5, [False] * 3 + [True] * 2]))\n'
        'out.pow(2).sum().backward()\n'
        'result = [out, src.grad, m.decoder.layers[0].self_attn.in_proj_weight.grad[:2], '
        'm.encoder.layers[1].linear2.weight.grad[0]]',
    ),
    (
        'decoder layer norm_first batch_first with dropout',
        'layer = nn.TransformerDecoderLayer(4, 2, 8, dropout=0.2, batch_first=True, norm_first=True, '
        'activation=nn.GELU())\n'
        'tgt = torch.randn(2, 3, 4)\nmemory = torch.randn(2, 5, 4)\n'
        'out = layer(tgt, memory, tgt_mask=torch.triu(torch.ones(3, 3, dtype=torch.bool), 1), '
        'memory_mask=torch.zeros(3, 5))\n'
        'layer.eval()\n'
        'result = [repr(layer), out, layer(tgt, memory)]',
    ),
    (
        'encoder layer callable activation and unbatched',
        'layer = nn.TransformerEncoderLayer(4, 2, 8, dropout=0.0, activation=torch.tanh)\n'
        'x = torch.randn(3, 4)\n'
        'result = [layer.activation_relu_or_gelu, layer(x), layer(x, src_mask=torch.tensor([[0.0, -1.0, 0.0]] * 3))]',
    ),
    (
        'encoder stack without norm keeps layers independent',
        'enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, 8, dropout=0.0), 2)\n'
        'enc.layers[0].linear1.weight.data.zero_()\n'
        'result = [enc.layers[1].linear1.weight[0], enc.norm, enc(torch.randn(2, 1, 4))]',
    ),
    (
        'mha 3-d masks and add_bias_kv',
        'mha = nn.MultiheadAttention(4, 2, add_bias_kv=True)\n'
        'q = torch.randn(3, 2, 4, requires_grad=True)\nmask = torch.randn(4, 3, 3)\n'
        'out, w = mha(q, q, q, attn_mask=mask, average_attn_weights=False)\n'
        'out.sum().backward()\n'
        'result = [out, w, mha.bias_k.grad, mha.bias_v.grad, q.grad]',
    ),
    (
        'mha unbatched 3-d mask',
        'mha = nn.MultiheadAttention(4, 2)\nq = torch.randn(3, 4)\nkv = torch.randn(5, 4)\n'
        'mask = torch.zeros(2, 3, 5, dtype=torch.bool)\nmask[:, :, 0] = True\n'
        'result = list(mha(q, kv, kv, attn_mask=mask))',
    ),
    (
        'mha separate weights gradients',
        'mha = nn.MultiheadAttention(4, 2, kdim=2, vdim=3, bias=False, batch_first=True)\n'
        'q = torch.randn(1, 2, 4)\nk = torch.randn(1, 3, 2)\nv = torch.randn(1, 3, 3)\n'
        'out, w = mha(q, k, v, key_padding_mask=torch.tensor([[0.0, 0.0, -2.0]]))\n'
        'out.sum().backward()\n'
        'result = [mha.in_proj_bias, mha.out_proj.bias, out, w, mha.q_proj_weight.grad, mha.k_proj_weight.grad, '
        'mha.v_proj_weight.grad]',
    ),
    (
        'functional multi_head_attention_forward',
        'q = torch.randn(2, 1, 4)\nw_in = torch.randn(12, 4)\nb_in = torch.randn(12)\n'
        'w_out = torch.randn(4, 4)\nb_out = torch.zeros(4)\n'
        'out, w = F.multi_head_attention_forward(q, q, q, 4, 2, w_in, b_in, None, None, True, 0.0, w_out, b_out, '
        'training=False, attn_mask=torch.tensor([[0.0, 1.0], [1.0, 0.0]]))\n'
        'result = [out, w]',
    ),
    ('mha odd sizes', 'result = nn.MultiheadAttention(6, 4)'),
    ('bad activation', "result = nn.TransformerEncoderLayer(4, 2, activation='tanh')"),
    (
        'transformer d_model mismatch',
        'm = nn.Transformer(4, 2, 1, 1, 8)\nresult = m(torch.randn(3, 1, 4), torch.randn(2, 1, 6))',
    ),
    (
        'transformer batch mismatch',
        'm = nn.Transformer(4, 2, 1, 1, 8)\nresult = m(torch.randn(3, 1, 4), torch.randn(2, 2, 4))',
    ),
    (
        'mha 3-d mask shape',
        'm = nn.MultiheadAttention(4, 2)\nq = torch.randn(3, 2, 4)\nresult = m(q, q, q, attn_mask=torch.zeros(2, 3, 3))',
    ),
    (
        'mha byte padding mask',
        'm = nn.MultiheadAttention(4, 2)\nq = torch.randn(3, 2, 4)\n'
        'result = m(q, q, q, key_padding_mask=torch.zeros(2, 3, dtype=torch.int64))',
    ),
    ('square subsequent mask', 'result = nn.Transformer.generate_square_subsequent_mask(4).exp()'),
    (
        'masked_fill broadcast and triu of inf',
        'a = torch.zeros(1, 2, 3)\nm = torch.tensor([[[True, False, False]], [[False, False, True]]])\n'
        'result = [a.masked_fill(m, float("-inf")).exp(), torch.triu(torch.full((2, 3), float("-inf"))).exp()]',
    ),
]


def main():
    run_exec_cases(CASES, lambda: {'torch': torch, 'nn': nn, 'F': F}, setup=SETUP)


if __name__ == '__main__':
    main()
