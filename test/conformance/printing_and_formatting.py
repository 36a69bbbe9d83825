# How learners look at tensors: print() of every shape and magnitude (scientific notation, inf/nan, ints,
# bools, empty, 0-dim, 3-D, long tensors summarised with ...), torch.set_printoptions (precision, sci_mode,
# threshold/edgeitems, profile), f-strings and str.format on tensors and .item(), repr inside lists and
# tuples, shapes and dtypes.
import torch

torch.manual_seed(0)

print(torch.tensor([1.0, 2.5, -3.25]))
print(torch.tensor([1e-5, 1.0, 1e5]))
print(torch.tensor([1e-10, 1e10]))
print(torch.tensor([0.1, float('inf'), float('-inf'), float('nan')]))
print(torch.tensor([-0.0, 0.0]))
print(torch.tensor([123456789.0]))
print(torch.tensor([1, -20, 300]))
print(torch.tensor([[True, False], [False, True]]))
print(torch.tensor([]), torch.zeros(0, 3), torch.zeros(2, 0).shape)
print(torch.tensor(7), torch.tensor(-0.5), torch.tensor(True))
print(torch.arange(24).reshape(2, 3, 4))
print(torch.randn(2, 2, 3))
print(torch.arange(2000.0))
print(torch.randn(40, 30))
print(torch.randn(3, 3, requires_grad=True) * 2)
print([torch.tensor(1.5), torch.tensor([2, 3])], (torch.ones(1), torch.zeros(1, 1)))
print({'w': torch.tensor([0.5])})
print(repr(torch.ones(2)), str(torch.zeros(2)))

x = torch.tensor([3.14159265, 2.71828183])
torch.set_printoptions(precision=2)
print(x, torch.tensor([1e-5, 1.0]))
torch.set_printoptions(precision=6)
print(x)
torch.set_printoptions(sci_mode=False)
print(torch.tensor([1e-5, 1.0, 1e5]))
torch.set_printoptions(threshold=5, edgeitems=2)
print(torch.arange(10.0))
torch.set_printoptions(profile='default')
print(torch.arange(10.0), torch.tensor([1e-5, 1.0, 1e5]), x)

loss = torch.tensor(0.123456789)
print(f'loss {loss:.4f}', f'{loss.item():.6f}', '{:.3e}'.format(loss), '%.5f' % loss.item())
print(f'{loss}', f'{x}', str(loss.item()), round(loss.item(), 3))
print(f'{torch.tensor(3):d}', f'{torch.tensor(3).item():03d}', f'{torch.tensor(2.5):>8.2f}|')
print(x.shape, x.size(), x.dtype, str(x.dtype), x.device, type(x))
print(torch.Size([2, 3]), torch.Size([2, 3])[1], torch.Size([2, 3]) == (2, 3), list(torch.Size([4])))
print(torch.tensor([0.5, 0.25]).tolist(), torch.tensor([[1, 2]]).tolist(), torch.tensor(2.5).tolist())
print(float(torch.tensor([0.1])), int(torch.tensor(3.9)), bool(torch.tensor(0.0)))
