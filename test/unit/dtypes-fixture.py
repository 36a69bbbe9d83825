#!/usr/bin/env python3
"""Writes test/unit/dtypes-torch113.json: what real PyTorch 1.13 gives for float64 and the integer dtypes
(int32, int16, int8, uint8) beside float32, int64 and bool: the result dtype of every promotion (tensor with
tensor, with a Python scalar, with a 0-d tensor), printing with its `dtype=` suffix, conversions, integer
wrap-around, comparisons and indexing, float64 gradients (exact: each value must match to the last bit),
float64 models and optimizers, and the errors of mixed-dtype products. test/unit/dtypes.test.ts runs this
same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/dtypes-fixture.py > test/unit/dtypes-torch113.json
"""

import json
import math

import torch

F64 = torch.float64

EXPRS = [
    # promotion: tensor with tensor
    'f + d',
    'd * f',
    'i32 + i64',
    'i32 * 2',
    'i32 + 0.5',
    'i32 / 2',
    'u8 + i8',
    'u8 + i32',
    'i16 * b',
    'b + b',
    'i64 + d',
    'i32 + f',
    # tensor with 0-d tensor and Python scalars
    'f * torch.tensor(2.0, dtype=torch.float64)',
    'd * torch.tensor(2.0)',
    'i32 * torch.tensor(3)',
    'i32 * torch.tensor(1.5, dtype=torch.float64)',
    'torch.tensor(2.0) * torch.tensor(3.0, dtype=torch.float64)',
    'd * 2',
    'd * 0.1',
    'd ** 2',
    '2 ** d',
    '1 / d',
    'd - 1',
    '(d > 1.5)',
    'd == torch.tensor([0.5, 1.5, 3.25], dtype=torch.float64)',
    'i32 > 1',
    'u8 < i8',
    # integer wrap-around and casts
    'u8 - 3',
    'u8 * 100',
    'i8 * 100',
    'i16 * 20000',
    'torch.tensor([300, -1, 2.7]).to(torch.uint8)',
    'torch.tensor([1.7, -1.7]).int()',
    'torch.tensor([70000, -70000]).short()',
    'torch.tensor([200, -200]).char()',
    'torch.tensor([True, False]).byte()',
    'torch.tensor([0.1, 0.2]).double()',
    'torch.tensor([0.1, 0.2], dtype=torch.float64).float()',
    'd.long()',
    'd.int()',
    'i32.double()',
    'u8.bool()',
    # creation
    'torch.zeros(2, dtype=torch.float64)',
    'torch.ones(2, 2, dtype=torch.int32)',
    'torch.full((2,), 7, dtype=torch.uint8)',
    'torch.arange(4, dtype=torch.float64)',
    'torch.arange(0.0, 1.0, 0.25, dtype=torch.float64)',
    'torch.linspace(0, 1, 5, dtype=torch.float64)',
    'torch.eye(2, dtype=torch.int32)',
    'torch.tensor([1 / 3, 2 / 3], dtype=torch.float64)',
    'torch.tensor([1, 2], dtype=float)',
    'torch.DoubleTensor([1, 2])',
    'torch.IntTensor([1, 2])',
    'torch.ByteTensor([1, 255])',
    'torch.ShortTensor([1])',
    'torch.CharTensor([-1])',
    'torch.zeros_like(d)',
    'torch.ones_like(i32)',
    'torch.empty(0, dtype=torch.float64)',
    'torch.empty(0, dtype=torch.int32)',
    'torch.empty(2, 0, dtype=torch.float64)',
    # reductions, math and indexing
    'd.sum()',
    'd.mean()',
    'i32.sum()',
    'u8.sum()',
    'd.max()',
    'd.argmax()',
    'd.exp()',
    'd.sqrt()',
    'd.log()',
    'torch.sigmoid(d)',
    'torch.relu(d - 2)',
    'd.abs()',
    'd[1]',
    'd[1:]',
    'd[d > 1]',
    'm[0]',
    'm[:, 1]',
    'm.t()',
    'm @ m',
    'm.sum(0)',
    'm.reshape(4)',
    'torch.cat([d, d])',
    'torch.stack([i32, i32])',
    'torch.where(d > 1, d, torch.zeros(3, dtype=torch.float64))',
    'u8[1]',
    'i32[i32 > 1]',
    'i32.tolist()',
    'u8.tolist()',
    'd.tolist()',
    'd.item() if d.numel() == 1 else d[2].item()',
    'i32[0].item()',
    'd.dtype',
    'u8.dtype',
    'd.element_size()',
    'i16.element_size()',
    'd.is_floating_point()',
    'i32.is_floating_point()',
    'd.type()',
    'i32.type()',
    'u8.type()',
    # mixed-dtype products
    'f @ d',
    'd @ f',
    'torch.mm(m, m.float())',
    'torch.ones(2, 2) @ torch.ones(2, 2, dtype=torch.int32)',
    'torch.nn.functional.linear(torch.ones(1, 2), torch.ones(1, 2, dtype=torch.float64), torch.ones(1, dtype=torch.float64))',
    'torch.nn.functional.linear(torch.ones(1, 2, dtype=torch.float64), torch.ones(1, 2, dtype=torch.float64), torch.ones(1))',
    'i32 @ i32',
]

