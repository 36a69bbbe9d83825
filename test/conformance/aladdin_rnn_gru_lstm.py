# Aladdin Persson's Machine-Learning-Collection `ML/Pytorch/Basics/pytorch_rnn_gru_lstm.py` and
# `pytorch_bidirectional_lstm.py` idioms, on small generated 8x8 "images" read row by row (no MNIST
# download): `device = torch.device("cuda" if torch.cuda.is_available() else "cpu")`, hyperparameters as
# module globals, many-to-one models `RNN`, `RNN_GRU`, `RNN_LSTM` written with `super(Cls, self).__init__()`,
# `nn.RNN/nn.GRU/nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)`, initial states
# `torch.zeros(self.num_layers, x.size(0), self.hidden_size).to(device)` (`(h0, c0)` for the LSTM), every time
# step decoded by `out.reshape(out.shape[0], -1)` into `nn.Linear(hidden_size * sequence_length, ...)`; the
# bidirectional `BRNN` with `num_layers * 2` states and `self.fc(out[:, -1, :])`; a dataset with a `.train`
# flag and `transforms.ToTensor()` of uint8 HxW arrays, `DataLoader(dataset=..., batch_size=..., shuffle=True)`,
# `data.to(device=device).squeeze(1)`, `nn.CrossEntropyLoss`, `optim.Adam(model.parameters(), lr=...)`,
# `optimizer.zero_grad(); loss.backward(); optimizer.step()`, and `check_accuracy(loader, model)` that picks
# its heading from `loader.dataset.train`, switches `model.eval()`/`model.train()`, takes
# `_, predictions = scores.max(1)`, adds `(predictions == y).sum()` to a Python int (a tensor from then on)
# and prints `f"Got {num_correct} / {num_samples} with accuracy {float(...)/float(...)*100:.2f}"`, the
# bidirectional file's f-string continued by a backslash inside the string.
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
import torchvision.transforms as transforms
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

# Hyperparameters
input_size = 8
sequence_length = 8
hidden_size = 12
num_layers = 2
num_classes = 3
learning_rate = 0.01
batch_size = 16
num_epochs = 3


class StripeImages(Dataset):
    """8x8 grey images of a bright horizontal, vertical or diagonal stripe over noise (three classes), kept as
    uint8 arrays like an image dataset on disk, turned into tensors by the transform."""

    def __init__(self, train, count, seed, transform=None):
        self.train = train
        self.transform = transform
        rng = np.random.RandomState(seed)
        self.images = []
        self.labels = rng.randint(0, num_classes, size=count)
        for label in self.labels:
            img = rng.randint(0, 90, size=(8, 8))
            where = rng.randint(1, 7)
            if label == 0:
                img[where, :] += 150
            elif label == 1:
                img[:, where] += 150
            else:
                img[np.arange(8), np.arange(8)] += 150
            self.images.append(img.astype(np.uint8))

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, index):
        image = self.images[index]
        if self.transform:
            image = self.transform(image)
        return image, int(self.labels[index])


class RNN(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, num_classes):
        super(RNN, self).__init__()
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.rnn = nn.RNN(input_size, hidden_size, num_layers, batch_first=True)
        self.fc = nn.Linear(hidden_size * sequence_length, num_classes)

    def forward(self, x):
        h0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size).to(device)
        out, _ = self.rnn(x, h0)
        # Every time step's hidden state goes to the classifier, not just the last one.
        out = out.reshape(out.shape[0], -1)
        return self.fc(out)


class RNN_GRU(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, num_classes):
        super(RNN_GRU, self).__init__()
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.gru = nn.GRU(input_size, hidden_size, num_layers, batch_first=True)
        self.fc = nn.Linear(hidden_size * sequence_length, num_classes)

    def forward(self, x):
        h0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size).to(device)
        out, _ = self.gru(x, h0)
        out = out.reshape(out.shape[0], -1)
        return self.fc(out)


class RNN_LSTM(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, num_classes):
        super(RNN_LSTM, self).__init__()
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
        self.fc = nn.Linear(hidden_size * sequence_length, num_classes)

    def forward(self, x):
        h0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size).to(device)
        c0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size).to(device)
        out, _ = self.lstm(x, (h0, c0))
        out = out.reshape(out.shape[0], -1)
        return self.fc(out)


class BRNN(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, num_classes):
        super(BRNN, self).__init__()
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True, bidirectional=True)
        # Both directions' features of the last step are concatenated, hence the doubled width.
        self.fc = nn.Linear(hidden_size * 2, num_classes)

    def forward(self, x):
        h0 = torch.zeros(self.num_layers * 2, x.size(0), self.hidden_size).to(device)
        c0 = torch.zeros(self.num_layers * 2, x.size(0), self.hidden_size).to(device)
        out, _ = self.lstm(x, (h0, c0))
        return self.fc(out[:, -1, :])


train_dataset = StripeImages(train=True, count=96, seed=1, transform=transforms.ToTensor())
test_dataset = StripeImages(train=False, count=48, seed=2, transform=transforms.ToTensor())
train_loader = DataLoader(dataset=train_dataset, batch_size=batch_size, shuffle=True)
test_loader = DataLoader(dataset=test_dataset, batch_size=batch_size, shuffle=True)

sample, label = train_dataset[0]
print("one sample:", sample.shape, sample.dtype, "label", label, "max", round(sample.max().item(), 4))


def check_accuracy(loader, model):
    if loader.dataset.train:
        print("Checking accuracy on training data")
    else:
        print("Checking accuracy on test data")

    num_correct = 0
    num_samples = 0
    model.eval()

    with torch.no_grad():
        for x, y in loader:
            x = x.to(device=device).squeeze(1)
            y = y.to(device=device)

            scores = model(x)
            _, predictions = scores.max(1)
            num_correct += (predictions == y).sum()
            num_samples += predictions.size(0)

        print(f"Got {num_correct} / {num_samples} with accuracy {float(num_correct)/float(num_samples)*100:.2f}")
        print(
            f"Got {num_correct} / {num_samples} with accuracy  \
              {float(num_correct)/float(num_samples)*100:.2f}"
        )
    print("counter type:", type(num_correct).__name__, num_correct.dtype)
    model.train()


for model_class in (RNN, RNN_GRU, RNN_LSTM, BRNN):
    torch.manual_seed(42)
    model = model_class(input_size, hidden_size, num_layers, num_classes).to(device)
    print(f"== {model_class.__name__}: {sum(p.numel() for p in model.parameters())} parameters")
    print(model)
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=learning_rate)

    for epoch in range(num_epochs):
        losses = []
        for batch_idx, (data, targets) in enumerate(train_loader):
            data = data.to(device=device).squeeze(1)
            targets = targets.to(device=device)

            scores = model(data)
            loss = criterion(scores, targets)
            losses.append(loss.item())

            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print(f"Cost at epoch {epoch} is {sum(losses)/len(losses):.5f} (last batch {batch_idx}, {data.shape})")

    check_accuracy(train_loader, model)
    check_accuracy(test_loader, model)
