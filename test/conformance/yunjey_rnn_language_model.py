# yunjey/pytorch-tutorial 02-intermediate idioms (recurrent_neural_network, bidirectional_recurrent_neural_network,
# language_model with data_utils) on small generated data (no MNIST or Penn Treebank): images read row by row
# with `images.reshape(-1, sequence_length, input_size)`, a many-to-one `nn.LSTM(input_size, hidden_size,
# num_layers, batch_first=True)` started from `torch.zeros(self.num_layers, x.size(0), self.hidden_size).to(device)`
# states and decoded by `self.fc(out[:, -1, :])`; the bidirectional twin with `bidirectional=True`,
# `num_layers*2` states and `nn.Linear(hidden_size*2, num_classes)`; a Dictionary (word2idx, idx2word, idx,
# `if not word in self.word2idx`, `__len__`) and a Corpus whose `get_data(path, batch_size)` reads a text file
# twice (`line.split() + ['<eos>']`), fills `torch.LongTensor(tokens)` item by item and returns
# `ids[:num_batches*batch_size].view(batch_size, -1)`; an RNNLM (nn.Embedding, batch-first LSTM, Linear) whose
# forward returns `out, (h, c)` after `out.reshape(out.size(0)*out.size(1), out.size(2))`; truncated
# backpropagation with `[state.detach() for state in states]`, `clip_grad_norm_(model.parameters(), 0.5)`,
# the 'Epoch [{}/{}], Step[{}/{}], Loss: {:.4f}, Perplexity: {:5.2f}' line with `np.exp(loss.item())`; sampling
# with `torch.multinomial(prob, num_samples=1).unsqueeze(1)`, `output.exp()`, `input.fill_(word_id)`,
# `idx2word`, '<eos>' written as a newline to a file opened with 'w'; the (batch, seq) target passed without
# `.reshape(-1)` (a ValueError naming both batch sizes) and the older `torch.nn.utils.clip_grad_norm` (a warning).
import os
import tempfile
import warnings

import numpy as np
import torch
import torch.nn as nn
from torch.nn.utils import clip_grad_norm_

torch.manual_seed(0)
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

# ---- many-to-one LSTM over the rows of fake 6x6 images ----
sequence_length = 6
input_size = 6
hidden_size = 12
num_layers = 2
num_classes = 3


def fake_images(n, seed):
    # Class k puts a bright column at 2k, so each row carries the class and an LSTM can read it.
    g = torch.Generator().manual_seed(seed)
    labels = torch.randint(0, num_classes, (n,), generator=g)
    images = torch.rand(n, 1, 6, 6, generator=g) * 0.5
    images[torch.arange(n), 0, :, 2 * labels] += 0.5
    return torch.utils.data.TensorDataset(images, labels)


train_loader = torch.utils.data.DataLoader(dataset=fake_images(40, 1), batch_size=8, shuffle=True)
test_loader = torch.utils.data.DataLoader(dataset=fake_images(20, 2), batch_size=10, shuffle=False)


class RNN(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, num_classes):
        super(RNN, self).__init__()
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
        self.fc = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        h0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size).to(device)
        c0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size).to(device)
        out, _ = self.lstm(x, (h0, c0))
        return self.fc(out[:, -1, :])


class BiRNN(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, num_classes):
        super(BiRNN, self).__init__()
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(hidden_size * 2, num_classes)  # forward and backward halves

    def forward(self, x):
        h0 = torch.zeros(self.num_layers * 2, x.size(0), self.hidden_size).to(device)
        c0 = torch.zeros(self.num_layers * 2, x.size(0), self.hidden_size).to(device)
        out, _ = self.lstm(x, (h0, c0))
        return self.fc(out[:, -1, :])


