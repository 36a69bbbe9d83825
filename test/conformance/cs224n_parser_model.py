# Stanford CS224n assignment 3 style (the neural dependency parser): a PartialParse with SHIFT / LEFT-ARC /
# RIGHT-ARC checked by test_step helpers ("... test passed!"), a ParserModel whose embeddings are a
# Parameter built from a numpy float32 array and looked up with torch.index_select(...).view(batch, -1),
# weights made by torch.empty + nn.init.xavier_uniform_ / nn.init.uniform_, F.relu hidden layer, dropout,
# a check_embedding / check_forward pair printing "... sanity check passes!", an nn.Embedding.from_pretrained
# variant, and the run.py training loop: minibatches from a generator over shuffled numpy indices with
# one-hot labels, torch.from_numpy(...).long(), labels by one_hot.nonzero()[1], nn.CrossEntropyLoss + Adam,
# an AverageMeter, model.train()/model.eval() and an accuracy ("UAS") under torch.no_grad().
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class PartialParse(object):
    def __init__(self, sentence):
        self.sentence = sentence
        self.stack = ["ROOT"]
        self.buffer = list(sentence)
        self.dependencies = []

    def parse_step(self, transition):
        if transition == "S":
            self.stack.append(self.buffer.pop(0))
        elif transition == "LA":
            dependent = self.stack.pop(-2)
            self.dependencies.append((self.stack[-1], dependent))
        elif transition == "RA":
            dependent = self.stack.pop()
            self.dependencies.append((self.stack[-1], dependent))

    def parse(self, transitions):
        for transition in transitions:
            self.parse_step(transition)
        return self.dependencies


def test_step(name, transition, stack, buf, deps, ex_stack, ex_buf, ex_deps):
    pp = PartialParse([])
    pp.stack, pp.buffer, pp.dependencies = stack, buf, deps
    pp.parse_step(transition)
    stack, buf, deps = (tuple(pp.stack), tuple(pp.buffer), tuple(sorted(pp.dependencies)))
    assert stack == ex_stack, "{:} test resulted in stack {:}, expected {:}".format(name, stack, ex_stack)
    assert buf == ex_buf, "{:} test resulted in buffer {:}, expected {:}".format(name, buf, ex_buf)
    assert deps == ex_deps, "{:} test resulted in dependency list {:}, expected {:}".format(name, deps, ex_deps)
    print("{:} test passed!".format(name))


test_step("SHIFT", "S", ["ROOT", "the"], ["cat", "sat"], [], ("ROOT", "the", "cat"), ("sat",), ())
test_step("LEFT-ARC", "LA", ["ROOT", "the", "cat"], ["sat"], [], ("ROOT", "cat"), ("sat",), (("cat", "the"),))
test_step("RIGHT-ARC", "RA", ["ROOT", "run", "fast"], [], [], ("ROOT", "run"), (), (("run", "fast"),))
print(PartialParse(["parse", "this", "sentence"]).parse(["S", "S", "S", "LA", "RA", "RA"]))


class ParserModel(nn.Module):
    def __init__(self, embeddings, n_features=6, hidden_size=20, n_classes=3, dropout_prob=0.5):
        super(ParserModel, self).__init__()
        self.n_features = n_features
        self.n_classes = n_classes
        self.dropout_prob = dropout_prob
        self.embed_size = embeddings.shape[1]
        self.hidden_size = hidden_size
        self.embeddings = nn.Parameter(torch.tensor(embeddings))

        self.embed_to_hidden_weight = nn.Parameter(torch.empty(self.n_features * self.embed_size, self.hidden_size))
        nn.init.xavier_uniform_(self.embed_to_hidden_weight)
        self.embed_to_hidden_bias = nn.Parameter(torch.empty(self.hidden_size))
        nn.init.uniform_(self.embed_to_hidden_bias)
        self.dropout = nn.Dropout(p=self.dropout_prob)
        self.hidden_to_logits_weight = nn.Parameter(torch.empty(self.hidden_size, self.n_classes))
        nn.init.xavier_uniform_(self.hidden_to_logits_weight)
        self.hidden_to_logits_bias = nn.Parameter(torch.empty(self.n_classes))
        nn.init.uniform_(self.hidden_to_logits_bias)

    def embedding_lookup(self, w):
        x = torch.index_select(self.embeddings, 0, w.view(-1)).view(w.shape[0], -1)
        return x

    def forward(self, w):
        x = self.embedding_lookup(w)
        h = F.relu(torch.matmul(x, self.embed_to_hidden_weight) + self.embed_to_hidden_bias)
        logits = torch.matmul(self.dropout(h), self.hidden_to_logits_weight) + self.hidden_to_logits_bias
        return logits


torch.manual_seed(224)
np.random.seed(224)

