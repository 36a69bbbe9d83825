# Backprop Lens' scikit-learn subset against scikit-learn 1.2.1: train_test_split (sizes, stratification,
# several arrays of lists, numpy arrays and torch tensors), the cross-validation splitters and shuffle.
import numpy as np
import torch
from sklearn.model_selection import KFold, ShuffleSplit, StratifiedKFold, StratifiedShuffleSplit, train_test_split
from sklearn.utils import resample, shuffle

X = np.arange(40).reshape(20, 2)
y = np.array([0, 1, 1, 0, 2, 2, 1, 0, 0, 1, 2, 0, 1, 1, 0, 2, 0, 1, 0, 1])
for kw in [
    {},
    {'test_size': 0.2},
    {'test_size': 5},
    {'train_size': 0.5},
    {'train_size': 12, 'test_size': 4},
    {'test_size': 0.33, 'stratify': y},
    {'shuffle': False, 'test_size': 0.3},
]:
    parts = train_test_split(X, y, random_state=42, **kw)
    print(sorted(kw), [p.tolist() for p in parts])
np.random.seed(1)
print(train_test_split(list(range(10)), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']))
Xt, yt = torch.arange(24.0).reshape(12, 2), torch.tensor([0, 1] * 6)
a, b, c, d = train_test_split(Xt, yt, test_size=0.25, random_state=0, stratify=yt.numpy())
print(type(a).__name__, a.tolist(), b.tolist(), c.tolist(), d.tolist())
print(train_test_split(np.arange(10), test_size=0.25, random_state=np.random.RandomState(3)))
strings = ['cat', 'dog', 'cat', 'bird', 'dog', 'cat', 'bird', 'dog', 'cat', 'dog']
print(train_test_split(np.arange(10), test_size=0.4, stratify=strings, random_state=0))

for cv in [KFold(4), KFold(3, shuffle=True, random_state=0), StratifiedKFold(3), StratifiedKFold(4, shuffle=True, random_state=2)]:
    print(cv, cv.get_n_splits())
    for train, test in cv.split(X, y):
        print(' ', train.tolist(), test.tolist())
for cv in [ShuffleSplit(3, test_size=0.25, random_state=0), StratifiedShuffleSplit(2, test_size=0.3, random_state=5)]:
    print(cv)
    for train, test in cv.split(X, y):
        print(' ', train.tolist(), test.tolist())
print(shuffle(np.arange(6), random_state=3), shuffle([1, 2, 3, 4], ['a', 'b', 'c', 'd'], random_state=1))
print(shuffle(X[:5], y[:5], random_state=0, n_samples=3))
print(resample(np.arange(8), random_state=0), resample(np.arange(8), replace=False, n_samples=4, random_state=1))
print(resample(np.arange(10), n_samples=6, random_state=2, stratify=y[:10]))
