# Aladdin Persson's Machine-Learning-Collection `ML/Pytorch/Basics/pytorch_tensorbasics.py` idioms (a tour of
# tensor operations in four parts): `device = "cuda" if torch.cuda.is_available() else "cpu"`,
# `torch.tensor(..., dtype=torch.float32, device=device, requires_grad=True)` printed through f-strings
# (`{t}`, `{t.dtype}`, `{t.device}`, `{t.shape}`, `{t.requires_grad}`) and the tutorial's f-less "{...}" line,
# creation by `torch.empty(size=(1, 5)).normal_(mean=0, std=1)`, `.uniform_(0, 1)`, `torch.eye(5, 5)`,
# `torch.arange(start=0, end=5, step=1)`, `torch.linspace(start=0.1, end=1, steps=10)`, `torch.diag`;
# dtype casts `.bool() .short() .long() .float() .double()` (not the tutorial's `.half()`: the engine has no
# float16), `torch.from_numpy`/`.numpy()`; `torch.add(x, y, out=z)` of int64 into a float32 `torch.empty(3)`
# (floats into int64 refused), `torch.true_divide`, `t.add_(x)` and `t += x`, `x.pow(2)`/`x ** 2`,
# `torch.mm`/`x1.mm(x2)`, `matrix_power(3)` (of floats and ints), `torch.dot`, `torch.bmm` (also of ints),
# broadcasting `x1 - x2` and `x1 ** x2`, `torch.max(x, dim=0)` / `torch.min` unpacked, `torch.argmax`,
# `torch.mean(x.float(), dim=0)`, `torch.eq`, `torch.sort(y, dim=0, descending=False)`, `torch.clamp(x, min=0)`,
# `torch.any`/`torch.all` of a bool tensor; indexing `x[0, :]`, `x[:, 0]`, `x[2, 0:10]`, a list of indices,
# row/column index tensors, `x[(x < 2) | (x > 8)]`, `x[x.remainder(2) == 0]`, `torch.where(x > 5, x, x * 2)`,
# `.unique()`, `.ndimension()`, `.numel()`; reshaping `view`/`reshape`, `.t().is_contiguous()`,
# `.contiguous().view(9)`, `torch.cat(..., dim=0/1)`, `view(batch, -1)`, `permute(0, 2, 1)`,
# `torch.chunk(x, chunks=2, dim=1)`, `unsqueeze(0)`/`unsqueeze(1)` and `squeeze(1)`. Seeded small data.
import numpy as np
import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# Part 1: creating tensors and reading their attributes
weights = torch.tensor(
    [[0.5, -1.5, 2.0], [3.25, 4.0, -6.0]], dtype=torch.float32, device=device, requires_grad=True
)
print(f"Information about tensor: {weights}")
print("Type of Tensor {weights.dtype}")  # the tutorial forgot the f: the braces print as they are
print(f"Type of Tensor {weights.dtype}")
print(f"Device Tensor is on {weights.device}")
print(f"Shape of tensor {weights.shape}")
print(f"Requires gradient: {weights.requires_grad}")

noise = torch.empty(size=(1, 5)).normal_(mean=0, std=1)
print("normal_:", noise)
print("uniform_:", torch.empty(size=(1, 5)).uniform_(0, 1))
print("rand:", torch.rand((2, 3)))
print("zeros/ones:", torch.zeros((2, 2)).sum().item(), torch.ones((2, 3)).sum().item())
print("eye:\n", torch.eye(3, 4))
print("arange:", torch.arange(start=0, end=5, step=1), torch.arange(7))
print("linspace:", torch.linspace(start=0.1, end=1, steps=10))
print("diag:\n", torch.diag(torch.ones(3)))
print("diag of a vector:\n", torch.diag(torch.tensor([1.5, -2.0])))

counts = torch.arange(4)
print(f"Converted Boolean: {counts.bool()}")
print(f"Converted int16 {counts.short()}")
print(f"Converted int64 {counts.long()}")
print(f"Converted float32 {counts.float()}")
print(f"Converted float64 {counts.double()}")

grid = np.arange(6, dtype=np.float64).reshape(2, 3) / 4
from_np = torch.from_numpy(grid)
back = from_np.numpy()
print("from_numpy:", from_np.dtype, from_np.shape, "numpy again:", back.dtype, back.tolist())

# Part 2: math and comparison
a = torch.tensor([1, 2, 3])
b = torch.tensor([9, 8, 7])
into = torch.empty(3)
torch.add(a, b, out=into)
print("add out=:", into, into.dtype)
# A float result is never truncated into an integer out tensor: PyTorch refuses the cast.
try:
    torch.add(torch.tensor([0.5, 1.5, 2.5]), a, out=torch.empty(3, dtype=torch.long))
except RuntimeError as err:
    print("add out= refused:", err)
