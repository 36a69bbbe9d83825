# Idioms: the word language model's pieces: a `Dictionary` (`word2idx`/`idx2word`) and corpus tokenised into
# a LongTensor, `batchify` with `narrow` + `view(bsz, -1).t().contiguous()`, `get_batch` with `bptt`,
# an `RNNModel` (Embedding, Dropout, LSTM, Linear decoder with tied weights, `init_weights` with
# `uniform_`/`zeros_`, `init_hidden` via `weight.new_zeros`), `repackage_hidden`, `clip_grad_norm_`,
# the manual update `p.data.add_(p.grad, alpha=-lr)`, perplexity `math.exp`, the `| epoch ...` log line.
# Seen in: pytorch/examples word_language_model/{data,model,main}.py (PT-examples).
import math

import torch
import torch.nn as nn

torch.manual_seed(1111)

text = (
    'the cat sat on the mat <eos> the dog sat on the log <eos> a cat saw a dog <eos> '
    'the dog saw the cat on the mat <eos> a log sat on a mat <eos>'
) * 3


class Dictionary(object):
    def __init__(self):
        self.word2idx = {}
        self.idx2word = []

    def add_word(self, word):
        if word not in self.word2idx:
            self.idx2word.append(word)
            self.word2idx[word] = len(self.idx2word) - 1
        return self.word2idx[word]

    def __len__(self):
        return len(self.idx2word)


d = Dictionary()
ids = torch.tensor([d.add_word(w) for w in text.split()]).type(torch.int64)
print(len(d), ids.shape, ids[:12])


def batchify(data, bsz):
    nbatch = data.size(0) // bsz
    data = data.narrow(0, 0, nbatch * bsz)
    return data.view(bsz, -1).t().contiguous()


train_data = batchify(ids, 4)
print(train_data.shape, train_data.is_contiguous())
bptt = 5


def get_batch(source, i):
    seq_len = min(bptt, len(source) - 1 - i)
    return source[i : i + seq_len], source[i + 1 : i + 1 + seq_len].view(-1)


class RNNModel(nn.Module):
    def __init__(self, ntoken, ninp, nhid, nlayers, dropout=0.2, tie_weights=False):
        super(RNNModel, self).__init__()
        self.ntoken = ntoken
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        self.rnn = nn.LSTM(ninp, nhid, nlayers, dropout=dropout)
        self.decoder = nn.Linear(nhid, ntoken)
        if tie_weights:
            self.decoder.weight = self.encoder.weight
        self.init_weights()
        self.nhid = nhid
        self.nlayers = nlayers

    def init_weights(self):
        initrange = 0.1
        nn.init.uniform_(self.encoder.weight, -initrange, initrange)
        nn.init.zeros_(self.decoder.bias)
        nn.init.uniform_(self.decoder.weight, -initrange, initrange)

    def forward(self, input, hidden):
        emb = self.drop(self.encoder(input))
        output, hidden = self.rnn(emb, hidden)
        output = self.drop(output)
        decoded = self.decoder(output).view(-1, self.ntoken)
        return nn.functional.log_softmax(decoded, dim=1), hidden

    def init_hidden(self, bsz):
        weight = next(self.parameters())
        return (weight.new_zeros(self.nlayers, bsz, self.nhid), weight.new_zeros(self.nlayers, bsz, self.nhid))


def repackage_hidden(h):
    if isinstance(h, torch.Tensor):
        return h.detach()
    return tuple(repackage_hidden(v) for v in h)


model = RNNModel(len(d), 8, 8, 2, tie_weights=True)
print(model)
print(model.decoder.weight is model.encoder.weight, sum(p.numel() for p in model.parameters()))
criterion = nn.NLLLoss()
lr = 5.0
for epoch in range(1, 4):
    model.train()
    total_loss = 0.0
    hidden = model.init_hidden(4)
    for batch, i in enumerate(range(0, train_data.size(0) - 1, bptt)):
        data, targets = get_batch(train_data, i)
        model.zero_grad()
        hidden = repackage_hidden(hidden)
        output, hidden = model(data, hidden)
        loss = criterion(output, targets)
        loss.backward()
        norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 0.25)
        for p in model.parameters():
            p.data.add_(p.grad, alpha=-lr)
        total_loss += loss.item()
    cur_loss = total_loss / (batch + 1)
    print(
        '| epoch {:3d} | {:5d} batches | lr {:02.2f} | loss {:5.2f} | ppl {:8.2f} | norm {:.4f}'.format(
            epoch, batch + 1, lr, cur_loss, math.exp(cur_loss), norm
        )
    )
model.eval()
with torch.no_grad():
    hidden = model.init_hidden(1)
    inp = torch.tensor([[d.word2idx['the']]])
    words = []
    for _ in range(6):
        output, hidden = model(inp, hidden)
        word_idx = output.argmax(dim=1).item()
        inp.fill_(word_idx)
        words.append(d.idx2word[word_idx])
print(' '.join(words))
print(hidden[0].shape, hidden[0].requires_grad)
