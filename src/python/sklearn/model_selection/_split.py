"""train_test_split and the cross-validation splitters (KFold, StratifiedKFold, ShuffleSplit,
StratifiedShuffleSplit) with scikit-learn 1.2's sizes, fold layout and RandomState draws."""

import warnings
from math import ceil, floor

import numpy as np

from ..utils import approximate_mode
from ..utils._validation import (
    check_random_state,
    column_or_1d,
    encode_classes,
    indexable,
    is_integral,
    num_samples,
    safe_indexing,
)


def _size_kind(size):
    if size is None:
        return None
    if isinstance(size, bool):
        return 'b'
    if is_integral(size):
        return 'i'
    if isinstance(size, (float, np.floating)):
        return 'f'
    return 'other'


def validate_shuffle_split(n_samples, test_size, train_size, default_test_size=None):
    """(n_train, n_test) for the sizes given as fractions, counts or None, with scikit-learn's checks."""
    if test_size is None and train_size is None:
        test_size = default_test_size
    test_kind, train_kind = _size_kind(test_size), _size_kind(train_size)
    if (test_kind == 'i' and (test_size >= n_samples or test_size <= 0)) or (
        test_kind == 'f' and (test_size <= 0 or test_size >= 1)
    ):
        raise ValueError(
            'test_size={0} should be either positive and smaller than the number of samples {1} or a float in '
            'the (0, 1) range'.format(test_size, n_samples)
        )
    if (train_kind == 'i' and (train_size >= n_samples or train_size <= 0)) or (
        train_kind == 'f' and (train_size <= 0 or train_size >= 1)
    ):
        raise ValueError(
            'train_size={0} should be either positive and smaller than the number of samples {1} or a float in '
            'the (0, 1) range'.format(train_size, n_samples)
        )
    if train_size is not None and train_kind not in ('i', 'f'):
        raise ValueError('Invalid value for train_size: {}'.format(train_size))
    if test_size is not None and test_kind not in ('i', 'f'):
        raise ValueError('Invalid value for test_size: {}'.format(test_size))
    if train_kind == 'f' and test_kind == 'f' and train_size + test_size > 1:
        raise ValueError(
            'The sum of test_size and train_size = {}, should be in the (0, 1) range. Reduce test_size and/or '
            'train_size.'.format(train_size + test_size)
        )
    n_test = n_train = None
    if test_kind == 'f':
        n_test = ceil(test_size * n_samples)
    elif test_kind == 'i':
        n_test = float(test_size)
    if train_kind == 'f':
        n_train = floor(train_size * n_samples)
    elif train_kind == 'i':
        n_train = float(train_size)
    if train_size is None:
        n_train = n_samples - n_test
    elif test_size is None:
        n_test = n_samples - n_train
    if n_train + n_test > n_samples:
        raise ValueError(
            'The sum of train_size and test_size = %d, should be smaller than the number of samples %d. Reduce '
            'test_size and/or train_size.' % (n_train + n_test, n_samples)
        )
    n_train, n_test = int(n_train), int(n_test)
    if n_train == 0:
        raise ValueError(
            'With n_samples={}, test_size={} and train_size={}, the resulting train set will be empty. Adjust any '
            'of the aforementioned parameters.'.format(n_samples, test_size, train_size)
        )
    return n_train, n_test