print("add:", torch.add(a, b), a + b, a - b)
print("true_divide:", torch.true_divide(a, b))
acc = torch.zeros(3)
acc.add_(a)
acc += a
print("in place:", acc)
print("pow:", a.pow(2), a ** 2)
print("compare:", a > 0, a < 0)

m1 = torch.rand((2, 5))
m2 = torch.rand((5, 3))
print("mm:", torch.mm(m1, m2).shape, torch.allclose(m1.mm(m2), torch.mm(m1, m2)))
square = torch.rand(3, 3)
print("matrix_power(3):\n", square.matrix_power(3))
print("matrix_power(0):\n", square.matrix_power(0))
# The same method on an integer matrix stays exact: powers of [[1, 1], [1, 0]] hold Fibonacci numbers.
print("fibonacci by matrix_power:\n", torch.tensor([[1, 1], [1, 0]]).matrix_power(10))
print("elementwise:", a * b, "dot:", torch.dot(a, b))

batch, n, m, p = 4, 2, 3, 5
left = torch.rand((batch, n, m))
right = torch.rand((batch, m, p))
print("bmm:", torch.bmm(left, right).shape)
counts_3d = torch.arange(12).view(2, 2, 3)
print("bmm of ints:\n", torch.bmm(counts_3d, counts_3d.transpose(1, 2)))

x1 = torch.rand((3, 3))
x2 = torch.ones((1, 3)) * 2
print("broadcast minus:\n", x1 - x2)
print("broadcast power:\n", x1 ** x2)

print("sum:", torch.sum(a, dim=0))
values, indices = torch.max(a, dim=0)
print("max:", values, indices)
values, indices = torch.min(b, dim=0)
print("min:", values, indices)
print("max of a method:", b.max(dim=0))
print("abs:", torch.abs(torch.tensor([-2, 0, 5])))
print("argmax/argmin:", torch.argmax(b, dim=0), torch.argmin(b, dim=0))
print("mean:", torch.mean(a.float(), dim=0))
print("eq:", torch.eq(a, b), torch.eq(a, torch.tensor([1, 0, 3])))
sorted_b, order = torch.sort(b, dim=0, descending=False)
print("sort:", sorted_b, order)
print("sort descending:", torch.sort(torch.tensor([3.0, -1.0, 2.5]), descending=True))
print("clamp:", torch.clamp(torch.tensor([-3, -1, 0, 2, 4]), min=0))
print("clamp both:", torch.clamp(torch.tensor([-1.5, 0.25, 2.0]), min=-1, max=1))
flags = torch.tensor([1, 0, 1, 1, 1], dtype=torch.bool)
print("any/all:", torch.any(flags), torch.all(flags), flags.any(), flags.all())

# Part 3: indexing
batch_size, features = 4, 12
table = torch.rand((batch_size, features))
print(table[0].shape, table[0, :].shape)
print(table[:, 0].shape)
print(table[2, 0:10].shape)
table[0, 0] = 100
print("assigned:", table[0, :3])

seq = torch.arange(10)
picks = [2, 5, 8]
print(seq[picks])
small = torch.rand((3, 5))
rows = torch.tensor([1, 0])
cols = torch.tensor([4, 0])
print(small[rows, cols])
print(seq[(seq < 2) | (seq > 8)])
print(seq[seq.remainder(2) == 0])
print(torch.where(seq > 5, seq, seq * 2))
uniq = torch.tensor([0, 0, 1, 2, 2, 3, 4]).unique()
print(uniq)
print(uniq.ndimension(), torch.rand(2, 3, 4).ndimension())
print(seq.numel(), table.numel())

# Part 4: reshaping
nine = torch.arange(9)
as_view = nine.view(3, 3)
as_reshape = nine.reshape(3, 3)
print(torch.equal(as_view, as_reshape))
flipped = as_view.t()
print(flipped.is_contiguous(), as_view.is_contiguous())
print(flipped.contiguous().view(9))
print(flipped.reshape(9))

p1 = torch.rand(2, 5)
p2 = torch.rand(2, 5)
print(torch.cat((p1, p2), dim=0).shape)
print(torch.cat((p1, p2), dim=1).shape)
print(p1.view(-1).shape)
stack = torch.rand((6, 2, 5))
print(stack.view(6, -1).shape)
print(stack.permute(0, 2, 1).shape)
parts = torch.chunk(stack, chunks=2, dim=1)
print(len(parts), parts[0].shape, parts[1].shape)
odd_parts = torch.chunk(stack, chunks=2, dim=2)
print(odd_parts[0].shape, odd_parts[1].shape)
line = torch.arange(10)
print(line.unsqueeze(0).shape)
print(line.unsqueeze(1).shape)
nested = torch.arange(10).unsqueeze(0).unsqueeze(1)
print(nested.shape, nested.squeeze(1).shape, nested.squeeze(0).shape)
