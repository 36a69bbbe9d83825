# Tensors in depth, after PyTorch's "Introduction to PyTorch" (YouTube series) tensors video:
# factories, seeding, *_like, dtypes, scalar math, broadcasting and its errors, common math.
import math

import torch

zeros = torch.zeros(2, 3)
print(type(zeros))
print(zeros)
print(torch.ones(2, 3))

torch.manual_seed(2024)
first = torch.rand(2, 3)
second = torch.rand(2, 3)
torch.manual_seed(2024)
again = torch.rand(2, 3)
print(first)
print(second)
print(again)
print(torch.equal(first, again), torch.equal(first, second))

shape_source = torch.empty(2, 2, 3)
print(shape_source.shape)
print(torch.empty_like(shape_source).shape)
print(torch.zeros_like(shape_source))
print(torch.ones_like(shape_source).shape)
print(torch.rand_like(shape_source))

consts = torch.tensor([[2.5, 1.25], [0.125, 0.0037]])
print(consts)
primes = torch.tensor((3, 5, 7, 11, 13))
print(primes)
print(torch.tensor(((1, 2, 3), [4, 5, 6])))

shorts = torch.ones((2, 3), dtype=torch.int16)
print(shorts)
doubles = torch.rand((2, 3), dtype=torch.float64) * 30.0
print(doubles)
print(doubles.to(torch.int32))
print(shorts.dtype, doubles.dtype, doubles.to(torch.int32).dtype)

ones = torch.zeros(2, 2) + 1
twos = torch.ones(2, 2) * 2
threes = (torch.ones(2, 2) * 7 - 1) / 2
fours = twos**2
roots = twos**0.5
for t in (ones, twos, threes, fours, roots):
    print(t)
print(twos ** torch.tensor([[1, 2], [3, 4]]))
print(ones + fours)
print(threes * fours)

try:
    print(torch.rand(2, 3) * torch.rand(3, 2))
except RuntimeError as err:
    print('RuntimeError:', err)

rows = torch.rand(2, 4)
print(rows * (torch.ones(1, 4) * 3))

cube = torch.ones(4, 3, 2)
print(cube * torch.rand(3, 2))
print(cube * torch.rand(3, 1))
print(cube * torch.rand(1, 2))
for bad in ((4, 3), (2, 3)):
    try:
        cube * torch.rand(*bad)
    except RuntimeError as err:
        print('RuntimeError:', err)
try:
    cube * torch.rand((0,))
except RuntimeError as err:
    print('RuntimeError:', err)

a = torch.rand(2, 4) * 2 - 1
print('Common functions:')
print(torch.abs(a))
print(torch.ceil(a))
print(torch.floor(a))
print(torch.clamp(a, -0.5, 0.5))

angles = torch.tensor([0, math.pi / 6, math.pi / 3, math.pi / 2])
sines = torch.sin(angles)
print('\nSine and arcsine:')
print(angles)
print(sines)
print(torch.asin(sines))
print(torch.acos(torch.cos(angles)))
print(torch.atan(torch.tan(angles[:3])))

print('\nBitwise:')
left = torch.tensor([3, 6, 12])
right = torch.tensor([5, 7, 9])
print(torch.bitwise_xor(left, right))
print(torch.bitwise_and(left, right), torch.bitwise_or(left, right))

print('\nComparisons:')
d = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
e = torch.ones(1, 2)
print(torch.eq(d, e))
print(torch.gt(d, 2), torch.le(d, e))

print('\nReductions:')
print(torch.max(d))
print(torch.max(d).item())
print(torch.mean(d))
print(torch.std(d))
print(torch.std_mean(d))
print(torch.prod(d))
print(torch.unique(torch.tensor([4, 1, 4, 2, 1, 4])))

print('\nVectors & matrices:')
x_axis = torch.tensor([1.0, 0.0, 0.0])
y_axis = torch.tensor([0.0, 1.0, 0.0])
print(torch.cross(y_axis, x_axis))
print(torch.cross(x_axis, y_axis))
m1 = torch.rand(2, 2)
m2 = torch.tensor([[3.0, 0.0], [0.0, 3.0]])
print(m1)
m3 = torch.matmul(m1, m2)
print(m3)
print(torch.det(m3), torch.det(m2))

rows_u = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
rows_v = torch.tensor([[0.5, -1.0, 2.0], [3.0, 0.0, 1.0]])
crossed = torch.cross(rows_u, rows_v, dim=1)
print(crossed)
(crossed * torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]])).sum().backward()
print(rows_u.grad)
print(torch.linalg.cross(rows_u, rows_v))
print(rows_u.cross(rows_v))
print(torch.cross(torch.ones(3, 3), torch.eye(3)))
try:
    torch.cross(torch.ones(2, 2), torch.ones(2, 2))
except RuntimeError as err:
    print('RuntimeError:', err)
