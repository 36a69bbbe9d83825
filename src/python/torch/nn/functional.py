"""torch.nn.functional: activations, losses, linear, dropout; each one engine call."""

from .._engine import E

from .._activation_probe import scope as _scope, report as _report
from .._tensor import wrap
from .._unsupported import module_getattr, unsupported

_linear = E.linear
_relu = E.relu


def _reduction(size_average, reduce, reduction):
    # The deprecated size_average/reduce pair, as PyTorch's _Reduction.legacy_get_string.
    if size_average is None and reduce is None:
        return reduction
    size_average = True if size_average is None else size_average
    reduce = True if reduce is None else reduce
    if size_average and reduce:
        return 'mean'
    return 'sum' if reduce else 'none'


def _check_reduction(reduction):
    if reduction not in ('mean', 'sum', 'none'):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    return reduction


def _opt(t):
    return None if t is None else t._t


# ---- linear / dropout -----------------------------------------------------------------------------
def linear(input, weight, bias=None):
    return wrap(_linear(input._t, weight._t, None if bias is None else bias._t))


def bilinear(*args, **kwargs):
    raise unsupported('torch.nn.functional.bilinear')


def dropout(input, p=0.5, training=True, inplace=False):
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if not training or p == 0.0:
        return input
    out = wrap(E.dropout(input._t, float(p)))
    if inplace:
        input.data = out.detach()
        return input
    return out


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05):
    """Normalises each channel (dim 1) by the batch's statistics (training, which also moves the running ones)
    or by running_mean/running_var; the engine computes it as PyTorch's CPU kernel does."""
    if training and input.numel() // input.shape[1] <= 1:
        raise ValueError(f'Expected more than 1 value per channel when training, got input size {input.shape}')

    def t(x):
        return None if x is None else x._t

    return wrap(
        E.batch_norm(
            input._t, t(running_mean), t(running_var), t(weight), t(bias), bool(training), float(momentum), float(eps)
        )
    )


def alpha_dropout(input, p=0.5, training=False, inplace=False):
    if not training or p == 0.0:
        return input
    raise unsupported('torch.nn.functional.alpha_dropout in training mode')


# ---- activations ----------------------------------------------------------------------------------
def relu(input, inplace=False):
    out = input.relu_() if inplace else wrap(_relu(input._t))
    if _scope[0] is not None:  # inside a seen model's forward (torch/_activation_probe.py)
        _report('relu', out)
    return out


def relu_(input):
    return input.relu_()


def relu6(input, inplace=False):
    return wrap(E.relu6(input._t))


def leaky_relu(input, negative_slope=0.01, inplace=False):
    out = wrap(E.leaky_relu(input._t, float(negative_slope)))
    if _scope[0] is not None:
        _report('leaky_relu', out)
    return out


def elu(input, alpha=1.0, inplace=False):
    out = wrap(E.elu(input._t, float(alpha)))
    if _scope[0] is not None:
        _report('elu', out)
    return out


def selu(input, inplace=False):
    return wrap(E.selu(input._t))


def celu(input, alpha=1.0, inplace=False):
    return wrap(E.celu(input._t, float(alpha)))


def gelu(input, approximate='none'):
    out = wrap(E.gelu(input._t, approximate))
    if _scope[0] is not None:
        _report('gelu', out)
    return out


def silu(input, inplace=False):
    out = wrap(E.silu(input._t))
    if _scope[0] is not None:
        _report('silu', out)
    return out


def mish(input, inplace=False):
    return wrap(E.mish(input._t))


def softplus(input, beta=1, threshold=20):
    out = wrap(E.softplus(input._t, beta, threshold))
    if _scope[0] is not None:
        _report('softplus', out)
    return out


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    return wrap(E.hardtanh(input._t, float(min_val), float(max_val)))


def logsigmoid(input):
    return wrap(E.logsigmoid(input._t))


def sigmoid(input):
    out = wrap(E.sigmoid(input._t))
    if _scope[0] is not None:
        _report('sigmoid', out)
    return out


