# IBM / Cognitive Class "Deep Neural Networks with PyTorch" (Coursera), the later labs on an MNIST-like set
# (8x8 class prototypes plus noise, made here instead of dsets.MNIST(download=True)): a SoftMax(nn.Module)
# with 'W: ' / 'b: ' parameter sizes, nn.Softmax probabilities, train_model(n_epochs) with
# torch.max(z.data, 1), correct / N_test accuracy and loss.data lists; a Net with nn.Dropout(p) against
# one without, train()/eval() switching and an accuracy() helper over numpy; NetBatchNorm with
# nn.BatchNorm1d and sigmoid, a train() returning useful_stuff dicts and activation() histograms; and the
# initialization comparison (default, uniform_(0, 1), xavier_uniform_, kaiming_uniform_) over an
# nn.ModuleList built from a Layers list, plus SGD with momentum.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(2)
SIDE = 8
prototypes = (torch.rand(10, SIDE * SIDE) > 0.6).float()


class DigitsLike(Dataset):
    def __init__(self, n, seed):
        g = torch.Generator().manual_seed(seed)
        self.y = torch.randint(0, 10, (n,), generator=g)
        noise = torch.rand(n, SIDE * SIDE, generator=g)
        self.x = (0.35 * prototypes[self.y] + 0.8 * noise).clamp(0, 1).view(n, 1, SIDE, SIDE)
        self.len = n

    def __getitem__(self, index):
        return self.x[index], self.y[index].item()

    def __len__(self):
        return self.len


train_dataset = DigitsLike(600, 1)
validation_dataset = DigitsLike(200, 2)
print("Print the training dataset:\n ", len(train_dataset), train_dataset.x.shape)
print("Type of data element: ", type(train_dataset[0][1]))
print("The label: ", train_dataset[3][1])
print("The image: ", train_dataset[3][0].shape, train_dataset[3][0][0, 0])


def show_data(data_sample):
    image = data_sample[0].numpy().reshape(SIDE, SIDE)
    return 'y = ' + str(data_sample[1]), image.shape, image.dtype


print(show_data(train_dataset[0]))


class SoftMax(nn.Module):
    def __init__(self, input_size, output_size):
        super(SoftMax, self).__init__()
        self.linear = nn.Linear(input_size, output_size)

    def forward(self, x):
        z = self.linear(x)
        return z


input_dim = SIDE * SIDE
output_dim = 10
torch.manual_seed(0)
model = SoftMax(input_dim, output_dim)
print("Print the model:\n ", model)
print('W: ', list(model.parameters())[0].size())
print('b: ', list(model.parameters())[1].size())
learning_rate = 0.1
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
criterion = nn.CrossEntropyLoss()
train_loader = torch.utils.data.DataLoader(dataset=train_dataset, batch_size=100)
validation_loader = torch.utils.data.DataLoader(dataset=validation_dataset, batch_size=5000)
n_epochs = 6
loss_list = []
accuracy_list = []
N_test = len(validation_dataset)


def train_model(n_epochs):
    for epoch in range(n_epochs):
        for x, y in train_loader:
            optimizer.zero_grad()
            z = model(x.view(-1, SIDE * SIDE))
            loss = criterion(z, y)
            loss.backward()
            optimizer.step()
        correct = 0
        for x_test, y_test in validation_loader:
            z = model(x_test.view(-1, SIDE * SIDE))
            _, yhat = torch.max(z.data, 1)
            correct += (yhat == y_test).sum().item()
        accuracy = correct / N_test
        loss_list.append(loss.data)
        accuracy_list.append(accuracy)


train_model(n_epochs)
print(loss_list[:2], loss_list[-1].requires_grad)
print(accuracy_list)
Softmax_fn = nn.Softmax(dim=-1)
x, y = validation_dataset[0]
z = model(x.reshape(-1, SIDE * SIDE))
_, yhat = torch.max(z, 1)
print("yhat:", yhat, "y:", y)
probability = Softmax_fn(z)
print("probability of class ", torch.max(probability).item(), probability.sum(1))
count = 0
for x, y in torch.utils.data.DataLoader(dataset=validation_dataset, batch_size=1):
    z = model(x.reshape(-1, SIDE * SIDE))
    _, yhat = torch.max(z, 1)
    if yhat != y:
        print("misclassified", y.item(), yhat.item(), round(torch.max(Softmax_fn(z)).item(), 4))
        count += 1
    if count >= 3:
        break


