# UvA Deep Learning tutorials (Lippe), Tutorial 6 "Transformers and Multi-Head Attention": scaled_dot_product
# (matmul with k.transpose(-2, -1), / math.sqrt(d_k), masked_fill(mask == 0, -9e15), F.softmax) printed as
# "Q\n", q ...; a MultiheadAttention written from scratch (one qkv_proj, reshape/permute/chunk(3, dim=-1),
# xavier_uniform_ and bias.data.fill_(0)), EncoderBlock (attention + Dropout/ReLU(inplace=True) MLP +
# LayerNorm) in a TransformerEncoder with get_attention_maps, PositionalEncoding with
# register_buffer('pe', pe, persistent=False), a CosineWarmupScheduler subclassing
# optim.lr_scheduler._LRScheduler (get_lr from self.base_lrs and self.last_epoch, np.cos factor), and the
# reverse-the-sequence task: ReverseDataset with torch.flip(inp_data, dims=(0,)), partial(ReverseDataset,
# 10, 16), F.one_hot(...).float() inputs, cross_entropy over preds.view(-1, preds.size(-1)), accuracy, and
# the attention maps of the trained model. Plain PyTorch in place of Lightning.
import math
from functools import partial

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torch.utils.data as data

torch.manual_seed(42)
np.random.seed(42)
device = torch.device("cuda:0") if torch.cuda.is_available() else torch.device("cpu")
print("Device:", device)


def scaled_dot_product(q, k, v, mask=None):
    d_k = q.size()[-1]
    attn_logits = torch.matmul(q, k.transpose(-2, -1))
    attn_logits = attn_logits / math.sqrt(d_k)
    if mask is not None:
        attn_logits = attn_logits.masked_fill(mask == 0, -9e15)
    attention = F.softmax(attn_logits, dim=-1)
    values = torch.matmul(attention, v)
    return values, attention


seq_len, d_k = 3, 2
q = torch.randn(seq_len, d_k)
k = torch.randn(seq_len, d_k)
v = torch.randn(seq_len, d_k)
values, attention = scaled_dot_product(q, k, v)
print("Q\n", q)
print("K\n", k)
print("V\n", v)
print("Values\n", values)
print("Attention\n", attention)
causal = torch.tril(torch.ones(seq_len, seq_len))
values, attention = scaled_dot_product(q, k, v, mask=causal)
print("Masked attention\n", attention)


def expand_mask(mask):
    assert mask.ndim >= 2, "Mask must be at least 2-dimensional with seq_length x seq_length"
    if mask.ndim == 3:
        mask = mask.unsqueeze(1)
    while mask.ndim < 4:
        mask = mask.unsqueeze(0)
    return mask


class MultiheadAttention(nn.Module):
    def __init__(self, input_dim, embed_dim, num_heads):
        super().__init__()
        assert embed_dim % num_heads == 0, "Embedding dimension must be 0 modulo number of heads."
        self.embed_dim = embed_dim
        self.num_heads = num_heads
        self.head_dim = embed_dim // num_heads
        self.qkv_proj = nn.Linear(input_dim, 3 * embed_dim)
        self.o_proj = nn.Linear(embed_dim, embed_dim)
        self._reset_parameters()

    def _reset_parameters(self):
        nn.init.xavier_uniform_(self.qkv_proj.weight)
        self.qkv_proj.bias.data.fill_(0)
        nn.init.xavier_uniform_(self.o_proj.weight)
        self.o_proj.bias.data.fill_(0)

    def forward(self, x, mask=None, return_attention=False):
        batch_size, seq_length, _ = x.size()
        if mask is not None:
            mask = expand_mask(mask)
        qkv = self.qkv_proj(x)
        qkv = qkv.reshape(batch_size, seq_length, self.num_heads, 3 * self.head_dim)
        qkv = qkv.permute(0, 2, 1, 3)
        q, k, v = qkv.chunk(3, dim=-1)
        values, attention = scaled_dot_product(q, k, v, mask=mask)
        values = values.permute(0, 2, 1, 3)
        values = values.reshape(batch_size, seq_length, self.embed_dim)
        o = self.o_proj(values)
        if return_attention:
            return o, attention
        else:
            return o


mha = MultiheadAttention(input_dim=8, embed_dim=8, num_heads=2)
x = torch.randn(2, 5, 8)
o, att = mha(x, mask=torch.tril(torch.ones(5, 5)), return_attention=True)
print(o.shape, att.shape, att[0, 1, 2])
print(expand_mask(torch.ones(5, 5)).shape, expand_mask(torch.ones(2, 5, 5)).shape)