def tanh(input):
    out = wrap(E.tanh(input._t))
    if _scope[0] is not None:
        _report('tanh', out)
    return out


def hardsigmoid(input, inplace=False):
    return (input + 3).clamp(0, 6) / 6


def hardswish(input, inplace=False):
    return input * (input + 3).clamp(0, 6) / 6


def softsign(input):
    return input / (input.abs() + 1)


def tanhshrink(input):
    return input - wrap(E.tanh(input._t))  # the engine's tanh: not reported as an activation of its own


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    out = wrap(E.softmax(input._t, dim))
    if _scope[0] is not None:
        _report('softmax', out)
    return out


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    return wrap(E.softmax(E.neg(input._t), dim))


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    out = wrap(E.log_softmax(input._t, dim))
    if _scope[0] is not None:
        _report('log_softmax', out)
    return out


def glu(input, dim=-1):
    a, b = input.chunk(2, dim)
    return a * wrap(E.sigmoid(b._t))  # the engine's sigmoid: not reported as an activation of its own


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    denom = input.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(input)
    return input / denom


def one_hot(tensor, num_classes=-1):
    return wrap(E.one_hot(tensor._t, int(num_classes)))


def pad(input, pad, mode='constant', value=None):
    raise unsupported('torch.nn.functional.pad')


# ---- losses ---------------------------------------------------------------------------------------
def mse_loss(input, target, size_average=None, reduce=None, reduction='mean'):
    return wrap(E.mse_loss(input._t, target._t, _check_reduction(_reduction(size_average, reduce, reduction))))


def l1_loss(input, target, size_average=None, reduce=None, reduction='mean'):
    return wrap(E.l1_loss(input._t, target._t, _check_reduction(_reduction(size_average, reduce, reduction))))


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction='mean', beta=1.0):
    return wrap(
        E.smooth_l1_loss(
            input._t, target._t, _check_reduction(_reduction(size_average, reduce, reduction)), float(beta)
        )
    )


def huber_loss(input, target, reduction='mean', delta=1.0):
    return wrap(E.huber_loss(input._t, target._t, _check_reduction(reduction), float(delta)))


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction='mean'):
    return wrap(
        E.binary_cross_entropy(
            input._t, target._t, _opt(weight), _check_reduction(_reduction(size_average, reduce, reduction))
        )
    )


def binary_cross_entropy_with_logits(
    input, target, weight=None, size_average=None, reduce=None, reduction='mean', pos_weight=None
):
    return wrap(
        E.binary_cross_entropy_with_logits(
            input._t,
            target._t,
            _opt(weight),
            _check_reduction(_reduction(size_average, reduce, reduction)),
            _opt(pos_weight),
        )
    )


def cross_entropy(
    input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0
):
    return wrap(
        E.cross_entropy(
            input._t,
            target._t,
            _opt(weight),
            _check_reduction(_reduction(size_average, reduce, reduction)),
            int(ignore_index),
            float(label_smoothing),
        )
    )


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean'):
    return wrap(
        E.nll_loss(
            input._t,
            target._t,
            _opt(weight),
            _check_reduction(_reduction(size_average, reduce, reduction)),
            int(ignore_index),
        )
    )


def kl_div(input, target, size_average=None, reduce=None, reduction='mean', log_target=False):
    reduction = _check_reduction(_reduction(size_average, reduce, reduction)) if reduction != 'batchmean' else reduction
    if log_target:
        loss = target.exp() * (target - input)
    else:
        loss = target * (target.clamp_min(1e-45).log() - input)
        loss = wrap(E.where(E.gt(target._t, 0), loss._t, 0.0))
    if reduction == 'none':
        return loss
    if reduction == 'batchmean':
        return loss.sum() / input.size(0)
    return loss.sum() if reduction == 'sum' else loss.mean()


def cosine_similarity(x1, x2, dim=1, eps=1e-8):
    dot = (x1 * x2).sum(dim)
    return dot / (x1.norm(2, dim).clamp_min(eps) * x2.norm(2, dim).clamp_min(eps))


__getattr__ = module_getattr('torch.nn.functional')