def train_and_test(model, learning_rate, num_epochs=3):
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    total_step = len(train_loader)
    for epoch in range(num_epochs):
        for i, (images, labels) in enumerate(train_loader):
            images = images.reshape(-1, sequence_length, input_size).to(device)
            labels = labels.to(device)
            outputs = model(images)
            loss = criterion(outputs, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if (i + 1) % 5 == 0:
                print('Epoch [{}/{}], Step [{}/{}], Loss: {:.4f}'
                      .format(epoch + 1, num_epochs, i + 1, total_step, loss.item()))
    model.eval()
    with torch.no_grad():
        correct = 0
        total = 0
        for images, labels in test_loader:
            images = images.reshape(-1, sequence_length, input_size).to(device)
            labels = labels.to(device)
            outputs = model(images)
            _, predicted = torch.max(outputs.data, 1)
            total += labels.size(0)
            correct += (predicted == labels).sum().item()
        print('Test Accuracy of the model on the {} test images: {} %'.format(total, 100 * correct / total))


model = RNN(input_size, hidden_size, num_layers, num_classes).to(device)
print(model)
print([(n, tuple(p.shape)) for n, p in model.lstm.named_parameters()][:4])
train_and_test(model, 0.01)
model = BiRNN(input_size, hidden_size, num_layers, num_classes).to(device)
print(model)
print(sorted(n for n, _ in model.lstm.named_parameters() if n.endswith('_reverse'))[:4])
x = torch.randn(2, sequence_length, input_size)
out, (h, c) = model.lstm(x)
print(out.shape, h.shape, c.shape)
print(type(out.grad_fn).__name__, type(h.grad_fn).__name__)
# The last step's backward half has seen one row only; the forward half's last step is h[-2].
print(torch.allclose(out[:, -1, :hidden_size], h[-2]), torch.allclose(out[:, 0, hidden_size:], h[-1]))
train_and_test(model, 0.01)


# ---- language model ----
class Dictionary(object):
    def __init__(self):
        self.word2idx = {}
        self.idx2word = {}
        self.idx = 0

    def add_word(self, word):
        if not word in self.word2idx:
            self.word2idx[word] = self.idx
            self.idx2word[self.idx] = word
            self.idx += 1

    def __len__(self):
        return len(self.word2idx)


class Corpus(object):
    def __init__(self):
        self.dictionary = Dictionary()

    def get_data(self, path, batch_size=20):
        # First pass: build the vocabulary and count tokens.
        with open(path, 'r') as f:
            tokens = 0
            for line in f:
                words = line.split() + ['<eos>']
                tokens += len(words)
                for word in words:
                    self.dictionary.add_word(word)
        # Second pass: word ids into a preallocated LongTensor.
        ids = torch.LongTensor(tokens)
        token = 0
        with open(path, 'r') as f:
            for line in f:
                words = line.split() + ['<eos>']
                for word in words:
                    ids[token] = self.dictionary.word2idx[word]
                    token += 1
        num_batches = ids.size(0) // batch_size
        ids = ids[:num_batches * batch_size]
        return ids.view(batch_size, -1)


rng = np.random.RandomState(5)
subjects = ['the cat', 'a dog', 'my bird', 'the fish']
verbs = ['eats', 'sees', 'likes']
objects = ['the food', 'a ball', 'some water', 'the sun']
text_lines = ['{} {} {}'.format(subjects[rng.randint(4)], verbs[rng.randint(3)], objects[rng.randint(4)])
              for _ in range(60)]

embed_size = 8
hidden_size = 16
num_layers = 1
num_epochs = 3
num_samples = 30
batch_size = 4
seq_length = 10

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'train.txt')
    with open(path, 'w') as f:
        f.write('\n'.join(text_lines) + '\n')
    corpus = Corpus()
    ids = corpus.get_data(path, batch_size)
    vocab_size = len(corpus.dictionary)
    num_batches = ids.size(1) // seq_length
    print(ids.shape, ids.dtype, vocab_size, num_batches)
    print(ids[0, :12])
    print(corpus.dictionary.idx2word[0], corpus.dictionary.word2idx['<eos>'], corpus.dictionary.idx)

    class RNNLM(nn.Module):
        def __init__(self, vocab_size, embed_size, hidden_size, num_layers):
            super(RNNLM, self).__init__()
            self.embed = nn.Embedding(vocab_size, embed_size)
            self.lstm = nn.LSTM(embed_size, hidden_size, num_layers, batch_first=True)
            self.linear = nn.Linear(hidden_size, vocab_size)

        def forward(self, x, h):
            x = self.embed(x)
            out, (h, c) = self.lstm(x, h)
            out = out.reshape(out.size(0) * out.size(1), out.size(2))
            out = self.linear(out)
            return out, (h, c)

    model = RNNLM(vocab_size, embed_size, hidden_size, num_layers).to(device)
    print(model)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.02)

    def detach(states):
        return [state.detach() for state in states]

    for epoch in range(num_epochs):
        states = (torch.zeros(num_layers, batch_size, hidden_size).to(device),
                  torch.zeros(num_layers, batch_size, hidden_size).to(device))
        for i in range(0, ids.size(1) - seq_length, seq_length):
            inputs = ids[:, i:i + seq_length].to(device)
            targets = ids[:, (i + 1):(i + 1) + seq_length].to(device)
            states = detach(states)
            outputs, states = model(inputs, states)
            loss = criterion(outputs, targets.reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            norm = clip_grad_norm_(model.parameters(), 0.5)
            optimizer.step()
            step = (i + 1) // seq_length
            if step % 2 == 0:
                print('Epoch [{}/{}], Step[{}/{}], Loss: {:.4f}, Perplexity: {:5.2f}'
                      .format(epoch + 1, num_epochs, step, num_batches, loss.item(), np.exp(loss.item())))
        print('grad norm before clipping: {:.4f}'.format(norm.item()), type(states).__name__,
              states[0].requires_grad)

    # Two slips seen around this loop: the un-flattened (batch, seq) target, and the tutorial's first version's
    # pre-0.4 clip_grad_norm, which 1.13 still runs with a deprecation warning.
    outputs, _ = model(inputs, detach(states))
    try:
        criterion(outputs, targets)
    except ValueError as e:
        print('ValueError:', e)
    loss = criterion(outputs, targets.reshape(-1))
    optimizer.zero_grad()
    loss.backward()
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter('always')
        old_norm = torch.nn.utils.clip_grad_norm(model.parameters(), 0.5)
    print('{:.4f}'.format(old_norm.item()), [(w.category.__name__, str(w.message)) for w in seen])

    sample_path = os.path.join(d, 'sample.txt')
    with torch.no_grad():
        with open(sample_path, 'w') as f:
            state = (torch.zeros(num_layers, 1, hidden_size).to(device),
                     torch.zeros(num_layers, 1, hidden_size).to(device))
            prob = torch.ones(vocab_size)
            input = torch.multinomial(prob, num_samples=1).unsqueeze(1).to(device)
            print(input.shape, input.dtype)
            for i in range(num_samples):
                output, state = model(input, state)
                prob = output.exp()
                word_id = torch.multinomial(prob, num_samples=1).item()
                input.fill_(word_id)
                word = corpus.dictionary.idx2word[word_id]
                word = '\n' if word == '<eos>' else word + ' '
                f.write(word)
                if (i + 1) % 10 == 0:
                    print('Sampled [{}/{}] words and save to {}'.format(i + 1, num_samples, 'sample.txt'))
    with open(sample_path) as f:
        sampled = f.read()
    words = sampled.split()
    print(len(words) + sampled.count('\n'), all(w in corpus.dictionary.word2idx for w in words))
