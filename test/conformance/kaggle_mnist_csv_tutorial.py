# Kaggle "Pytorch Tutorial for Deep Learning Lovers" (kanncaa1) idioms, on a small generated digits table written
# as a Kaggle-style train.csv (a `label` column, then one column per pixel) in a TemporaryDirectory: the
# tutorial's warm-up (np.array vs torch.Tensor of a nested list, np.shape, torch.ones((2, 3)), torch.from_numpy
# and .numpy(), tensor.view(9), torch.add / tensor.sub / torch.mul / torch.div, mean and std, the
# "{}".format(...) prints, Variable(..., requires_grad=True), y = x**2, o = (1/2)*sum(y) with Python's sum,
# o.backward() and x.grad), the car-price linear regression (nn.Module subclass with
# super(Class, self).__init__(), nn.MSELoss, SGD, loss_list.append(loss.data), 'epoch {}, loss {}' every 50
# iterations), then the digits: pd.read_csv(path, dtype=np.float32), train.head(), targets from
# train.label.values, features from train.loc[:, train.columns != "label"].values / 255,
# sklearn train_test_split(test_size=0.2, random_state=42), torch.from_numpy(...).type(torch.LongTensor),
# num_epochs = int(n_iters / (len(features_train) / batch_size)), TensorDataset and DataLoader(shuffle=False),
# LogisticRegressionModel, an ANN with ReLU/Tanh/ELU, a CNN (Conv2d, MaxPool2d, out.view(out.size(0), -1))
# fed images.view(batch_size, 1, side, side), an RNN (nn.RNN(..., batch_first=True, nonlinearity='relu') with
# h0 = Variable(torch.zeros(layer_dim, x.size(0), hidden_dim)) and out[:, -1, :]), each trained with the
# tutorial's loop: Variable(images.view(-1, n)), count += 1, test accuracy from torch.max(outputs.data, 1)[1],
# correct += (predicted == labels).sum(), accuracy = 100 * correct / float(total) and the
# 'Iteration: {}  Loss: {}  Accuracy: {} %' line; and the old `loss.data[0]` of a 0-dim loss caught.
import os
import tempfile

import numpy as np
import pandas as pd
import torch
import matplotlib.pyplot as plt
import torch.nn as nn
from sklearn.model_selection import train_test_split
from torch.autograd import Variable

# --- basics: numpy and torch side by side -------------------------------------------------------------------
array = [[1, 2, 3], [4, 5, 6]]
first_array = np.array(array)
print("Array Type: {}".format(type(first_array)))
print("Array Shape: {}".format(np.shape(first_array)))
print(first_array)
tensor = torch.Tensor(array)
print("Array Type: {}".format(tensor.type()))
print("Array Shape: {}".format(tensor.shape))
print(tensor)
print("Numpy {}\n".format(np.ones((2, 3))))
print(torch.ones((2, 3)))
np.random.seed(1)
torch.manual_seed(1)
print("Numpy {}\n".format(np.random.rand(2, 3)))
print(torch.rand(2, 3))
array = np.random.rand(2, 2)
print("{} {}\n".format(type(array), array))
from_numpy_to_tensor = torch.from_numpy(array)
print("{}\n".format(from_numpy_to_tensor))
from_tensor_to_numpy = from_numpy_to_tensor.numpy()
print("{} {}\n".format(type(from_tensor_to_numpy), from_tensor_to_numpy))
tensor = torch.ones(3, 3)
print("\n", tensor)
print("{}{}\n".format(tensor.view(9).shape, tensor.view(9)))
print("Addition: {}\n".format(torch.add(tensor, tensor)))
print("Subtraction: {}\n".format(tensor.sub(tensor)))
print("Element wise multiplication: {}\n".format(torch.mul(tensor, tensor)))
print("Element wise division: {}\n".format(torch.div(tensor, tensor)))
tensor = torch.Tensor([1, 2, 3, 4, 5])
print("Mean: {}".format(tensor.mean()))
print("std: {}".format(tensor.std()))

var = Variable(torch.ones(3), requires_grad=True)
print(var)
x = Variable(torch.Tensor([2, 4]), requires_grad=True)
y = x ** 2
print(" y =  ", y)
o = (1 / 2) * sum(y)  # Python's sum over the elements, as the tutorial writes it
print(" o =  ", o)
o.backward()
print("gradients: ", x.grad)

