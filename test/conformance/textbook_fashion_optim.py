# "딥러닝 파이토치 교과서" (서지영, 길벗) ch.5 (FashionMNIST with a DNN and a CNN) and ch.8 (performance
# optimisation), on Fashion-MNIST-shaped items made here: a `labels_map` dict, `FashionDNN` with
# `nn.Dropout(0.25)` and `input_data.view(-1, 784)`, `FashionCNN` with `nn.Sequential` layers of
# `Conv2d`/`BatchNorm2d`/`ReLU`/`MaxPool2d`, `out.view(out.size(0), -1)` and `nn.Dropout2d(0.25)`,
# `Variable(images.view(100, 1, 28, 28))`, `torch.max(outputs, 1)[1]`, `(predictions == labels).sum()` kept as a
# tensor, and `"Iteration: {}, Loss: {}, Accuracy: {}%".format(count, loss.data, accuracy)` (0-dim tensors
# through `format`); then ch.8's batch-normalised net beside the plain one, dropout, L2 weight decay both by
# `weight_decay=` and by a hand penalty `sum(p.pow(2.0).sum() for p in model.parameters())`, an
# `LRScheduler` class around `ReduceLROnPlateau(mode='min', patience=..., factor=0.5, min_lr=1e-6,
# verbose=True)` and an `EarlyStopping` class printing `INFO: Early stopping counter {} of {}`, the fit loop
# wrapped in `tqdm(enumerate(loader), total=int(len(train_dataset) / loader.batch_size))` (one batch short of
# the real count, so tqdm ends with an unknown total; printed without its timings). The book's
# CNN puts `nn.Dropout2d` after a Linear layer, so PyTorch 1.13 warns about the 2-D input: the warning is
# caught once and its text printed (its printed form carries PyTorch's install path), then silenced with
# the notebooks' `warnings.filterwarnings('ignore')`.
import sys
import warnings

import torch
from tqdm import tqdm
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(5)
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
labels_map = {0: 'T-Shirt', 1: 'Trouser', 2: 'Pullover', 3: 'Dress', 4: 'Coat', 5: 'Sandal', 6: 'Shirt',
              7: 'Sneaker', 8: 'Bag', 9: 'Ankle Boot'}


def make_items(n):
    labels = torch.arange(n) % 10
    images = torch.rand(n, 1, 28, 28) * 0.4
    for i in range(n):
        k = int(labels[i])
        images[i, 0, 2 * k + 2:2 * k + 8, 3:25] += 0.6
    return images, labels


train_dataset = torch.utils.data.TensorDataset(*make_items(300))
test_dataset = torch.utils.data.TensorDataset(*make_items(100))
train_loader = torch.utils.data.DataLoader(train_dataset, batch_size=100, shuffle=True)
test_loader = torch.utils.data.DataLoader(test_dataset, batch_size=100)
img, label = train_dataset[7]
print(img[0, :, :].shape, labels_map[label.item()], labels_map[int(train_dataset[12][1])])


class FashionDNN(nn.Module):
    def __init__(self):
        super(FashionDNN, self).__init__()
        self.fc1 = nn.Linear(in_features=784, out_features=256)
        self.drop = nn.Dropout(0.25)
        self.fc2 = nn.Linear(in_features=256, out_features=128)
        self.fc3 = nn.Linear(in_features=128, out_features=10)

    def forward(self, input_data):
        out = input_data.view(-1, 784)
        out = torch.relu(self.fc1(out))
        out = self.drop(out)
        out = torch.relu(self.fc2(out))
        out = self.fc3(out)
        return out


class FashionCNN(nn.Module):
    def __init__(self):
        super(FashionCNN, self).__init__()
        self.layer1 = nn.Sequential(
            nn.Conv2d(in_channels=1, out_channels=8, kernel_size=3, padding=1),
            nn.BatchNorm2d(8),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2)
        )
        self.layer2 = nn.Sequential(
            nn.Conv2d(in_channels=8, out_channels=16, kernel_size=3),
            nn.BatchNorm2d(16),
            nn.ReLU(),
            nn.MaxPool2d(2)
        )
        self.fc1 = nn.Linear(in_features=16 * 6 * 6, out_features=60)
        self.drop = nn.Dropout2d(0.25)
        self.fc2 = nn.Linear(in_features=60, out_features=10)

    def forward(self, x):
        out = self.layer1(x)
        out = self.layer2(out)
        out = out.view(out.size(0), -1)
        out = self.fc1(out)
        out = self.drop(out)
        out = self.fc2(out)
        return out


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    FashionCNN()(torch.rand(2, 1, 28, 28))
for w in caught:
    print(w.category.__name__, w.message)
warnings.filterwarnings('ignore')

