# PyTorch 1.13 "Parametrizations Tutorial" (intermediate_source/parametrizations.py): a Symmetric
# parametrization (triu + transposed strict triu) registered on nn.Linear's weight with
# torch.nn.utils.parametrize.register_parametrization, the ParametrizedLinear repr, the original under
# layer.parametrizations.weight.original, parameters and state_dict keys, gradients flowing to the original,
# a Skew parametrization chained with a Cayley map (a buffer identity, torch.linalg.solve) for an orthogonal
# weight, parametrize.cached(), right_inverse on assignment (layer.weight = X), a parametrization whose
# right_inverse adds noise, a sequence-valued right_inverse, is_parametrized / type_before_parametrizations,
# and remove_parametrizations with leave_parametrized True and False.
import torch
import torch.nn as nn
import torch.nn.utils.parametrize as P


class Symmetric(nn.Module):
    def forward(self, X):
        return X.triu() + X.triu(1).transpose(-1, -2)

    def right_inverse(self, A):
        return A.triu()


class Skew(nn.Module):
    def forward(self, X):
        upper = X.triu(1)
        return upper - upper.T


class CayleyMap(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.register_buffer("Id", torch.eye(n))

    def forward(self, X):
        return torch.linalg.solve(self.Id - X, self.Id + X)


torch.manual_seed(0)
layer = nn.Linear(3, 3)
before = layer.weight.detach().clone()
P.register_parametrization(layer, "weight", Symmetric())
A = layer.weight
print(torch.allclose(A, A.T))
print(A)
print(layer)
print(type(layer).__name__, type(layer).__bases__[0].__name__, isinstance(layer, nn.Linear))
print(layer.parametrizations)
print(layer.parametrizations.weight)
print(layer.parametrizations.weight.original)
print(torch.equal(layer.parametrizations.weight.original, before.triu()))
print([name for name, _ in layer.named_parameters()])
print(list(layer.state_dict().keys()))
print(P.is_parametrized(layer), P.is_parametrized(layer, "weight"), P.is_parametrized(layer, "bias"))
print(P.type_before_parametrizations(layer))

x = torch.randn(4, 3)
out = layer(x)
print(out)
out.pow(2).sum().backward()
print(layer.parametrizations.weight.original.grad)
print(layer.bias.grad)

opt = torch.optim.SGD(layer.parameters(), lr=0.05)
for step in range(5):
    opt.zero_grad()
    loss = (layer(x) - x.flip(1)).pow(2).mean()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 6))
W = layer.weight
print(torch.allclose(W, W.T), W)

# Chained parametrizations: Skew then the Cayley map give an orthogonal weight.
torch.manual_seed(1)
layer_orthogonal = nn.Linear(3, 3)
P.register_parametrization(layer_orthogonal, "weight", Skew())
P.register_parametrization(layer_orthogonal, "weight", CayleyMap(3))
Q = layer_orthogonal.weight
print(torch.dist(Q.T @ Q, torch.eye(3)) < 1e-5)
print(layer_orthogonal)
print(len(layer_orthogonal.parametrizations.weight), layer_orthogonal.parametrizations.weight[1].Id.shape)
print(sorted(layer_orthogonal.state_dict().keys()))

# Caching: inside cached() the weight is computed once and the same tensor comes back.
with P.cached():
    w1 = layer_orthogonal.weight
    w2 = layer_orthogonal.weight
    print(w1 is w2)
    foo = w1 + w2.T
    print(foo.shape)
print(layer_orthogonal.weight is layer_orthogonal.weight)

# Assigning to a parametrized tensor goes through right_inverse.
X = torch.rand(3, 3)
X = X + X.T
print(torch.allclose(layer.weight, X))
layer.weight = X
print(torch.allclose(layer.weight, X))
print(layer.parametrizations.weight.original)


class NoisyParametrization(nn.Module):
    def forward(self, X):
        return X

    def right_inverse(self, A):
        return A + 0.1 * torch.randn_like(A)


torch.manual_seed(2)
noisy = nn.Linear(2, 2)
w0 = noisy.weight.detach().clone()
P.register_parametrization(noisy, "weight", NoisyParametrization())
print(torch.dist(noisy.weight, w0))
noisy.weight = torch.zeros(2, 2)
print(noisy.weight)


# right_inverse may return several tensors: the original becomes original0, original1, ...
class PlusTwo(nn.Module):
    def forward(self, A, B):
        return A + 2 * B

    def right_inverse(self, W):
        return W / 3, W / 3


pt = nn.Linear(2, 2)
P.register_parametrization(pt, "weight", PlusTwo())
print([name for name, _ in pt.named_parameters()])
print(torch.allclose(pt.weight, pt.parametrizations.weight.original0 * 3))

# Removing: keep the current value, or go back to the original.
P.remove_parametrizations(layer, "weight")
print(layer)
print(type(layer).__name__, torch.allclose(layer.weight, X), isinstance(layer.weight, nn.Parameter))
print([name for name, _ in layer.named_parameters()])

P.remove_parametrizations(layer_orthogonal, "weight", leave_parametrized=False)
print(type(layer_orthogonal).__name__, layer_orthogonal.weight.shape)
print(P.is_parametrized(layer_orthogonal))
try:
    P.remove_parametrizations(layer_orthogonal, "weight")
except ValueError as e:
    print("ValueError:", str(e)[:40])
try:
    P.register_parametrization(layer, "nothing", Symmetric())
except ValueError as e:
    print("ValueError:", str(e).splitlines()[0][:20])
