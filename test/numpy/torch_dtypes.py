# numpy arrays and torch tensors keep their dtypes both ways, as PyTorch does: float64 arrays make float64
# tensors (from_numpy, torch.tensor, as operands), int32 and uint8 stay int32 and uint8, and .numpy() of a
# float64 or int32 tensor gives that numpy dtype.
import numpy as np
import torch

a = np.array([0.1, 0.25, 1 / 3])
t = torch.from_numpy(a)
print(t, t.dtype, t.sum().item())
print(torch.tensor(a), torch.tensor(np.array([1.5], dtype=np.float32)))
print(torch.from_numpy(np.array([1, 2], dtype=np.int32)), torch.from_numpy(np.array([7, 255], dtype=np.uint8)))
print(torch.from_numpy(np.array([3], dtype=np.int16)).dtype, torch.from_numpy(np.array([-3], dtype=np.int8)).dtype)
print(torch.ones(3) + torch.from_numpy(a), (torch.ones(3) * torch.from_numpy(a)).dtype)
x = torch.tensor([1.0, 2.0], dtype=torch.float64)
print(x.numpy(), x.numpy().dtype, torch.tensor([1, 2], dtype=torch.int32).numpy().dtype)
print(torch.tensor([3, 4], dtype=torch.uint8).numpy(), np.array(torch.tensor([0.5], dtype=torch.float64)))
X = np.linspace(-1, 1, 8).reshape(4, 2)
model = torch.nn.Linear(2, 1).double()
torch.manual_seed(0)
torch.nn.init.constant_(model.weight, 0.5)
torch.nn.init.constant_(model.bias, -0.25)
out = model(torch.from_numpy(X))
print(out.dtype, out.detach().numpy().ravel(), out.sum().item())
