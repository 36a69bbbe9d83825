# Tensors as views of one storage, after "Deep Learning with PyTorch" (Stevens, Antiga, Viehmann),
# chapter 3: points as lists and tensors, indexing, offsets and strides, t() and transpose sharing
# values, contiguity, dtypes and .to(dtype=...), saving and loading a tensor.
import os
import tempfile

import torch

lengths = [1.0, 2.0, 1.0]
print(lengths[1])
lengths[2] = 3.0
print(lengths)

a = torch.ones(3)
print(a)
print(a[1])
print(float(a[1]))
a[2] = 2.0
print(a)

points = torch.zeros(6)
points[0] = 5.0
points[1] = 2.0
points[2] = 6.0
points[3] = 3.0
points[4] = 1.0
points[5] = 4.0
print(points)
points = torch.tensor([5.0, 2.0, 6.0, 3.0, 1.0, 4.0])
print(float(points[0]), float(points[1]))
points = torch.tensor([[5.0, 2.0], [6.0, 3.0], [1.0, 4.0]])
print(points)
print(points.shape)
print(torch.zeros(3, 2))
print(points[0, 1])
print(points[0])
print(points[1:])
print(points[1:, :])
print(points[1:, 0])
print(points[None])
print(points[None].shape)

second_point = points[1]
print(second_point.size())
print(second_point.shape)
print(points.stride())
print(second_point.stride())
second_point[0] = 10.0
print(points)

points = torch.tensor([[5.0, 2.0], [6.0, 3.0], [1.0, 4.0]])
second_point = points[1].clone()
second_point[0] = 10.0
print(points)

points_t = points.t()
print(points_t)
print(points.is_contiguous(), points_t.is_contiguous())
some_t = torch.ones(3, 4, 5)
transpose_t = some_t.transpose(0, 2)
print(some_t.shape, transpose_t.shape)
print(some_t.stride(), transpose_t.is_contiguous())
contiguous_t = points_t.contiguous()
print(contiguous_t)
print(contiguous_t.stride(), contiguous_t.is_contiguous())
try:
    points_t.view(6)
except RuntimeError as err:
    print('RuntimeError:', err)

double_points = torch.ones(10, 2, dtype=torch.double)
short_points = torch.tensor([[1, 2], [3, 4]], dtype=torch.short)
print(short_points.dtype)
print(double_points.dtype)
double_points = torch.zeros(10, 2).double()
short_points = torch.ones(10, 2).short()
print(double_points.dtype, short_points.dtype)
double_points = torch.zeros(10, 2).to(torch.double)
short_points = torch.ones(10, 2).to(dtype=torch.short)
print(double_points.dtype, short_points.dtype)
points_64 = torch.rand(5, dtype=torch.double)
points_short = points_64.to(torch.short)
print(points_64 * points_short)
print((points_64 * points_short).dtype)
print(torch.tensor([1, 2, 3]).dtype, torch.tensor([1.0, 2.0]).dtype)

a = torch.ones(3, 2)
a_t = torch.transpose(a, 0, 1)
print(a.shape, a_t.shape)

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, 'ourpoints.t')
    torch.save(points, path)
    loaded = torch.load(path)
    print(loaded)
    with open(path, 'wb') as f:
        torch.save(points_t, f)
    with open(path, 'rb') as f:
        print(torch.load(f))
