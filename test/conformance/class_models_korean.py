# 파이토치로 클래스 모델 구현하기 (wikidocs "PyTorch로 시작하는 딥 러닝 입문" 03-04/03-05): nn.Linear(1, 1) trained on
# y = 2x, its parameters printed as a list, a prediction for x = 4 printed with a Korean label, then the
# same as a LinearRegressionModel class with super().__init__(), and a multivariable version.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1)

x_train = torch.FloatTensor([[1], [2], [3]])
y_train = torch.FloatTensor([[2], [4], [6]])

model = nn.Linear(1, 1)
print(list(model.parameters()))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
nb_epochs = 2000
for epoch in range(nb_epochs + 1):
    prediction = model(x_train)
    cost = F.mse_loss(prediction, y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 100 == 0:
        print('Epoch {:4d}/{} Cost: {:.6f}'.format(epoch, nb_epochs, cost.item()))

new_var = torch.FloatTensor([[4.0]])
pred_y = model(new_var)
print("훈련 후 입력이 4일 때의 예측값 :", pred_y)
print(list(model.parameters()))


class LinearRegressionModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(1, 1)

    def forward(self, x):
        return self.linear(x)


model = LinearRegressionModel()
print(model)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(nb_epochs + 1):
    prediction = model(x_train)
    cost = F.mse_loss(prediction, y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 500 == 0:
        print('Epoch {:4d}/{} Cost: {:.6f}'.format(epoch, nb_epochs, cost.item()))
print(model(torch.FloatTensor([[4.0], [5.0]])))
print(model.linear.weight.item(), model.linear.bias.item())
print(model.state_dict())
