"""torch.nn.utils: gradient clipping, parameter/vector conversion, weight and spectral normalisation, conv/bn
fusion, parametrizations and functional_call (stateless)."""

import math

from ..._grad_mode import no_grad
from ..._tensor import Tensor
from ..._unsupported import module_getattr


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False):
    from ... import stack, tensor

    if isinstance(parameters, Tensor):
        parameters = [parameters]
    grads = [p.grad for p in parameters if p.grad is not None]
    max_norm = float(max_norm)
    norm_type = float(norm_type)
    if not grads:
        return tensor(0.0)
    if norm_type == math.inf:
        total = stack([g.detach().abs().max() for g in grads]).max()
    else:
        total = stack([g.detach().norm(norm_type) for g in grads]).norm(norm_type)
    if error_if_nonfinite and (total.isnan().item() or total.isinf().item()):
        raise RuntimeError(
            f'The total norm of order {norm_type} for gradients from `parameters` is non-finite, '
            'so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm '
            'anyway, set `error_if_nonfinite=False`'
        )
    clip_coef = max_norm / (total + 1e-6)
    clip_coef_clamped = clip_coef.clamp(max=1.0)
    with no_grad():
        for g in grads:
            g.mul_(clip_coef_clamped)
    return total


def clip_grad_norm(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False):
    # The pre-0.4 spelling older tutorials still use: PyTorch keeps it, with a warning pointing at the caller.
    import warnings

    warnings.warn(
        'torch.nn.utils.clip_grad_norm is now deprecated in favor of torch.nn.utils.clip_grad_norm_.', stacklevel=2
    )
    return clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite)


def clip_grad_value_(parameters, clip_value):
    if isinstance(parameters, Tensor):
        parameters = [parameters]
    clip_value = float(clip_value)
    with no_grad():
        for p in parameters:
            if p.grad is not None:
                p.grad.clamp_(-clip_value, clip_value)


def parameters_to_vector(parameters):
    from ... import cat

    return cat([p.view(-1) for p in parameters])


def vector_to_parameters(vec, parameters):
    if not isinstance(vec, Tensor):
        raise TypeError(f'expected torch.Tensor, but got: {type(vec).__name__}')
    pointer = 0
    for p in parameters:
        n = p.numel()
        # PyTorch rebinds .data to a view of vec (no copy), so a later write into vec shows in the parameter.
        p.data = vec[pointer : pointer + n].view_as(p).data
        pointer += n


from . import rnn  # noqa: E402,F401  (torch.nn.utils.rnn.pad_sequence without importing it)
from .weight_norm import weight_norm, remove_weight_norm  # noqa: E402,F401
from .spectral_norm import spectral_norm, remove_spectral_norm  # noqa: E402,F401
from . import parametrize  # noqa: E402,F401  (nn.utils.parametrize without importing it)
from .fusion import fuse_conv_bn_eval, fuse_conv_bn_weights  # noqa: E402,F401
from . import parametrizations  # noqa: E402,F401  (nn.utils.parametrizations.orthogonal without importing it)
from . import stateless  # noqa: E402,F401

__getattr__ = module_getattr('torch.nn.utils')
