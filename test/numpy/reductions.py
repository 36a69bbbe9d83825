# Reductions with axis/keepdims (pairwise summation: sums print exactly as numpy's), cumulative ops, arg*.
import numpy as np

np.random.seed(1)
data = [np.random.randn(7), np.random.randn(100), np.random.randn(1000), np.random.randn(10000),
        np.random.randn(30, 40), np.random.randn(5, 6, 7), np.random.rand(300, 3) * 100,
        np.random.randn(20000), (np.random.randn(3, 50)).T]
for x in data:
    print(repr(x.sum()), repr(x.mean()), repr(x.std()), repr(x.var()), repr(x.min()), repr(x.max()))
    for ax in range(x.ndim):
        print(np.atleast_1d(x.sum(axis=ax)).tolist()[:5], np.atleast_1d(x.mean(axis=ax)).tolist()[:5],
              np.atleast_1d(x.std(axis=ax, ddof=1)).tolist()[:3])
    print(x.sum(keepdims=True).shape, x.sum(axis=-1, keepdims=True).shape, x.argmax(), x.argmin())
x32 = np.random.randn(5000).astype(np.float32)
print(repr(x32.sum()), repr(x32.mean()), repr(x32.std()), x32.sum().dtype, x32.mean().dtype)
m32 = np.random.randn(40, 30).astype(np.float32)
print(m32.sum(axis=0)[:4], m32.sum(axis=1)[:4], m32.mean(axis=0)[:4], repr(m32.var()))
i = np.arange(24).reshape(2, 3, 4)
print(i.sum(), i.sum(axis=(0, 2)), i.mean(axis=1), i.prod(axis=2), i.max(axis=0), i.min(axis=(1, 2)))
print(i.sum(axis=1, keepdims=True), repr(i.mean()), repr(i.std()), i.var(axis=0), i.sum(dtype=np.float32))
print(i.argmax(axis=1), i.argmin(axis=2), np.argmax(i, axis=0), np.argmax([1, 3, 3, 2]), np.argmin([[4, 1], [1, 0]]))
print(i.cumsum(), i.cumsum(axis=1), np.cumsum([[1.5, 2], [3, 4]], axis=0), np.cumprod([1, 2, 3, 4]), i.ptp())
b = np.array([[True, False], [True, True]])
print(b.sum(), b.any(), b.all(), b.all(axis=0), b.any(axis=1), np.any([0, 0]), np.all([]), b.sum(axis=0).dtype)
print(np.sum([1, 2, 3]), np.mean([1, 2]), np.max([1.5, np.nan]), np.min(np.array([[3, 1], [2, 5]]), axis=1))
print(np.prod([]), np.sum([]), np.sum(np.zeros((0, 3)), axis=0), np.amax([-1, -5]), np.amin([2.5], initial=1.0))
print(np.median([3, 1, 2]), np.median([4.0, 1, 2, 3]), np.median(np.arange(12).reshape(3, 4), axis=0))
print(np.average([1.0, 2.0, 3.0], weights=[3, 1, 1]), np.average(np.arange(6).reshape(2, 3), axis=1))
print(np.std([1, 2, 3, 4]), np.var([[1, 2], [3, 4]], axis=1), np.std(np.float32([1, 2, 3])), np.mean(np.float32([1, 2])))
print(np.add.reduce([1, 2, 3]), np.maximum.reduce([1, 5, 2]), np.multiply.accumulate([1, 2, 3]), np.add.accumulate([1.5, 2]))
print(np.count_nonzero([0, 1, 2, 0]), np.nonzero([0, 3, 0, 4]), np.argwhere(np.array([[0, 1], [1, 0]])))
print(np.arange(10).reshape(2, 5).sum(1), np.ones((3, 4)).sum(0).tolist(), np.sum(np.ones((2, 2)), axis=None))
print(np.diff([1, 4, 9, 16]), np.diff(np.arange(6.0).reshape(2, 3) ** 2, axis=0), np.diff([1, 4, 9, 16], n=2))
print(np.nansum([1.0, np.nan, 2.5]), np.nanmean([[1.0, np.nan], [3.0, 4.0]], axis=0), np.nanmax([1.5, np.nan, -2.0]))
print(np.nanmin([[1.5, np.nan], [np.nan, -2.0]], axis=1), np.nanargmax([1.5, np.nan, 7.0]), np.nanargmin([np.nan, 2, 1]))
print(np.percentile(np.arange(10), 50), np.percentile(np.arange(10.0), [25, 75]), np.quantile(np.arange(7.0), 0.33))
print(np.percentile([3.0, 1.0, 2.0, 10.0], 90), np.percentile(np.arange(12.0).reshape(3, 4), [10, 90], axis=1))
print(np.percentile(np.arange(5, dtype=np.float32), 37.5), np.median(np.random.randn(101)), np.percentile([1.0, np.nan], 50))
print(np.interp(2.5, [1, 2, 3], [3, 2, 0]), np.interp([0, 1.5, 2.72, 3.14, 5], [1, 2, 3], [3, 2, 0]))
big = np.random.randn(8, 3, 50) * 1000
for v in [big[::2], big[:, ::-1, ::3], big.T, big[1:, 1], np.random.randn(4, 50)[:, ::2], big.transpose(2, 0, 1)]:
    print(repr(v.sum()), repr(v.mean()), repr(v.std()), np.atleast_1d(v.sum(axis=-1)).ravel()[:2].tolist(),
          np.atleast_1d(v.sum(axis=0)).ravel()[:2].tolist(), repr(v.astype(np.float32).sum()))
for bad in [lambda: np.max([]), lambda: np.argmax([]), lambda: np.arange(3).sum(axis=1)]:
    try:
        bad()
    except (ValueError, IndexError) as err:
        print(type(err).__name__, err)

# reductions over outer axes of larger arrays (numpy adds row after row into the outputs), float16 sums
# (accumulated in float32), and a loss surface's mean over the data axis
rng = np.random.RandomState(11)
grid = rng.rand(40, 30, 20)
print(repr(grid.sum(axis=0)[:2, :4]), repr(grid.mean(axis=(0, 1))[:5]), repr(grid.sum(axis=1)[:2, :3]))
print(repr(grid.astype(np.float32).sum(axis=0)[3, :5]), repr(grid.astype(np.float32).mean(axis=0).sum()))
halves = rng.rand(6, 37).astype(np.float16)
print(repr(halves.sum(axis=1)), repr(halves.sum(axis=0)[:6]), repr(halves.sum()))
print(repr(rng.randint(-9, 9, size=(50, 7)).sum(axis=0)), repr(grid.transpose(2, 1, 0).sum(axis=2)[0, :4]))
errors = (grid[:, :, :1] * 2.0 - rng.rand(40, 1, 1)) ** 2
print(repr(errors.mean(axis=0)[:3, 0]), repr(np.unravel_index(errors.mean(axis=0).argmin(), (30, 1))))
