"""torch.lgamma and torch.digamma (and their Tensor methods), and the private draws torch.distributions' Gamma,
Chi2, Beta and Dirichlet sample with (torch._standard_gamma, torch._sample_dirichlet, as PyTorch 1.13's CPU
kernels draw them from the generator). The engine does the math (engine/ops/gammaFunctions.ts,
gammaSampling.ts). torch/__init__.py adds NAMES to the module and METHODS to Tensor."""

from ._engine import E


def _wrap(t):
    from ._tensor import wrap

    return wrap(t)


def _out(out, result, name):
    from ._out import into

    return into(out, result, name)


def lgamma(input, *, out=None):
    """log |Gamma(x)|; its gradient is digamma(x)."""
    return _out(out, _wrap(E.lgamma(input._t)), 'lgamma')


def digamma(input, *, out=None):
    """d/dx log Gamma(x); its gradient is polygamma(1, x)."""
    return _out(out, _wrap(E.digamma(input._t)), 'digamma')


def _gen(generator):
    return None if generator is None else generator._g


def _standard_gamma(input, generator=None):
    """One Gamma(alpha, 1) draw per element of `input` (alpha), reparameterised (StandardGammaBackward0)."""
    return _wrap(E.standard_gamma(input._t, _gen(generator)))


def _standard_gamma_grad(input, output):
    return _wrap(E.standard_gamma_grad(input._t, output._t))


def _sample_dirichlet(input, generator=None):
    """One Dirichlet(alpha) draw per row of `input`'s last dim (no gradient)."""
    return _wrap(E.sample_dirichlet(input.detach()._t, _gen(generator)))


NAMES = {
    'lgamma': lgamma,
    'digamma': digamma,
    '_standard_gamma': _standard_gamma,
    '_standard_gamma_grad': _standard_gamma_grad,
    '_sample_dirichlet': _sample_dirichlet,
}

METHODS = {'lgamma': lgamma, 'digamma': digamma}
