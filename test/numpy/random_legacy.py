# np.random's legacy global RandomState: numpy's numbers bit for bit (repr of tolist() shows all 17 digits).
import numpy as np

for seed in (0, 42):
    print('seed', seed)
    np.random.seed(seed)
    print(np.random.rand(5).tolist())
    print(np.random.rand(2, 3).tolist())
    print(np.random.randn(7).tolist())
    print(repr(np.random.randn()), repr(np.random.rand()), type(np.random.rand()).__name__)
    print(np.random.randn(3, 2).tolist())
    print(np.random.randint(0, 10, size=8).tolist(), np.random.randint(5), np.random.randint(-3, 3, (2, 3)).tolist())
    print(np.random.randint(0, 2 ** 40, size=3).tolist(), np.random.randint(10, size=4, dtype=np.int64).tolist())
    print(repr(np.random.randint(100, dtype=np.int64)), type(np.random.randint(3)).__name__)
    print(np.random.choice(10, 5).tolist(), np.random.choice(5), np.random.choice([1.5, 2.5, 3.5], size=(2, 2)).tolist())
    print(np.random.choice(10, 4, replace=False).tolist(), np.random.choice(['a', 'b'] if False else [7, 8, 9], 2).tolist())
    print(np.random.choice(4, 6, p=[0.1, 0.2, 0.3, 0.4]).tolist(), np.random.choice(5, 3, replace=False, p=[0.1, 0.1, 0.2, 0.3, 0.3]).tolist())
    print(np.random.permutation(10).tolist(), np.random.permutation([1.5, 2.5, 3.5]).tolist())
    print(np.random.permutation(np.arange(12).reshape(4, 3)).tolist())
    a = np.arange(10)
    np.random.shuffle(a)
    print(a.tolist())
    m = np.arange(15).reshape(5, 3)
    np.random.shuffle(m)
    print(m.tolist())
    lst = [1, 2, 3, 4, 5]
    np.random.shuffle(lst)
    print(lst)
    print(np.random.uniform(-1, 1, 4).tolist(), repr(np.random.uniform()), np.random.uniform(0, [1, 10, 100]).tolist())
    print(np.random.normal(5, 2, 3).tolist(), repr(np.random.normal()), np.random.normal([0, 10], 1).tolist())
    print(np.random.random((2, 2)).tolist(), np.random.random_sample(2).tolist(), np.random.standard_normal(3).tolist())
    print(np.random.exponential(2.0, 3).tolist(), repr(np.random.standard_exponential()))
np.random.seed([1, 2, 3])
print(np.random.rand(3).tolist())
rs = np.random.RandomState(123)
print(rs.randn(4).tolist(), rs.randint(0, 100, 5).tolist(), rs.choice(3, 4).tolist(), rs.permutation(5).tolist())
state = rs.get_state()
x1 = rs.randn(3).tolist()
rs.set_state(state)
print(x1 == rs.randn(3).tolist(), state[0], state[2], len(state[1]))
np.random.seed(0)
X = np.random.randn(100, 2)
y = (X[:, 0] + X[:, 1] > 0).astype(int)
print(X[:3], y[:10], X.mean(axis=0), X.std(axis=0), y.sum())
idx = np.random.permutation(len(X))
print(idx[:10], X[idx][:2])
np.random.seed(2 ** 32 - 1)
print(np.random.rand(2).tolist())
for bad in [lambda: np.random.seed(-1), lambda: np.random.randint(5, 5), lambda: np.random.randint(0),
            lambda: np.random.choice(3, 5, replace=False), lambda: np.random.choice(3, p=[0.5, 0.5, 0.5]),
            lambda: np.random.normal(0, -1)]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)

# binomial: inversion (n * min(p, 1 - p) <= 30, a dropout mask), BTPE above it, p > 0.5 as n - X
np.random.seed(0)
mask = np.random.binomial(1, 0.9, size=(3, 8))
print(mask, mask.dtype, np.random.binomial(1, 0.5), type(np.random.binomial(3, 0.2)).__name__)
print(np.random.binomial(10, 0.3, size=12), np.random.binomial(5, 0.95, 10))
print(np.random.binomial(100, 0.5, size=15), np.random.binomial(1000, 0.3, size=8))
print(np.random.binomial(200, 0.8, size=10), np.random.binomial(60, 0.45, size=10))
print(np.random.binomial([1, 10, 100], [0.5, 0.9, 0.35]), np.random.binomial(0, 0.5, 3), np.random.binomial(4, 0.0, 2))
print(np.random.binomial(100000, 0.01, 5), np.random.binomial(50, 1.0, 3), np.random.rand())
for bad in [lambda: np.random.binomial(1, 1.5), lambda: np.random.binomial(-1, 0.5), lambda: np.random.binomial(3, np.nan)]:
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
