# Learners switching the whole file to double precision: torch.set_default_dtype(torch.float64) before the
# model (layers, factories and Parameters come out float64 and train in float64), set_default_tensor_type
# with a class and a string, nn.Parameter of a float64 tensor in a hand-written model, and the errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

print(torch.get_default_dtype(), torch.tensor([1.5]).dtype, torch.tensor([1, 2]).dtype)
torch.set_default_dtype(torch.float64)
torch.manual_seed(0)
print(torch.get_default_dtype(), torch.tensor([1.5]).dtype, torch.zeros(2).dtype, torch.arange(3.0).dtype,
      torch.tensor([1, 2]) / 2)


class Regressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(1, 2, 3, padding=1)
        self.rnn = nn.GRU(2, 4, batch_first=True)
        self.head = nn.Linear(4, 1)

    def forward(self, x):
        h = torch.relu(self.conv(x)).transpose(1, 2)
        out, _ = self.rnn(h)
        return self.head(out[:, -1])


model = Regressor()
print({name: p.dtype for name, p in model.named_parameters() if name.endswith('weight') or name == 'rnn.weight_ih_l0'})
x = torch.randn(6, 1, 5)
y = x.sum(dim=(1, 2)).unsqueeze(1) / 3
opt = torch.optim.Adam(model.parameters(), lr=0.05)
for step in range(4):
    opt.zero_grad()
    loss = F.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    print(step, loss.item(), loss.dtype)
print(model.head.weight.grad.dtype, model(x[:2]))

# A hand-written linear model with float64 Parameters, back in float32 by default.
torch.set_default_dtype(torch.float32)
w = nn.Parameter(torch.tensor([[0.1], [1 / 3]], dtype=torch.float64))
b = nn.Parameter(torch.zeros(1, dtype=torch.float64))
print(w)
X = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], dtype=torch.float64)
Y = X @ torch.tensor([[2.0], [-1.0]], dtype=torch.float64) + 0.5
sgd = torch.optim.SGD([w, b], lr=0.01)
for step in range(3):
    sgd.zero_grad()
    loss = ((X @ w + b - Y) ** 2).mean()
    loss.backward()
    sgd.step()
    print(step, loss.item(), w.grad.dtype)
print(w.data.tolist(), b.item())
print(nn.Parameter(torch.ones(2, dtype=torch.float16)).dtype, nn.Linear(2, 2).weight.dtype)

torch.set_default_tensor_type(torch.DoubleTensor)
print(torch.get_default_dtype(), torch.randn(2).dtype, torch.Tensor([1]).dtype, torch.FloatTensor([1]).dtype)
torch.set_default_tensor_type('torch.FloatTensor')
print(torch.ones(1).dtype, torch.Tensor().type())
try:
    torch.set_default_dtype(torch.int64)
except TypeError as err:
    print('TypeError:', err)
try:
    nn.Parameter(torch.ones(2, dtype=torch.long))
except RuntimeError as err:
    print('RuntimeError:', err)
print(nn.Parameter(torch.ones(2, dtype=torch.long), requires_grad=False))
