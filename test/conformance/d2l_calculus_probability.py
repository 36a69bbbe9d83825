# Idioms: d2l's calculus chapter (`numerical_lim(f, x, h)` with `h *= 0.1` printed as `h=0.10000, ...`)
# and probability chapter (`fair_probs = torch.ones([6]) / 6`, `multinomial.Multinomial(1, fair_probs).sample()`,
# `Multinomial(10, ...)`, counts over 1000 rolls divided by 1000, `sample((500,))` then
# `counts.cumsum(dim=0)` and estimates normalised by `sum(dim=1, keepdims=True)`), `torch.multinomial`.
# Seen in: d2l 2.4 "Calculus" and 2.6 "Probability" (PyTorch tab: `from torch.distributions import multinomial`).
import torch
from torch.distributions import multinomial


def f(x):
    return 3 * x**2 - 4 * x


def numerical_lim(f, x, h):
    return (f(x + h) - f(x)) / h


h = 0.1
for i in range(5):
    print(f'h={h:.5f}, numerical limit={numerical_lim(f, 1, h):.5f}')
    h *= 0.1

torch.manual_seed(0)
fair_probs = torch.ones([6]) / 6
print(multinomial.Multinomial(1, fair_probs).sample())
print(multinomial.Multinomial(10, fair_probs).sample())
counts = multinomial.Multinomial(1000, fair_probs).sample()
print(counts / 1000)
print(counts.dtype, counts.sum())
counts = multinomial.Multinomial(10, fair_probs).sample((500,))
cum_counts = counts.cumsum(dim=0)
estimates = cum_counts / cum_counts.sum(dim=1, keepdims=True)
print(counts.shape, estimates[-1])
print(estimates[:3])
m = torch.distributions.Multinomial(5, probs=torch.tensor([0.2, 0.3, 0.5]))
print(m.sample((2,)))
print(torch.multinomial(fair_probs, 4, replacement=True))
