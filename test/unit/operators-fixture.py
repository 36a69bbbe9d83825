#!/usr/bin/env python3
"""Writes test/unit/operators-torch113.json: what real PyTorch 1.13 gives for the Tensor's Python operators
(+ - * / // % ** @, comparisons, & | ^ ~, their reflected and in-place forms) and the math methods whose
graphs the engine reproduces: the grad_fn name, dtype and values of each result, the gradients reaching
the leaves, or the exception. test/unit/shim-operators.test.ts runs this same file on our torch in Pyodide
and compares.

    /usr/bin/python3 test/unit/operators-fixture.py > test/unit/operators-torch113.json
"""

import json
import math

import torch

torch.manual_seed(0)
W = torch.randn(3, requires_grad=True)
P = torch.rand(3, requires_grad=True)

EXPRS = [
    '1 / (1 + torch.exp(-w))',
    '1 / t',
    '2.0 / t',
    '2.5 / t',
    't / 2',
    't / 2.0',
    't / t',
    't.__rtruediv__(t * 2)',
    '2 - t',
    '2.0 - t',
    '2.5 - t',
    't - 2',
    't - 2.0',
    't.__rsub__(t * 2)',
    'torch.rsub(t, 2)',
    '2 ** p',
    '2.0 ** p',
    '2.5 ** p',
    'p ** 2',
    'p ** 2.0',
    'p ** 2.5',
    'p ** p',
    'p ** -1',
    'torch.pow(2, p)',
    '-t',
    't + 2',
    '2 + t',
    '2.0 + t',
    't * 2',
    '2 * t',
    '2.0 * t',
    'abs(t)',
    '+t',
    't @ t',
    't // 2',
    '2 // p',
    't % 2',
    '2 % p',
    'p % p',
    'torch.remainder(2, p)',
    'torch.fmod(t, 2)',
    'torch.fmod(t, p)',
    't.exp2()',
    'torch.frac(t)',
    'torch.erf(t)',
    'torch.sgn(t)',
    't.sign()',
    't.lerp(t * 2, 0.25)',
    't.lerp(t * 2, p)',
    't.div(2, rounding_mode="trunc")',
    't.div(2, rounding_mode="floor")',
    't.round(decimals=1)',
    't == 2',
    '2 == t',
    '2 < t',
    't >= p',
    't != 1.5',
    '1 / i',
    '2 ** i',
    '2.0 ** i',
    'i ** 2',
    'i ** 2.0',
    '2 ** -i',
    '2 - i',
    '7 // i',
    '7 % i',
    'i / 2',
    'i // 2',
    'i % 2',
    'i & j',
    'i | j',
    'i ^ j',
    'i & 3',
    '3 & i',
    'i & b',
    'b & b',
    'b | b',
    'b ^ b',
    'True & b',
    '~b',
    '~i',
    'j ^ -1',
    '-i',
    'abs(j)',
    '2 * b',
    'b * 2.5',
    '1 - b',
    'b - b',
    't - True',
    't & b',
    '~t',
    '-b',
    'i ** -1',
    't + [1, 2, 3]',
    '[1, 2, 3] + t',
    't - [1, 2, 3]',
    '[1, 2, 3] - t',
    't * [1, 2, 3]',
    't / [1, 2, 3]',
    '[1, 2, 3] / t',
    't ** [1, 2]',
    't @ [1.0, 2.0, 3.0]',
    '[1.0, 2.0, 3.0] @ t',
    't // [1, 2]',
    't % [1, 2]',
    't == [1, 2, 3]',
    't < [1, 2, 3]',
    'i & [1, 2]',
    't + None',
    't == None',
    't != None',
    't == "a"',
    '1.5 in t',
    'None in t',
]


def encode(v):
    if isinstance(v, bool):
        return {'bool': v}
    if not isinstance(v, torch.Tensor):
        return {'other': repr(v)}
    name = v.grad_fn.name() if v.grad_fn is not None else None
    data = v.detach().reshape(-1).tolist()
    data = [None if isinstance(x, float) and math.isnan(x) else x for x in data]
    return {'grad_fn': name, 'dtype': str(v.dtype), 'shape': list(v.shape), 'data': data}


def main():
    results = []
    for expr in EXPRS:
        w = W.detach().clone().requires_grad_(True)
        p = P.detach().clone().requires_grad_(True)
        env = {
            'torch': torch,
            'w': w,
            'p': p,
            't': w * 1,
            'i': torch.tensor([1, 2, 3]),
            'j': torch.tensor([5, -6, 7]),
            'b': torch.tensor([True, False, True]),
        }
        try:
            v = eval(expr, env)
        except Exception as ex:  # noqa: BLE001 - recording whatever PyTorch raises
            results.append({'expr': expr, 'error': type(ex).__name__, 'message': str(ex).split('\n')[0]})
            continue
        entry = {'expr': expr, **encode(v)}
        if isinstance(v, torch.Tensor) and v.requires_grad:
            try:
                v.sum().backward()
                entry['grads'] = [x.grad.clone().tolist() if x.grad is not None else None for x in (w, p)]
            except RuntimeError as ex:
                entry['backward_error'] = str(ex)
        results.append(entry)
    print(json.dumps(results))


if __name__ == '__main__':
    main()
