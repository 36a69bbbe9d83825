# Integer dtypes at the edges of their range, as image and label code meets them: pixel values stored as
# uint8, a value that does not fit (PyTorch refuses it when the tensor is made, wraps it in arithmetic),
# -1 as 255, full/fill_/masked_fill with narrow dtypes, and Python ints beyond 2**53.
import torch


def attempt(label, make):
    try:
        print(label, make())
    except (RuntimeError, TypeError, ValueError) as e:
        print(label, type(e).__name__ + ':', e)


pixels = torch.tensor([[0, 128, 255], [12, 200, 64]], dtype=torch.uint8)
print(pixels, pixels.dtype)
print(pixels.float() / 255)
print((pixels + 100).tolist())  # arithmetic wraps
print((pixels * 2).max().item())

attempt('uint8 300:', lambda: torch.tensor([300], dtype=torch.uint8))
attempt('uint8 -1:', lambda: torch.tensor([-1, 5], dtype=torch.uint8))
attempt('uint8 -256:', lambda: torch.tensor([-256], dtype=torch.uint8))
attempt('uint8 -1.0:', lambda: torch.tensor([-1.0], dtype=torch.uint8))
attempt('uint8 floats:', lambda: torch.tensor([0.5, 254.9, 3.99], dtype=torch.uint8))
attempt('uint8 300.5:', lambda: torch.tensor([1.5, 300.5], dtype=torch.uint8))
attempt('int8 128:', lambda: torch.tensor([[1, 2], [128, 4]], dtype=torch.int8))
attempt('int8 -128:', lambda: torch.tensor([-128, 127], dtype=torch.int8))
attempt('int16 40000:', lambda: torch.tensor([40000], dtype=torch.int16))
attempt('int32 2**31:', lambda: torch.tensor([2**31], dtype=torch.int32))
attempt('int32 nan:', lambda: torch.tensor([float('nan')], dtype=torch.int32))
attempt('int64 inf:', lambda: torch.tensor([float('inf')], dtype=torch.int64))
attempt('int64 1e19:', lambda: torch.tensor([1e19], dtype=torch.int64))
attempt('int64 2**64:', lambda: torch.tensor([2**64]))
attempt('int64 truncates:', lambda: torch.tensor([3.7, -2.7], dtype=torch.int64))
attempt('bool from ints:', lambda: torch.tensor([0, 2, -3], dtype=torch.bool))
attempt('ByteTensor 256:', lambda: torch.ByteTensor([256]))
attempt('uint8 scalar:', lambda: torch.tensor(300, dtype=torch.uint8))
attempt('long list:', lambda: torch.tensor(list(range(250, 270)), dtype=torch.uint8))
attempt('long list in range:', lambda: torch.tensor(list(range(100)), dtype=torch.uint8).sum())

attempt('2**60:', lambda: torch.tensor([2**60, 1]))
attempt('2**62 scalar:', lambda: torch.tensor(2**62))
attempt('-2**63:', lambda: torch.tensor([-(2**63)]))
attempt('2**70 as float32:', lambda: torch.tensor([2**70], dtype=torch.float32))
attempt('2**62 as float64:', lambda: torch.tensor([2**62, 3], dtype=torch.float64))
attempt('1e39 as float32:', lambda: torch.tensor([1e39]))

attempt('full uint8 300:', lambda: torch.full((2,), 300, dtype=torch.uint8))
attempt('full uint8 -1:', lambda: torch.full((2,), -1, dtype=torch.uint8))
attempt('full uint8 -255:', lambda: torch.full((2,), -255, dtype=torch.uint8))
attempt('full uint8 2.5:', lambda: torch.full((2,), 2.5, dtype=torch.uint8))
attempt('full int8 -129:', lambda: torch.full((2,), -129, dtype=torch.int8))
attempt('full int32 2**31:', lambda: torch.full((2,), 2**31, dtype=torch.int32))
attempt('full int64 1e19:', lambda: torch.full((2,), 1e19, dtype=torch.int64))
attempt('full bool 300:', lambda: torch.full((2,), 300, dtype=torch.bool))
attempt('full float 1e300:', lambda: torch.full((2,), 1e300))
attempt('full_like uint8 256:', lambda: torch.full_like(pixels, 256))
attempt('fill_ int16 40000:', lambda: torch.zeros(2, dtype=torch.int16).fill_(40000))
attempt('fill_ uint8 -3:', lambda: torch.zeros(2, dtype=torch.uint8).fill_(-3))
attempt('fill_ float 1e300:', lambda: torch.zeros(2).fill_(1e300))
attempt('fill_ float -inf:', lambda: torch.zeros(2).fill_(float('-inf')))
attempt('masked_fill uint8 300:', lambda: pixels.masked_fill(pixels > 100, 300))
attempt('masked_fill uint8 7:', lambda: pixels.masked_fill(pixels > 100, 7))
attempt('masked_fill -inf:', lambda: torch.zeros(3).masked_fill(torch.tensor([True, False, True]), float('-inf')))
