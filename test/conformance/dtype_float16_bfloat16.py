# Half precision as tensor tutorials show it: float16 tensors made with dtype= and with .type()/.half(),
# mixing them with float32 and int tensors, what 16 bits can hold (finfo, overflow, rounding, 0.1), bfloat16's
# range against float16's precision, reductions, casting back, saving, and the CPU ops PyTorch 1.13 has no
# float16 kernel for.
import io

import torch
import torch.nn as nn

print('--- making float16 tensors ---')
float_32_tensor = torch.tensor([3.0, 6.0, 9.0], dtype=None, device=None, requires_grad=False)
print(float_32_tensor.dtype)
float_16_tensor = torch.tensor([3.0, 6.0, 9.0], dtype=torch.float16)
print(float_16_tensor, float_16_tensor.dtype, float_16_tensor.element_size())
float_16_tensor = float_32_tensor.type(torch.float16)
print(float_16_tensor)
print(float_32_tensor.half().dtype, float_32_tensor.to(torch.half).dtype, float_16_tensor.type())
print(isinstance(float_16_tensor, torch.HalfTensor), float_16_tensor.is_floating_point())

print('--- mixing dtypes ---')
print(float_16_tensor * float_32_tensor)
int_32_tensor = torch.tensor([3, 6, 9], dtype=torch.int32)
print(float_32_tensor * int_32_tensor)
print(float_16_tensor * int_32_tensor)
print(float_16_tensor + 0.1, float_16_tensor * torch.tensor(0.5))
print(torch.result_type(float_16_tensor, float_32_tensor), torch.promote_types(torch.float16, torch.bfloat16))

print('--- what 16 bits hold ---')
tenth = torch.tensor([0.1], dtype=torch.float16)
print(tenth, tenth.item(), tenth.float().item())
print(torch.finfo(torch.float16).eps, torch.finfo(torch.float16).max, torch.finfo(torch.float16).tiny)
print(torch.finfo(torch.bfloat16).eps, torch.finfo(torch.bfloat16).max)
big = torch.tensor([60000.0, 1e5], dtype=torch.float32)
print(big.half(), big.bfloat16())
print(torch.tensor([1.0], dtype=torch.float16) + 1e-4, torch.tensor([1.0]) + 1e-4)
print(torch.tensor([1e-8, 1e-6, 3e-5], dtype=torch.float16))
x = torch.linspace(-3, 3, 7)
print(x.half(), x.bfloat16())
third = torch.full((3,), 1 / 3)
print(third.half(), third.bfloat16(), (third.half().float() - third).abs().max())

print('--- arithmetic and reductions ---')
torch.manual_seed(0)
w = torch.randn(4, 3)
h = w.half()
print(h)
print(h + h, h * 1.1, h / 3, h ** 2, -h)
print(h.sum(), h.mean(), h.max(), h.argmax(), h.abs().min())
print(h.sum(dim=0), h.mean(dim=1))
print((h > 0).sum(), torch.where(h > 0, h, torch.zeros_like(h)))
print(torch.cat([h, h[:1]]).shape, torch.stack([h[0], h[1]]).dtype)
print(torch.ones(3000, dtype=torch.float16).sum(), torch.full((10,), 0.1, dtype=torch.float16).sum())
b = w.bfloat16()
print(b, b.exp(), b.tanh(), torch.softmax(b, dim=1))
print(b @ b.T)

print('--- back to float32, and saving ---')
print(h.float(), h.double().dtype, h.to(torch.float32).dtype)
buffer = io.BytesIO()
torch.save({'w': h}, buffer)
buffer.seek(0)
loaded = torch.load(buffer)
print(loaded['w'].dtype, torch.equal(loaded['w'], h))
print(torch.rand(4, dtype=torch.float16), torch.zeros(2, 2, dtype=torch.bfloat16))
model = nn.Linear(3, 2)
print(model.half().weight.dtype, model.float().weight.dtype)

print('--- and numpy float16 ---')
import numpy as np

array16 = h[0].numpy()
print(array16, array16.dtype)
array16[0] = 1.5
print(h[0])
from_np = torch.from_numpy(np.array([0.1, 3.3, 1.0], dtype=np.float16))
print(from_np, torch.as_tensor(np.ones(2, dtype=np.float16)).dtype)

print('--- what CPU float16 cannot do in PyTorch 1.13 ---')
for name, op in [('exp', lambda t: t.exp()), ('matmul', lambda t: t @ t.T), ('relu', torch.relu), ('softmax', lambda t: t.softmax(1))]:
    try:
        op(h)
    except RuntimeError as err:
        print(name, 'RuntimeError:', err)
try:
    torch.full((2,), 70000.0, dtype=torch.float16)
except RuntimeError as err:
    print('RuntimeError:', err)
