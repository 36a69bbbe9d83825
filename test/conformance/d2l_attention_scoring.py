# d2l chapter 11 "Attention Mechanisms and Transformers" idioms, in our own code: a sequence mask from
# torch.arange(maxlen)[None, :] < valid_len[:, None] written with X[~mask] = value, masked softmax with
# torch.repeat_interleave of 1-D valid lengths and a -1e6 fill, additive attention (queries.unsqueeze(2) +
# keys.unsqueeze(1), tanh, a bias-free Linear to one score, squeeze(-1)), scaled dot-product attention with
# torch.bmm and keys.transpose(1, 2) / math.sqrt(d), multi-head attention by transpose_qkv/transpose_output
# (reshape, permute(0, 2, 1, 3)), valid_lens repeated per head, and the sin/cos positional encoding built with
# torch.pow(10000, torch.arange(0, n, 2, dtype=torch.float32) / n). Gradients flow through the masks.
import math

import torch
from torch import nn

torch.manual_seed(11)


def mask_sequence(X, valid_len, value=0.0):
    maxlen = X.size(1)
    keep = torch.arange(maxlen, dtype=torch.float32, device=X.device)[None, :] < valid_len[:, None]
    X[~keep] = value
    return X


def masked_softmax(X, valid_lens):
    """Softmax over the last axis, ignoring the positions past each valid length."""
    if valid_lens is None:
        return nn.functional.softmax(X, dim=-1)
    shape = X.shape
    if valid_lens.dim() == 1:
        valid_lens = torch.repeat_interleave(valid_lens, shape[1])
    else:
        valid_lens = valid_lens.reshape(-1)
    X = mask_sequence(X.reshape(-1, shape[-1]), valid_lens, value=-1e6)
    return nn.functional.softmax(X.reshape(shape), dim=-1)


print(mask_sequence(torch.ones(3, 5), torch.tensor([1, 4, 2])))
print(masked_softmax(torch.rand(2, 2, 4), torch.tensor([2, 3])))
print(masked_softmax(torch.rand(2, 2, 4), torch.tensor([[1, 3], [2, 4]])))
print(torch.repeat_interleave(torch.tensor([2, 3]), 3))


class AdditiveScorer(nn.Module):
    def __init__(self, num_hiddens, dropout):
        super().__init__()
        self.W_k = nn.Linear(3, num_hiddens, bias=False)
        self.W_q = nn.Linear(5, num_hiddens, bias=False)
        self.w_v = nn.Linear(num_hiddens, 1, bias=False)
        self.dropout = nn.Dropout(dropout)

    def forward(self, queries, keys, values, valid_lens):
        queries, keys = self.W_q(queries), self.W_k(keys)
        features = torch.tanh(queries.unsqueeze(2) + keys.unsqueeze(1))
        scores = self.w_v(features).squeeze(-1)
        self.attention_weights = masked_softmax(scores, valid_lens)
        return torch.bmm(self.dropout(self.attention_weights), values)


queries = torch.normal(0, 1, (2, 1, 5))
keys = torch.normal(0, 1, (2, 6, 3))
values = torch.arange(24, dtype=torch.float32).reshape(1, 6, 4).repeat(2, 1, 1).requires_grad_()
valid_lens = torch.tensor([2, 5])
additive = AdditiveScorer(num_hiddens=8, dropout=0.1)
additive.eval()
out = additive(queries, keys, values, valid_lens)
print(out.shape)
print(out)
print(additive.attention_weights)
out.sum().backward()
print(values.grad[0])
print(additive.w_v.weight.grad)


class ScaledDotScorer(nn.Module):
    def __init__(self, dropout):
        super().__init__()
        self.dropout = nn.Dropout(dropout)

    def forward(self, queries, keys, values, valid_lens=None):
        d = queries.shape[-1]
        scores = torch.bmm(queries, keys.transpose(1, 2)) / math.sqrt(d)
        self.attention_weights = masked_softmax(scores, valid_lens)
        return torch.bmm(self.dropout(self.attention_weights), values)


