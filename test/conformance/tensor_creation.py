# Every way the beginner tutorials build a tensor: from data, from another tensor, from a shape given as
# separate ints, a tuple, a list or the size= keyword, with dtype= and requires_grad=.
import torch

torch.manual_seed(0)

data = [[1, 2], [3, 4]]
x_data = torch.tensor(data)
print(x_data, x_data.dtype)
print(torch.tensor([[1.0, -1.0], [1.0, -1.0]]))
print(torch.tensor(3.5), torch.tensor(3.5).dim(), torch.tensor(3.5).shape)
print(torch.tensor([True, False, True]))
print(torch.tensor([1, 2, 3], dtype=torch.float32))
print(torch.tensor([[0.5, 1.5]], requires_grad=True))

# The legacy constructors the Korean labs use everywhere
print(torch.FloatTensor([[1], [2], [3]]))
print(torch.LongTensor([2, 0, 1]))
print(torch.Tensor([0, 1, 2]))
print(torch.FloatTensor(2, 3).shape)

# From another tensor
x_ones = torch.ones_like(x_data)
print(f"Ones Tensor: \n {x_ones} \n")
x_rand = torch.rand_like(x_data, dtype=torch.float)
print(f"Random Tensor: \n {x_rand} \n")
print(torch.zeros_like(x_data), torch.full_like(x_data, 7))
print(torch.randn_like(torch.zeros(2, 2)))

# Shapes: separate ints, tuple, list, size=
shape = (2, 3,)
print(torch.rand(shape))
print(torch.ones(shape))
print(torch.zeros(2, 3))
print(torch.zeros((2, 3, 4)).shape)
print(torch.ones([2, 2]))
print(torch.randn(size=(2, 3)))
print(torch.zeros(size=(1, 4)))
print(torch.ones(size=[3]))
print(torch.rand(size=(2,)))
print(torch.full((2, 2), 0.5))
print(torch.full((), -1.0, dtype=torch.float))
print(torch.empty(3, 2).shape, torch.empty(size=(4,)).shape)
print(torch.eye(3))
print(torch.eye(2, 3))

# Ranges
print(torch.arange(5))
print(torch.arange(1, 4))
print(torch.arange(1, 2.5, 0.5))
print(torch.arange(12, dtype=torch.float32).reshape(3, 4))
print(torch.arange(0, 10, 3))
print(torch.linspace(-1, 1, 5))
print(torch.linspace(0, 1, steps=3))

# Random draws with every signature
print(torch.randn(2, 2))
print(torch.randn((3,)))
print(torch.rand(2, 3, dtype=torch.float32))
print(torch.randint(5, (3,)))
print(torch.randint(0, 10, (2, 4)))
print(torch.randint(low=1, high=7, size=(5,)))
print(torch.randperm(6))
print(torch.normal(0, 1, (2, 3)))
print(torch.normal(0, 0.01, size=(3, 1)))
print(torch.normal(mean=2.0, std=0.5, size=(2,)))
w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
print(w)
print(torch.randn(2, 3, requires_grad=True))
print(torch.zeros(3, requires_grad=True))

# Attributes
tensor = torch.rand(3, 4)
print(f"Shape of tensor: {tensor.shape}")
print(f"Datatype of tensor: {tensor.dtype}")
print(f"Device tensor is stored on: {tensor.device}")
print(tensor.size(), tensor.size(1), tensor.size(dim=0), tensor.dim(), tensor.ndim, tensor.numel())
print(len(tensor), tensor.shape[0], tuple(tensor.shape), list(tensor.size()))
print(torch.get_default_dtype(), torch.float == torch.float32, torch.long)
print(tensor.is_leaf, tensor.requires_grad, tensor.grad)
