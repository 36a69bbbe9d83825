# In-place ops, out=, copies, detach and shape changes, after the tensors video of PyTorch's
# "Introduction to PyTorch" (YouTube series).
import math

import numpy as np
import torch

torch.manual_seed(7)

a = torch.tensor([0, math.pi / 6, math.pi / 2, 5 * math.pi / 6])
print('a:')
print(a)
print(torch.sin(a))
print(a)

b = torch.tensor([0, math.pi / 6, math.pi / 2, 5 * math.pi / 6])
print('\nb:')
print(b)
print(torch.sin_(b))
print(b)

a = torch.ones(2, 2)
b = torch.rand(2, 2)
print('Before:')
print(a)
print(b)
print('\nAfter adding:')
print(a.add_(b))
print(a)
print(b)
print('\nAfter multiplying')
print(b.mul_(b))
print(b)
print(a.sub_(1).div_(2))
print(a.clamp_(0.1, 0.3))

a = torch.rand(2, 2)
b = torch.rand(2, 2)
c = torch.zeros(2, 2)
old_id = id(c)
print(c)
d = torch.matmul(a, b, out=c)
print(c)
assert c is d
assert id(c) == old_id
torch.rand(2, 2, out=c)
print(c)
assert id(c) == old_id
e = torch.add(a, b, out=torch.empty(2, 2))
print(e)

a = torch.ones(2, 2)
alias = a
a[0][1] = 561
print(alias)

a = torch.ones(2, 2)
copy = a.clone()
assert copy is not a
print(torch.eq(a, copy))
a[0][1] = 42
print(copy)
print(a)

w = torch.rand(2, 2, requires_grad=True)
print(w)
w_clone = w.clone()
print(w_clone)
w_plain = w.detach().clone()
print(w_plain)
print(w)
print(w_clone.requires_grad, w_plain.requires_grad, w_clone.grad_fn.name())

print('Sorry, CPU only.' if not torch.cuda.is_available() else 'GPU')
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
print('Device: {}'.format(device))
on_device = torch.rand(2, 2, device=device).to(device)
print(on_device.device)

image = torch.rand(3, 28, 28)
batch = image.unsqueeze(0)
print(image.shape)
print(batch.shape)

tiny = torch.rand(1, 1, 1, 1, 1)
print(tiny)
print(tiny.squeeze())

row = torch.rand(1, 8)
print(row.shape)
print(row)
flat = row.squeeze(0)
print(flat.shape)
print(flat)
square = torch.rand(2, 2)
print(square.squeeze(0).shape)

layers = torch.ones(4, 3, 2)
column = torch.rand(3)
try:
    layers * column
except RuntimeError as err:
    print('RuntimeError:', err)
print(column.unsqueeze(1).shape)
print(layers * column.unsqueeze(1))

batch_me = torch.rand(3, 28, 28)
print(batch_me.shape)
batch_me.unsqueeze_(0)
print(batch_me.shape)
batch_me.squeeze_(0)
print(batch_me.shape)

features = torch.rand(6, 5, 4)
print(features.shape)
flat = features.reshape(6 * 5 * 4)
print(flat.shape)
print(torch.reshape(features, (6 * 5 * 4,)).shape)
print(features.reshape(6, -1).shape, features.view(-1, 4).shape)
flat[0] = 100.0
print(features[0, 0])

numpy_array = np.ones((2, 3))
print(numpy_array)
from_np = torch.from_numpy(numpy_array)
print(from_np)
rand_t = torch.rand(2, 3)
print(rand_t)
print(rand_t.numpy())
print(rand_t.numpy().dtype, from_np.dtype)
