# Indexing as tutorials write it: ints, slices with steps, ellipsis, None, a python range and a list as
# index, an index tensor per dimension (y_hat[range(n), y]), boolean masks, index assignment, gather,
# scatter_/scatter_add_, index_select, masked_fill, nonzero, where.
import torch

torch.manual_seed(0)
x = torch.arange(12.0).reshape(3, 4)
print(x[1], x[-1], x[1, 2], x[1][2])
print(x[:, 1], x[:, 1:3], x[::2], x[:, ::2], x[1:, ::3])
print(x[..., 0], x[None].shape, x[:, None].shape, x[..., None].shape)
print(x[[0, 2]])
print(x[[0, 2], [1, 3]])
print(x[:, [1]])
print(x[range(3), [0, 1, 2]])
idx = torch.tensor([3, 0, 1])
print(x[range(3), idx])
print(x[torch.arange(3), idx])
print(x[[2, 0]][:, [0, -1]])
print(x[torch.tensor([True, False, True])])
print(x[x > 5])
print(x[x[:, 0] > 3])

y = x.clone()
y[0] = -1
y[:, 2] = torch.tensor([10.0, 20.0, 30.0])
y[y > 20] = 0
y[[1, 2], [0, 1]] = 99
print(y)
y[1:, 1:] += 100
print(y)

logits = torch.randn(4, 3)
target = torch.tensor([2, 0, 1, 2])
print(logits[range(len(logits)), target])
print(logits.gather(1, target.unsqueeze(1)))
print(torch.gather(logits, 1, target.view(-1, 1)).squeeze(1))

one_hot = torch.zeros(4, 3).scatter_(1, target.unsqueeze(1), 1.0)
print(one_hot)
print(torch.zeros(4, 3).scatter(1, target.unsqueeze(1), torch.ones(4, 1) * 5))
counts = torch.zeros(3).scatter_add_(0, target, torch.ones(4))
print(counts)
print(torch.bincount(target, minlength=3))
print(torch.nn.functional.one_hot(target, 3).float())
print(x.index_select(0, torch.tensor([2, 0])), x.index_select(1, torch.tensor([1])))
print(x.masked_fill(x < 4, -1.0))
print(torch.nonzero(x > 8), (x > 8).nonzero(as_tuple=True))
print(torch.where(x > 5, x, torch.zeros_like(x)))
print(torch.where(x > 5))
print(x.flatten()[torch.randperm(12)[:4]])
print(x.view(-1)[5], x.t()[1], x.T[:, 0])
vals, idxs = x.topk(2, dim=1)
print(vals, idxs)
print(x.sort(dim=0, descending=True).values)
print(torch.argsort(torch.tensor([3.0, 1.0, 2.0])))
