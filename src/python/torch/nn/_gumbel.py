"""F.gumbel_softmax: softmax of (logits + Gumbel noise) / tau, the noise drawn as PyTorch draws it
(-log of exponential_() samples) so a seeded file gets the same relaxed or straight-through one-hot samples."""

import warnings


def gumbel_softmax(logits, tau=1, hard=False, eps=1e-10, dim=-1):
    from .._creation import empty_like, zeros_like

    if eps != 1e-10:
        warnings.warn('`eps` parameter is deprecated and has no effect.')
    gumbels = -empty_like(logits).exponential_().log()
    y_soft = ((logits + gumbels) / tau).softmax(dim)
    if not hard:
        return y_soft
    # Straight-through: the one-hot forward value with the soft sample's gradient.
    index = y_soft.max(dim, keepdim=True)[1]
    y_hard = zeros_like(logits).scatter_(dim, index, 1.0)
    return y_hard - y_soft.detach() + y_soft