class EncoderBlock(nn.Module):
    def __init__(self, input_dim, num_heads, dim_feedforward, dropout=0.0):
        super().__init__()
        self.self_attn = MultiheadAttention(input_dim, input_dim, num_heads)
        self.linear_net = nn.Sequential(
            nn.Linear(input_dim, dim_feedforward),
            nn.Dropout(dropout),
            nn.ReLU(inplace=True),
            nn.Linear(dim_feedforward, input_dim)
        )
        self.norm1 = nn.LayerNorm(input_dim)
        self.norm2 = nn.LayerNorm(input_dim)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, mask=None):
        attn_out = self.self_attn(x, mask=mask)
        x = x + self.dropout(attn_out)
        x = self.norm1(x)
        linear_out = self.linear_net(x)
        x = x + self.dropout(linear_out)
        x = self.norm2(x)
        return x


class TransformerEncoder(nn.Module):
    def __init__(self, num_layers, **block_args):
        super().__init__()
        self.layers = nn.ModuleList([EncoderBlock(**block_args) for _ in range(num_layers)])

    def forward(self, x, mask=None):
        for l in self.layers:
            x = l(x, mask=mask)
        return x

    def get_attention_maps(self, x, mask=None):
        attention_maps = []
        for l in self.layers:
            _, attn_map = l.self_attn(x, mask=mask, return_attention=True)
            attention_maps.append(attn_map)
            x = l(x)
        return attention_maps


class PositionalEncoding(nn.Module):
    def __init__(self, d_model, max_len=5000):
        super().__init__()
        pe = torch.zeros(max_len, d_model)
        position = torch.arange(0, max_len, dtype=torch.float).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d_model, 2).float() * (-math.log(10000.0) / d_model))
        pe[:, 0::2] = torch.sin(position * div_term)
        pe[:, 1::2] = torch.cos(position * div_term)
        pe = pe.unsqueeze(0)
        self.register_buffer('pe', pe, persistent=False)

    def forward(self, x):
        x = x + self.pe[:, :x.size(1)]
        return x


encod_block = PositionalEncoding(d_model=48, max_len=96)
pe = encod_block.pe.squeeze().T.cpu().numpy()
print(pe.shape, pe.dtype, np.round(pe[:3, :4], 4))
print(list(dict(encod_block.named_buffers()).keys()), list(encod_block.state_dict().keys()))
fig, ax = plt.subplots(nrows=1, ncols=1, figsize=(8, 3))
pos = ax.imshow(pe, cmap="RdGy", extent=(1, pe.shape[1] + 1, pe.shape[0] + 1, 1))
fig.colorbar(pos, ax=ax)
ax.set_xlabel("Position in sequence")
ax.set_ylabel("Hidden dimension")
ax.set_title("Positional encoding over hidden dimensions")
plt.close(fig)


class CosineWarmupScheduler(optim.lr_scheduler._LRScheduler):
    def __init__(self, optimizer, warmup, max_iters):
        self.warmup = warmup
        self.max_num_iters = max_iters
        super().__init__(optimizer)

    def get_lr(self):
        lr_factor = self.get_lr_factor(epoch=self.last_epoch)
        return [base_lr * lr_factor for base_lr in self.base_lrs]

    def get_lr_factor(self, epoch):
        lr_factor = 0.5 * (1 + np.cos(np.pi * epoch / self.max_num_iters))
        if epoch <= self.warmup:
            lr_factor *= epoch * 1.0 / self.warmup
        return lr_factor


p = nn.Parameter(torch.empty(4, 4))
optimizer = optim.Adam([p], lr=1e-3)
lr_scheduler = CosineWarmupScheduler(optimizer=optimizer, warmup=100, max_iters=2000)
epochs = list(range(2000))
factors = [lr_scheduler.get_lr_factor(e) for e in epochs]
print(type(factors[1]).__name__, factors[0], factors[50], factors[100], factors[1000], factors[1999])
plt.plot(epochs, factors)
plt.ylabel("Learning rate factor")
plt.xlabel("Iterations (in batches)")
plt.title("Cosine Warm-up Learning Rate Scheduler")
plt.close()
print(lr_scheduler.last_epoch, lr_scheduler.get_last_lr(), lr_scheduler.base_lrs)
for _ in range(3):
    optimizer.step()
    lr_scheduler.step()
