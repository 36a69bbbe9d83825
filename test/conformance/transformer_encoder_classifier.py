# The "Language Modeling with nn.Transformer" tutorial's habits at toy size, on generated tokens: a
# PositionalEncoding module (div_term from torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) /
# d_model)), pe[:, 0, 0::2] = sin, register_buffer('pe', pe), x + self.pe[:x.size(0)]), nn.Embedding scaled by
# math.sqrt(d_model), nn.TransformerEncoderLayer/TransformerEncoder, init_weights with uniform_(-0.1, 0.1),
# the causal mask both by hand (torch.triu(torch.ones(sz, sz) * float('-inf'), diagonal=1)) and from
# nn.Transformer.generate_square_subsequent_mask, batchify/get_batch with bptt, SGD(lr=5.0) with StepLR(1.0,
# gamma=0.95), clip_grad_norm_(0.5), evaluate() under no_grad, perplexity, a deep-copied best model; then a
# sequence classifier: batch_first=True, gelu, norm_first, src_key_padding_mask, masked mean pooling, Adam, and
# the eval-mode padding path (padded positions zeroed, the batch cut to its longest sequence).
import copy
import math
import warnings

import torch
from torch import nn

torch.manual_seed(7)


class PositionalEncoding(nn.Module):
    def __init__(self, d_model, dropout=0.1, max_len=64):
        super().__init__()
        self.dropout = nn.Dropout(p=dropout)
        position = torch.arange(max_len).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
        pe = torch.zeros(max_len, 1, d_model)
        pe[:, 0, 0::2] = torch.sin(position * div_term)
        pe[:, 0, 1::2] = torch.cos(position * div_term)
        self.register_buffer('pe', pe)

    def forward(self, x):
        x = x + self.pe[: x.size(0)]
        return self.dropout(x)


class TinyLM(nn.Module):
    def __init__(self, ntoken, d_model, nhead, d_hid, nlayers, dropout=0.2):
        super().__init__()
        self.model_type = 'Transformer'
        self.pos_encoder = PositionalEncoding(d_model, dropout)
        layer = nn.TransformerEncoderLayer(d_model, nhead, d_hid, dropout)
        self.transformer_encoder = nn.TransformerEncoder(layer, nlayers)
        self.encoder = nn.Embedding(ntoken, d_model)
        self.d_model = d_model
        self.decoder = nn.Linear(d_model, ntoken)
        self.init_weights()

    def init_weights(self):
        initrange = 0.1
        self.encoder.weight.data.uniform_(-initrange, initrange)
        self.decoder.bias.data.zero_()
        self.decoder.weight.data.uniform_(-initrange, initrange)

    def forward(self, src, src_mask):
        src = self.encoder(src) * math.sqrt(self.d_model)
        src = self.pos_encoder(src)
        output = self.transformer_encoder(src, src_mask)
        return self.decoder(output)


def causal_mask(sz):
    return torch.triu(torch.ones(sz, sz) * float('-inf'), diagonal=1)


print(causal_mask(4))
print(torch.equal(causal_mask(5), nn.Transformer.generate_square_subsequent_mask(5)))

# a token stream with structure to learn: each token mostly follows from the one before
ntokens, stream_len = 10, 240
stream = [0]
noise = torch.rand(stream_len)
for k in range(1, stream_len):
    stream.append(int(torch.randint(ntokens, ())) if noise[k] < 0.1 else (stream[-1] * 3 + 1) % ntokens)
stream = torch.tensor(stream, dtype=torch.long)
print(stream[:20])


def batchify(data, bsz):
    seq_len = data.size(0) // bsz
    data = data[: seq_len * bsz]
    return data.view(bsz, seq_len).t().contiguous()


train_data = batchify(stream[:192], 4)
val_data = batchify(stream[192:], 2)
print(train_data.shape, val_data.shape)
bptt = 8


def get_batch(source, i):
    seq_len = min(bptt, len(source) - 1 - i)
    data = source[i : i + seq_len]
    target = source[i + 1 : i + 1 + seq_len].reshape(-1)
    return data, target


model = TinyLM(ntokens, d_model=16, nhead=2, d_hid=32, nlayers=2, dropout=0.2)
print(model)
print(sum(p.numel() for p in model.parameters() if p.requires_grad))
print([name for name, _ in model.named_buffers()])
print(model.pos_encoder.pe[:3, 0, :6])
print(model.transformer_encoder.layers[0].self_attn.in_proj_weight[:2, :6])

criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=5.0)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1.0, gamma=0.95)
data, targets = get_batch(train_data, 0)
print(data.shape, targets.shape)
print(model(data, causal_mask(bptt)).shape)


