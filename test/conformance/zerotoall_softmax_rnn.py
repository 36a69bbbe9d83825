# PyTorchZeroToAll (Sung Kim), lectures 09-13 in their Variable-era form on PyTorch 1.13: cross entropy by
# hand in NumPy next to nn.CrossEntropyLoss on logits (`l1.data`, `torch.max(Y_pred1.data, 1)[1]`),
# `nn.LogSoftmax()` without a dim and NLLLoss, the MNIST-style softmax classifier (five Linear layers over
# a generated 8x8 "digit" set) with its `Train Epoch: {} [{}/{} ({:.0f}%)]` log, a test loop that sums
# `pred.eq(target.data.view_as(pred)).sum()` into a tensor and wraps batches in `Variable(data,
# volatile=True)`; the CNN and toy Inception lectures (`torch.cat` of four branches, `F.avg_pool2d(x, 3, 1, 1)`,
# `F.log_softmax(x)` without dim, the old test loop's `F.nll_loss(..., size_average=False).data[0]` and its
# traceback); then the RNN lectures: nn.RNN sizes one step at a time and for a whole batch,
# `inputs.transpose(dim0=0, dim1=1)`, "hihell" -> "ihello" with one-hot inputs and with nn.Embedding,
# and the name classifier's Embedding + GRU over ASCII codes with padded batches. Warnings are caught and
# their text printed (printed plainly they carry PyTorch's install path).
import os
import traceback
import warnings

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.autograd import Variable
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(777)


def report():
    """The traceback being handled, with this file's path shortened to its name."""
    here = os.path.abspath(__file__)
    print(traceback.format_exc().replace(here, os.path.basename(here)), end="")


def caught(make):
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        value = make()
    for w in seen:
        print(f"{w.category.__name__}: {w.message}")
    return value


# 09: cross entropy, by hand and from PyTorch
Y = np.array([1, 0, 0])
Y_pred1 = np.array([0.7, 0.2, 0.1])
Y_pred2 = np.array([0.1, 0.3, 0.6])
print("loss1 = ", np.sum(-Y * np.log(Y_pred1)))
print("loss2 = ", np.sum(-Y * np.log(Y_pred2)))

loss = nn.CrossEntropyLoss()
Y = Variable(torch.LongTensor([0]), requires_grad=False)
Y_pred1 = Variable(torch.Tensor([[2.0, 1.0, 0.1]]))
Y_pred2 = Variable(torch.Tensor([[0.5, 2.0, 0.3]]))
l1 = loss(Y_pred1, Y)
l2 = loss(Y_pred2, Y)
print("PyTorch Loss1 = ", l1.data, "\nPyTorch Loss2=", l2.data)
print("Y_pred1=", torch.max(Y_pred1.data, 1)[1])
print("Y_pred2=", torch.max(Y_pred2.data, 1)[1])

Y = Variable(torch.LongTensor([2, 0, 1]), requires_grad=False)
Y_pred1 = Variable(torch.Tensor([[0.1, 0.2, 0.9], [1.1, 0.1, 0.2], [0.2, 2.1, 0.1]]))
Y_pred2 = Variable(torch.Tensor([[0.8, 0.2, 0.3], [0.2, 0.3, 0.5], [0.2, 0.2, 0.5]]))
l1 = loss(Y_pred1, Y)
l2 = loss(Y_pred2, Y)
print("Batch Loss1 = ", l1.data, "\nBatch Loss2=", l2.data)
print(l1.requires_grad, Y_pred1.requires_grad, Y.dtype)

logsm = nn.LogSoftmax()
nll = nn.NLLLoss()
inp = Variable(torch.randn(3, 5), requires_grad=True)
logsm_out = caught(lambda: logsm(inp))
target = Variable(torch.LongTensor([1, 0, 4]))
l = nll(logsm_out, target)
l.backward()
print(inp.size(), target.size(), l.size())
print(logsm, l, inp.grad.sum(1).abs().max() < 1e-6)
print(torch.allclose(l, F.cross_entropy(inp, target)))

