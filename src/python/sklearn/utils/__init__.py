"""sklearn.utils: shuffle and resample (rows of several arrays in one random order), check_random_state
and Bunch, as scikit-learn 1.2 has them."""

import numpy as np

from .._unsupported import module_getattr
from ._bunch import Bunch
from ._validation import check_consistent_length, check_random_state, encode_classes, indexable, safe_indexing

__all__ = ['Bunch', 'check_random_state', 'shuffle', 'resample', 'indexable', 'check_consistent_length']


def approximate_mode(class_counts, n_draws, rng):
    """How many of n_draws to take from each class, proportional to class_counts; the leftover draws go to
    the classes with the largest remainders, ties broken at random (scikit-learn's _approximate_mode)."""
    rng = check_random_state(rng)
    continuous = class_counts / class_counts.sum() * n_draws
    floored = np.floor(continuous)
    need_to_add = int(n_draws - floored.sum())
    if need_to_add > 0:
        remainder = continuous - floored
        values = np.sort(np.unique(remainder))[::-1]
        for value in values:
            (inds,) = np.where(remainder == value)
            add_now = min(len(inds), need_to_add)
            inds = rng.choice(inds, size=add_now, replace=False)
            floored[inds] += 1
            need_to_add -= add_now
            if need_to_add == 0:
                break
    return floored.astype(int)


def resample(*arrays, replace=True, n_samples=None, random_state=None, stratify=None):
    max_n_samples = n_samples
    random_state = check_random_state(random_state)
    if len(arrays) == 0:
        return None
    first = arrays[0]
    n_samples = first.shape[0] if hasattr(first, 'shape') else len(first)
    if max_n_samples is None:
        max_n_samples = n_samples
    elif max_n_samples > n_samples and not replace:
        raise ValueError(
            'Cannot sample %d out of arrays with dim %d when replace is False' % (max_n_samples, n_samples)
        )
    check_consistent_length(*arrays)
    if stratify is None:
        if replace:
            indices = random_state.randint(0, n_samples, size=(max_n_samples,))
        else:
            indices = np.arange(n_samples)
            random_state.shuffle(indices)
            indices = indices[:max_n_samples]
    else:
        y_indices, n_classes = encode_classes(stratify)
        class_counts = np.array([int((y_indices == k).sum()) for k in range(n_classes)])
        class_indices = np.split(np.argsort(y_indices, kind='mergesort'), np.cumsum(class_counts)[:-1])
        n_i = approximate_mode(class_counts, max_n_samples, random_state)
        indices = []
        for i in range(n_classes):
            indices.extend(random_state.choice(class_indices[i], n_i[i], replace=replace).tolist())
        indices = random_state.permutation(indices)
    resampled = [safe_indexing(a, indices) for a in arrays]
    return resampled[0] if len(resampled) == 1 else resampled


def shuffle(*arrays, random_state=None, n_samples=None):
    """The rows of each array in one random order (numpy's RandomState.shuffle of np.arange(n))."""
    return resample(*arrays, replace=False, n_samples=n_samples, random_state=random_state)


__getattr__ = module_getattr('sklearn.utils')
