# Multivariable linear regression (lab-04, wikidocs 03-03/03-04/03-05): matmul with a (3, 1) weight, then
# the same model as nn.Linear, as an nn.Module class, with F.mse_loss, printing its parameters.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(1)

x1_train = torch.FloatTensor([[73], [93], [89], [96], [73]])
x2_train = torch.FloatTensor([[80], [88], [91], [98], [66]])
x3_train = torch.FloatTensor([[75], [93], [90], [100], [70]])
y_train = torch.FloatTensor([[152], [185], [180], [196], [142]])

w1 = torch.zeros(1, requires_grad=True)
w2 = torch.zeros(1, requires_grad=True)
w3 = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
optimizer = optim.SGD([w1, w2, w3, b], lr=1e-5)
nb_epochs = 1000
for epoch in range(nb_epochs + 1):
    hypothesis = x1_train * w1 + x2_train * w2 + x3_train * w3 + b
    cost = torch.mean((hypothesis - y_train) ** 2)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 100 == 0:
        print('Epoch {:4d}/{} w1: {:.3f} w2: {:.3f} w3: {:.3f} b: {:.3f} Cost: {:.6f}'.format(
            epoch, nb_epochs, w1.item(), w2.item(), w3.item(), b.item(), cost.item()))

x_train = torch.cat([x1_train, x2_train, x3_train], dim=1)
print(x_train.shape, y_train.shape)
W = torch.zeros((3, 1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)
optimizer = optim.SGD([W, b], lr=1e-5)
nb_epochs = 20
for epoch in range(nb_epochs + 1):
    hypothesis = x_train.matmul(W) + b
    cost = torch.mean((hypothesis - y_train) ** 2)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    print('Epoch {:4d}/{} hypothesis: {} Cost: {:.6f}'.format(
        epoch, nb_epochs, hypothesis.squeeze().detach(), cost.item()))

model = nn.Linear(3, 1)
print(list(model.parameters()))
optimizer = torch.optim.SGD(model.parameters(), lr=1e-5)
for epoch in range(2001):
    prediction = model(x_train)
    cost = F.mse_loss(prediction, y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 400 == 0:
        print('Epoch {:4d}/{} Cost: {:.6f}'.format(epoch, 2000, cost.item()))

new_var = torch.FloatTensor([[73, 80, 75]])
pred_y = model(new_var)
print("prediction for [73, 80, 75]:", pred_y)
print(list(model.parameters()))


class MultivariateLinearRegressionModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(3, 1)

    def forward(self, x):
        return self.linear(x)


model = MultivariateLinearRegressionModel()
print(model)
optimizer = optim.SGD(model.parameters(), lr=1e-5)
for epoch in range(21):
    prediction = model(x_train)
    cost = F.mse_loss(prediction, y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 5 == 0:
        print('Epoch {:4d}/{} Cost: {:.6f}'.format(epoch, 20, cost.item()))
for name, param in model.named_parameters():
    print(name, param.shape, param.data)
