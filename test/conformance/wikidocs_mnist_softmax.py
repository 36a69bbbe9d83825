# The Korean book "PyTorch로 시작하는 딥 러닝 입문" 05-07 (softmax regression on MNIST) and DLZTA lab-07_2,
# on random 28x28 "digits" built in the file instead of torchvision: USE_CUDA = torch.cuda.is_available(),
# device = torch.device("cuda" if USE_CUDA else "cpu") with the book's print("다음 기기로 학습합니다:", device),
# random.seed(777) / torch.manual_seed(777), hyperparameters training_epochs / batch_size, a DataLoader with
# shuffle=True and drop_last=True, nn.Linear(784, 10, bias=True).to(device), X.view(-1, 28 * 28).to(device),
# avg_cost += cost / total_batch, print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.9f}'.format(avg_cost)),
# testing under torch.no_grad() with torch.argmax(prediction, 1) == Y_test, accuracy.item(), and a random
# sample r = random.randint(0, len(X_test) - 1) with X_test[r:r + 1] printed as 'Label: ' / 'Prediction: '.
import random

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

USE_CUDA = torch.cuda.is_available()
device = torch.device("cuda" if USE_CUDA else "cpu")
print("다음 기기로 학습합니다:", device)
random.seed(777)
torch.manual_seed(777)
if device == 'cuda':
    torch.cuda.manual_seed_all(777)

training_epochs = 4
batch_size = 25


def make_digits(n):
    labels = torch.randint(0, 10, (n,))
    images = torch.rand(n, 1, 28, 28) * 0.2
    for i in range(n):
        k = int(labels[i])
        images[i, 0, 2 * k + 2: 2 * k + 6, 4:24] += 0.8
    return images, labels


X_train, Y_train = make_digits(200)
X_test, Y_test = make_digits(60)
mnist_train = TensorDataset(X_train, Y_train)
data_loader = DataLoader(dataset=mnist_train, batch_size=batch_size, shuffle=True, drop_last=True)
linear = nn.Linear(784, 10, bias=True).to(device)
criterion = nn.CrossEntropyLoss().to(device)
optimizer = torch.optim.SGD(linear.parameters(), lr=0.1)

for epoch in range(training_epochs):
    avg_cost = 0
    total_batch = len(data_loader)
    for X, Y in data_loader:
        X = X.view(-1, 28 * 28).to(device)
        Y = Y.to(device)
        optimizer.zero_grad()
        hypothesis = linear(X)
        cost = criterion(hypothesis, Y)
        cost.backward()
        optimizer.step()
        avg_cost += cost / total_batch
    print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.9f}'.format(avg_cost))
print('Learning finished')

with torch.no_grad():
    X_test_flat = X_test.view(-1, 28 * 28).float().to(device)
    Y_test = Y_test.to(device)
    prediction = linear(X_test_flat)
    correct_prediction = torch.argmax(prediction, 1) == Y_test
    accuracy = correct_prediction.float().mean()
    print('Accuracy:', accuracy.item())
    r = random.randint(0, len(X_test) - 1)
    X_single_data = X_test[r:r + 1].view(-1, 28 * 28).float().to(device)
    Y_single_data = Y_test[r:r + 1].to(device)
    print('Label: ', Y_single_data.item())
    single_prediction = linear(X_single_data)
    print('Prediction: ', torch.argmax(single_prediction, 1).item())
    print(avg_cost.requires_grad, avg_cost.grad_fn.name() if avg_cost.grad_fn else None)
