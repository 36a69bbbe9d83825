# The "Tensors" page of Learn the Basics: indexing, joining, arithmetic, item(), in-place ops.
import torch

torch.manual_seed(0)

tensor = torch.ones(4, 4)
if torch.cuda.is_available():
    tensor = tensor.to("cuda")
print(f"Device tensor is stored on: {tensor.device}")

print('First row: ', tensor[0])
print('First column: ', tensor[:, 0])
print('Last column:', tensor[..., -1])
tensor[:, 1] = 0
print(tensor)

t1 = torch.cat([tensor, tensor, tensor], dim=1)
print(t1)
print(t1.shape)

y1 = tensor @ tensor.T
y2 = tensor.matmul(tensor.T)
y3 = torch.rand_like(tensor)
torch.matmul(tensor, tensor.T, out=y3)
print(y1)
print(torch.equal(y1, y2), torch.equal(y1, y3))

z1 = tensor * tensor
z2 = tensor.mul(tensor)
z3 = torch.rand_like(tensor)
torch.mul(tensor, tensor, out=z3)
print(z1)
print(torch.equal(z1, z2), torch.equal(z1, z3))

agg = tensor.sum()
agg_item = agg.item()
print(agg_item, type(agg_item))

print(tensor, "\n")
tensor.add_(5)
print(tensor)
tensor.t_()
print(tensor[0])
tensor.copy_(torch.arange(16.).view(4, 4))
print(tensor)
tensor.mul_(0.5).sub_(1)
print(tensor)
tensor.zero_()
print(tensor.sum())

# Same thing, done the way the "Introduction to PyTorch Tensors" video series does it
ones = torch.ones(2, 3)
twos = torch.ones(2, 3) * 2
threes = (ones + twos)
print(threes)
powers2 = twos ** torch.tensor([[1, 2, 3], [4, 5, 6]])
print(powers2)
fours = twos ** 2
sqrt2s = twos ** 0.5
print(fours, sqrt2s)
a = torch.rand(2, 4) * 2 - 1
print(torch.abs(a).max() <= 1, torch.clamp(a, -0.5, 0.5).abs().max())
print(torch.ceil(torch.tensor([1.2, -1.2])), torch.floor(torch.tensor([1.7, -1.7])))
print(torch.tensor([1.0, 2.0]).dtype, torch.tensor([1, 2]).float().dtype)
