# convolve/correlate: a loss curve's running average (mode='valid'), every mode, float32 windows, int and bool
# operands, a tensor as input, np.transpose of a tensor (back as a tensor) and the errors.
import torch
import numpy as np
f = torch.arange(24.).view(1, 2, 3, 4)
t = np.transpose(f, axes=(0, 2, 3, 1))
print(type(t).__name__, t.shape)
print(np.squeeze(t.numpy(), axis=3).shape if t.shape[3] == 1 else np.squeeze(np.transpose(torch.ones(2, 1, 3, 3), axes=(0, 2, 3, 1)).numpy(), axis=3).shape)
losses = [float(v) for v in np.linspace(2.0, 0.5, 12)]
print(np.max(losses[5:]) * 1.5, np.convolve(losses, np.ones(4,) / 4, mode='valid'))
print(np.convolve([1, 2, 3], [0, 1, 0.5]), np.convolve([1, 2, 3], [0, 1, 0.5], 'same'), np.convolve([1, 2], [1, 2, 3, 4], 'valid'), np.convolve([1, 2, 3], [1, 1]))
print(np.correlate([1, 2, 3], [0, 1, 0.5]), np.correlate([1, 2, 3], [0, 1, 0.5], 'full'), np.correlate([1.0, 2.0, 3.0, 4.0], [1.0, 2.0], 'same'))
print(np.convolve(np.arange(5, dtype=np.float32), np.ones(2, dtype=np.float32)).dtype, np.convolve([1, 2], [True, False]).dtype)
for bad in [lambda: np.convolve([], [1]), lambda: np.convolve([1, 2], [1], mode='bad'), lambda: np.convolve(np.ones((2, 2)), [1])]:
    try:
        print(bad())
    except ValueError as e:
        print(type(e).__name__, e)
np.random.seed(0)
losses = list(np.abs(np.random.randn(400)) * np.linspace(2, 0.1, 400))
avg = np.convolve(losses, np.ones(100,) / 100, mode='valid')
print(avg.shape, avg[:5], avg[-3:])
print(repr(avg[::50]))
x32 = np.random.rand(50).astype(np.float32)
r = np.convolve(x32, np.ones(7, dtype=np.float32) / 7, 'same')
print(r.dtype, r[:6])
print(np.convolve(torch.tensor([1.0, 2.0, 3.0]), np.ones(2) / 2), np.correlate(np.arange(6), np.array([1, -1])), np.convolve(np.array([True, False]), np.array([True, True])))
