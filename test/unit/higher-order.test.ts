// Higher-order derivatives (create_graph=True) against real PyTorch 1.13: higher-order-fixture.py runs in
// a real Pyodide on our torch and in Debian's PyTorch (higher-order-torch113.json): second and third
// derivatives of the elementwise ops, a Hessian-vector product, gradients through views, indexing, norm,
// linear and mse_loss, backward(create_graph=True), a WGAN-GP gradient penalty trained with SGD, and
// torch.autograd.functional.hessian/hvp; the activations (leaky_relu...hardtanh), softmax, the losses'
// input gradients, cat/stack and reductions, a LeakyReLU WGAN-GP with Adam and a PINN residual (u_xx + u),
// with the grad_fn names PyTorch prints; higher-order-ops-fixture.py: second derivatives through prod, cumsum,
// cumprod, conv1d/conv2d, pooling, batch_norm and layer_norm in float32 and float64. Also the engine's refusal
// of an op without a differentiable backward.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tensor, cumprod, mul, pad, sum, tanh } from '../../src/engine';
import { gradientsOf } from '../../src/engine/autograd';
import { gradientsOfGraph } from '../../src/engine/autogradGraph';
import { assertClose, fixtureRunner, pytorchResults } from './pyodide-fixture';

const runner = fixtureRunner();
const want = pytorchResults('higher-order-torch113.json') as Record<string, unknown>;

test('second derivatives, Hessians and a gradient penalty match PyTorch 1.13', () => {
  const got = runner.run('higher-order-fixture.py') as Record<string, unknown>;
  // float32 arithmetic in another order than PyTorch's kernels; the penalty run compounds it over 4 steps.
  for (const key of Object.keys(want)) assertClose(key, got[key], want[key], (w) => 1e-4 + 1e-4 * Math.abs(w));
});

test('second derivatives through the fused kernels (conv, pooling, norms, prod, scans) match PyTorch 1.13', () => {
  const fused = pytorchResults('higher-order-ops-torch113.json') as Record<string, unknown>;
  const got = runner.run('higher-order-ops-fixture.py') as Record<string, unknown>;
  assert.deepEqual(Object.keys(got).sort(), Object.keys(fused).sort());
  for (const key of Object.keys(fused)) {
    // float32: the create_graph gradients are recorded ops, summed in another order than PyTorch's kernels.
    const rel = key.endsWith('/float64') ? 1e-10 : 1e-4;
    assertClose(key, got[key], fused[key], (w) => rel + rel * Math.abs(w));
  }
});

test('create_graph names the op that has no differentiable backward yet', () => {
  const x = new Tensor(Float32Array.from([1, 2, 3]), [3], 'float32', true);
  const y = sum(pad(mul(x, x), [1, 1]));
  assert.throws(
    () => gradientsOfGraph([y], [new Tensor(Float32Array.from([1]), [])], [x], false, false),
    (e: Error) => e.name === 'NotImplementedError' && /through ConstantPadNdBackward0/.test(e.message),
  );
});

test('a first derivative with create_graph equals the plain one', () => {
  const x = new Tensor(Float32Array.from([-2, -0.5, 0, 0.7, 3]), [5], 'float32', true);
  const y = sum(mul(tanh(x), x));
  const plain = gradientsOf([y], [Float32Array.from([1])], [x], true)[0]!;
  const graph = gradientsOfGraph([y], [new Tensor(Float32Array.from([1]), [])], [x], true, false)[0]!;
  assert.deepEqual(Array.from(graph.data), Array.from(plain));
  assert.equal(graph.gradFn?.name, 'AddBackward0');
});

test('create_graph through cumprod refuses an input with zeros rather than divide by them', () => {
  const x = new Tensor(Float32Array.from([1, 0, 3]), [3], 'float32', true);
  const y = sum(cumprod(mul(x, x), 0));
  assert.throws(
    () => gradientsOfGraph([y], [new Tensor(Float32Array.from([1]), [])], [x], false, false),
    (e: Error) => e.name === 'NotImplementedError' && /cumprod of a tensor that contains zeros/.test(e.message),
  );
});
