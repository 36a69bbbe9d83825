# Three things learners meet in PyTorch's API pages and model-serving notes: an LSTM with projections
# (`nn.LSTM(..., proj_size=...)`, as in speech and language models) trained for next-value prediction on a
# noisy sine, its parameter names and shapes, (h, c) shapes, packed sequences through it and the messages
# for wrong sizes; `Tensor.view(dtype)` to look at a float's bits (sign, exponent, mantissa, bytes, the next
# float up) and its size rules; and `torch.inference_mode()` around an evaluation loop and as a decorator,
# with `is_inference()` and the errors learners hit when such a tensor goes back into training.
import math

import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.manual_seed(3)

# ---- an LSTM with projections for sequence prediction -------------------------------------------------
steps = torch.arange(0, 40, dtype=torch.float32)
wave = torch.sin(steps * 0.3) + 0.05 * torch.randn(40)
windows = torch.stack([wave[i : i + 9] for i in range(24)])  # 24 windows of 9 values
x_train = windows[:, :8].unsqueeze(-1)  # [batch, seq, 1]
y_train = windows[:, 8:]  # the value after each window
print('x_train', x_train.shape, 'y_train', y_train.shape)


class Forecaster(nn.Module):
    def __init__(self, hidden_size=12, proj_size=4, num_layers=2):
        super().__init__()
        self.lstm = nn.LSTM(1, hidden_size, num_layers=num_layers, batch_first=True, proj_size=proj_size)
        self.head = nn.Linear(proj_size, 1)

    def forward(self, x, state=None):
        out, (h, c) = self.lstm(x, state)
        return self.head(out[:, -1]), (h, c)


model = Forecaster()
print(model)
for name, p in model.named_parameters():
    print(f'{name:22s} {tuple(p.shape)}')
print('parameters:', sum(p.numel() for p in model.parameters()))
print(list(model.lstm.state_dict().keys())[:5])
print(model.lstm._flat_weights_names[:5])
print([[tuple(w.shape) for w in layer] for layer in model.lstm.all_weights])

pred, (h, c) = model(x_train)
print('pred', pred.shape, 'h_n', h.shape, 'c_n', c.shape)
print(type(h.grad_fn).__name__, type(c.grad_fn).__name__)

optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.MSELoss()
for epoch in range(6):
    optimizer.zero_grad()
    pred, _ = model(x_train)
    loss = loss_fn(pred, y_train)
    loss.backward()
    optimizer.step()
    print(f'epoch {epoch} loss {loss.item():.6f}')
print('grad of weight_hr_l1:', model.lstm.weight_hr_l1.grad)

# carrying the state by hand: h has proj_size features, c keeps hidden_size
h0 = torch.zeros(2, 3, 4)
c0 = torch.zeros(2, 3, 12)
out, (h, c) = model.lstm(x_train[:3], (h0, c0))
print(out.shape, h.shape, c.shape)
print(out[0, -1])
for bad in [(torch.zeros(2, 3, 12), c0), (h0, torch.zeros(2, 3, 4)), (torch.zeros(1, 3, 4), c0)]:
    try:
        model.lstm(x_train[:3], bad)
    except RuntimeError as e:
        print('RuntimeError:', e)

# an unbatched sequence, and the seeded constructor
single = nn.LSTM(3, 5, proj_size=2)
print(single, single.weight_hr_l0)
o, (h, c) = single(torch.randn(6, 3))
print(o.shape, h.shape, c.shape)
for kwargs in [dict(proj_size=-1), dict(proj_size=5)]:
    try:
        nn.LSTM(3, 5, **kwargs)
    except ValueError as e:
        print('ValueError:', e)
for cls in (nn.RNN, nn.GRU):
    try:
        cls(3, 5, proj_size=2)
    except ValueError as e:
        print('ValueError:', e)

# packed sequences of different lengths through a bidirectional projected LSTM
bi = nn.LSTM(2, 6, proj_size=3, bidirectional=True, batch_first=True)
padded = torch.randn(3, 5, 2)
lengths = torch.tensor([3, 5, 2])
packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
packed_out, (h, c) = bi(packed)
unpacked, out_lengths = pad_packed_sequence(packed_out, batch_first=True)
print(unpacked.shape, out_lengths, h.shape, c.shape)
print(unpacked[2])
print(torch.cat([h[-2], h[-1]], dim=1))
(unpacked.sum() + c.sum()).backward()
print(bi.weight_hr_l0_reverse.grad)