def _repr(splitter, params):
    """scikit-learn's repr of a splitter: parameters sorted by name, wrapped before column 75 with an indent
    of half the class name's length."""
    name = type(splitter).__name__
    line_sep = ',\n' + (1 + len(name) // 2) * ' '
    parts = []
    length = len(name)
    for i, key in enumerate(sorted(params)):
        value = getattr(splitter, key)
        text = f'{key}={value}' if type(value) is float else f'{key}={value!r}'
        if i > 0:
            if length + len(text) >= 75 or '\n' in text:
                parts.append(line_sep)
                length = len(line_sep)
            else:
                parts.append(', ')
                length += 2
        parts.append(text)
        length += len(text)
    return f"{name}({''.join(parts)})"


class _BaseKFold:
    def __init__(self, n_splits, *, shuffle, random_state):
        if not is_integral(n_splits):
            raise ValueError(
                'The number of folds must be of Integral type. %s of type %s was passed.' % (n_splits, type(n_splits))
            )
        n_splits = int(n_splits)
        if n_splits <= 1:
            raise ValueError(
                'k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, '
                'got n_splits={0}.'.format(n_splits)
            )
        if not isinstance(shuffle, bool):
            raise TypeError('shuffle must be True or False; got {0}'.format(shuffle))
        if not shuffle and random_state is not None:
            raise ValueError(
                'Setting a random_state has no effect since shuffle is False. You should leave random_state to '
                'its default (None), or set shuffle=True.'
            )
        self.n_splits = n_splits
        self.shuffle = shuffle
        self.random_state = random_state

    def split(self, X, y=None, groups=None):
        X, y, groups = indexable(X, y, groups)
        n_samples = num_samples(X)
        if self.n_splits > n_samples:
            raise ValueError(
                'Cannot have number of splits n_splits={0} greater than the number of samples: n_samples={1}.'.format(
                    self.n_splits, n_samples
                )
            )
        indices = np.arange(n_samples)
        for test_mask in self._test_masks(X, y):
            yield indices[np.logical_not(test_mask)], indices[test_mask]

    def get_n_splits(self, X=None, y=None, groups=None):
        return self.n_splits

    def __repr__(self):
        return _repr(self, ('n_splits', 'shuffle', 'random_state'))


class KFold(_BaseKFold):
    def __init__(self, n_splits=5, *, shuffle=False, random_state=None):
        super().__init__(n_splits=n_splits, shuffle=shuffle, random_state=random_state)

    def _test_masks(self, X, y):
        n_samples = num_samples(X)
        indices = np.arange(n_samples)
        if self.shuffle:
            check_random_state(self.random_state).shuffle(indices)
        fold_sizes = [
            n_samples // self.n_splits + (1 if k < n_samples % self.n_splits else 0) for k in range(self.n_splits)
        ]
        current = 0
        for fold_size in fold_sizes:
            mask = np.zeros(n_samples, dtype=bool)
            mask[indices[current : current + fold_size]] = True
            yield mask
            current += fold_size


class StratifiedKFold(_BaseKFold):
    def __init__(self, n_splits=5, *, shuffle=False, random_state=None):
        super().__init__(n_splits=n_splits, shuffle=shuffle, random_state=random_state)

    def _test_folds(self, y):
        rng = check_random_state(self.random_state)
        y = column_or_1d(y)
        # Classes numbered in order of first appearance, as scikit-learn encodes them.
        codes, n_classes = encode_classes(y)
        first = {}
        for i, c in enumerate(codes.tolist()):
            first.setdefault(c, i)
        order = sorted(range(n_classes), key=lambda c: first[c])
        renumber = {c: k for k, c in enumerate(order)}
        y_encoded = np.array([renumber[c] for c in codes.tolist()], dtype=np.intp)
        y_counts = [int((y_encoded == k).sum()) for k in range(n_classes)]
        if all(self.n_splits > count for count in y_counts):
            raise ValueError('n_splits=%d cannot be greater than the number of members in each class.' % self.n_splits)
        if self.n_splits > min(y_counts):
            warnings.warn(
                'The least populated class in y has only %d members, which is less than n_splits=%d.'
                % (min(y_counts), self.n_splits),
                UserWarning,
            )
        y_order = sorted(y_encoded.tolist())
        allocation = [[y_order[i :: self.n_splits].count(k) for k in range(n_classes)] for i in range(self.n_splits)]
        test_folds = np.empty(len(y_encoded), dtype='i')
        for k in range(n_classes):
            folds_for_class = np.arange(self.n_splits).repeat(np.array([row[k] for row in allocation]))
            if self.shuffle:
                rng.shuffle(folds_for_class)
            test_folds[y_encoded == k] = folds_for_class
        return test_folds

    def _test_masks(self, X, y):
        test_folds = self._test_folds(y)
        for i in range(self.n_splits):
            yield test_folds == i

    def split(self, X, y, groups=None):
        return super().split(X, y, groups)


class _BaseShuffleSplit:
    def __init__(self, n_splits=10, *, test_size=None, train_size=None, random_state=None):
        self.n_splits = n_splits
        self.test_size = test_size
        self.train_size = train_size
        self.random_state = random_state

    def split(self, X, y=None, groups=None):
        X, y, groups = indexable(X, y, groups)
        yield from self._iter_indices(X, y)

    def get_n_splits(self, X=None, y=None, groups=None):
        return self.n_splits

    def __repr__(self):
        return _repr(self, ('n_splits', 'test_size', 'train_size', 'random_state'))


class ShuffleSplit(_BaseShuffleSplit):
    def _iter_indices(self, X, y=None):
        n_samples = num_samples(X)
        n_train, n_test = validate_shuffle_split(n_samples, self.test_size, self.train_size, 0.1)
        rng = check_random_state(self.random_state)
        for _ in range(self.n_splits):
            permutation = rng.permutation(n_samples)
            yield permutation[n_test : n_test + n_train], permutation[:n_test]


class StratifiedShuffleSplit(_BaseShuffleSplit):
    def _iter_indices(self, X, y):
        n_samples = num_samples(X)
        n_train, n_test = validate_shuffle_split(n_samples, self.test_size, self.train_size, 0.1)
        y_indices, n_classes = encode_classes(y)
        class_counts = np.array([int((y_indices == k).sum()) for k in range(n_classes)])
        if int(class_counts.min()) < 2:
            raise ValueError(
                'The least populated class in y has only 1 member, which is too few. The minimum number of groups '
                'for any class cannot be less than 2.'
            )
        if n_train < n_classes:
            raise ValueError(
                'The train_size = %d should be greater or equal to the number of classes = %d' % (n_train, n_classes)
            )
        if n_test < n_classes:
            raise ValueError(
                'The test_size = %d should be greater or equal to the number of classes = %d' % (n_test, n_classes)
            )
        class_indices = np.split(np.argsort(y_indices, kind='mergesort'), np.cumsum(class_counts)[:-1])
        rng = check_random_state(self.random_state)
        for _ in range(self.n_splits):
            n_i = approximate_mode(class_counts, n_train, rng)
            t_i = approximate_mode(class_counts - n_i, n_test, rng)
            train, test = [], []
            for i in range(n_classes):
                permutation = rng.permutation(int(class_counts[i]))
                members = class_indices[i][permutation]
                train.extend(members[: n_i[i]].tolist())
                test.extend(members[n_i[i] : n_i[i] + t_i[i]].tolist())
            yield rng.permutation(train), rng.permutation(test)

    def split(self, X, y, groups=None):
        return super().split(X, y, groups)


def train_test_split(*arrays, test_size=None, train_size=None, random_state=None, shuffle=True, stratify=None):
    """Each array's rows split into a train and a test part (in that order, array by array), with
    scikit-learn's sizes (test_size=0.25 by default) and random draws."""
    if len(arrays) == 0:
        raise ValueError('At least one array required as input')
    arrays = indexable(*arrays)
    n_samples = num_samples(arrays[0])
    n_train, n_test = validate_shuffle_split(n_samples, test_size, train_size, default_test_size=0.25)
    if shuffle is False:
        if stratify is not None:
            raise ValueError('Stratified train/test split is not implemented for shuffle=False')
        train = np.arange(n_train)
        test = np.arange(n_train, n_train + n_test)
    else:
        splitter = StratifiedShuffleSplit if stratify is not None else ShuffleSplit
        cv = splitter(test_size=n_test, train_size=n_train, random_state=random_state)
        train, test = next(cv.split(X=arrays[0], y=stratify))
    result = []
    for a in arrays:
        result.extend([safe_indexing(a, train), safe_indexing(a, test)])
    return result