# 09_2: a softmax classifier over generated 8x8 "digits": a noisy copy of one of ten prototypes
prototypes = torch.rand(10, 64)
labels = torch.randint(0, 10, (320,))
images = (prototypes[labels] + 0.3 * torch.randn(320, 64)).view(-1, 1, 8, 8)
train_dataset = TensorDataset(images[:256], labels[:256])
test_dataset = TensorDataset(images[256:], labels[256:])
batch_size = 32
train_loader = DataLoader(dataset=train_dataset, batch_size=batch_size, shuffle=True)
test_loader = DataLoader(dataset=test_dataset, batch_size=batch_size, shuffle=False)


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.l1 = nn.Linear(64, 52)
        self.l2 = nn.Linear(52, 32)
        self.l3 = nn.Linear(32, 24)
        self.l4 = nn.Linear(24, 12)
        self.l5 = nn.Linear(12, 10)

    def forward(self, x):
        x = x.view(-1, 64)
        x = F.relu(self.l1(x))
        x = F.relu(self.l2(x))
        x = F.relu(self.l3(x))
        x = F.relu(self.l4(x))
        return self.l5(x)


model = Net()
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=0.5)


def train(epoch):
    model.train()
    for batch_idx, (data, target) in enumerate(train_loader):
        data, target = Variable(data), Variable(target)
        optimizer.zero_grad()
        output = model(data)
        loss = criterion(output, target)
        loss.backward()
        optimizer.step()
        if batch_idx % 4 == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
                epoch, batch_idx * len(data), len(train_loader.dataset),
                100. * batch_idx / len(train_loader), loss.item()))


def test():
    model.eval()
    test_loss = 0
    correct = 0
    for data, target in test_loader:
        data, target = Variable(data, volatile=True), Variable(target)
        output = model(data)
        test_loss += criterion(output, target).item()
        pred = output.data.max(1, keepdim=True)[1]
        correct += pred.eq(target.data.view_as(pred)).cpu().sum()
    test_loss /= len(test_loader.dataset)
    print('\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n'.format(
        test_loss, correct, len(test_loader.dataset),
        100. * correct / len(test_loader.dataset)))
    return correct


caught(lambda: Variable(images[:2], volatile=True))
warnings.filterwarnings("ignore")
for epoch in range(1, 4):
    train(epoch)
    correct = test()
print(type(correct).__name__, correct.dtype, correct, 100. * correct / len(test_loader.dataset))
warnings.resetwarnings()

# 10_1 and 11_1: a CNN and a toy Inception net on the same digits, log_softmax without dim, and the
# old test loop's `F.nll_loss(output, target, size_average=False).data[0]`
class InceptionA(nn.Module):
    def __init__(self, in_channels):
        super(InceptionA, self).__init__()
        self.branch1x1 = nn.Conv2d(in_channels, 4, kernel_size=1)
        self.branch5x5_1 = nn.Conv2d(in_channels, 4, kernel_size=1)
        self.branch5x5_2 = nn.Conv2d(4, 6, kernel_size=5, padding=2)
        self.branch3x3dbl_1 = nn.Conv2d(in_channels, 4, kernel_size=1)
        self.branch3x3dbl_2 = nn.Conv2d(4, 6, kernel_size=3, padding=1)
        self.branch3x3dbl_3 = nn.Conv2d(6, 6, kernel_size=3, padding=1)
        self.branch_pool = nn.Conv2d(in_channels, 6, kernel_size=1)

    def forward(self, x):
        branch1x1 = self.branch1x1(x)
        branch5x5 = self.branch5x5_1(x)
        branch5x5 = self.branch5x5_2(branch5x5)
        branch3x3dbl = self.branch3x3dbl_1(x)
        branch3x3dbl = self.branch3x3dbl_2(branch3x3dbl)
        branch3x3dbl = self.branch3x3dbl_3(branch3x3dbl)
        branch_pool = F.avg_pool2d(x, kernel_size=3, stride=1, padding=1)
        branch_pool = self.branch_pool(branch_pool)
        outputs = [branch1x1, branch5x5, branch3x3dbl, branch_pool]
        return torch.cat(outputs, 1)


class CNN(nn.Module):
    def __init__(self, inception=False):
        super(CNN, self).__init__()
        self.conv1 = nn.Conv2d(1, 5, kernel_size=3)
        self.incept1 = InceptionA(in_channels=5) if inception else None
        self.mp = nn.MaxPool2d(2)
        self.fc = nn.Linear(22 if inception else 5, 10)

    def forward(self, x):
        in_size = x.size(0)
        x = F.relu(self.mp(self.conv1(x)))
        if self.incept1 is not None:
            x = self.incept1(x)
        x = self.mp(x)
        x = x.view(in_size, -1)
        x = self.fc(x)
        return F.log_softmax(x)