embeddings = np.zeros((100, 30), dtype=np.float32)
model = ParserModel(embeddings)
print(model)
for name, p in model.named_parameters():
    print(name, p.shape, p.dtype)
w = model.embed_to_hidden_weight
bound = math.sqrt(6.0 / (w.shape[0] + w.shape[1]))
print(round(bound, 6), bool(w.abs().max() <= bound), bool(model.embed_to_hidden_bias.min() >= 0))


def check_embedding():
    inds = torch.randint(0, 100, (4, 6), dtype=torch.long)
    selected = model.embedding_lookup(inds)
    assert np.all(selected.data.numpy() == 0), "The result of embedding lookup: " + repr(selected) + " contains non-zero elements."
    print(selected.shape)


def check_forward():
    inputs = torch.randint(0, 100, (4, 6), dtype=torch.long)
    out = model(inputs)
    expected_out_shape = (4, 3)
    assert out.shape == expected_out_shape, "The result shape of forward is: " + repr(out.shape) + " which doesn't match expected " + repr(expected_out_shape)
    print(out.shape)


check_embedding()
print("Embedding_lookup sanity check passes!")
check_forward()
print("Forward sanity check passes!")

# The same lookup through nn.Embedding.from_pretrained, as the 2019 edition of the assignment had it.
table = torch.tensor(np.arange(12, dtype=np.float32).reshape(6, 2))
emb = nn.Embedding.from_pretrained(table, freeze=False)
print(emb, emb.weight.requires_grad)
idx = torch.tensor([[0, 5], [2, 2]])
print(emb(idx).view(idx.shape[0], -1))
print(torch.equal(emb(idx), torch.index_select(table, 0, idx.view(-1)).view(2, 2, 2)))
frozen = nn.Embedding.from_pretrained(table)
print(frozen.weight.requires_grad, frozen(torch.tensor([3])))

# Synthetic "parser configurations": 6 word ids a configuration; the gold transition depends on the first two.
vocab, n_feat, n_examples = 40, 6, 600
feats = np.random.randint(0, vocab, size=(n_examples, n_feat))
labels = (feats[:, 0] % 3 + (feats[:, 1] > 20)) % 3
train_data = [(feats[i], None, int(labels[i])) for i in range(500)]
dev_x, dev_y = feats[500:], labels[500:]
print(len(train_data), np.bincount(labels))


def get_minibatches(data, minibatch_size, shuffle=True):
    list_data = type(data) is list and (type(data[0]) is list or type(data[0]) is np.ndarray)
    data_size = len(data[0]) if list_data else len(data)
    indices = np.arange(data_size)
    if shuffle:
        np.random.shuffle(indices)
    for minibatch_start in np.arange(0, data_size, minibatch_size):
        minibatch_indices = indices[minibatch_start:minibatch_start + minibatch_size]
        yield [_minibatch(d, minibatch_indices) for d in data] if list_data else _minibatch(data, minibatch_indices)


def _minibatch(data, minibatch_idx):
    return data[minibatch_idx] if type(data) is np.ndarray else [data[i] for i in minibatch_idx]


def minibatches(data, batch_size):
    x = np.array([d[0] for d in data])
    y = np.array([d[2] for d in data])
    one_hot = np.zeros((y.size, 3))
    one_hot[np.arange(y.size), y] = 1
    return get_minibatches([x, one_hot], batch_size)


class AverageMeter(object):
    def __init__(self):
        self.reset()

    def reset(self):
        self.val = 0
        self.avg = 0
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count


embeddings = np.random.normal(0, 0.9, (vocab, 8)).astype("float32")
model = ParserModel(embeddings, n_features=n_feat, hidden_size=32, dropout_prob=0.2)
optimizer = optim.Adam(model.parameters(), lr=0.01)
loss_func = nn.CrossEntropyLoss()
batch_size = 64


def evaluate():
    model.eval()
    with torch.no_grad():
        logits = model(torch.from_numpy(dev_x).long())
        pred = logits.argmax(dim=1).numpy()
    return (pred == dev_y).mean()


for epoch in range(6):
    model.train()
    n_minibatches = math.ceil(len(train_data) / batch_size)
    loss_meter = AverageMeter()
    for i, (train_x, train_y) in enumerate(minibatches(train_data, batch_size)):
        optimizer.zero_grad()
        loss = 0.0
        train_x = torch.from_numpy(train_x).long()
        train_y = torch.from_numpy(train_y.nonzero()[1]).long()
        logits = model(train_x)
        loss = loss_func(logits, train_y)
        loss.backward()
        optimizer.step()
        loss_meter.update(loss.item())
    print("Epoch {:} out of {:}: {} minibatches".format(epoch + 1, 6, n_minibatches))
    print("Average Train Loss: {:.6f}".format(loss_meter.avg))
    print("- dev UAS: {:.2f}".format(evaluate() * 100.0))
print(train_x.dtype, train_y[:8], logits.shape)
