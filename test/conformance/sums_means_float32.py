# Reductions over float32 data that is not tiny: sums and means of thousands of random values, of
# linspace/arange grids, along each dimension of a 2-D tensor, with keepdim, plus var/std (biased and not),
# cumsum, prod, norm, and their .item() values printed at full precision.
import torch

torch.manual_seed(0)

u = torch.rand(1000)
print(u.sum(), u.mean(), u.sum().item(), u.mean().item())
g = torch.randn(10000)
print(g.sum(), g.mean(), g.std(), g.var())
print(g.sum().item(), g.mean().item(), g.std().item(), g.var(unbiased=False).item())
print(g.abs().max(), g.min(), g.argmax(), g.argmin())

x = torch.linspace(0, 1, 1001)
print(x.sum(), x.mean().item(), (x ** 2).sum().item())
a = torch.arange(0, 1, 0.001)
print(a.shape, a.sum().item(), a[-1].item())
print(torch.arange(0.1, 1.0, 0.1), torch.arange(0.1, 1.0, 0.1).sum().item())

m = torch.randn(257, 3) * 10 + 5
print(m.sum(dim=0), m.mean(dim=0), m.sum(0).tolist())
print(m.sum(dim=1)[:5], m.mean(dim=1, keepdim=True)[:3])
print(m.std(dim=0), m.std(dim=0, unbiased=False), m.var(dim=0))
print(m.sum(), m.mean(), m.sum().item())
print(m.norm(), m.norm(dim=0), torch.linalg.norm(m).item())
print(m.cumsum(dim=0)[-1], m[:, 0].cumsum(0)[-3:])
print(m.max(dim=0), m.min(dim=1).values[:4])
print(torch.prod(torch.tensor([1.5, 2.0, -0.5, 3.0])), torch.rand(8).prod().item())

w = torch.randn(128, 64)
xb = torch.randn(32, 128)
out = xb @ w
print(out.sum().item(), out.mean().item(), out.std().item())
print(out.sum(dim=0)[:4], out.abs().mean(dim=1)[:4])
print(torch.softmax(out, dim=1).sum(dim=1)[:4])
print((out > 0).float().mean(), (out > 0).sum(), (out > 0).sum().item())
big = torch.ones(100000) * 0.1
print(big.sum(), big.sum().item(), big.mean().item())
print(torch.full((3000,), 1e-4).sum().item(), (torch.arange(10000) * 0.5).sum().item())
