# The first model of the study notes: a linear regression model built from nn.Module.
# 선형 회귀모델: the weight has shape (output_dim, input_dim), the bias (output_dim,).
import torch
import torch.nn as nn

torch.manual_seed(0)


class LinearRegressionModel(nn.Module):
    def __init__(self, input_dim, output_dim):
        super().__init__()  # runs nn.Module's constructor first
        self.linear = nn.Linear(input_dim, output_dim)

    def forward(self, x):
        return self.linear(x)


# Data on the line y = 2x + 1.
x = torch.linspace(-1, 1, 32).unsqueeze(1)
y = 2 * x + 1

model = LinearRegressionModel(input_dim=1, output_dim=1)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for epoch in range(200):
    prediction = model(x)          # 1. forward
    loss = criterion(prediction, y)  # 2. loss
    optimizer.zero_grad()
    loss.backward()                # 3. backward
    optimizer.step()               # 4. update
    if epoch % 50 == 0:
        print(f"epoch {epoch}: loss {loss.item():.5f}")

print("weight", model.linear.weight.item(), "bias", model.linear.bias.item())
