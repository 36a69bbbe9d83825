# Reproducibility and the NumPy bridge as learners write them: a `set_seed` helper seeding python's
# random, numpy and torch (with the cudnn flags behind it), reseeding to repeat a draw, a
# torch.Generator of its own; torch.from_numpy, .numpy() and torch.tensor(ndarray), dtypes crossing the
# bridge (float64 stays float64), and numpy scalars mixed with tensors.
import random

import numpy as np
import torch


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


set_seed(2023)
print(random.random(), np.random.rand(3), torch.rand(3))
first = torch.randn(2, 2)
set_seed(2023)
random.random(), np.random.rand(3), torch.rand(3)
print(torch.equal(first, torch.randn(2, 2)))
print(random.randint(0, 100), np.random.randint(0, 100, size=4), torch.randint(0, 100, (4,)))
idx = list(range(8))
random.shuffle(idx)
print(idx, np.random.permutation(8), torch.randperm(8))

g = torch.Generator().manual_seed(99)
print(torch.rand(2, generator=g), torch.randn(2, generator=g))
g2 = torch.Generator()
g2.manual_seed(99)
print(torch.rand(2, generator=g2))
print(torch.initial_seed())

# Crossing the bridge (numpy_shared_memory.py has the writes seen through shared memory).
t = torch.ones(5)
n = t.numpy()
print(f"t: {t}")
print(f"n: {n}")
print(n.dtype, type(n).__name__)
n = np.ones(5)
t = torch.from_numpy(n)
c = torch.tensor(n)
print(f"t: {t}")
print(f"c: {c}")
print(t.dtype, c.dtype, torch.as_tensor(n).dtype)

arr = np.arange(6, dtype=np.float32).reshape(2, 3)
ft = torch.from_numpy(arr)
print(ft, ft.dtype, ft.shape)
print(torch.from_numpy(np.array([1, 2, 3])).dtype)
print(torch.FloatTensor(np.array([[1.5, 2.5]])))
print(torch.tensor(np.array([0.1, 0.2]), dtype=torch.float32))
print((ft * 2).numpy())
print(ft.sum().item(), type(ft.sum().item()).__name__, ft.numpy().sum())
w = torch.randn(3, requires_grad=True)
print(w.detach().numpy().shape, w.detach().numpy().dtype)
try:
    w.numpy()
except RuntimeError as err:
    print('RuntimeError:', err)
print(torch.tensor(np.float32(2.5)) * 2, np.float64(0.5) * torch.ones(2))
print(ft.tolist(), np.array(ft.tolist()).shape)
