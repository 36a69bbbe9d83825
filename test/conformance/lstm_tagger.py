# An LSTM part-of-speech tagger (after PyTorch's beginner_source/nlp/sequence_models_tutorial.py): word and tag
# dictionaries built in a loop, `prepare_sequence` making a LongTensor, nn.Embedding -> nn.LSTM (fed
# `embeds.view(len(sentence), 1, -1)`) -> nn.Linear -> F.log_softmax, nn.NLLLoss and optim.SGD, the scores
# printed under `with torch.no_grad()` before and after training, and the predicted tags; then a
# bidirectional two-layer GRU tagger on a padded batch (by hand and with pad_sequence) trained with Adam, and
# an LSTMCell loop.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(1)


def prepare_sequence(seq, to_ix):
    idxs = [to_ix[w] for w in seq]
    return torch.tensor(idxs, dtype=torch.long)


training_data = [
    ('A cat chased the mouse'.split(), ['DET', 'NN', 'V', 'DET', 'NN']),
    ('My friend reads a book'.split(), ['DET', 'NN', 'V', 'DET', 'NN']),
    ('Birds sing'.split(), ['NN', 'V']),
]
word_to_ix = {}
for sent, tags in training_data:
    for word in sent:
        if word not in word_to_ix:
            word_to_ix[word] = len(word_to_ix)
print(word_to_ix)
tag_to_ix = {'DET': 0, 'NN': 1, 'V': 2}
ix_to_tag = {v: k for k, v in tag_to_ix.items()}

EMBEDDING_DIM = 5
HIDDEN_DIM = 4


class LSTMTagger(nn.Module):
    def __init__(self, embedding_dim, hidden_dim, vocab_size, tagset_size):
        super(LSTMTagger, self).__init__()
        self.hidden_dim = hidden_dim
        self.word_embeddings = nn.Embedding(vocab_size, embedding_dim)
        self.lstm = nn.LSTM(embedding_dim, hidden_dim)
        self.hidden2tag = nn.Linear(hidden_dim, tagset_size)

    def forward(self, sentence):
        embeds = self.word_embeddings(sentence)
        lstm_out, _ = self.lstm(embeds.view(len(sentence), 1, -1))
        tag_space = self.hidden2tag(lstm_out.view(len(sentence), -1))
        tag_scores = F.log_softmax(tag_space, dim=1)
        return tag_scores


model = LSTMTagger(EMBEDDING_DIM, HIDDEN_DIM, len(word_to_ix), len(tag_to_ix))
print(model)
loss_function = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.1)

with torch.no_grad():
    inputs = prepare_sequence(training_data[0][0], word_to_ix)
    tag_scores = model(inputs)
    print(tag_scores)

for epoch in range(120):
    for sentence, tags in training_data:
        model.zero_grad()
        sentence_in = prepare_sequence(sentence, word_to_ix)
        targets = prepare_sequence(tags, tag_to_ix)
        tag_scores = model(sentence_in)
        loss = loss_function(tag_scores, targets)
        loss.backward()
        optimizer.step()
    if epoch % 30 == 29:
        print(epoch + 1, loss.item())

with torch.no_grad():
    inputs = prepare_sequence(training_data[1][0], word_to_ix)
    tag_scores = model(inputs)
    print(tag_scores)
    print([ix_to_tag[i] for i in tag_scores.argmax(dim=1).tolist()])
print(model.lstm.weight_hh_l0.grad[:2])


# the same task with a padded batch, a bidirectional 2-layer GRU and Adam
class GRUTagger(nn.Module):
    def __init__(self, vocab_size, tagset_size):
        super().__init__()
        self.emb = nn.Embedding(vocab_size + 1, 4, padding_idx=0)
        self.gru = nn.GRU(4, 3, num_layers=2, bidirectional=True, batch_first=True)
        self.out = nn.Linear(2 * 3, tagset_size)

    def forward(self, x):
        h, _ = self.gru(self.emb(x))
        return self.out(h)


width = max(len(s) for s, _ in training_data)
X = torch.tensor([[word_to_ix[w] + 1 for w in s] + [0] * (width - len(s)) for s, _ in training_data])
Y = torch.tensor([[tag_to_ix[t] for t in ts] + [-100] * (width - len(ts)) for _, ts in training_data])
print(X)
padded = pad_sequence([prepare_sequence(s, word_to_ix) + 1 for s, _ in training_data], batch_first=True)
print(torch.equal(padded, X), type(pad_sequence([torch.ones(2, requires_grad=True)]).grad_fn).__name__)
gru_model = GRUTagger(len(word_to_ix), len(tag_to_ix))
print(gru_model)
criterion = nn.CrossEntropyLoss(ignore_index=-100)
optimizer = optim.Adam(gru_model.parameters(), lr=0.05)
for step in range(40):
    optimizer.zero_grad()
    scores = gru_model(X)
    loss = criterion(scores.reshape(-1, len(tag_to_ix)), Y.reshape(-1))
    loss.backward()
    optimizer.step()
    if step % 10 == 0 or step == 39:
        print(step, round(loss.item(), 6))
print(gru_model.emb.weight.grad[0], scores.argmax(dim=2))

# a hand-written loop over an LSTMCell
cell = nn.LSTMCell(4, 3)
print(cell)
h = torch.zeros(2, 3)
c = torch.zeros(2, 3)
for t in range(3):
    h, c = cell(gru_model.emb(X[:2, t]).detach(), (h, c))
print(h)
print(c)
