"""The values SummaryWriter accepts, checked as PyTorch 1.13's torch.utils.tensorboard checks them (its
make_np and the asserts of summary.py and _utils.py), so a learner's mistake raises what PyTorch raises."""


def _caffe2_blob():
    # PyTorch reads a string as the name of a Caffe2 blob and imports Caffe2 to fetch it.
    return ModuleNotFoundError("No module named 'caffe2'", name='caffe2')


def as_array(x):
    """A numpy array of a tensor, an array or a Python/numpy scalar (a scalar becomes a 1-element array)."""
    import numpy as np

    from ..._tensor import Tensor

    if isinstance(x, np.ndarray):
        return x
    if isinstance(x, str):
        raise _caffe2_blob()
    if np.isscalar(x):
        return np.array([x])
    if isinstance(x, Tensor):
        return x.detach().cpu().numpy()
    raise NotImplementedError(f'Got {type(x)}, but numpy array, torch tensor, or caffe2 blob name are expected.')


def _one_element(size, ndim):
    return AssertionError(
        f'Tensor should contain one element (0 dimensions). Was given size: {size} and {ndim} dimensions.'
    )


def scalar_value(x):
    """add_scalar's value as a float; a tensor or array must hold one element (any shape of ones)."""
    from ..._tensor import Tensor

    if isinstance(x, Tensor):  # read directly, one call into the engine: add_scalar(loss) runs every step
        try:
            return float(x.item())
        except (RuntimeError, ValueError):  # not one element
            raise _one_element(x.numel(), len([d for d in x.shape if d != 1])) from None
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return float(x)
    array = as_array(x).squeeze()
    if array.ndim != 0:
        raise _one_element(array.size, array.ndim)
    return float(array)


def check_histogram(values):
    array = as_array(values)
    if array.size == 0:
        raise ValueError('The input has no element.')
    return array


def check_image(img, dataformats):
    """convert_to_HWC's checks: each letter once, one letter per dimension; a batch has 1 or 3 channels."""
    array = as_array(img)
    if len(set(dataformats)) != len(dataformats):
        raise AssertionError(f'You can not use the same dimension shordhand twice.         input_format: {dataformats}')
    if len(array.shape) != len(dataformats):
        raise AssertionError(
            'size of input tensor and input format are different.         '
            f'tensor shape: {array.shape}, input_format: {dataformats}'
        )
    upper = dataformats.upper()
    if len(upper) == 4 and array.shape[upper.find('C')] not in (1, 3):
        raise AssertionError()  # make_grid: a grid of images with 1 or 3 channels only
    return array


def check_text(text_string):
    return text_string.encode(encoding='utf_8')  # a non-string fails here, as in PyTorch
