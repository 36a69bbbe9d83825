# "펭귄브로의 3분 딥러닝 파이토치맛" ch.7 and ch.9 (keon/3-min-pytorch `07-.../sequence_to_sequence`,
# `09-경쟁하며_학습하는_GAN/gan`, `conditional_gan`): the character seq2seq over ASCII codes
# (`list(map(ord, "hello"))`, `torch.LongTensor`, one `nn.Embedding` shared by a GRU encoder and a GRU decoder,
# `_init_state` by `next(self.parameters()).data.new(n_layers, batch, hidden).zero_()`, a decoder loop started
# from `torch.LongTensor([0])`, `torch.stack(outputs).squeeze()`, `"\n 반복:%d 오차: %s" % (i, loss_val.item())`,
# `prediction.data.topk(1, 1)` decoded by `chr`, `log.append(loss.data)` plotted with matplotlib); here with
# teacher forcing off (the decoder is fed its own argmax) beside the book's forced variant; then the GAN pieces
# at toy size: `nn.LeakyReLU(0.2, inplace=True)`, `nn.Dropout(0.3)`, `nn.Sigmoid()` + `nn.BCELoss()`, the
# cGAN's label conditioning `torch.cat([z, self.embed(labels)], 1)` (and the one-hot variant
# `torch.cat([z, torch.eye(10)[labels]], 1)` / `F.one_hot`), `real_labels = torch.ones(B, 1)`, separate Adam
# optimizers with both `zero_grad()` before each backward, the
# `'이폭 [{}/{}] d_loss:{:.4f} g_loss: {:.4f} D(x):{:.2f} D(G(z)):{:.2f}'` line, and sampling one item with
# `torch.full((1,), item_number, dtype=torch.long)`.
import random

import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(11)
random.seed(11)

vocab_size = 256
x_ = list(map(ord, "hello"))
y_ = list(map(ord, "hola"))
print("hello -> ", x_)
print("hola  -> ", y_)
x = torch.LongTensor(x_)
y = torch.LongTensor(y_)


class Seq2Seq(nn.Module):
    def __init__(self, vocab_size, hidden_size, teacher_forcing=True):
        super(Seq2Seq, self).__init__()
        self.n_layers = 1
        self.hidden_size = hidden_size
        self.teacher_forcing = teacher_forcing
        self.embedding = nn.Embedding(vocab_size, hidden_size)
        self.encoder = nn.GRU(hidden_size, hidden_size)
        self.decoder = nn.GRU(hidden_size, hidden_size)
        self.project = nn.Linear(hidden_size, vocab_size)

    def forward(self, inputs, targets):
        initial_state = self._init_state()
        embedding = self.embedding(inputs).unsqueeze(1)
        encoder_output, encoder_state = self.encoder(embedding, initial_state)
        decoder_state = encoder_state
        decoder_input = torch.LongTensor([0])
        outputs = []
        for i in range(targets.size()[0]):
            decoder_input = self.embedding(decoder_input).unsqueeze(1)
            decoder_output, decoder_state = self.decoder(decoder_input, decoder_state)
            projection = self.project(decoder_output)
            outputs.append(projection)
            if self.teacher_forcing:
                decoder_input = torch.LongTensor([targets[i]])
            else:
                decoder_input = projection.argmax(-1).view(1).detach()
        outputs = torch.stack(outputs).squeeze()
        return outputs

    def _init_state(self, batch_size=1):
        weight = next(self.parameters()).data
        return weight.new(self.n_layers, batch_size, self.hidden_size).zero_()