queries = torch.normal(0, 1, (2, 1, 3), requires_grad=True)
dot = ScaledDotScorer(dropout=0.5)
dot.eval()
out = dot(queries, keys, values.detach(), valid_lens)
print(out)
print(dot.attention_weights)
out.pow(2).mean().backward()
print(queries.grad)
dot.train()
print(dot(queries, keys, values.detach(), valid_lens).detach())


def transpose_qkv(X, num_heads):
    """(batch, steps, hiddens) -> (batch * heads, steps, hiddens / heads)."""
    X = X.reshape(X.shape[0], X.shape[1], num_heads, -1)
    X = X.permute(0, 2, 1, 3)
    return X.reshape(-1, X.shape[2], X.shape[3])


def transpose_output(X, num_heads):
    """The inverse of transpose_qkv."""
    X = X.reshape(-1, num_heads, X.shape[1], X.shape[2])
    X = X.permute(0, 2, 1, 3)
    return X.reshape(X.shape[0], X.shape[1], -1)


class HeadsAttention(nn.Module):
    def __init__(self, num_hiddens, num_heads, dropout, bias=False):
        super().__init__()
        self.num_heads = num_heads
        self.attention = ScaledDotScorer(dropout)
        self.W_q = nn.Linear(num_hiddens, num_hiddens, bias=bias)
        self.W_k = nn.Linear(num_hiddens, num_hiddens, bias=bias)
        self.W_v = nn.Linear(num_hiddens, num_hiddens, bias=bias)
        self.W_o = nn.Linear(num_hiddens, num_hiddens, bias=bias)

    def forward(self, queries, keys, values, valid_lens):
        queries = transpose_qkv(self.W_q(queries), self.num_heads)
        keys = transpose_qkv(self.W_k(keys), self.num_heads)
        values = transpose_qkv(self.W_v(values), self.num_heads)
        if valid_lens is not None:
            valid_lens = torch.repeat_interleave(valid_lens, repeats=self.num_heads, dim=0)
        output = self.attention(queries, keys, values, valid_lens)
        return self.W_o(transpose_output(output, self.num_heads))


num_hiddens, num_heads = 8, 2
heads = HeadsAttention(num_hiddens, num_heads, 0.5)
heads.eval()
print(heads)
X = torch.ones((2, 4, num_hiddens))
Y = torch.randn((2, 6, num_hiddens))
print(transpose_qkv(X, num_heads).shape, transpose_output(transpose_qkv(X, num_heads), num_heads).shape)
out = heads(X, Y, Y, torch.tensor([3, 2]))
print(out.shape)
print(out[0, :2])
print(heads.attention.attention_weights.shape)
print(heads.attention.attention_weights[1])
out.sum().backward()
print(heads.W_q.weight.grad[:2])
print(f'{heads.W_o.weight.grad.norm().item():.4f}')


class SinCosEncoding(nn.Module):
    def __init__(self, num_hiddens, dropout, max_len=1000):
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        self.P = torch.zeros((1, max_len, num_hiddens))
        angles = torch.arange(max_len, dtype=torch.float32).reshape(-1, 1) / torch.pow(
            10000, torch.arange(0, num_hiddens, 2, dtype=torch.float32) / num_hiddens
        )
        self.P[:, :, 0::2] = torch.sin(angles)
        self.P[:, :, 1::2] = torch.cos(angles)

    def forward(self, X):
        X = X + self.P[:, : X.shape[1], :].to(X.device)
        return self.dropout(X)


encoding_dim, num_steps = 6, 10
pos = SinCosEncoding(encoding_dim, 0)
pos.eval()
Xp = pos(torch.zeros((1, num_steps, encoding_dim)))
P = pos.P[:, : Xp.shape[1], :]
print(P.shape)
print(P[0, :4])
print(P[0, :, 4:6].T)
for i in range(8):
    print(f'{i} in binary is {i:>03b}')
print(torch.pow(10000, torch.arange(0, 8, 2, dtype=torch.float32) / 8))
