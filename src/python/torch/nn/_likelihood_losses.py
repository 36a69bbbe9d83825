"""torch.nn.functional's negative log-likelihood losses of a distribution's parameters: poisson_nll_loss (a
composite in PyTorch's ATen) and gaussian_nll_loss (Python in PyTorch), both composed in the engine
(src/engine/ops/likelihoodLosses.ts), which also makes gaussian_nll_loss's checks; and torch.poisson_nll_loss,
ATen's form with the reduction as a number."""

from .._engine import E
from .._tensor import wrap
from ._reduction import reduction_of

# ATen's Reduction enum; any other number leaves the losses unreduced there.
_REDUCTIONS = {0: 'none', 1: 'mean', 2: 'sum'}


def poisson_nll_loss(
    input, target, log_input=True, full=False, size_average=None, eps=1e-8, reduce=None, reduction='mean'
):
    reduction = reduction_of(size_average, reduce, reduction)
    if reduction not in ('none', 'mean', 'sum'):
        raise ValueError(reduction + " is not valid")
    return wrap(E.poisson_nll_loss(input._t, target._t, bool(log_input), bool(full), float(eps), reduction))


def gaussian_nll_loss(input, target, var, full=False, eps=1e-6, reduction='mean'):
    return wrap(E.gaussian_nll_loss(input._t, target._t, var._t, bool(full), float(eps), reduction))


def aten_poisson_nll_loss(input, target, log_input, full, eps, reduction):
    """torch.poisson_nll_loss: every argument required, the reduction as ATen's enum (0, 1 or 2)."""
    reduction = _REDUCTIONS.get(int(reduction), 'none')
    return wrap(E.poisson_nll_loss(input._t, target._t, bool(log_input), bool(full), float(eps), reduction))


aten_poisson_nll_loss.__name__ = aten_poisson_nll_loss.__qualname__ = 'poisson_nll_loss'