for forcing in (True, False):
    seq2seq = Seq2Seq(vocab_size, 16, teacher_forcing=forcing)
    print('teacher forcing:', forcing, seq2seq._init_state().shape)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(seq2seq.parameters(), lr=1e-2)
    log = []
    for i in range(120):
        prediction = seq2seq(x, y)
        loss = criterion(prediction, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        loss_val = loss.data
        log.append(loss_val)
        if i % 40 == 0:
            print("\n 반복:%d 오차: %s" % (i, loss_val.item()))
            _, top1 = prediction.data.topk(1, 1)
            print([chr(c) for c in top1.squeeze().numpy().tolist()])
    print(prediction.shape, loss_val, type(log[0]))
    plt.plot(log)
    plt.ylabel('cross entropy loss')
    line = plt.gca().lines[-1]
    print(len(line.get_ydata()), round(float(line.get_ydata()[-1]), 4))
    plt.close()

# GAN pieces on 16-pixel "images" of ten classes.
BATCH_SIZE = 20
EPOCHS = 3


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(10, 10)
        self.model = nn.Sequential(
            nn.Linear(18, 32),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Linear(32, 16),
            nn.Tanh()
        )

    def forward(self, z, labels):
        c = self.embed(labels)
        x = torch.cat([z, c], 1)
        return self.model(x)


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(10, 10)
        self.model = nn.Sequential(
            nn.Linear(26, 32),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Dropout(0.3),
            nn.Linear(32, 1),
            nn.Sigmoid()
        )

    def forward(self, x, labels):
        c = self.embed(labels)
        x = torch.cat([x, c], 1)
        return self.model(x)


D = Discriminator()
G = Generator()
print(G)
print(D)
criterion = nn.BCELoss()
d_optimizer = optim.Adam(D.parameters(), lr=0.0002)
g_optimizer = optim.Adam(G.parameters(), lr=0.0002)

class_of = torch.arange(100) % 10
data = torch.tanh(torch.randn(100, 16) * 0.3 + class_of.view(-1, 1).float() / 5 - 1)
train_loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(data, class_of),
                                           batch_size=BATCH_SIZE, shuffle=True)
total_step = len(train_loader)
for epoch in range(EPOCHS):
    for i, (images, labels) in enumerate(train_loader):
        images = images.reshape(BATCH_SIZE, -1)
        real_labels = torch.ones(BATCH_SIZE, 1)
        fake_labels = torch.zeros(BATCH_SIZE, 1)
        outputs = D(images, labels)
        d_loss_real = criterion(outputs, real_labels)
        real_score = outputs
        z = torch.randn(BATCH_SIZE, 8)
        g_label = torch.randint(0, 10, (BATCH_SIZE,))
        fake_images = G(z, g_label)
        outputs = D(fake_images, g_label)
        d_loss_fake = criterion(outputs, fake_labels)
        fake_score = outputs
        d_loss = d_loss_real + d_loss_fake
        d_optimizer.zero_grad()
        g_optimizer.zero_grad()
        d_loss.backward()
        d_optimizer.step()
        fake_images = G(z, g_label)
        outputs = D(fake_images, g_label)
        g_loss = criterion(outputs, real_labels)
        d_optimizer.zero_grad()
        g_optimizer.zero_grad()
        g_loss.backward()
        g_optimizer.step()
    print('이폭 [{}/{}] d_loss:{:.4f} g_loss: {:.4f} D(x):{:.2f} D(G(z)):{:.2f}'
          .format(epoch, EPOCHS, d_loss.item(), g_loss.item(), real_score.mean().item(), fake_score.mean().item()))

item_number = 9
z = torch.randn(1, 8)
g_label = torch.full((1,), item_number, dtype=torch.long)
print(g_label, g_label.dtype)
sample_images = G(z, g_label)
print(sample_images.shape, sample_images.grad_fn.name())
sample = sample_images.data.cpu().numpy()[0].reshape(4, 4)
print(sample.shape, sample.dtype)

# The one-hot form of the same conditioning.
labels = torch.tensor([3, 0, 9])
one_hot = torch.eye(10)[labels]
print(one_hot)
print(torch.equal(one_hot, F.one_hot(labels, num_classes=10).float()))
scattered = torch.zeros(3, 10).scatter_(1, labels.unsqueeze(1), 1)
print(torch.equal(one_hot, scattered))
zc = torch.cat([torch.randn(3, 2), one_hot], 1)
print(zc.shape, zc[:, 2:].sum(1))
try:
    torch.cat([torch.randn(3, 2), labels], 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cat([torch.randn(3, 2), torch.eye(10)[:2]], 1)
except Exception as e:
    print(type(e).__name__, e)