# dropout on a noisy two-class problem
class Data(Dataset):
    def __init__(self, N_SAMPLES=300, noise_std=0.15, train=True):
        # the lab builds these with np.matrix; column vectors and @ give the same numbers
        a = np.array([-1, 1, 2, 1, 1, -3, 1]).reshape(-1, 1)
        self.x = np.random.rand(N_SAMPLES, 2)
        self.f = np.array(
            a[0]
            + self.x @ a[1:3]
            + np.multiply(self.x[:, [0]], self.x[:, [1]]) * a[4]
            + np.multiply(self.x, self.x) @ a[5:7]
        ).flatten()
        self.a = a
        self.y = np.zeros(N_SAMPLES)
        self.y[self.f > 0] = 1
        self.y = torch.from_numpy(self.y).type(torch.LongTensor)
        self.x = torch.from_numpy(self.x).type(torch.FloatTensor)
        self.x = self.x + noise_std * torch.randn(self.x.size())
        self.f = torch.from_numpy(self.f)
        self.a = a
        if train:
            torch.manual_seed(1)
            self.x = self.x + noise_std * torch.randn(self.x.size())
            torch.manual_seed(0)

    def __getitem__(self, index):
        return self.x[index], self.y[index]

    def __len__(self):
        return self.len if hasattr(self, 'len') else self.x.shape[0]


np.random.seed(0)
torch.manual_seed(0)
data_set = Data(noise_std=0.2)
validation_set = Data(train=False)
print(type(data_set.a).__name__, data_set.a.shape, data_set.x.dtype, data_set.y[:10], data_set.y.sum())


class Net(nn.Module):
    def __init__(self, in_size, n_hidden, out_size, p=0):
        super(Net, self).__init__()
        self.drop = nn.Dropout(p=p)
        self.linear1 = nn.Linear(in_size, n_hidden)
        self.linear2 = nn.Linear(n_hidden, n_hidden)
        self.linear3 = nn.Linear(n_hidden, out_size)

    def forward(self, x):
        x = F.relu(self.drop(self.linear1(x)))
        x = F.relu(self.drop(self.linear2(x)))
        x = self.linear3(x)
        return x


model = Net(2, 40, 2)
model_drop = Net(2, 40, 2, p=0.5)
print(model_drop)
model_drop.train()
print(model_drop.training, model_drop.drop.training, model_drop.drop)
optimizer_ofit = torch.optim.Adam(model.parameters(), lr=0.01)
optimizer_drop = torch.optim.Adam(model_drop.parameters(), lr=0.01)
criterion = torch.nn.CrossEntropyLoss()
LOSS = {}
LOSS['training data no dropout'] = []
LOSS['validation data no dropout'] = []
LOSS['training data dropout'] = []
LOSS['validation data dropout'] = []
epochs = 60


def train_dropout(epochs):
    for epoch in range(epochs):
        yhat = model(data_set.x)
        yhat_drop = model_drop(data_set.x)
        loss = criterion(yhat, data_set.y)
        loss_drop = criterion(yhat_drop, data_set.y)
        LOSS['training data no dropout'].append(loss.item())
        LOSS['validation data no dropout'].append(criterion(model(validation_set.x), validation_set.y).item())
        LOSS['training data dropout'].append(loss_drop.item())
        model_drop.eval()
        LOSS['validation data dropout'].append(criterion(model_drop(validation_set.x), validation_set.y).item())
        model_drop.train()
        optimizer_ofit.zero_grad()
        optimizer_drop.zero_grad()
        loss.backward()
        loss_drop.backward()
        optimizer_ofit.step()
        optimizer_drop.step()


train_dropout(epochs)
model_drop.eval()


def accuracy(model, data_set):
    return np.mean(data_set.y.view(-1).numpy() == model(data_set.x).max(1)[1].numpy())


print("The accuracy of the model without dropout: ", accuracy(model, validation_set))
print("The accuracy of the model with dropout: ", accuracy(model_drop, validation_set))
for key, values in LOSS.items():
    print(key, round(values[0], 4), round(values[-1], 4), round(min(values), 4))


# batch normalization against none, on the digits-like set
class NetBatchNorm(nn.Module):
    def __init__(self, in_size, n_hidden1, n_hidden2, out_size):
        super(NetBatchNorm, self).__init__()
        self.linear1 = nn.Linear(in_size, n_hidden1)
        self.linear2 = nn.Linear(n_hidden1, n_hidden2)
        self.linear3 = nn.Linear(n_hidden2, out_size)
        self.bn1 = nn.BatchNorm1d(n_hidden1)
        self.bn2 = nn.BatchNorm1d(n_hidden2)

    def forward(self, x):
        x = torch.sigmoid(self.bn1(self.linear1(x)))
        x = torch.sigmoid(self.bn2(self.linear2(x)))
        x = self.linear3(x)
        return x

    def activation(self, x):
        out = []
        z1 = self.bn1(self.linear1(x))
        out.append(z1.detach().numpy().reshape(-1))
        a1 = torch.sigmoid(z1)
        out.append(a1.detach().numpy().reshape(-1).reshape(-1))
        z2 = self.bn2(self.linear2(a1))
        out.append(z2.detach().numpy().reshape(-1))
        a2 = torch.sigmoid(z2)
        out.append(a2.detach().numpy().reshape(-1))
        return out


class NetPlain(nn.Module):
    def __init__(self, in_size, n_hidden1, n_hidden2, out_size):
        super(NetPlain, self).__init__()
        self.linear1 = nn.Linear(in_size, n_hidden1)
        self.linear2 = nn.Linear(n_hidden1, n_hidden2)
        self.linear3 = nn.Linear(n_hidden2, out_size)

    def forward(self, x):
        x = torch.sigmoid(self.linear1(x))
        x = torch.sigmoid(self.linear2(x))
        x = self.linear3(x)
        return x