# float64 gradients: x and y are float64 leaves; each expression's sum is backpropagated.
GRAD_EXPRS = [
    'x * y + x ** 3',
    '(x / y).sum()',
    'torch.tanh(x) * torch.sigmoid(y)',
    'torch.exp(x) - torch.log(y)',
    '(x @ y.reshape(3, 1))',
    'torch.relu(x - 1.5) * 2',
    'x.pow(2.5) / 3',
    '((x - y) ** 2).mean()',
    'torch.nn.functional.mse_loss(x, y)',
    'x * torch.tensor([1.0, 2.0, 3.0])',
    'x.float() * 2',
    'x.sqrt() + y.abs()',
    'torch.softmax(x, 0) * y',
    'x.max() + y.min()',
]


def encode(v):
    if isinstance(v, torch.Tensor):
        data = v.detach().reshape(-1).tolist()
        data = [None if isinstance(x, float) and math.isnan(x) else x for x in data]
        return {'repr': repr(v), 'dtype': str(v.dtype), 'shape': list(v.shape), 'data': data}
    return {'other': repr(v)}


def env():
    return {
        'torch': torch,
        'f': torch.tensor([1.0, 2.0, 3.0]),
        'd': torch.tensor([0.5, 1.5, 3.25], dtype=F64),
        'm': torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=F64),
        'i64': torch.tensor([1, 2, 3]),
        'i32': torch.tensor([1, 2, 3], dtype=torch.int32),
        'i16': torch.tensor([1, -2, 3], dtype=torch.int16),
        'i8': torch.tensor([1, -2, 3], dtype=torch.int8),
        'u8': torch.tensor([1, 2, 250], dtype=torch.uint8),
        'b': torch.tensor([True, False, True]),
    }


def run(expr, e):
    try:
        return {'expr': expr, **encode(eval(expr, e))}
    except Exception as ex:  # noqa: BLE001 - recording whatever PyTorch raises
        return {'expr': expr, 'error': type(ex).__name__, 'message': str(ex).split('\n')[0]}


def grads(expr):
    x = torch.tensor([0.7, 1.9, 2.3], dtype=F64, requires_grad=True)
    y = torch.tensor([1.1, -0.4, 0.9], dtype=F64, requires_grad=True)
    entry = run(expr, {'torch': torch, 'x': x, 'y': y})
    if 'error' not in entry:
        try:
            eval(expr, {'torch': torch, 'x': x, 'y': y}).sum().backward()
        except RuntimeError as ex:
            entry['backward_error'] = str(ex)
            return entry
        entry['grads'] = [t.grad.tolist() if t.grad is not None else None for t in (x, y)]
        entry['grad_dtypes'] = [str(t.grad.dtype) if t.grad is not None else None for t in (x, y)]
    return entry


def training():
    """A float64 model trained by each optimizer: the final loss and weights (full precision)."""
    out = []
    X = torch.linspace(-1, 1, 12, dtype=F64).reshape(6, 2)
    Y = (X[:, :1] * 0.5 - X[:, 1:] * 2.0 + 0.25).tanh()
    for name in ['SGD', 'Adam', 'RMSprop', 'Adagrad']:
        torch.manual_seed(0)
        model = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.Tanh(), torch.nn.Linear(3, 1)).double()
        kwargs = {'lr': 0.05, 'momentum': 0.9} if name == 'SGD' else {'lr': 0.05}
        opt = getattr(torch.optim, name)(model.parameters(), **kwargs)
        for _ in range(20):
            loss = torch.nn.functional.mse_loss(model(X), Y)
            opt.zero_grad()
            loss.backward()
            opt.step()
        out.append(
            {
                'optimizer': name,
                'loss': loss.item(),
                'dtype': str(loss.dtype),
                'weights': [p.detach().reshape(-1).tolist() for p in model.parameters()],
            }
        )
    return out


def main():
    results = [run(expr, env()) for expr in EXPRS]
    gradients = [grads(expr) for expr in GRAD_EXPRS]
    torch.set_default_dtype(torch.float64)
    defaults = [
        run(expr, env())
        for expr in [
            'torch.tensor([1.5, 2.0])',
            'torch.ones(2)',
            'torch.tensor([1.0], dtype=torch.float32)',
            'torch.Tensor([0.1])',
            'torch.get_default_dtype()',
            'torch.tensor([1, 2]) * 0.5',
            'torch.arange(0.0, 1.0, 0.5)',
        ]
    ]
    torch.set_default_dtype(torch.float32)
    print(json.dumps({'exprs': results, 'grads': gradients, 'default': defaults, 'training': training()}))


if __name__ == '__main__':
    main()