for inception in (False, True):
    model = CNN(inception)
    print(model if inception else model.fc)
    optimizer = optim.SGD(model.parameters(), lr=0.05, momentum=0.5)
    caught(lambda: model(images[:2]))
    warnings.filterwarnings("ignore")
    for batch_idx, (data, target) in enumerate(train_loader):
        data, target = Variable(data), Variable(target)
        optimizer.zero_grad()
        output = model(data)
        loss = F.nll_loss(output, target)
        loss.backward()
        optimizer.step()
        if batch_idx % 4 == 0:
            print('Train [{}/{}]\tLoss: {:.6f}'.format(batch_idx * len(data), len(train_loader.dataset), loss.item()))
    model.eval()
    test_loss = 0
    correct = 0
    for data, target in test_loader:
        output = model(data)
        try:
            test_loss += F.nll_loss(output, target, size_average=False).data[0]
        except IndexError:
            report()
            test_loss += F.nll_loss(output, target, reduction='sum').item()
        pred = output.data.max(1, keepdim=True)[1]
        correct += pred.eq(target.data.view_as(pred)).cpu().sum()
    print('Test set: Average loss: {:.4f}, Accuracy: {}/{}'.format(
        test_loss / len(test_loader.dataset), correct, len(test_loader.dataset)))
    warnings.resetwarnings()

# 12_1: RNN sizes
h = [1, 0, 0, 0]
e = [0, 1, 0, 0]
l = [0, 0, 1, 0]
o = [0, 0, 0, 1]
cell = nn.RNN(input_size=4, hidden_size=2, batch_first=True)
hidden = Variable(torch.randn(1, 1, 2))
inputs = Variable(torch.Tensor([h, e, l, l, o]))
for one in inputs:
    one = one.view(1, 1, -1)
    out, hidden = cell(one, hidden)
    print("one input size", one.size(), "out size", out.size())
inputs = inputs.view(1, 5, -1)
out, hidden = cell(inputs, hidden)
print("sequence input size", inputs.size(), "out size", out.size())
print(out.data)
hidden = Variable(torch.randn(1, 3, 2))
inputs = Variable(torch.Tensor([[h, e, l, l, o], [e, o, l, l, l], [l, l, e, e, l]]))
out, hidden = cell(inputs, hidden)
print("batch input size", inputs.size(), "out size", out.size())
cell = nn.RNN(input_size=4, hidden_size=2)
inputs = inputs.transpose(dim0=0, dim1=1)
out, hidden = cell(inputs, hidden)
print("batch input size", inputs.size(), "out size", out.size())
print(cell, hidden.shape, hidden.grad_fn.name())

# 12_2: teach "hihell" -> "ihello" with one-hot inputs
idx2char = ['h', 'i', 'e', 'l', 'o']
x_data = [[0, 1, 0, 2, 3, 3]]
x_one_hot = [[[1, 0, 0, 0, 0],
              [0, 1, 0, 0, 0],
              [1, 0, 0, 0, 0],
              [0, 0, 1, 0, 0],
              [0, 0, 0, 1, 0],
              [0, 0, 0, 1, 0]]]
y_data = [1, 0, 2, 3, 3, 4]
inputs = Variable(torch.Tensor(x_one_hot))
labels = Variable(torch.LongTensor(y_data))
num_classes = 5
input_size = 5
hidden_size = 5
batch_size = 1
sequence_length = 6
num_layers = 1


class RNN(nn.Module):
    def __init__(self, num_classes, input_size, hidden_size, num_layers):
        super(RNN, self).__init__()
        self.num_classes = num_classes
        self.num_layers = num_layers
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.sequence_length = sequence_length
        self.rnn = nn.RNN(input_size=5, hidden_size=5, batch_first=True)

    def forward(self, x):
        h_0 = Variable(torch.zeros(self.num_layers, x.size(0), self.hidden_size))
        x.view(x.size(0), self.sequence_length, self.input_size)
        out, _ = self.rnn(x, h_0)
        return out.view(-1, num_classes)