for Model, lr in ((FashionDNN, 0.01), (FashionCNN, 0.01)):
    model = Model()
    model.to(device)
    error = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    print(model)
    num_epochs = 2
    count = 0
    loss_list = []
    iteration_list = []
    accuracy_list = []
    for epoch in range(num_epochs):
        for images, labels in train_loader:
            images, labels = images.to(device), labels.to(device)
            train = Variable(images.view(100, 1, 28, 28))
            labels = Variable(labels)
            outputs = model(train)
            loss = error(outputs, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            count += 1
            if not (count % 3):
                total = 0
                correct = 0
                model.eval()
                for images, labels in test_loader:
                    images, labels = images.to(device), labels.to(device)
                    labels_list = labels
                    test = Variable(images.view(100, 1, 28, 28))
                    outputs = model(test)
                    predictions = torch.max(outputs, 1)[1].to(device)
                    correct += (predictions == labels).sum()
                    total += len(labels)
                model.train()
                accuracy = correct * 100 / total
                loss_list.append(loss.data)
                iteration_list.append(count)
                accuracy_list.append(accuracy)
                print("Iteration: {}, Loss: {}, Accuracy: {}%".format(count, loss.data, accuracy))
    print(accuracy_list, type(loss_list[0]))


# ch.8: batch normalisation, dropout and weight decay on a small MLP.
class Net(nn.Module):
    def __init__(self, batch_norm=False, dropout=0.0):
        super(Net, self).__init__()
        layers = [nn.Linear(784, 48)]
        if batch_norm:
            layers.append(nn.BatchNorm1d(48))
        layers += [nn.ReLU(), nn.Dropout(dropout), nn.Linear(48, 10)]
        self.classifier = nn.Sequential(*layers)

    def forward(self, x):
        x = x.view(x.size(0), -1)
        return self.classifier(x)


fit_loader = torch.utils.data.DataLoader(train_dataset, batch_size=64, shuffle=True)


def train_net(model, optimizer, epochs, l2_lambda=0.0):
    criterion = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        model.train()
        running_loss = 0.0
        prog_bar = tqdm(enumerate(fit_loader), total=int(len(train_dataset) / fit_loader.batch_size), file=sys.stdout,
                        bar_format='{l_bar}{bar}| {n_fmt}/{total_fmt}{postfix}')
        for i, (images, labels) in prog_bar:
            optimizer.zero_grad()
            loss = criterion(model(images), labels)
            if l2_lambda:
                l2 = sum(p.pow(2.0).sum() for p in model.parameters())
                loss = loss + l2_lambda * l2
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
            prog_bar.set_postfix(loss=loss.item())
        model.eval()
        with torch.no_grad():
            val_loss = sum(criterion(model(x), y).item() for x, y in test_loader) / len(test_loader)
        print('epoch {} train loss {:.4f} val loss {:.4f}'.format(epoch + 1, running_loss / len(fit_loader),
                                                                  val_loss))
    return val_loss


for name, model, wd, l2 in (('plain', Net(), 0.0, 0.0), ('batchnorm', Net(batch_norm=True), 0.0, 0.0),
                            ('dropout+wd', Net(dropout=0.3), 1e-4, 0.0), ('l2 by hand', Net(), 0.0, 1e-4)):
    print(name)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=wd)
    train_net(model, opt, 2, l2)
bn = Net(batch_norm=True).classifier[1]
print(bn, bn.running_mean.shape, bn.num_batches_tracked)


class LRScheduler():
    def __init__(self, optimizer, patience=2, min_lr=1e-6, factor=0.5):
        self.optimizer = optimizer
        self.patience = patience
        self.min_lr = min_lr
        self.factor = factor
        self.lr_scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
            self.optimizer, mode='min', patience=self.patience, factor=self.factor, min_lr=self.min_lr,
            verbose=True)

    def __call__(self, val_loss):
        self.lr_scheduler.step(val_loss)


class EarlyStopping():
    def __init__(self, patience=3, verbose=False, delta=0):
        self.patience = patience
        self.counter = 0
        self.best_loss = None
        self.early_stop = False
        self.delta = delta

    def __call__(self, val_loss):
        if self.best_loss is None:
            self.best_loss = val_loss
        elif self.best_loss - val_loss > self.delta:
            self.best_loss = val_loss
            self.counter = 0
        elif self.best_loss - val_loss < self.delta:
            self.counter += 1
            print(f"INFO: Early stopping counter {self.counter} of {self.patience}")
            if self.counter >= self.patience:
                print('INFO: Early stopping')
                self.early_stop = True


model = Net()
opt = torch.optim.SGD(model.parameters(), lr=0.05)
lr_scheduler = LRScheduler(opt, patience=1)
early_stopping = EarlyStopping(patience=3, delta=0.0)
# A made-up validation curve that stalls, so that both classes act.
for epoch, val_loss in enumerate([1.0, 0.8, 0.7, 0.72, 0.71, 0.75, 0.74, 0.73]):
    lr_scheduler(val_loss)
    early_stopping(val_loss)
    print('epoch {} lr {}'.format(epoch, opt.param_groups[0]['lr']))
    if early_stopping.early_stop:
        break