def train(model, criterion, train_loader, validation_loader, optimizer, epochs=100):
    i = 0
    useful_stuff = {'training_loss': [], 'validation_accuracy': []}
    for epoch in range(epochs):
        for i, (x, y) in enumerate(train_loader):
            model.train()
            optimizer.zero_grad()
            z = model(x.view(-1, SIDE * SIDE))
            loss = criterion(z, y)
            loss.backward()
            optimizer.step()
            useful_stuff['training_loss'].append(loss.data.item())
        correct = 0
        for x, y in validation_loader:
            model.eval()
            yhat = model(x.view(-1, SIDE * SIDE))
            _, label = torch.max(yhat, 1)
            correct += (label == y).sum().item()
        accuracy = 100 * (correct / len(validation_dataset))
        useful_stuff['validation_accuracy'].append(accuracy)
    return useful_stuff


criterion = nn.CrossEntropyLoss()
train_loader = DataLoader(dataset=train_dataset, batch_size=60, shuffle=True)
validation_loader = DataLoader(dataset=validation_dataset, batch_size=100, shuffle=False)
torch.manual_seed(3)
model_norm = NetBatchNorm(input_dim, 40, 20, output_dim)
optimizer = torch.optim.Adam(model_norm.parameters(), lr=0.1)
training_results_norm = train(model_norm, criterion, train_loader, validation_loader, optimizer, epochs=4)
torch.manual_seed(3)
model = NetPlain(input_dim, 40, 20, output_dim)
optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
training_results = train(model, criterion, train_loader, validation_loader, optimizer, epochs=4)
print(model_norm)
print(
    'norm',
    [round(v, 4) for v in training_results_norm['training_loss'][::10]],
    training_results_norm['validation_accuracy'],
)
print('plain', [round(v, 4) for v in training_results['training_loss'][::10]], training_results['validation_accuracy'])
model_norm.eval()
out = model_norm.activation(validation_dataset.x.view(-1, SIDE * SIDE)[:50])
print([o.shape for o in out], np.round(out[0].mean(), 4), np.round(out[2].std(), 4))
print(model_norm.bn1.running_mean[:4], model_norm.bn1.running_var[:4], model_norm.bn1.num_batches_tracked)
hist, edges = np.histogram(out[1], bins=5, range=(0, 1))
print(hist, edges)


# initialization: default, uniform_(0, 1), Xavier and He over an nn.ModuleList
class Net_Init(nn.Module):
    def __init__(self, Layers, init=None):
        super(Net_Init, self).__init__()
        self.hidden = nn.ModuleList()
        for input_size, output_size in zip(Layers, Layers[1:]):
            linear = nn.Linear(input_size, output_size)
            if init == 'uniform':
                linear.weight.data.uniform_(0, 1)
            elif init == 'xavier':
                torch.nn.init.xavier_uniform_(linear.weight)
            elif init == 'he':
                torch.nn.init.kaiming_uniform_(linear.weight, nonlinearity='relu')
            self.hidden.append(linear)
        self.act = torch.relu if init == 'he' else torch.tanh

    def forward(self, x):
        L = len(self.hidden)
        for l, linear_transform in zip(range(L), self.hidden):
            if l < L - 1:
                x = self.act(linear_transform(x))
            else:
                x = linear_transform(x)
        return x


def train_init(model, criterion, train_loader, validation_loader, optimizer, epochs=100):
    loss_accuracy = {'training_loss': [], 'validation_accuracy': []}
    for epoch in range(epochs):
        for i, (x, y) in enumerate(train_loader):
            optimizer.zero_grad()
            z = model(x.view(-1, SIDE * SIDE))
            loss = criterion(z, y)
            loss.backward()
            optimizer.step()
            loss_accuracy['training_loss'].append(loss.data.item())
        correct = 0
        for x, y in validation_loader:
            yhat = model(x.view(-1, SIDE * SIDE))
            _, label = torch.max(yhat, 1)
            correct += (label == y).sum().item()
        accuracy = 100 * (correct / len(validation_dataset))
        loss_accuracy['validation_accuracy'].append(accuracy)
    return loss_accuracy


Layers = [input_dim, 32, 10, 32, output_dim]
train_loader = DataLoader(dataset=train_dataset, batch_size=100, shuffle=False)
results = {}
for init in [None, 'uniform', 'xavier', 'he']:
    torch.manual_seed(0)
    model = Net_Init(Layers, init)
    w0 = model.hidden[0].weight.data
    print(init, len(model.hidden), round(w0.min().item(), 4), round(w0.max().item(), 4), round(w0.std().item(), 4))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    results[init] = train_init(model, criterion, train_loader, validation_loader, optimizer, epochs=4)
for init, res in results.items():
    print(str(init), [round(v, 3) for v in res['training_loss'][::6]], res['validation_accuracy'])
print(model)
