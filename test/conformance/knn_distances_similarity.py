# Distances and similarities as learners compute them: a k-nearest-neighbour classifier on torch.cdist +
# topk(largest=False) + mode of the neighbours' labels, the same distances by broadcasting and by the
# expanded square ||a||^2 - 2ab + ||b||^2, cdist with p=1 and p=inf, F.pairwise_distance /
# nn.PairwiseDistance on pairs (a siamese-net habit), F.cosine_similarity on vectors, rows, and the
# all-pairs matrix z.unsqueeze(1) vs z.unsqueeze(0) (SimCLR's similarity matrix), nn.CosineSimilarity,
# F.normalize then a matrix product, torch.dist, torch.linalg.vector_norm / matrix_norm / norm with ords,
# and the gradients of cdist and cosine similarity.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)

# two blobs of training points and a few queries
centers = torch.tensor([[0.0, 0.0], [3.0, 3.0]])
train_x = torch.cat([centers[0] + 0.7 * torch.randn(6, 2), centers[1] + 0.7 * torch.randn(6, 2)])
train_y = torch.tensor([0] * 6 + [1] * 6)
queries = torch.tensor([[0.2, -0.1], [2.5, 3.4], [1.6, 1.4]])

d = torch.cdist(queries, train_x)
print(d.shape)
print(d)
knn = d.topk(3, dim=1, largest=False)
print(knn.indices)
print(knn.values)
neighbour_labels = train_y[knn.indices]
print(neighbour_labels)
pred = neighbour_labels.mode(dim=1).values
print('predicted:', pred)
votes = F.one_hot(neighbour_labels, num_classes=2).sum(dim=1)
print(votes, votes.argmax(dim=1))

# the same distances by broadcasting and by expanding the square
diff = queries[:, None, :] - train_x[None, :, :]
d_broadcast = diff.pow(2).sum(-1).sqrt()
print(torch.allclose(d, d_broadcast, atol=1e-6))
sq = (queries**2).sum(1, keepdim=True) - 2 * queries @ train_x.T + (train_x**2).sum(1)
print(torch.allclose(d, sq.clamp(min=0).sqrt(), atol=1e-4))
print(torch.cdist(queries, train_x[:4], p=1))
print(torch.cdist(queries, train_x[:4], p=float('inf')))
print(torch.cdist(queries.unsqueeze(0), train_x[:3].unsqueeze(0)).shape)

# pairs, as a siamese network compares them
a = torch.randn(4, 5)
b = torch.randn(4, 5)
print(F.pairwise_distance(a, b))
print(F.pairwise_distance(a, b, p=1.0, keepdim=True))
print(nn.PairwiseDistance(p=2)(a, b))
print((a - b).norm(dim=1))
print(torch.dist(a, b), torch.dist(a, b, p=1))

# cosine similarity
u = torch.tensor([1.0, 2.0, 3.0])
v = torch.tensor([2.0, 4.0, 6.5])
print(F.cosine_similarity(u, v, dim=0))
print(F.cosine_similarity(a, b))
print(F.cosine_similarity(a, b, dim=1).shape)
cos = nn.CosineSimilarity(dim=1, eps=1e-6)
print(cos)
print(cos(a, b))
print(F.cosine_similarity(torch.zeros(3), u, dim=0))
z = torch.randn(4, 3)
sim = F.cosine_similarity(z.unsqueeze(1), z.unsqueeze(0), dim=2)
print(sim)
zn = F.normalize(z, dim=1)
print(zn.norm(dim=1))
print(torch.allclose(sim, zn @ zn.T, atol=1e-6))
print(F.normalize(torch.tensor([[3.0, 4.0], [0.0, 0.0]]), p=2, dim=1))
print(F.normalize(torch.tensor([1.0, -3.0]), p=1, dim=0))

# norms with their ords
M = torch.tensor([[1.0, -2.0, 0.5], [3.0, 0.0, -1.0]])
print(torch.linalg.vector_norm(M), torch.linalg.vector_norm(M, ord=1))
print(torch.linalg.vector_norm(M, ord=float('inf')), torch.linalg.vector_norm(M, ord=3, dim=1))
print(torch.linalg.norm(M), torch.linalg.norm(M, dim=1), torch.linalg.norm(M[0], ord=1))
print(torch.linalg.matrix_norm(M), torch.linalg.matrix_norm(M, ord=1), torch.linalg.matrix_norm(M, ord=float('inf')))
print(torch.linalg.norm(M, ord=1), torch.linalg.norm(M, ord=-1), torch.linalg.norm(M, ord=float('-inf')))
print(M.norm(p='fro'), M.norm(p=1), M.norm(dim=0), torch.norm(M, p=2, dim=1, keepdim=True))

# gradients
p = torch.tensor([[0.0, 1.0], [2.0, 2.0]], requires_grad=True)
q = torch.tensor([[1.0, 1.0], [0.0, 3.0], [4.0, 0.0]])
dist = torch.cdist(p, q)
print(dist.grad_fn.name())
dist.sum().backward()
print(p.grad)
s = torch.tensor([1.0, 0.5, -1.0], requires_grad=True)
t = torch.tensor([0.5, 2.0, 1.0])
c = F.cosine_similarity(s, t, dim=0)
c.backward()
print(c, s.grad)
e = torch.randn(3, 4, requires_grad=True)
loss = (1 - F.cosine_similarity(e, e.detach().flip(0))).mean() + F.pairwise_distance(e, torch.ones(3, 4)).mean()
loss.backward()
print(loss, e.grad)