rnn = RNN(num_classes, input_size, hidden_size, num_layers)
print(rnn)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(rnn.parameters(), lr=0.1)
for epoch in range(15):
    outputs = rnn(inputs)
    optimizer.zero_grad()
    loss = criterion(outputs, labels)
    loss.backward()
    optimizer.step()
    _, idx = outputs.max(1)
    idx = idx.data.numpy()
    result_str = [idx2char[c] for c in idx.squeeze()]
    print("epoch: %d, loss: %1.3f" % (epoch + 1, loss.item()))
    print("Predicted string: ", ''.join(result_str))
print("Learning finished!")

# 12_4: the same with an embedding in front
embedding_size = 10
inputs = Variable(torch.LongTensor(x_data))


class EmbModel(nn.Module):
    def __init__(self):
        super(EmbModel, self).__init__()
        self.num_layers = num_layers
        self.hidden_size = hidden_size
        self.embedding = nn.Embedding(input_size, embedding_size)
        self.rnn = nn.RNN(input_size=embedding_size, hidden_size=5, batch_first=True)
        self.fc = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        h_0 = Variable(torch.zeros(self.num_layers, x.size(0), self.hidden_size))
        emb = self.embedding(x)
        emb = emb.view(batch_size, sequence_length, -1)
        out, _ = self.rnn(emb, h_0)
        return self.fc(out.view(-1, num_classes))


model = EmbModel()
print(model)
optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
for epoch in range(12):
    outputs = model(inputs)
    optimizer.zero_grad()
    loss = criterion(outputs, labels)
    loss.backward()
    optimizer.step()
    _, idx = outputs.max(1)
    result_str = [idx2char[c] for c in idx.data.numpy().squeeze()]
    print("epoch: %d, loss: %1.3f" % (epoch + 1, loss.item()), "Predicted string: ", ''.join(result_str))

# 13_1: names as ASCII codes, an Embedding and a GRU, sizes printed on the way
HIDDEN_SIZE = 16
N_CHARS = 128
N_CLASSES = 18


class RNNClassifier(nn.Module):
    def __init__(self, input_size, hidden_size, output_size, n_layers=1):
        super(RNNClassifier, self).__init__()
        self.hidden_size = hidden_size
        self.n_layers = n_layers
        self.embedding = nn.Embedding(input_size, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size, n_layers)
        self.fc = nn.Linear(hidden_size, output_size)

    def forward(self, input):
        batch_size = input.size(0)
        input = input.t()
        print("  input", input.size())
        embedded = self.embedding(input)
        print("  embedding", embedded.size())
        hidden = self._init_hidden(batch_size)
        output, hidden = self.gru(embedded, hidden)
        print("  gru hidden output", hidden.size())
        fc_output = self.fc(hidden)
        print("  fc output", fc_output.size())
        return fc_output

    def _init_hidden(self, batch_size):
        hidden = torch.zeros(self.n_layers, batch_size, self.hidden_size)
        return Variable(hidden)


def str2ascii_arr(msg):
    arr = [ord(c) for c in msg]
    return arr, len(arr)


def pad_sequences(vectorized_seqs, seq_lengths):
    seq_tensor = torch.zeros((len(vectorized_seqs), seq_lengths.max())).long()
    for idx, (seq, seq_len) in enumerate(zip(vectorized_seqs, seq_lengths)):
        seq_tensor[idx, :seq_len] = torch.LongTensor(seq)
    return seq_tensor


def make_variables(names):
    sequence_and_length = [str2ascii_arr(name) for name in names]
    vectorized_seqs = [sl[0] for sl in sequence_and_length]
    seq_lengths = torch.LongTensor([sl[1] for sl in sequence_and_length])
    return pad_sequences(vectorized_seqs, seq_lengths)


names = ['adylov', 'solan', 'hard', 'san']
classifier = RNNClassifier(N_CHARS, HIDDEN_SIZE, N_CLASSES)
for name in names:
    arr, _ = str2ascii_arr(name)
    inp = Variable(torch.LongTensor([arr]))
    out = classifier(inp)
    print("in", inp.size(), "out", out.size())
inputs = make_variables(names)
print(inputs)
out = classifier(inputs)
print("batch in", inputs.size(), "batch out", out.size())
print(out.squeeze(0).argmax(1), caught(lambda: F.tanh(out).abs().max() < 1))