# --- linear regression on the car-price table ---------------------------------------------------------------
car_price_np = np.array([3, 4, 5, 6, 7, 8, 9], dtype=np.float32).reshape(-1, 1)
car_price_tensor = Variable(torch.from_numpy(car_price_np))
number_of_car_sell_np = np.array([7.5, 7, 6.5, 6.0, 5.5, 5.0, 4.5], dtype=np.float32).reshape(-1, 1)
number_of_car_sell_tensor = Variable(torch.from_numpy(number_of_car_sell_np))


class LinearRegression(nn.Module):
    def __init__(self, input_size, output_size):
        super(LinearRegression, self).__init__()
        self.linear = nn.Linear(input_size, output_size)

    def forward(self, x):
        return self.linear(x)


model = LinearRegression(1, 1)
mse = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.02)
loss_list = []
for iteration in range(201):
    optimizer.zero_grad()
    results = model(car_price_tensor)
    loss = mse(results, number_of_car_sell_tensor)
    loss.backward()
    optimizer.step()
    loss_list.append(loss.data)
    if iteration % 50 == 0:
        print('epoch {}, loss {}'.format(iteration, loss.data))
predicted = model(car_price_tensor).data.numpy()
print(predicted.ravel().round(3))
# The tutorial plots the list of 0-dim loss tensors directly.
plt.plot(range(201), loss_list)
plt.xlabel("Number of Iterations")
plt.ylabel("Loss")
plt.show()

# --- the digits table as a CSV ------------------------------------------------------------------------------
side = 12
rs = np.random.RandomState(0)
templates = (rs.rand(10, side, side) > 0.6).astype(np.float64)
labels = rs.randint(0, 10, 300)
images = templates[labels] * rs.uniform(60, 160, (300, 1, 1)) + rs.normal(40, 90, (300, side, side))
pixels = np.clip(np.round(images), 0, 255).astype(np.int64).reshape(300, -1)
table = pd.DataFrame(pixels, columns=['pixel{}'.format(i) for i in range(side * side)])
table.insert(0, 'label', labels)
with tempfile.TemporaryDirectory() as folder:
    table.to_csv(os.path.join(folder, 'train.csv'), index=False)
    train = pd.read_csv(os.path.join(folder, 'train.csv'), dtype=np.float32)
print(train.head())
print(train.shape)
print(train.info())
print(train.describe().iloc[:, :4])

targets_numpy = train.label.values
features_numpy = train.loc[:, train.columns != "label"].values / 255
print(targets_numpy[:10], targets_numpy.dtype, features_numpy.shape, features_numpy.dtype)
with tempfile.TemporaryDirectory() as folder:
    plt.imshow(features_numpy[10].reshape(side, side))
    plt.axis("off")
    plt.title(str(targets_numpy[10]))
    plt.savefig(os.path.join(folder, 'graph.png'))
    print(os.listdir(folder))
plt.show()
features_train, features_test, targets_train, targets_test = train_test_split(
    features_numpy, targets_numpy, test_size=0.2, random_state=42)
featuresTrain = torch.from_numpy(features_train)
targetsTrain = torch.from_numpy(targets_train).type(torch.LongTensor)
featuresTest = torch.from_numpy(features_test)
targetsTest = torch.from_numpy(targets_test).type(torch.LongTensor)
print(featuresTrain.shape, featuresTrain.dtype, targetsTrain[:10], targetsTest.shape)

batch_size = 20
n_iters = 120
num_epochs = n_iters / (len(features_train) / batch_size)
num_epochs = int(num_epochs)
print(num_epochs)
train = torch.utils.data.TensorDataset(featuresTrain, targetsTrain)
test = torch.utils.data.TensorDataset(featuresTest, targetsTest)
train_loader = torch.utils.data.DataLoader(train, batch_size=batch_size, shuffle=False)
test_loader = torch.utils.data.DataLoader(test, batch_size=batch_size, shuffle=False)
print(len(train_loader), len(test_loader))


