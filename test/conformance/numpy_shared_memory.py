# The PyTorch tutorials' "Bridge with NumPy" (tensorqs_tutorial, blitz tensor_tutorial; Korean
# "NumPy 변환(Bridge)"): a tensor and the array made from it share memory, so an in-place change to one
# shows in the other, both ways; torch.tensor(ndarray) copies instead.
import numpy as np
import torch

# 텐서를 NumPy 배열로 변환하기: the same memory.
t = torch.ones(5)
n = t.numpy()
print(f"t: {t}")
print(f"n: {n}")
t.add_(1)
print(f"t: {t}")
print(f"n: {n}")
print(n.dtype, type(n).__name__)

# NumPy to tensor: from_numpy shares, torch.tensor copies.
n = np.ones(5)
t = torch.from_numpy(n)
c = torch.tensor(n)
np.add(n, 1, out=n)
print(f"t: {t}")
print(f"c: {c}")
print(t.dtype, c.dtype, torch.as_tensor(n).dtype)
n[0] = 10
print(t)
t[1] = -1
print(n)

