# Where a tensor's values live, after "Deep Learning with PyTorch" (Stevens, Antiga, Viehmann), chapter 3
# (3.7-3.8): storage(), storage_offset(), the strides of t() and transpose(0, 2), and a write through
# a transposed view reaching the original.
import torch

points = torch.tensor([[5.0, 2.0], [6.0, 3.0], [1.0, 4.0]])
print(points.storage())
points_storage = points.storage()
print(points_storage[0], points.storage()[1])
points_storage[0] = 2.0
print(points)
second_point = points[1]
print(second_point.storage_offset())
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
print(points.stride(), points_t.stride())
print(points.is_contiguous(), points_t.is_contiguous())
points_t[0, 2] = 7.5
print(points)

some_t = torch.ones(3, 4, 5)
transpose_t = some_t.transpose(0, 2)
print(some_t.shape, transpose_t.shape)
print(some_t.stride(), transpose_t.stride())
contiguous_t = points_t.contiguous()
print(contiguous_t)
print(contiguous_t.stride(), contiguous_t.is_contiguous())
try:
    points_t.view(6)
except RuntimeError as err:
    print('RuntimeError:', err)

a = torch.ones(3, 2)
a_t = torch.transpose(a, 0, 1)
print(a.shape, a_t.shape)
a.zero_()
print(a_t)

# DLWPT ch. 4: `temp` is a view of the transposed day tensor, so it sees the min-max rescaling written
# through daily_bikes before its own mean and std are taken.
days = torch.arange(48.0).view(-1, 24, 2).transpose(1, 2)
temp = days[:, 1, :]
days[:, 1, :] = (days[:, 1, :] - torch.min(temp)) / (torch.max(temp) - torch.min(temp))
print(torch.mean(temp), torch.std(temp))