# ---- looking at a float's bits with view(dtype) --------------------------------------------------------
values = torch.tensor([1.0, -2.5, 0.1, 3.0e-8, float('inf')])
bits = values.view(torch.int32)
print(bits, bits.dtype, bits.shape)
for v, b in zip(values.tolist(), bits.tolist()):
    b &= 0xFFFFFFFF
    sign, exponent, mantissa = b >> 31, (b >> 23) & 0xFF, b & 0x7FFFFF
    print(f'{v:>12.6g} {b:032b} sign={sign} exponent={exponent - 127:4d} mantissa={mantissa:#08x}')
print('bytes of 1.0 (little-endian):', torch.tensor([1.0]).view(torch.uint8).tolist())
print(values.view(torch.int16).shape, values.view(torch.int8)[:4])
one = torch.tensor([1.0])
next_up = (one.view(torch.int32) + 1).view(torch.float32)
print('next float after 1.0:', next_up.item(), 'eps:', (next_up - one).item(), torch.finfo(torch.float32).eps)
doubles = torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64)
print(doubles.view(torch.int64), doubles.view(torch.float32).shape)
print(torch.tensor([0, 1, 7], dtype=torch.uint8).view(torch.bool), torch.tensor([-1, 2], dtype=torch.int8).view(torch.uint8))
grid = torch.arange(12.0).reshape(3, 4)
print(grid.view(torch.int32)[1], grid.view(torch.float64).shape, grid.t().view(torch.int32).stride())
for bad, dtype in [(grid.t(), torch.int16), (grid[:, :3], torch.float64), (torch.tensor(2.0), torch.int8)]:
    try:
        bad.view(dtype)
    except RuntimeError as e:
        print('RuntimeError:', e)
w = torch.ones(3, requires_grad=True)
print(w.view(torch.int32).requires_grad, w.view(torch.int32).grad_fn, w.view(torch.float32).requires_grad)
alias = values.view(torch.float32)
alias[0] = 8.0
print(values[0], alias is values)

# ---- inference_mode around evaluation -------------------------------------------------------------------
model.eval()
x_test = windows[-4:, :8].unsqueeze(-1)
with torch.inference_mode():
    preds, (h, c) = model(x_test)
    print('inside:', torch.is_inference_mode_enabled(), torch.is_grad_enabled())
    scaled = preds * 2
    scaled.add_(1)  # in place is fine inside
print('outside:', torch.is_inference_mode_enabled(), torch.is_grad_enabled())
print(preds.squeeze(1), preds.requires_grad, preds.is_inference(), torch.is_inference(h))
print(x_test.is_inference(), model.head.weight.is_inference(), preds.view(-1).is_inference(), preds.clone().is_inference())


@torch.inference_mode()
def evaluate(net, inputs, targets):
    out, _ = net(inputs)
    return loss_fn(out, targets), out


test_loss, test_out = evaluate(model, x_test, windows[-4:, 8:])
print(f'test loss {test_loss.item():.6f}', test_out.is_inference(), test_loss.requires_grad)

attempts = {
    'requires_grad_()': lambda: preds.requires_grad_(),
    'requires_grad = True': lambda: setattr(preds, 'requires_grad', True),
    'add_(1)': lambda: preds.add_(1),
    'preds[0] = 0': lambda: preds.__setitem__(0, 0.0),
    '_version': lambda: preds._version,
    'nn.Parameter': lambda: nn.Parameter(preds),
    'train on it': lambda: loss_fn(model.head(h[-1]), y_train[:4]).backward(),
    'times a weight': lambda: preds * model.head.weight,
}
for name, attempt in attempts.items():
    try:
        attempt()
        print(name, 'ok')
    except RuntimeError as e:
        print(f'{name}: RuntimeError: {e}')
print(preds.squeeze(1))  # the refused in-place writes landed before the error, as in PyTorch

model.train()
fixed = preds.clone()
fixed.add_(1)
loss = loss_fn(model.head(h[-1].clone()), y_train[:4])
loss.backward()
print(fixed.is_inference(), fixed.requires_grad, f'{loss.item():.6f}', model.head.weight.grad)

with torch.no_grad():
    with torch.inference_mode(mode=False):
        back_on = torch.ones(2, requires_grad=True) * 3
    print(back_on.requires_grad, back_on.is_inference(), torch.is_grad_enabled())
with torch.inference_mode():
    with torch.inference_mode(False):
        plain = torch.ones(2)
    print(plain.is_inference(), torch.ones(2).is_inference())
print(round(math.pi, 4), torch.inference_mode().mode, torch.inference_mode(False).mode)
