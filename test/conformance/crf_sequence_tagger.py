# Sequence labelling with a bidirectional LSTM and a linear-chain CRF on top, the idioms of the PyTorch NLP
# tutorial's "dynamic decisions" chapter: a transition score matrix as an nn.Parameter with forbidden moves
# set through .data, the partition function by the forward recursion with a max-shifted log-sum-exp, the
# gold path's score by indexing, Viterbi decoding with back-pointers, and SGD with weight decay.
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(7)

BEGIN, END = "<s>", "</s>"
labels = ["NOUN", "VERB", "OTHER", BEGIN, END]
label_id = {name: i for i, name in enumerate(labels)}

corpus = [
    ("dogs chase cats in the park".split(), ["NOUN", "VERB", "NOUN", "OTHER", "OTHER", "NOUN"]),
    ("birds sing at dawn".split(), ["NOUN", "VERB", "OTHER", "NOUN"]),
    ("the cat sleeps".split(), ["OTHER", "NOUN", "VERB"]),
]
word_id = {}
for words, _ in corpus:
    for w in words:
        word_id.setdefault(w, len(word_id))


def ids(seq, table):
    return torch.tensor([table[s] for s in seq], dtype=torch.long)


def best_index(row):
    _, where = torch.max(row, 1)
    return where.item()


def logsumexp_row(scores):
    top = scores[0, best_index(scores)]
    return top + torch.log(torch.sum(torch.exp(scores - top.view(1, -1).expand(1, scores.size(1)))))


class Tagger(nn.Module):
    def __init__(self, n_words, n_labels, emb=6, hidden=8):
        super().__init__()
        self.n_labels = n_labels
        self.hidden = hidden
        self.embed = nn.Embedding(n_words, emb)
        self.rnn = nn.LSTM(emb, hidden // 2, bidirectional=True)
        self.emit = nn.Linear(hidden, n_labels)
        # transition[to, from]: nothing moves into BEGIN, nothing leaves END
        self.transition = nn.Parameter(torch.randn(n_labels, n_labels))
        self.transition.data[label_id[BEGIN], :] = -10000.0
        self.transition.data[:, label_id[END]] = -10000.0

    def emissions(self, sentence):
        state = (torch.randn(2, 1, self.hidden // 2), torch.randn(2, 1, self.hidden // 2))
        x = self.embed(sentence).view(len(sentence), 1, -1)
        out, _ = self.rnn(x, state)
        return self.emit(out.view(len(sentence), self.hidden))

    def log_partition(self, feats):
        alpha = torch.full((1, self.n_labels), -10000.0)
        alpha[0][label_id[BEGIN]] = 0.0
        for feat in feats:
            step = []
            for to in range(self.n_labels):
                emit = feat[to].view(1, -1).expand(1, self.n_labels)
                step.append(logsumexp_row(alpha + self.transition[to].view(1, -1) + emit).view(1))
            alpha = torch.cat(step).view(1, -1)
        return logsumexp_row(alpha + self.transition[label_id[END]])

    def path_score(self, feats, tags):
        total = torch.zeros(1)
        tags = torch.cat([torch.tensor([label_id[BEGIN]], dtype=torch.long), tags])
        for t, feat in enumerate(feats):
            total = total + self.transition[tags[t + 1], tags[t]] + feat[tags[t + 1]]
        return total + self.transition[label_id[END], tags[-1]]

    def decode(self, feats):
        pointers = []
        score = torch.full((1, self.n_labels), -10000.0)
        score[0][label_id[BEGIN]] = 0
        for feat in feats:
            back, best = [], []
            for to in range(self.n_labels):
                cand = score + self.transition[to]
                k = best_index(cand)
                back.append(k)
                best.append(cand[0][k].view(1))
            score = (torch.cat(best) + feat).view(1, -1)
            pointers.append(back)
        final = score + self.transition[label_id[END]]
        k = best_index(final)
        path = [k]
        for back in reversed(pointers):
            k = back[k]
            path.append(k)
        assert path.pop() == label_id[BEGIN]
        return final[0][path[0]], path[::-1]

    def nll(self, sentence, tags):
        feats = self.emissions(sentence)
        return self.log_partition(feats) - self.path_score(feats, tags)

    def forward(self, sentence):
        return self.decode(self.emissions(sentence))


model = Tagger(len(word_id), len(labels))
opt = optim.SGD(model.parameters(), lr=0.05, weight_decay=1e-4)
with torch.no_grad():
    score, path = model(ids(corpus[0][0], word_id))
    print("before:", round(score.item(), 4), [labels[i] for i in path])
for epoch in range(1, 41):
    epoch_loss = 0.0
    for words, tags in corpus:
        model.zero_grad()
        loss = model.nll(ids(words, word_id), ids(tags, label_id))
        loss.backward()
        opt.step()
        epoch_loss += loss.item()
    if epoch % 10 == 0:
        print(f"epoch {epoch:2d} loss {epoch_loss:.4f}", loss)
with torch.no_grad():
    for words, tags in corpus:
        score, path = model(ids(words, word_id))
        print(" ".join(words), "->", [labels[i] for i in path], "gold", tags, round(score.item(), 3))
print(model.transition.grad.shape, model.transition[label_id[BEGIN]].max().item())
