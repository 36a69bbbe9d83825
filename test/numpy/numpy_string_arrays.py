# Backprop Lens' numpy against numpy 1.24: simple string arrays as numpy-from-scratch courses and label handling
# use them: '<Un' dtypes and their printing (str and repr, wrapped), ==/!=/< against a string or another array,
# np.unique (counts, inverse), indexing and masks, astype(str)/astype(int), np.where with strings,
# RandomState.choice of strings, and a pandas column made from a string array.
import numpy as np

a = np.array(['a', 'bb'])
print(a, a.dtype, repr(a), a.shape)
print(a == 'a', a != 'bb', a == np.array(['a', 'x']))
print(np.unique(np.array(['b', 'a', 'b'])))
print(np.unique(['cat', 'dog', 'cat', 'bird'], return_counts=True))
print(repr(np.array([['x', 'yy'], ['zzz', 'w']])))
print(a[0], a[1:], a[[1, 0]], a[a == 'bb'])
print(a.tolist(), list(a), len(a), 'a' in a)
labels = np.array(['cat', 'dog', 'cat', 'bird', 'dog', 'cat'])
classes, y = np.unique(labels, return_inverse=True)
print(classes, y)
print((labels == 'cat').sum(), np.sum(labels == 'dog'), np.where(labels == 'cat')[0])
print(np.array([1, 2, 3]).astype(str), repr(np.array([1.5, 2.0]).astype(str)))
print(repr(np.array([1, 22], dtype=str)), repr(np.array(['1.5', '2']).astype(float)))
rng = np.random.RandomState(0)
print(rng.choice(['red', 'green', 'blue'], 5), np.random.default_rng(1).choice(np.array(['x', 'y']), 3))
print(np.sort(labels), np.argsort(labels), labels[::-1], labels.reshape(2, 3))
print(
    np.array('hi'), repr(np.array('hi')), np.array(['a', 'b']).dtype == np.dtype('<U1'), np.dtype(str), np.dtype('U5')
)
try:
    a + a
except TypeError as e:
    print(type(e).__name__, e)
print(np.array(['a', 'bb']) < np.array(['b', 'a']), np.concatenate([a, np.array(['ccc'])]))
print(np.full(3, 'ab'), np.array(['a', 'b', 'c'])[np.array([True, False, True])])
import pandas as pd

print(pd.Series(np.array(['u', 'v'])), pd.DataFrame({'c': rng.choice(['p', 'q'], 4)}))
words = np.array(['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'the', 'lazy', 'dog'] * 3)
print(words)
print(repr(words))
print(np.where(words == 'the', 'yes', 'no'))
print(np.array(['1', '22']).astype(int), np.array(['x']).astype('U5'), repr(np.array(['abc']).astype('U2')))
print(np.array([True, False]).astype(str))
print(np.stack([np.array(['a', 'b']), np.array(['cc', 'd'])]))
print(np.array(['b', 'a', 'c'])[np.argsort(np.array([3, 1, 2]))])
vocab = sorted(set(words.tolist()))
idx = {w: i for i, w in enumerate(vocab)}
print(vocab, [idx[w] for w in words[:4]])
print(
    np.array(['a', 'b']).size, np.array(['a', 'b']).ndim, np.array(['ab', 'b']).itemsize, np.array(['ab', 'b']).nbytes
)
print(np.empty(2, dtype='U3').dtype, np.zeros(2, dtype=str).dtype)
print(np.array(['a', 'bb']) == 'bb', 'bb' == np.array(['a', 'bb']))
print(np.str_('hi'), np.array(['x'])[0] == 'x')
