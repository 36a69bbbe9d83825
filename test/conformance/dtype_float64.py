# Double precision and other dtypes as learners meet them: .double(), dtype=torch.float64, torch.float64
# printing, promotion between float32 and float64, .to(torch.float64), torch.DoubleTensor, int32 and int64,
# .int()/.long()/.float()/.bool(), a whole model in double precision.
import torch
from torch import nn

torch.manual_seed(0)

x = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
print(x)
print(x.dtype, x.element_size())
y = torch.tensor([0.1, 0.2, 0.3]).double()
print(y)
print(x + y)
print((x * y).sum())
print(torch.tensor([0.1], dtype=torch.float64) + torch.tensor([0.2], dtype=torch.float64))
print(torch.tensor([0.1]) + torch.tensor([0.2]))
print(torch.tensor(1 / 3, dtype=torch.float64), torch.tensor(1 / 3))
print(torch.tensor([1 / 3], dtype=torch.float64).item(), torch.tensor([1 / 3]).item())

f32 = torch.ones(2)
f64 = torch.ones(2, dtype=torch.float64)
print((f32 + f64).dtype, (f64 * 2).dtype, (f32 * torch.tensor(2.0, dtype=torch.float64)).dtype)
print(torch.DoubleTensor([1, 2]), torch.zeros(2, dtype=torch.double))
print(torch.arange(3, dtype=torch.float64), torch.linspace(0, 1, 3, dtype=torch.float64))
print(torch.randn(2, 2, dtype=torch.float64))
print(torch.rand(3).to(torch.float64))
print(torch.ones(2, 2).to(dtype=torch.float64).dtype)
print(x.float(), x.float().dtype)

i = torch.tensor([1, 2, 3], dtype=torch.int32)
print(i, i.dtype, (i * 2).dtype, (i + 0.5).dtype)
print(torch.tensor([1.7, -1.7]).int(), torch.tensor([1.7, -1.7]).long())
print(torch.tensor([0, 1, 2]).bool(), torch.tensor([True, False]).int())
print(torch.tensor([1, 2]) / 2, (torch.tensor([1, 2]) / 2).dtype, torch.tensor([5, 7]) // 2)
print(torch.tensor([3, 4]).sum().dtype, torch.tensor([True, True]).sum())

a = torch.tensor([2.0], dtype=torch.float64, requires_grad=True)
b = a ** 3 + torch.exp(a)
b.backward()
print(b, a.grad)

X = torch.randn(32, 3, dtype=torch.float64)
Y = X @ torch.tensor([[1.0], [2.0], [-1.0]], dtype=torch.float64)
model = nn.Linear(3, 1).double()
print(model.weight.dtype)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(50):
    loss = ((model(X) - Y) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
print(loss.item(), loss.dtype)
print(model.weight)
model = nn.Linear(2, 1).to(torch.float64)
print(model(torch.ones(1, 2, dtype=torch.float64)).dtype)
try:
    model(torch.ones(1, 2))
except RuntimeError as e:
    print('RuntimeError:', e)
