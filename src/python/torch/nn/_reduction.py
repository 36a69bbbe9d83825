"""torch.nn._reduction: the reduction names losses take, and the deprecated size_average/reduce flags read
as one (PyTorch's legacy_get_string, with its UserWarning: old course code passes size_average=False)."""

import warnings


def get_enum(reduction):
    if reduction == 'none':
        return 0
    if reduction == 'mean':
        return 1
    if reduction == 'elementwise_mean':
        warnings.warn("reduction='elementwise_mean' is deprecated, please use reduction='mean' instead.")
        return 1
    if reduction == 'sum':
        return 2
    raise ValueError(f"{reduction} is not a valid value for reduction")


def legacy_get_string(size_average, reduce, emit_warning=True):
    warning = "size_average and reduce args will be deprecated, please use reduction='{}' instead."
    size_average = True if size_average is None else size_average
    reduce = True if reduce is None else reduce
    if size_average and reduce:
        ret = 'mean'
    elif reduce:
        ret = 'sum'
    else:
        ret = 'none'
    if emit_warning:
        warnings.warn(warning.format(ret))
    return ret


def legacy_get_enum(size_average, reduce, emit_warning=True):
    return get_enum(legacy_get_string(size_average, reduce, emit_warning))


def reduction_of(size_average, reduce, reduction):
    """What a loss reduces with: `reduction`, unless either deprecated flag is given (then they decide)."""
    if size_average is None and reduce is None:
        return reduction
    return legacy_get_string(size_average, reduce)
