# Padded and packed batches the way sentiment-analysis notebooks (bentrevett/pytorch-sentiment-analysis,
# "Upgraded Sentiment Analysis") and the PyTorch chatbot tutorial (beginner_source/chatbot_tutorial.py)
# write them, on a made-up corpus: a vocabulary with <pad>/<unk>, nn.Embedding(padding_idx=PAD_IDX),
# embedding rows zeroed through model.embedding.weight.data[UNK_IDX] = torch.zeros(EMBEDDING_DIM),
# nn.utils.rnn.pack_padded_sequence(embedded, text_lengths.to('cpu')) into a 2-layer bidirectional nn.LSTM
# with dropout, packed_output, (hidden, cell) = self.rnn(...), nn.utils.rnn.pad_packed_sequence,
# torch.cat((hidden[-2, :, :], hidden[-1, :, :]), dim=1), count_parameters, BCEWithLogitsLoss with
# binary_accuracy by torch.round(torch.sigmoid(preds)), predict_sentiment; the chatbot's zeroPadding by
# itertools.zip_longest(*l, fillvalue=PAD_token), binaryMatrix, inputVar returning (padVar, lengths),
# batches sorted by length with sort(key=lambda x: len(x[0].split(' ')), reverse=True), EncoderRNN
# (bidirectional nn.GRU over pack_padded_sequence, outputs[:, :, :hidden] + outputs[:, :, hidden:]), and
# maskNLLLoss with torch.gather(inp, 1, target.view(-1, 1)).squeeze(1) and masked_select(mask).mean();
# pack_sequence(enforce_sorted=False) and its sorted_indices/unsorted_indices.
import itertools
import random

import torch
import torch.nn as nn
import torch.optim as optim

SEED = 1234
random.seed(SEED)
torch.manual_seed(SEED)

positive = ['good', 'great', 'fun', 'loved', 'excellent', 'nice']
negative = ['bad', 'boring', 'awful', 'hated', 'dull', 'poor']
filler = ['the', 'movie', 'was', 'really', 'plot', 'acting', 'a', 'very']


def make_review():
    label = random.random() < 0.5
    n = random.randint(3, 8)
    words = [random.choice(filler) for _ in range(n)]
    words.insert(random.randint(0, n), random.choice(positive if label else negative))
    return ' '.join(words), float(label)


reviews = [make_review() for _ in range(48)]
print(reviews[:3])
itos = ['<unk>', '<pad>'] + sorted(set(w for r, _ in reviews for w in r.split()))
stoi = {w: i for i, w in enumerate(itos)}
UNK_IDX, PAD_IDX = stoi['<unk>'], stoi['<pad>']
print(len(itos), itos[:6], UNK_IDX, PAD_IDX)


def numericalize(sentence):
    return [stoi.get(w, UNK_IDX) for w in sentence.split()]


def make_batch(examples):
    examples = sorted(examples, key=lambda x: len(x[0].split(' ')), reverse=True)
    seqs = [torch.tensor(numericalize(r)) for r, _ in examples]
    text_lengths = torch.tensor([len(s) for s in seqs])
    text = nn.utils.rnn.pad_sequence(seqs, padding_value=PAD_IDX)
    labels = torch.tensor([y for _, y in examples])
    return text, text_lengths, labels


train_data, valid_data = reviews[:36], reviews[36:]
text, text_lengths, labels = make_batch(train_data[:4])
print(text, text_lengths, labels)


class RNN(nn.Module):
    def __init__(self, vocab_size, embedding_dim, hidden_dim, output_dim, n_layers, bidirectional, dropout,
                 pad_idx):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=pad_idx)
        self.rnn = nn.LSTM(embedding_dim, hidden_dim, num_layers=n_layers, bidirectional=bidirectional,
                           dropout=dropout)
        self.fc = nn.Linear(hidden_dim * 2, output_dim)
        self.dropout = nn.Dropout(dropout)

    def forward(self, text, text_lengths):
        embedded = self.dropout(self.embedding(text))
        packed_embedded = nn.utils.rnn.pack_padded_sequence(embedded, text_lengths.to('cpu'))
        packed_output, (hidden, cell) = self.rnn(packed_embedded)
        output, output_lengths = nn.utils.rnn.pad_packed_sequence(packed_output)
        hidden = self.dropout(torch.cat((hidden[-2, :, :], hidden[-1, :, :]), dim=1))
        return self.fc(hidden)