print(lr_scheduler.last_epoch, lr_scheduler.get_last_lr(), optimizer.param_groups[0]["lr"])
print(sorted(lr_scheduler.state_dict().keys()))


class ReverseDataset(data.Dataset):
    def __init__(self, num_categories, seq_len, size):
        super().__init__()
        self.num_categories = num_categories
        self.seq_len = seq_len
        self.size = size
        self.data = torch.randint(self.num_categories, size=(self.size, self.seq_len))

    def __len__(self):
        return self.size

    def __getitem__(self, idx):
        inp_data = self.data[idx]
        labels = torch.flip(inp_data, dims=(0,))
        return inp_data, labels


dataset = partial(ReverseDataset, 10, 12)
train_loader = data.DataLoader(dataset(1280), batch_size=64, shuffle=True, drop_last=True)
val_loader = data.DataLoader(dataset(192), batch_size=64)
inp_data, labels = train_loader.dataset[0]
print("Input data:", inp_data)
print("Labels:    ", labels)


class TransformerPredictor(nn.Module):
    def __init__(self, input_dim, model_dim, num_classes, num_heads, num_layers, dropout=0.0, input_dropout=0.0):
        super().__init__()
        self.input_net = nn.Sequential(nn.Dropout(input_dropout), nn.Linear(input_dim, model_dim))
        self.positional_encoding = PositionalEncoding(d_model=model_dim)
        self.transformer = TransformerEncoder(num_layers=num_layers, input_dim=model_dim,
                                              dim_feedforward=2 * model_dim, num_heads=num_heads, dropout=dropout)
        self.output_net = nn.Sequential(
            nn.Linear(model_dim, model_dim),
            nn.LayerNorm(model_dim),
            nn.ReLU(inplace=True),
            nn.Dropout(dropout),
            nn.Linear(model_dim, num_classes)
        )

    def forward(self, x, mask=None, add_positional_encoding=True):
        x = self.input_net(x)
        if add_positional_encoding:
            x = self.positional_encoding(x)
        x = self.transformer(x, mask=mask)
        x = self.output_net(x)
        return x

    @torch.no_grad()
    def get_attention_maps(self, x, mask=None, add_positional_encoding=True):
        x = self.input_net(x)
        if add_positional_encoding:
            x = self.positional_encoding(x)
        attention_maps = self.transformer.get_attention_maps(x, mask=mask)
        return attention_maps


model = TransformerPredictor(input_dim=10, model_dim=32, num_heads=1, num_classes=10, num_layers=1)
print(model)
print(sum(p.numel() for p in model.parameters()), "parameters;", len(model.state_dict()), "state_dict entries")


def calculate_loss(batch):
    inp_data, labels = batch
    inp_data = F.one_hot(inp_data, num_classes=10).float()
    preds = model(inp_data, add_positional_encoding=True)
    loss = F.cross_entropy(preds.view(-1, preds.size(-1)), labels.view(-1))
    acc = (preds.argmax(dim=-1) == labels).float().mean()
    return loss, acc


max_iters = 4 * len(train_loader)
optimizer = optim.Adam(model.parameters(), lr=5e-3)
lr_scheduler = CosineWarmupScheduler(optimizer, warmup=10, max_iters=max_iters)
for epoch in range(4):
    model.train()
    for batch in train_loader:
        loss, acc = calculate_loss(batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        lr_scheduler.step()
    model.eval()
    with torch.no_grad():
        val_acc = sum(calculate_loss(b)[1].item() for b in val_loader) / len(val_loader)
    print(f"epoch {epoch}: train loss {loss.item():.4f} train acc {acc.item():.4f} val acc {100.0 * val_acc:4.2f}%"
          f" lr {lr_scheduler.get_last_lr()[0]:.6f}")

data_input, labels = next(iter(val_loader))
inp_data = F.one_hot(data_input, num_classes=10).float().to(device)
attention_maps = model.get_attention_maps(inp_data)
print(len(attention_maps), attention_maps[0].shape)
print("first row", data_input[0], "argmax of its attention", attention_maps[0][0, 0].argmax(dim=-1))
print("attention on the mirrored position:",
      f"{attention_maps[0][:, 0].diagonal(dim1=-2, dim2=-1).mean().item():.4f} (diagonal)",
      f"{attention_maps[0][:, 0].flip(-1).diagonal(dim1=-2, dim2=-1).mean().item():.4f} (anti-diagonal)")
