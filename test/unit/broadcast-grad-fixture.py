#!/usr/bin/env python3
"""Writes test/unit/broadcast-grad-torch113.json: float32 gradients as real PyTorch 1.13 (CPU, Debian
python3-torch) computes them where rounding order shows, for test/unit/broadcast-grad.test.ts:

- a broadcast operand of add/sub/mul/div/maximum: the output gradient summed down to its shape (autograd's
  sum_to, `grad.sum(dims, keepdim=True)` in the cascade order of src/engine/ops/cascadeSum.ts), after sub's
  negation and add's alpha;
- `x ** e` for a Python number e: pow_backward's `grad * (e * x.pow(e - 1))`, with pow's special cases
  (1 / (x * x) for -2, rsqrt for -0.5, ...) rounded where PyTorch rounds.

Inputs are drawn by seed with torch.manual_seed + randn; the test draws them again with the engine's
PyTorch-exact generator.

    /usr/bin/python3 test/unit/broadcast-grad-fixture.py > test/unit/broadcast-grad-torch113.json && npx prettier --write test/unit/broadcast-grad-torch113.json
"""

import json

import torch

torch.set_num_threads(1)


def draw(seed, shape):
    torch.manual_seed(seed)
    return torch.randn(shape)


def values(t):
    return [float(v) for v in t.reshape(-1).tolist()]


BINARY_SHAPES = [
    ([16, 12], [16, 1]),
    ([16, 12], [12]),
    ([16, 12], [1, 12]),
    ([37, 23], [1]),
    ([5, 7, 9], [7, 1]),
    ([5, 7, 9], [5, 1, 9]),
    ([3, 100], [3, 1]),
    ([64, 22], [22]),
    ([1, 40], [50, 1]),
]


def binary_cases():
    cases = []
    seed = 100
    for op in ['add', 'sub', 'add_alpha', 'sub_alpha', 'mul', 'div', 'maximum']:
        for a_shape, b_shape in BINARY_SHAPES:
            seed += 3
            a = draw(seed, a_shape).requires_grad_()
            b = draw(seed + 1, b_shape)
            if op == 'div':
                b = b.abs() + 0.5
            b.requires_grad_()
            if op == 'add':
                y = a + b
            elif op == 'sub':
                y = a - b
            elif op == 'add_alpha':
                y = torch.add(a, b, alpha=0.3)
            elif op == 'sub_alpha':
                y = torch.sub(a, b, alpha=1.7)
            elif op == 'mul':
                y = a * b
            elif op == 'div':
                y = a / b
            else:
                y = torch.maximum(a, b)
            g = draw(seed + 2, list(y.shape))
            y.backward(g)
            # a's gradient only where a is broadcast too: elsewhere it is elementwise, with no order to check
            broadcast_a = a.numel() < y.numel()
            cases.append(
                {
                    'op': op,
                    'seed': seed,
                    'a': a_shape,
                    'b': b_shape,
                    'grad_a': values(a.grad) if broadcast_a else None,
                    'grad_b': values(b.grad),
                }
            )
    return cases


def pow_cases():
    cases = []
    seed = 900
    # Exponents whose x.pow(e - 1) is one of ATen's exact special cases (reciprocal, 1 / (x * x), sqrt, x * x,
    # x * x * x) or 0: other exponents go through SLEEF's vectorised powf (1 ulp), which the engine's pow
    # (correctly rounded) does not replay.
    for e in [-1, 0.5, 1, 1.5, 2, 3, 4]:
        seed += 2
        x = (draw(seed, [64]).abs() + 0.05).requires_grad_()
        g = draw(seed + 1, [64])
        (x**e).backward(g)
        cases.append({'e': e, 'seed': seed, 'grad': values(x.grad)})
    return cases


print(json.dumps({'torch': torch.__version__, 'binary': binary_cases(), 'pow': pow_cases()}))