INPUT_DIM = len(itos)
EMBEDDING_DIM = 8
HIDDEN_DIM = 6
OUTPUT_DIM = 1
N_LAYERS = 2
BIDIRECTIONAL = True
DROPOUT = 0.5
model = RNN(INPUT_DIM, EMBEDDING_DIM, HIDDEN_DIM, OUTPUT_DIM, N_LAYERS, BIDIRECTIONAL, DROPOUT, PAD_IDX)
print(model)


def count_parameters(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


print(f'The model has {count_parameters(model):,} trainable parameters')
model.embedding.weight.data[UNK_IDX] = torch.zeros(EMBEDDING_DIM)
model.embedding.weight.data[PAD_IDX] = torch.zeros(EMBEDDING_DIM)
print(model.embedding.weight.data[:3])

# What the packed LSTM gives, looked at directly.
model.eval()
with torch.no_grad():
    embedded = model.embedding(text)
    packed = nn.utils.rnn.pack_padded_sequence(embedded, text_lengths.to('cpu'))
    print(type(packed).__name__, packed.data.shape, packed.batch_sizes, packed.sorted_indices)
    packed_output, (hidden, cell) = model.rnn(packed)
    output, output_lengths = nn.utils.rnn.pad_packed_sequence(packed_output)
    print(output.shape, output_lengths, hidden.shape, cell.shape)
    print(output[-1, :, :3])
    print(torch.allclose(output[text_lengths[1] - 1, 1, :HIDDEN_DIM], hidden[-2, 1]))
    print(torch.allclose(output[0, 1, HIDDEN_DIM:], hidden[-1, 1]))
    print(hidden[-1])

optimizer = optim.Adam(model.parameters())
criterion = nn.BCEWithLogitsLoss()


def binary_accuracy(preds, y):
    rounded_preds = torch.round(torch.sigmoid(preds))
    correct = (rounded_preds == y).float()
    acc = correct.sum() / len(correct)
    return acc


def train(model, data, optimizer, criterion):
    epoch_loss = 0
    epoch_acc = 0
    model.train()
    for i in range(0, len(data), 6):
        text, text_lengths, labels = make_batch(data[i:i + 6])
        optimizer.zero_grad()
        predictions = model(text, text_lengths).squeeze(1)
        loss = criterion(predictions, labels)
        acc = binary_accuracy(predictions, labels)
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item()
        epoch_acc += acc.item()
    return epoch_loss / 6, epoch_acc / 6


def evaluate(model, data, criterion):
    model.eval()
    with torch.no_grad():
        text, text_lengths, labels = make_batch(data)
        predictions = model(text, text_lengths).squeeze(1)
        return criterion(predictions, labels).item(), binary_accuracy(predictions, labels).item()


N_EPOCHS = 5
best_valid_loss = float('inf')
for epoch in range(N_EPOCHS):
    train_loss, train_acc = train(model, train_data, optimizer, criterion)
    valid_loss, valid_acc = evaluate(model, valid_data, criterion)
    if valid_loss < best_valid_loss:
        best_valid_loss = valid_loss
        best_state = {k: v.clone() for k, v in model.state_dict().items()}
    print(f'Epoch: {epoch + 1:02}')
    print(f'\tTrain Loss: {train_loss:.3f} | Train Acc: {train_acc * 100:.2f}%')
    print(f'\t Val. Loss: {valid_loss:.3f} |  Val. Acc: {valid_acc * 100:.2f}%')

print(model.load_state_dict(best_state))


def predict_sentiment(model, sentence):
    model.eval()
    indexed = numericalize(sentence)
    length = [len(indexed)]
    tensor = torch.LongTensor(indexed)
    tensor = tensor.unsqueeze(1)
    length_tensor = torch.LongTensor(length)
    prediction = torch.sigmoid(model(tensor, length_tensor))
    return prediction.item()


print(f'{predict_sentiment(model, "the movie was great"):.4f}')
print(f'{predict_sentiment(model, "awful plot and xyzzy acting"):.4f}')

# The chatbot tutorial's batch helpers and encoder.
PAD_token, SOS_token, EOS_token = 0, 1, 2


def zeroPadding(l, fillvalue=PAD_token):
    return list(itertools.zip_longest(*l, fillvalue=fillvalue))


def binaryMatrix(l, value=PAD_token):
    m = []
    for i, seq in enumerate(l):
        m.append([])
        for token in seq:
            if token == PAD_token:
                m[i].append(0)
            else:
                m[i].append(1)
    return m


def inputVar(indexes_batch):
    lengths = torch.tensor([len(indexes) for indexes in indexes_batch])
    padList = zeroPadding(indexes_batch)
    padVar = torch.LongTensor(padList)
    return padVar, lengths


def outputVar(indexes_batch):
    max_target_len = max([len(indexes) for indexes in indexes_batch])
    padList = zeroPadding(indexes_batch)
    mask = binaryMatrix(padList)
    mask = torch.BoolTensor(mask)
    padVar = torch.LongTensor(padList)
    return padVar, mask, max_target_len


pair_batch = [([3, 4, 5, 6, EOS_token], [7, 8, EOS_token]), ([5, 9, EOS_token], [3, 4, 9, 6, EOS_token]),
              ([8, 7, 6, 5, 4, 3, EOS_token], [9, EOS_token])]
pair_batch.sort(key=lambda x: len(x[0]), reverse=True)
input_batch, output_batch = [p[0] for p in pair_batch], [p[1] for p in pair_batch]
inp, lengths = inputVar(input_batch)
output, mask, max_target_len = outputVar(output_batch)
print('input_variable:', inp)
print('lengths:', lengths)
print('target_variable:', output)
print('mask:', mask)
print('max_target_len:', max_target_len)


class EncoderRNN(nn.Module):
    def __init__(self, hidden_size, embedding, n_layers=1, dropout=0):
        super(EncoderRNN, self).__init__()
        self.n_layers = n_layers
        self.hidden_size = hidden_size
        self.embedding = embedding
        self.gru = nn.GRU(hidden_size, hidden_size, n_layers,
                          dropout=(0 if n_layers == 1 else dropout), bidirectional=True)

    def forward(self, input_seq, input_lengths, hidden=None):
        embedded = self.embedding(input_seq)
        packed = nn.utils.rnn.pack_padded_sequence(embedded, input_lengths)
        outputs, hidden = self.gru(packed, hidden)
        outputs, _ = nn.utils.rnn.pad_packed_sequence(outputs)
        outputs = outputs[:, :, :self.hidden_size] + outputs[:, :, self.hidden_size:]
        return outputs, hidden


torch.manual_seed(7)
hidden_size = 4
embedding = nn.Embedding(10, hidden_size)
encoder = EncoderRNN(hidden_size, embedding, n_layers=2, dropout=0.1)
encoder.eval()
encoder_outputs, encoder_hidden = encoder(inp, lengths)
print(encoder_outputs.shape, encoder_hidden.shape)
print(encoder_outputs[:, 2])
print(encoder_hidden[:encoder.n_layers].shape)


def maskNLLLoss(inp, target, mask):
    nTotal = mask.sum()
    crossEntropy = -torch.log(torch.gather(inp, 1, target.view(-1, 1)).squeeze(1))
    loss = crossEntropy.masked_select(mask).mean()
    return loss, nTotal.item()


decoder_out = nn.Linear(hidden_size, 10)
encoder.train()
enc_opt = optim.Adam(list(encoder.parameters()) + list(decoder_out.parameters()), lr=0.01)
for step in range(3):
    enc_opt.zero_grad()
    encoder_outputs, encoder_hidden = encoder(inp, lengths)
    loss, n_totals = 0, 0
    for t in range(max_target_len):
        probs = torch.softmax(decoder_out(encoder_outputs[min(t, encoder_outputs.size(0) - 1)]), dim=1)
        mask_loss, nTotal = maskNLLLoss(probs, output[t], mask[t])
        loss += mask_loss
        n_totals += nTotal
    loss.backward()
    _ = nn.utils.clip_grad_norm_(encoder.parameters(), 50.0)
    enc_opt.step()
    print(f'step {step}: loss {loss.item() / max_target_len:.4f}, tokens {n_totals}, grad norm {_:.4f}')

seqs = [torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6, 7, 8]), torch.tensor([9])]
packed = nn.utils.rnn.pack_sequence(seqs, enforce_sorted=False)
print(packed)
print(nn.utils.rnn.pad_packed_sequence(packed, batch_first=True))
print(nn.utils.rnn.unpack_sequence(packed))
