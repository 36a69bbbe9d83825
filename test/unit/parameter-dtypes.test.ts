// nn.Parameter takes any floating dtype, as PyTorch's does: a float64 Parameter (nn.Parameter(torch.zeros(2,
// dtype=torch.float64)), or any layer made under torch.set_default_dtype(torch.float64)) keeps float64 values,
// gradients and optimizer steps. Integer Parameters that require grad are PyTorch's error. Numbers are what
// PyTorch 1.13 printed:
//   p = torch.nn.Parameter(torch.tensor([0.1, 1/3], dtype=torch.float64)); (p * 3).sum().backward()
//   p.grad.tolist() -> [3.0, 3.0]; torch.optim.SGD([p], lr=0.1).step(); p.tolist() -> [-0.2, 0.0333333333333333]
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tensor } from '../../src/engine/tensor';
import { Parameter } from '../../src/engine/nn/parameter';
import { mul } from '../../src/engine/ops/arith';
import { sum } from '../../src/engine/ops/reduce';
import { SGD } from '../../src/engine/optim';

test('a float64 Parameter keeps float64 values, gradient and SGD step', () => {
  const p = new Parameter(new Tensor(Float64Array.from([0.1, 1 / 3]), [2], 'float64'));
  assert.equal(p.dtype, 'float64');
  assert.equal(p.requiresGrad, true);
  sum(mul(p, 3)).backward();
  assert.equal(p.grad!.dtype, 'float64');
  assert.deepEqual(Array.from(p.grad!.data), [3, 3]);
  new SGD([p], { lr: 0.1 }).step();
  assert.deepEqual(Array.from(p.data), [-0.2, 0.0333333333333333]);
});

test('half-precision Parameters are allowed; integer ones that require grad are PyTorch error', () => {
  const h = new Parameter(new Tensor(Float32Array.from([1, 2]), [2], 'float16'));
  assert.equal(h.dtype, 'float16');
  const ints = new Tensor(Float64Array.from([1, 2]), [2], 'int64');
  assert.throws(() => new Parameter(ints), /Only Tensors of floating point and complex dtype can require gradients/);
  assert.equal(new Parameter(ints, false).requiresGrad, false);
});
