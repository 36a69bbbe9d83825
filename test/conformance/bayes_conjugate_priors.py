# Bayesian updating with conjugate priors as probabilistic-programming courses write it in plain PyTorch:
# coin flips with a Beta prior (posterior parameters, mean, mode, variance, a Monte Carlo credible interval
# from seeded posterior draws, the posterior predictive), Poisson counts with a Gamma prior (the log
# likelihood written with lgamma), dice with a Dirichlet prior, Chi2 for a variance test statistic,
# KL(posterior || prior), and a reparameterised variational fit: q = Gamma(softplus(a), softplus(b))
# matched to the Gamma posterior by maximising a Monte Carlo ELBO with Adam (rsample gradients).
import torch
import torch.nn.functional as F
from torch.distributions import Bernoulli, Beta, Chi2, Dirichlet, Gamma, kl_divergence

torch.manual_seed(2024)

# --- Beta-Bernoulli -------------------------------------------------------------------------------------
true_p = 0.7
flips = Bernoulli(probs=torch.tensor(true_p)).sample((40,))
heads = flips.sum()
tails = len(flips) - heads
print('heads:', int(heads.item()), 'tails:', int(tails.item()))

prior = Beta(2.0, 2.0)
posterior = Beta(prior.concentration1 + heads, prior.concentration0 + tails)
print(prior, posterior.batch_shape, posterior.event_shape)
print('posterior a, b:', posterior.concentration1.item(), posterior.concentration0.item())
print('mean:', round(posterior.mean.item(), 4), 'mode:', round(posterior.mode.item(), 4))
print('variance:', round(posterior.variance.item(), 6), 'stddev:', round(posterior.stddev.item(), 4))

draws = posterior.sample((2000,))
print('first draws:', draws[:5])
lo, hi = torch.quantile(draws, torch.tensor([0.025, 0.975]))
print(f'95% credible interval: [{lo.item():.4f}, {hi.item():.4f}]')
print('P(p > 0.5 | data):', (draws > 0.5).float().mean().item())

grid = torch.linspace(0.05, 0.95, 7)
print('prior density:', prior.log_prob(grid).exp())
print('posterior density:', posterior.log_prob(grid).exp())
print('entropy prior/posterior:', prior.entropy().item(), posterior.entropy().item())
print('KL(posterior || prior):', kl_divergence(posterior, prior).item())

# sequential updating gives the same posterior
a, b = torch.tensor(2.0), torch.tensor(2.0)
for x in flips:
    a, b = a + x, b + (1 - x)
print('sequential:', a.item(), b.item())

# posterior predictive of the next five flips
p_next = Beta(a, b).sample((5000,))
print('predictive P(heads):', round(Bernoulli(p_next).sample().mean().item(), 4), 'exact:', round((a / (a + b)).item(), 4))

# --- Gamma-Poisson -----------------------------------------------------------------------------------------
counts = torch.tensor([3.0, 5.0, 2.0, 4.0, 6.0, 3.0, 4.0, 5.0])


def poisson_log_lik(rate, k):
    return (k * rate.log() - rate - torch.lgamma(k + 1)).sum()


gamma_prior = Gamma(torch.tensor(2.0), torch.tensor(0.5))
gamma_post = Gamma(gamma_prior.concentration + counts.sum(), gamma_prior.rate + len(counts))
print(gamma_post)
print('posterior mean rate:', gamma_post.mean.item(), 'variance:', round(gamma_post.variance.item(), 5))
rates = gamma_post.sample((6,))
print('rate draws:', rates)
print('log-likelihood at the mean:', round(poisson_log_lik(gamma_post.mean, counts).item(), 4))
print('Gamma log_prob:', gamma_post.log_prob(torch.tensor([3.0, 4.0, 5.0])))
print('digamma, lgamma:', torch.digamma(torch.tensor([1.0, 2.5, 10.0])), torch.lgamma(torch.tensor([0.5, 4.0])))

# --- Dirichlet-categorical -------------------------------------------------------------------------------
rolls = torch.tensor([0, 2, 2, 5, 1, 2, 3, 2, 4, 2, 0, 5])
alpha = torch.ones(6) + torch.bincount(rolls, minlength=6).float()
dice_post = Dirichlet(alpha)
print(dice_post, 'alpha:', alpha)
print('posterior mean:', dice_post.mean)
print('mode:', dice_post.mode)
print('dice draws:', dice_post.sample((3,)))
print('log_prob of a fair die:', dice_post.log_prob(torch.full((6,), 1 / 6)).item())
print('KL from the flat prior:', kl_divergence(dice_post, Dirichlet(torch.ones(6))).item())

# --- Chi2: the sample variance of normal data -------------------------------------------------------------
data = torch.randn(15) * 2.0 + 1.0
stat = (len(data) - 1) * data.var() / 4.0
chi2 = Chi2(torch.tensor(float(len(data) - 1)))
print(chi2, 'df:', chi2.df.item(), 'mean:', chi2.mean.item(), 'variance:', chi2.variance.item())
print('statistic:', round(stat.item(), 4), 'log density:', round(chi2.log_prob(stat).item(), 4))
print('Chi2 draws:', chi2.sample((4,)))

# --- variational fit with reparameterised Gamma draws ------------------------------------------------------
raw = torch.tensor([0.0, 0.0], requires_grad=True)
opt = torch.optim.Adam([raw], lr=0.1)
for step in range(60):
    q = Gamma(F.softplus(raw[0]) + 1e-3, F.softplus(raw[1]) + 1e-3)
    z = q.rsample((32,))
    elbo = (gamma_post.log_prob(z) - q.log_prob(z)).mean()
    opt.zero_grad()
    (-elbo).backward()
    opt.step()
    if step % 20 == 0:
        print(f'step {step:2d}  elbo {elbo.item():.4f}  grad {raw.grad}')
q = Gamma(F.softplus(raw[0]) + 1e-3, F.softplus(raw[1]) + 1e-3)
print('q:', round(q.concentration.item(), 4), round(q.rate.item(), 4), 'mean:', round(q.mean.item(), 4))
print('KL(q || posterior):', round(kl_divergence(q, gamma_post).item(), 4))
print(z.grad_fn.name(), z.shape)

# a Beta rsample's gradient reaches both concentrations
c1 = torch.tensor(3.0, requires_grad=True)
c0 = torch.tensor(5.0, requires_grad=True)
x = Beta(c1, c0).rsample((100,))
x.mean().backward()
print('d mean / d (c1, c0):', c1.grad.item(), c0.grad.item())
