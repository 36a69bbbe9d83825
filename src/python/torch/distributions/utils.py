"""Helpers PyTorch's distributions share: numbers and tensors broadcast together, probabilities clamped to
the dtype's eps before a log, and the standard normal draw `rsample` reparameterises."""

from numbers import Number


def broadcast_all(*values):
    """Numbers become tensors of the first tensor's dtype (else the default dtype); all are broadcast."""
    from .._tensor import Tensor
    from .._creation import tensor
    from .._tensor_aliases import broadcast_tensors

    if not all(isinstance(v, (Tensor, Number)) for v in values):
        raise ValueError(
            'Input arguments must all be instances of numbers.Number, torch.Tensor or objects implementing __torch_function__.'
        )
    dtype = next((v.dtype for v in values if isinstance(v, Tensor)), None)
    made = [v if isinstance(v, Tensor) else tensor(float(v), dtype=dtype) for v in values]
    return broadcast_tensors(*made)


def clamp_probs(probs):
    from .._torch_extras import finfo

    eps = finfo(probs.dtype).eps
    return probs.clamp(min=eps, max=1 - eps)


def standard_normal(shape, dtype):
    from .._creation import empty

    return empty(shape, dtype=dtype).normal_()
