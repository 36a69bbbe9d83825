# The three "NLP from scratch" exercises as learners retype them: a hand-rolled RNN cell that classifies
# names by language one letter at a time, a conditional RNN that writes names, and a tiny GRU
# encoder-decoder with attention and teacher forcing. Data is made up here; sizes are tiny.
import random
import string
import unicodedata

import torch
import torch.nn as nn
import torch.nn.functional as F

random.seed(3)
torch.manual_seed(3)

letters = string.ascii_letters + " .,;'"
n_letters = len(letters)


def to_ascii(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn' and c in letters)


print(to_ascii('Ślusàrski'), to_ascii('Müller'), n_letters)

names = {
    'German': ['Muller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker'],
    'Italian': ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano'],
    'Korean': ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang'],
}
categories = list(names)
n_categories = len(categories)


def letter_index(letter):
    return letters.find(letter)


def letter_tensor(letter):
    t = torch.zeros(1, n_letters)
    t[0][letter_index(letter)] = 1
    return t


def line_tensor(line):
    t = torch.zeros(len(line), 1, n_letters)
    for li, letter in enumerate(line):
        t[li][0][letter_index(letter)] = 1
    return t


print(letter_tensor('J').nonzero(), line_tensor('Jones').size())


class RNN(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super(RNN, self).__init__()
        self.hidden_size = hidden_size
        self.i2h = nn.Linear(input_size + hidden_size, hidden_size)
        self.i2o = nn.Linear(input_size + hidden_size, output_size)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, input, hidden):
        combined = torch.cat((input, hidden), 1)
        hidden = self.i2h(combined)
        output = self.softmax(self.i2o(combined))
        return output, hidden

    def initHidden(self):
        return torch.zeros(1, self.hidden_size)


rnn = RNN(n_letters, 32, n_categories)
print(rnn)
output, next_hidden = rnn(line_tensor('Albert')[0], rnn.initHidden())
print(output.shape, next_hidden.shape)
print(output)


def category_from_output(output):
    top_n, top_i = output.topk(1)
    category_i = top_i[0].item()
    return categories[category_i], category_i


print(category_from_output(output))


def random_example():
    category = random.choice(categories)
    line = random.choice(names[category])
    category_tensor = torch.tensor([categories.index(category)], dtype=torch.long)
    return category, line, category_tensor, line_tensor(line)


criterion = nn.NLLLoss()
learning_rate = 0.005


def train(category_tensor, line_t):
    hidden = rnn.initHidden()
    rnn.zero_grad()
    for i in range(line_t.size()[0]):
        output, hidden = rnn(line_t[i], hidden)
    loss = criterion(output, category_tensor)
    loss.backward()
    for p in rnn.parameters():
        p.data.add_(p.grad.data, alpha=-learning_rate)
    return output, loss.item()


current_loss = 0
for it in range(1, 301):
    category, line, category_tensor, line_t = random_example()
    output, loss = train(category_tensor, line_t)
    current_loss += loss
    if it % 100 == 0:
        guess, guess_i = category_from_output(output)
        correct = '✓' if guess == category else '✗ (%s)' % category
        print('%d %d%% %.4f %s / %s %s' % (it, it / 300 * 100, loss, line, guess, correct))
        print('average loss %.4f' % (current_loss / 100))
        current_loss = 0

confusion = torch.zeros(n_categories, n_categories)
with torch.no_grad():
    for category in categories:
        for line in names[category]:
            hidden = rnn.initHidden()
            t = line_tensor(line)
            for i in range(t.size()[0]):
                output, hidden = rnn(t[i], hidden)
            guess, guess_i = category_from_output(output)
            confusion[categories.index(category)][guess_i] += 1
for i in range(n_categories):
    confusion[i] = confusion[i] / confusion[i].sum()
print(confusion)


def predict(line, n_predictions=2):
    with torch.no_grad():
        hidden = rnn.initHidden()
        t = line_tensor(line)
        for i in range(t.size()[0]):
            output, hidden = rnn(t[i], hidden)
        topv, topi = output.topk(n_predictions, 1, True)
        for i in range(n_predictions):
            print('(%.2f) %s' % (topv[0][i].item(), categories[topi[0][i].item()]))


predict('Kimura')


# ---- writing names, one letter at a time, given the language ------------------------------------


class Writer(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        self.hidden_size = hidden_size
        self.i2h = nn.Linear(n_categories + input_size + hidden_size, hidden_size)
        self.i2o = nn.Linear(n_categories + input_size + hidden_size, output_size)
        self.o2o = nn.Linear(hidden_size + output_size, output_size)
        self.dropout = nn.Dropout(0.1)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, category, input, hidden):
        input_combined = torch.cat((category, input, hidden), 1)
        hidden = self.i2h(input_combined)
        output = self.i2o(input_combined)
        output_combined = torch.cat((hidden, output), 1)
        output = self.dropout(self.o2o(output_combined))
        return self.softmax(output), hidden

    def initHidden(self):
        return torch.zeros(1, self.hidden_size)


n_out = n_letters + 1  # the end-of-name marker


def category_onehot(category):
    t = torch.zeros(1, n_categories)
    t[0][categories.index(category)] = 1
    return t


def target_tensor(line):
    indexes = [letters.find(line[i]) for i in range(1, len(line))]
    indexes.append(n_out - 1)
    return torch.LongTensor(indexes)


writer = Writer(n_letters, 24, n_out)
optimizer = torch.optim.SGD(writer.parameters(), lr=0.01)
for it in range(1, 151):
    category = random.choice(categories)
    line = random.choice(names[category])
    cat_t, input_t, target_t = category_onehot(category), line_tensor(line), target_tensor(line)
    target_t.unsqueeze_(-1)
    hidden = writer.initHidden()
    writer.zero_grad()
    loss = 0
    for i in range(input_t.size(0)):
        output, hidden = writer(cat_t, input_t[i], hidden)
        l = criterion(output, target_t[i])
        loss += l
    loss.backward()
    optimizer.step()
    if it % 50 == 0:
        print('writer %d %.4f' % (it, loss.item() / input_t.size(0)))

writer.eval()
with torch.no_grad():
    for start in 'KRS':
        category = {'K': 'Korean', 'R': 'Italian', 'S': 'German'}[start]
        hidden = writer.initHidden()
        input_t = line_tensor(start)
        name = start
        for i in range(8):
            output, hidden = writer(category_onehot(category), input_t[0], hidden)
            topv, topi = output.topk(1)
            topi = topi[0][0]
            if topi == n_out - 1:
                break
            name += letters[topi]
            input_t = line_tensor(letters[topi])
        print(category, name)

# ---- a GRU encoder-decoder with attention ------------------------------------------------------

SOS_token, EOS_token = 0, 1
vocab = ['SOS', 'EOS'] + list('abcdefgh')
MAX_LENGTH = 6


class EncoderRNN(nn.Module):
    def __init__(self, input_size, hidden_size):
        super(EncoderRNN, self).__init__()
        self.hidden_size = hidden_size
        self.embedding = nn.Embedding(input_size, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size)

    def forward(self, input, hidden):
        embedded = self.embedding(input).view(1, 1, -1)
        output, hidden = self.gru(embedded, hidden)
        return output, hidden

    def initHidden(self):
        return torch.zeros(1, 1, self.hidden_size)


class AttnDecoderRNN(nn.Module):
    def __init__(self, hidden_size, output_size, dropout_p=0.1, max_length=MAX_LENGTH):
        super(AttnDecoderRNN, self).__init__()
        self.hidden_size = hidden_size
        self.max_length = max_length
        self.embedding = nn.Embedding(output_size, hidden_size)
        self.attn = nn.Linear(hidden_size * 2, max_length)
        self.attn_combine = nn.Linear(hidden_size * 2, hidden_size)
        self.dropout = nn.Dropout(dropout_p)
        self.gru = nn.GRU(hidden_size, hidden_size)
        self.out = nn.Linear(hidden_size, output_size)

    def forward(self, input, hidden, encoder_outputs):
        embedded = self.dropout(self.embedding(input).view(1, 1, -1))
        attn_weights = F.softmax(self.attn(torch.cat((embedded[0], hidden[0]), 1)), dim=1)
        attn_applied = torch.bmm(attn_weights.unsqueeze(0), encoder_outputs.unsqueeze(0))
        output = torch.cat((embedded[0], attn_applied[0]), 1)
        output = F.relu(self.attn_combine(output).unsqueeze(0))
        output, hidden = self.gru(output, hidden)
        output = F.log_softmax(self.out(output[0]), dim=1)
        return output, hidden, attn_weights


hidden_size = 16
encoder = EncoderRNN(len(vocab), hidden_size)
decoder = AttnDecoderRNN(hidden_size, len(vocab))
print(decoder)
enc_opt = torch.optim.SGD(encoder.parameters(), lr=0.05)
dec_opt = torch.optim.SGD(decoder.parameters(), lr=0.05)


def to_tensor(word):
    return torch.tensor([vocab.index(c) for c in word] + [EOS_token], dtype=torch.long).view(-1, 1)


pairs = [('abc', 'cba'), ('bad', 'dab'), ('fed', 'def'), ('hag', 'gah'), ('ace', 'eca')]


def train_pair(input_tensor, target_tensor, teacher_forcing_ratio=0.5):
    encoder_hidden = encoder.initHidden()
    enc_opt.zero_grad()
    dec_opt.zero_grad()
    input_length, target_length = input_tensor.size(0), target_tensor.size(0)
    encoder_outputs = torch.zeros(MAX_LENGTH, encoder.hidden_size)
    loss = 0
    for ei in range(input_length):
        encoder_output, encoder_hidden = encoder(input_tensor[ei], encoder_hidden)
        encoder_outputs[ei] = encoder_output[0, 0]
    decoder_input = torch.tensor([[SOS_token]])
    decoder_hidden = encoder_hidden
    use_teacher_forcing = True if random.random() < teacher_forcing_ratio else False
    for di in range(target_length):
        decoder_output, decoder_hidden, decoder_attention = decoder(decoder_input, decoder_hidden, encoder_outputs)
        loss += criterion(decoder_output, target_tensor[di])
        if use_teacher_forcing:
            decoder_input = target_tensor[di]
        else:
            topv, topi = decoder_output.topk(1)
            decoder_input = topi.squeeze().detach()
            if decoder_input.item() == EOS_token:
                break
    loss.backward()
    enc_opt.step()
    dec_opt.step()
    return loss.item() / target_length


print_loss_total = 0
for it in range(1, 121):
    src, dst = random.choice(pairs)
    print_loss_total += train_pair(to_tensor(src), to_tensor(dst))
    if it % 40 == 0:
        print('seq2seq %d %.4f' % (it, print_loss_total / 40))
        print_loss_total = 0

with torch.no_grad():
    input_tensor = to_tensor('abc')
    encoder_hidden = encoder.initHidden()
    encoder_outputs = torch.zeros(MAX_LENGTH, encoder.hidden_size)
    for ei in range(input_tensor.size()[0]):
        encoder_output, encoder_hidden = encoder(input_tensor[ei], encoder_hidden)
        encoder_outputs[ei] += encoder_output[0, 0]
    decoder_input = torch.tensor([[SOS_token]])
    decoder_hidden = encoder_hidden
    decoded, attentions = [], torch.zeros(MAX_LENGTH, MAX_LENGTH)
    decoder.eval()
    for di in range(MAX_LENGTH):
        decoder_output, decoder_hidden, decoder_attention = decoder(decoder_input, decoder_hidden, encoder_outputs)
        attentions[di] = decoder_attention.data
        topv, topi = decoder_output.data.topk(1)
        if topi.item() == EOS_token:
            decoded.append('<EOS>')
            break
        decoded.append(vocab[topi.item()])
        decoder_input = topi.squeeze().detach()
    print(decoded)
    print(attentions[: di + 1].sum(dim=1))
    print(attentions[0])
