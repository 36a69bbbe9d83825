"""torch.nn.functional.ctc_loss (nn.CTCLoss's forward, for speech and handwriting models whose outputs are
longer than their unaligned targets): the per-item negative log-likelihoods come from the engine
(src/engine/ops/ctcLoss.ts, PyTorch 1.13's CPU kernel); zero_infinity's where() and the reductions are
composed here as ATen's ctc_loss composes them (mean: each loss divided by its target length, at least 1,
then the mean over the batch)."""

from .._engine import E
from .._dtype import bool as bool_
from .._tensor import Tensor, wrap


def _lengths(v, name):
    # A tensor of integers (any integer dtype) or a sequence of ints, as the two overloads of torch.ctc_loss.
    if isinstance(v, Tensor):
        if v.dtype.is_floating_point or v.dtype is bool_:
            raise RuntimeError(f'{name} must be integral')
        return [int(e) for e in v.reshape(-1).tolist()]
    if isinstance(v, int):
        return [v]
    return [int(e) for e in v]


def ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction='mean', zero_infinity=False):
    from .. import long, tensor, where, zeros
    from .functional import _check_reduction

    _check_reduction(reduction)
    batched = log_probs.dim() == 3
    lp = log_probs if batched else log_probs.unsqueeze(1)
    steps = _lengths(input_lengths, 'input_lengths')
    lengths = _lengths(target_lengths, 'target_lengths')
    res = wrap(
        E.ctc_loss_nll(
            lp._t,
            targets.to(long)._t,
            steps,
            lengths,
            int(blank),
            bool(zero_infinity),
        )
    )
    if zero_infinity:
        res = where(res == float('inf'), zeros((), dtype=res.dtype), res)
    if reduction == 'mean':
        return (res / tensor(lengths, dtype=res.dtype).clamp_min(1)).mean()
    if reduction == 'sum':
        return res.sum()
    return res if batched else res.squeeze(0)
