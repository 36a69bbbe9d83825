"""torch.nn.functional's margin and embedding losses: margin_ranking, hinge_embedding, cosine_embedding,
triplet_margin and pairwise_distance are composite in PyTorch's ATen and composed the same way in the engine
(src/engine/ops/marginLosses.ts); multi_margin_loss is one engine op, as PyTorch's own kernel
(src/engine/ops/multiMarginLoss.ts); triplet_margin_with_distance_loss and multilabel_soft_margin_loss are
Python in PyTorch too, written here after it."""

from .._engine import E
from .._tensor import wrap


def _logsigmoid(t):
    return wrap(E.logsigmoid(t._t))


def _reduction(size_average, reduce, reduction):
    from .functional import _check_reduction, _reduction as legacy

    return _check_reduction(legacy(size_average, reduce, reduction))


def margin_ranking_loss(input1, input2, target, margin=0, size_average=None, reduce=None, reduction='mean'):
    reduction = _reduction(size_average, reduce, reduction)
    return wrap(E.margin_ranking_loss(input1._t, input2._t, target._t, float(margin), reduction))


def hinge_embedding_loss(input, target, margin=1.0, size_average=None, reduce=None, reduction='mean'):
    reduction = _reduction(size_average, reduce, reduction)
    return wrap(E.hinge_embedding_loss(input._t, target._t, float(margin), reduction))


def cosine_embedding_loss(input1, input2, target, margin=0, size_average=None, reduce=None, reduction='mean'):
    reduction = _reduction(size_average, reduce, reduction)
    return wrap(E.cosine_embedding_loss(input1._t, input2._t, target._t, float(margin), reduction))


def pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False):
    return wrap(E.pairwise_distance(x1._t, x2._t, float(p), float(eps), bool(keepdim)))


def triplet_margin_loss(
    anchor, positive, negative, margin=1.0, p=2, eps=1e-6, swap=False, size_average=None, reduce=None, reduction='mean'
):
    reduction = _reduction(size_average, reduce, reduction)
    return wrap(
        E.triplet_margin_loss(
            anchor._t, positive._t, negative._t, float(margin), float(p), float(eps), bool(swap), reduction
        )
    )


def multi_margin_loss(input, target, p=1, margin=1.0, weight=None, size_average=None, reduce=None, reduction='mean'):
    # PyTorch's Python checks, in its order: the reduction, p, then the weight's dimensions.
    reduction = _reduction(size_average, reduce, reduction)
    if p != 1 and p != 2:
        raise ValueError("only p == 1 and p == 2 supported")
    if weight is not None and weight.dim() != 1:
        raise ValueError("weight must be one-dimensional")
    return wrap(
        E.multi_margin_loss(
            input._t, target._t, int(p), float(margin), None if weight is None else weight._t, reduction
        )
    )


def triplet_margin_with_distance_loss(
    anchor, positive, negative, *, distance_function=None, margin=1.0, swap=False, reduction='mean'
):
    # Python in PyTorch too: any callable distance, pairwise_distance by default.
    distance_function = distance_function if distance_function is not None else pairwise_distance
    positive_dist = distance_function(anchor, positive)
    negative_dist = distance_function(anchor, negative)
    if swap:
        negative_dist = wrap(E.minimum(negative_dist._t, distance_function(positive, negative)._t))
    output = (positive_dist - negative_dist + margin).clamp(min=0.0)
    reduction = _reduction(None, None, reduction)
    if reduction == 'mean':
        return output.mean()
    return output.sum() if reduction == 'sum' else output


def multilabel_soft_margin_loss(input, target, weight=None, size_average=None, reduce=None, reduction='mean'):
    # Python in PyTorch too: the mean over classes of the two-sided log-sigmoid, then the reduction.
    reduction = _reduction(size_average, reduce, reduction)
    loss = -(target * _logsigmoid(input) + (1 - target) * _logsigmoid(-input))
    if weight is not None:
        loss = loss * weight
    class_dim = input.dim() - 1
    loss = loss.sum(dim=class_dim) / input.size(class_dim)
    if reduction == 'mean':
        return loss.mean()
    return loss.sum() if reduction == 'sum' else loss