def run(model, optimizer, shape, every=40):
    """The tutorial's loop: accuracy on the whole test loader every `every` iterations (printed then)."""
    error = nn.CrossEntropyLoss()
    count = 0
    loss_list = []
    iteration_list = []
    accuracy_list = []
    for epoch in range(num_epochs):
        for i, (images, labels) in enumerate(train_loader):
            train = Variable(images.view(*shape))
            labels = Variable(labels)
            optimizer.zero_grad()
            outputs = model(train)
            loss = error(outputs, labels)
            loss.backward()
            optimizer.step()
            count += 1
            if count % every == 0:
                correct = 0
                total = 0
                for images, labels in test_loader:
                    test = Variable(images.view(*shape))
                    outputs = model(test)
                    predicted = torch.max(outputs.data, 1)[1]
                    total += len(labels)
                    correct += (predicted == labels).sum()
                accuracy = 100 * correct / float(total)
                loss_list.append(loss.data)
                iteration_list.append(count)
                accuracy_list.append(accuracy)
                print('Iteration: {}  Loss: {}  Accuracy: {} %'.format(count, loss.data, accuracy))
    plt.plot(iteration_list, loss_list)
    plt.plot(iteration_list, accuracy_list, color="red")
    plt.xlabel("Number of iteration")
    plt.show()
    return loss, accuracy_list


class LogisticRegressionModel(nn.Module):
    def __init__(self, input_dim, output_dim):
        super(LogisticRegressionModel, self).__init__()
        self.linear = nn.Linear(input_dim, output_dim)

    def forward(self, x):
        out = self.linear(x)
        return out


input_dim = side * side
output_dim = 10
torch.manual_seed(0)
model = LogisticRegressionModel(input_dim, output_dim)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loss, accuracy_list = run(model, optimizer, (-1, side * side))
print(type(accuracy_list[-1]), accuracy_list[-1].dtype)
try:
    print(loss.data[0])  # what older PyTorch allowed; 0-dim losses since 0.4 need .item()
except IndexError as e:
    print('IndexError:', e)
print(loss.item() == loss.data.item())


class ANNModel(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim):
        super(ANNModel, self).__init__()
        self.fc1 = nn.Linear(input_dim, hidden_dim)
        self.relu1 = nn.ReLU()
        self.fc2 = nn.Linear(hidden_dim, hidden_dim)
        self.tanh2 = nn.Tanh()
        self.fc3 = nn.Linear(hidden_dim, hidden_dim)
        self.elu3 = nn.ELU()
        self.fc4 = nn.Linear(hidden_dim, output_dim)

    def forward(self, x):
        out = self.fc1(x)
        out = self.relu1(out)
        out = self.fc2(out)
        out = self.tanh2(out)
        out = self.fc3(out)
        out = self.elu3(out)
        out = self.fc4(out)
        return out


torch.manual_seed(0)
model = ANNModel(input_dim, 32, output_dim)
print(model)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
run(model, optimizer, (-1, side * side))


class CNNModel(nn.Module):
    def __init__(self):
        super(CNNModel, self).__init__()
        self.cnn1 = nn.Conv2d(in_channels=1, out_channels=4, kernel_size=3, stride=1, padding=0)
        self.relu1 = nn.ReLU()
        self.maxpool1 = nn.MaxPool2d(kernel_size=2)
        self.cnn2 = nn.Conv2d(in_channels=4, out_channels=8, kernel_size=2, stride=1, padding=0)
        self.relu2 = nn.ReLU()
        self.maxpool2 = nn.MaxPool2d(kernel_size=2)
        self.fc1 = nn.Linear(8 * 2 * 2, 10)

    def forward(self, x):
        out = self.cnn1(x)
        out = self.relu1(out)
        out = self.maxpool1(out)
        out = self.cnn2(out)
        out = self.relu2(out)
        out = self.maxpool2(out)
        out = out.view(out.size(0), -1)
        out = self.fc1(out)
        return out


torch.manual_seed(0)
model = CNNModel()
print(model)
optimizer = torch.optim.SGD(model.parameters(), lr=0.3)
run(model, optimizer, (batch_size, 1, side, side))


class RNNModel(nn.Module):
    def __init__(self, input_dim, hidden_dim, layer_dim, output_dim):
        super(RNNModel, self).__init__()
        self.hidden_dim = hidden_dim
        self.layer_dim = layer_dim
        self.rnn = nn.RNN(input_dim, hidden_dim, layer_dim, batch_first=True, nonlinearity='relu')
        self.fc = nn.Linear(hidden_dim, output_dim)

    def forward(self, x):
        h0 = Variable(torch.zeros(self.layer_dim, x.size(0), self.hidden_dim))
        out, hn = self.rnn(x, h0)
        out = self.fc(out[:, -1, :])
        return out


seq_dim = side
torch.manual_seed(0)
model = RNNModel(side, 24, 1, output_dim)
print(model)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
run(model, optimizer, (-1, seq_dim, side))