def train(epoch):
    model.train()
    total_loss = 0.0
    src_mask = nn.Transformer.generate_square_subsequent_mask(bptt)
    num_batches = len(train_data) // bptt
    for batch, i in enumerate(range(0, train_data.size(0) - 1, bptt)):
        data, targets = get_batch(train_data, i)
        seq_len = data.size(0)
        if seq_len != bptt:
            src_mask = src_mask[:seq_len, :seq_len]
        output = model(data, src_mask)
        loss = criterion(output.view(-1, ntokens), targets)
        optimizer.zero_grad()
        loss.backward()
        norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 0.5)
        optimizer.step()
        total_loss += loss.item()
        if batch % 2 == 1:
            lr = scheduler.get_last_lr()[0]
            cur_loss = total_loss / 2
            print(
                f'| epoch {epoch:3d} | {batch:2d}/{num_batches:2d} batches | lr {lr:02.4f} | '
                f'grad norm {norm.item():.4f} | loss {cur_loss:5.4f} | ppl {math.exp(cur_loss):8.4f}'
            )
            total_loss = 0.0


def evaluate(eval_model, eval_data):
    eval_model.eval()
    total_loss = 0.0
    src_mask = nn.Transformer.generate_square_subsequent_mask(bptt)
    with torch.no_grad():
        for i in range(0, eval_data.size(0) - 1, bptt):
            data, targets = get_batch(eval_data, i)
            seq_len = data.size(0)
            if seq_len != bptt:
                src_mask = src_mask[:seq_len, :seq_len]
            output = eval_model(data, src_mask)
            total_loss += seq_len * criterion(output.view(-1, ntokens), targets).item()
    return total_loss / (len(eval_data) - 1)


best_val_loss = float('inf')
best_model = None
for epoch in range(1, 3):
    train(epoch)
    val_loss = evaluate(model, val_data)
    print(f'| end of epoch {epoch:3d} | valid loss {val_loss:5.4f} | valid ppl {math.exp(val_loss):8.4f}')
    if val_loss < best_val_loss:
        best_val_loss = val_loss
        best_model = copy.deepcopy(model)
    scheduler.step()
print(f'best {best_val_loss:.4f}', scheduler.get_last_lr())
with torch.no_grad():
    best_model.eval()
    logits = best_model(val_data[:6, :1], causal_mask(6))
print(logits.argmax(-1).view(-1), val_data[1:7, 0])


class SeqClassifier(nn.Module):
    def __init__(self, ntoken, d_model=8, nhead=2, num_classes=2):
        super().__init__()
        self.embed = nn.Embedding(ntoken, d_model, padding_idx=0)
        layer = nn.TransformerEncoderLayer(
            d_model, nhead, dim_feedforward=16, dropout=0.1, activation='gelu', batch_first=True, norm_first=True
        )
        self.encoder = nn.TransformerEncoder(layer, num_layers=1, norm=nn.LayerNorm(d_model))
        self.head = nn.Linear(d_model, num_classes)

    def forward(self, tokens):
        padding = tokens == 0
        h = self.encoder(self.embed(tokens), src_key_padding_mask=padding)
        keep = (~padding).unsqueeze(-1).float()
        pooled = (h * keep).sum(dim=1) / keep.sum(dim=1)
        return self.head(pooled)


torch.manual_seed(8)
tokens = torch.randint(1, 6, (6, 5))
tokens[0, 3:] = 0
tokens[3, 4:] = 0
labels = (tokens == 5).any(dim=1).long()
print(tokens, labels)
clf = SeqClassifier(6)
print(clf.encoder.layers[0].activation is nn.functional.gelu, clf.encoder.layers[0].norm_first)
opt = torch.optim.Adam(clf.parameters(), lr=0.01)
for step in range(6):
    clf.train()
    loss = nn.functional.cross_entropy(clf(tokens), labels)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(f'step {step} loss {loss.item():.4f}')
clf.eval()
with torch.no_grad():
    probs = clf(tokens).softmax(dim=-1)
print(probs)
print((probs.argmax(1) == labels).float().mean().item())
print(clf.head.weight.grad)

# In eval mode without gradients PyTorch's encoder drops padded positions (its nested-tensor path): they come
# back as zeros, and the batch only as long as its longest sequence. Learners silence its prototype warning.
warnings.filterwarnings('ignore', message='The PyTorch API of nested tensors')
post_norm = nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16, batch_first=True), num_layers=2)
post_norm.eval()
short = tokens[[0, 3]]
with torch.no_grad():
    encoded = post_norm(clf.embed(short), src_key_padding_mask=short == 0)
print(short.shape, encoded.shape)
print(encoded)
print(post_norm(clf.embed(short), src_key_padding_mask=short == 0).shape)
