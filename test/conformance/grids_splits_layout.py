# Grids, joins, splits and layout moves as learners write them: coordinate grids from torch.meshgrid
# (indexing='ij' and 'xy') for a loss surface evaluated on every point (d2l's optimisation chapter plots)
# and for pixel coordinates (a NeRF-style get_rays), torch.cartesian_prod and torch.combinations for pair
# features, tril_indices / triu_indices picking the pairwise interactions (DLRM-style), tile / repeat /
# repeat_interleave, unbind, tensor_split / hsplit / vsplit, vstack / hstack / dstack / column_stack,
# movedim / swapaxes / unflatten, rot90 and flips as data augmentation, broadcast_to / broadcast_tensors,
# block_diag, kron, diag_embed, fill_diagonal_, and linspace / logspace / arange corner cases.
import torch

# a loss surface on a grid
w1 = torch.linspace(-2.0, 2.0, 5)
w2 = torch.linspace(-1.0, 1.0, 3)
W1, W2 = torch.meshgrid(w1, w2, indexing='ij')
print(W1.shape, W2.shape)
print(W1)
print(W2)
surface = W1**2 + 2 * W2**2
print(surface)
best = torch.argmin(surface)
print(best, W1.flatten()[best], W2.flatten()[best])
X, Y = torch.meshgrid(w1, w2, indexing='xy')
print(X.shape)
print(X)
print(Y)
print(torch.equal(X, W1.T), torch.equal(Y, W2.T))

# pixel coordinates, as a ray generator builds them
H, W = 2, 3
i, j = torch.meshgrid(torch.arange(W, dtype=torch.float32), torch.arange(H, dtype=torch.float32), indexing='xy')
dirs = torch.stack([(i - W * 0.5) / 2.0, -(j - H * 0.5) / 2.0, -torch.ones_like(i)], -1)
print(dirs.shape)
print(dirs[1])
grid = torch.stack(torch.meshgrid(torch.arange(2), torch.arange(3), indexing='ij'), dim=-1).reshape(-1, 2)
print(grid)

# pairs
a = torch.tensor([1, 2, 3])
b = torch.tensor([10, 20])
print(torch.cartesian_prod(a, b))
print(torch.combinations(a))
print(torch.combinations(a, r=3), torch.combinations(a, with_replacement=True).shape)
emb = torch.arange(12.0).reshape(4, 3)
inter = emb @ emb.T
li, lj = torch.tril_indices(4, 4, offset=-1)
print(li, lj)
print(inter[li, lj])
print(torch.triu_indices(3, 3))
print(torch.triu_indices(2, 4, 1))

# repeating
t = torch.tensor([[1, 2], [3, 4]])
print(t.tile((2,)))
print(torch.tile(t, (2, 1, 2)).shape)
print(t.repeat(1, 2))
print(t.repeat_interleave(2, dim=0))
print(torch.repeat_interleave(torch.tensor([5, 6]), torch.tensor([1, 3])))

# splitting and joining
rows = torch.arange(12).reshape(3, 4)
for r in rows.unbind(0):
    print(r)
print(torch.unbind(rows, dim=1)[2])
print(torch.tensor_split(torch.arange(7), 3))
print(torch.tensor_split(torch.arange(7), [1, 5]))
print(rows.tensor_split(2, dim=1))
print(torch.hsplit(rows, 2))
print(torch.vsplit(rows, [1]))
print(torch.vstack([a, a * 2]))
print(torch.hstack([a, b]))
print(torch.dstack([a, a]).shape, torch.dstack([rows, rows]).shape)
print(torch.column_stack([a, a + 1]))
print(torch.row_stack((a, a)))

# moving dims
img = torch.arange(24).reshape(2, 3, 4)  # C, H, W
print(torch.movedim(img, 0, -1).shape, img.moveaxis(0, 2).shape, img.swapaxes(1, 2).shape)
print(img.permute(1, 2, 0).equal(torch.movedim(img, 0, 2)))
flat = torch.arange(6)
print(flat.unflatten(0, (2, 3)))
print(torch.randn(4, 6).unflatten(1, (2, -1)).shape)
print(torch.rot90(rows))
print(torch.rot90(rows, 2, dims=(0, 1)))
print(torch.rot90(rows, -1, [0, 1]))
print(rows.flip(1), rows.fliplr().equal(rows.flip(1)), torch.flipud(rows)[0])

# broadcasting explicitly
print(torch.broadcast_to(a, (2, 3)))
p, q = torch.broadcast_tensors(torch.tensor([[1], [2]]), torch.tensor([10, 20, 30]))
print(p)
print(q)
print(torch.broadcast_shapes((2, 1), (1, 3), (3,)))

# block matrices
A = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
B = torch.tensor([[5.0]])
print(torch.block_diag(A, B))
print(torch.kron(A, torch.eye(2)))
print(torch.diag_embed(torch.tensor([[1.0, 2.0], [3.0, 4.0]])))
m = torch.zeros(3, 4)
m.fill_diagonal_(7.0)
print(m)
print(torch.diagflat(torch.tensor([1, 2])))

# ranges
print(torch.logspace(0, 2, steps=3))
print(torch.logspace(-3, 0, 4))
print(torch.logspace(0, 4, 5, base=2))
print(torch.linspace(0, 1, steps=1), torch.linspace(3, -3, 4))
print(torch.linspace(0, 10, 5, dtype=torch.int64))
print(torch.arange(5, 0, -1), torch.arange(1, 2, 0.25), torch.arange(0, 1, 0.1).shape)
print(torch.arange(-1.0, 1.0, 0.5), torch.arange(3, dtype=torch.float64))

# gradients through the moves
g = torch.arange(6.0, requires_grad=True)
out = (torch.rot90(g.unflatten(0, (2, 3))) * torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])).sum()
out = out + torch.tile(g[:2], (3,)).sum() + torch.kron(g[:2], torch.tensor([1.0, 10.0])).sum()
out.backward()
print(g.grad)
