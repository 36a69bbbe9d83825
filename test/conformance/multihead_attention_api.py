# nn.MultiheadAttention called directly, as its API page and the transformer tutorials use it: the module and
# its parameters (in_proj_weight drawn by xavier_uniform_, zero biases, out_proj), self-attention on
# (seq, batch, embed) input, batch_first=True, a bool key_padding_mask, bool and float attn_masks (the causal
# one from nn.Transformer.generate_square_subsequent_mask), a 3-D per-head mask, average_attn_weights=False,
# need_weights=False, unbatched input, cross-attention with kdim/vdim (separate projection weights),
# add_bias_kv/add_zero_attn, dropout in train vs eval, gradients, and the errors learners meet.
import torch
from torch import nn

torch.manual_seed(3)
embed_dim, num_heads = 6, 2
mha = nn.MultiheadAttention(embed_dim, num_heads)
print(mha)
for name, p in mha.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)
print(mha.in_proj_weight[:2])
print(mha.in_proj_bias.abs().sum().item(), mha.out_proj.bias.abs().sum().item())
print(mha.head_dim, mha.batch_first, mha._qkv_same_embed_dim)

seq, batch = 4, 2
x = torch.randn(seq, batch, embed_dim, requires_grad=True)
out, weights = mha(x, x, x)
print(out.shape, weights.shape)
print(out[:, 0])
print(weights[0])
print(weights.sum(dim=-1))

padding = torch.tensor([[False, False, False, True], [False, False, True, True]])
out, weights = mha(x, x, x, key_padding_mask=padding)
print(weights)
causal = nn.Transformer.generate_square_subsequent_mask(seq)
print(causal)
out, weights = mha(x, x, x, attn_mask=causal, key_padding_mask=padding)
print(weights[1])
bool_causal = torch.triu(torch.ones(seq, seq, dtype=torch.bool), diagonal=1)
out_b, weights_b = mha(x, x, x, attn_mask=bool_causal, key_padding_mask=padding)
print(torch.allclose(weights, weights_b), torch.allclose(out, out_b))

out, per_head = mha(x, x, x, attn_mask=causal, average_attn_weights=False)
print(per_head.shape)
print(per_head[0, 1])
out, nothing = mha(x, x, x, need_weights=False)
print(nothing)

bias = torch.zeros(batch * num_heads, seq, seq)
bias[:, :, 0] = -2.0
out, weights = mha(x, x, x, attn_mask=bias)
print(weights[0, :2])

loss = out.pow(2).mean()
loss.backward()
print(f'loss {loss.item():.4f}')
print(x.grad[0])
print(mha.in_proj_weight.grad[:2])
# the key bias shifts every score of a query alike, which softmax ignores: its gradient is rounding noise
q_bias_grad, k_bias_grad, v_bias_grad = mha.in_proj_bias.grad.chunk(3)
print(q_bias_grad, v_bias_grad, k_bias_grad.abs().max().item() < 1e-6)
print(mha.out_proj.weight.grad.norm())

single = x[:, 0].detach()
out, weights = mha(single, single, single)
print(out.shape, weights.shape)
print(weights)

torch.manual_seed(4)
bf = nn.MultiheadAttention(4, 2, batch_first=True, dropout=0.3)
tokens = torch.randn(3, 5, 4)
bf.train()
out, weights = bf(tokens, tokens, tokens)
print(out.shape, weights.shape)
print(weights[0])
bf.eval()
out, weights = bf(tokens, tokens, tokens)
print(weights[0])
print(out[0, :2])
with torch.no_grad():
    out_ng, weights_ng = bf(tokens, tokens, tokens)
print(torch.allclose(out, out_ng, atol=1e-6), torch.allclose(weights, weights_ng, atol=1e-6))

torch.manual_seed(5)
cross = nn.MultiheadAttention(4, 2, kdim=3, vdim=5)
print(cross)
print([(name, tuple(p.shape)) for name, p in cross.named_parameters()])
print(cross.in_proj_weight)
target = torch.randn(2, 1, 4)
memory_k = torch.randn(6, 1, 3)
memory_v = torch.randn(6, 1, 5)
out, weights = cross(target, memory_k, memory_v)
print(out)
print(weights)

torch.manual_seed(6)
extra = nn.MultiheadAttention(4, 2, add_bias_kv=True, add_zero_attn=True)
print(extra.bias_k.shape, extra.bias_v)
q = torch.randn(3, 2, 4)
out, weights = extra(q, q, q, key_padding_mask=torch.tensor([[False, False, True], [False, False, False]]))
print(weights.shape)
print(weights[0])

for make in (
    lambda: nn.MultiheadAttention(5, 2),
    lambda: mha(x, x, x, attn_mask=torch.zeros(3, 3)),
    lambda: mha(x, x, x, key_padding_mask=torch.zeros(2, 4, dtype=torch.long)),
    lambda: mha(x[0], x, x),
):
    try:
        make()
    except (AssertionError, RuntimeError) as e:
        print(type(e).__name__, e)
