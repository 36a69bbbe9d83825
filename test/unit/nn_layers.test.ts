// Activation layers and Linear against real PyTorch 1.13 values: the activation and linear cases of
// test/reference/golden/ops.json (made with the functional forms) are recomputed through the nn layers, forward
// and backward (Linear gets the case's weight and bias as its parameters). Also Flatten and Dropout's
// backward.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { noGrad } from '../../src/engine/autograd';
import { Tensor } from '../../src/engine/tensor';
import { manual_seed } from '../../src/engine/random';
import * as nn from '../../src/engine/nn';
import { goldenDir } from '../reference/paths';

interface GT {
  shape: number[];
  data: number[];
}
interface OpCase {
  name: string;
  op: string;
  args: GT[];
  kwargs: Record<string, number>;
  out: GT;
  grad_out: GT;
  grads: (GT | null)[];
}

const LAYERS: Record<string, (kw: Record<string, number>) => nn.Module> = {
  relu: () => new nn.ReLU(),
  sigmoid: () => new nn.Sigmoid(),
  tanh: () => new nn.Tanh(),
  leaky_relu: (kw) => new nn.LeakyReLU(kw.negative_slope),
  elu: (kw) => new nn.ELU(kw.alpha),
  gelu: () => new nn.GELU(),
  silu: () => new nn.SiLU(),
  softplus: () => new nn.Softplus(),
  softmax: (kw) => new nn.Softmax(kw.dim),
  log_softmax: (kw) => new nn.LogSoftmax(kw.dim),
};

const all = (JSON.parse(fs.readFileSync(path.join(goldenDir, 'ops.json'), 'utf8')) as { cases: OpCase[] }).cases;

const tensorOf = (g: GT, requiresGrad = false) =>
  new Tensor(Float32Array.from(g.data), g.shape, 'float32', requiresGrad);

function assertClose(actual: ArrayLike<number>, expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, `${what} length`);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(
      Math.abs(actual[i] - expected[i]) <= 1e-5 + 1e-4 * Math.abs(expected[i]),
      `${what}[${i}] ${actual[i]} != ${expected[i]}`,
    );
  }
}

test('ops.json holds a case for every activation layer and for linear', () => {
  for (const op of [...Object.keys(LAYERS), 'linear'])
    assert.ok(
      all.some((c) => c.op === op),
      op,
    );
});

for (const c of all.filter((c) => c.op in LAYERS)) {
  test(`${c.name}: activation layer equals PyTorch`, () => {
    const x = tensorOf(c.args[0], true);
    const y = LAYERS[c.op](c.kwargs).call(x) as Tensor;
    assertClose(y.data, c.out.data, 'out');
    y.backward(tensorOf(c.grad_out));
    assertClose(x.grad!.data, c.grads[0]!.data, 'grad');
  });
}

for (const c of all.filter((c) => c.op === 'linear')) {
  test(`${c.name}: Linear layer equals PyTorch`, () => {
    const [xg, wg, bg] = c.args;
    const layer = new nn.Linear(wg.shape[1], wg.shape[0], bg !== undefined);
    noGrad(() => {
      layer.weight.copy_(tensorOf(wg));
      if (bg) layer.bias!.copy_(tensorOf(bg));
    });
    const x = tensorOf(xg, true);
    const y = layer.call(x) as Tensor;
    assert.deepEqual(y.shape, c.out.shape);
    assertClose(y.data, c.out.data, 'out');
    y.backward(tensorOf(c.grad_out));
    assertClose(x.grad!.data, c.grads[0]!.data, 'grad input');
    assertClose(layer.weight.grad!.data, c.grads[1]!.data, 'grad weight');
    if (bg) assertClose(layer.bias!.grad!.data, c.grads[2]!.data, 'grad bias');
  });
}

test('Flatten keeps the batch dim and passes gradients through', () => {
  const x = new Tensor(
    Float32Array.from({ length: 24 }, (_, i) => i),
    [2, 3, 4],
    'float32',
    true,
  );
  const y = new nn.Flatten().call(x) as Tensor;
  assert.deepEqual(y.shape, [2, 12]);
  assert.deepEqual(Array.from(y.data), Array.from(x.data));
  y.backward(new Tensor(new Float32Array(24).fill(2), [2, 12]));
  assert.deepEqual(Array.from(x.grad!.data), new Array(24).fill(2));
  assert.deepEqual((new nn.Flatten(0).call(x) as Tensor).shape, [24]);
});

test('Dropout scales kept elements by 1/(1-p), zeroes the rest, and its gradient uses the same mask', () => {
  manual_seed(3);
  const x = new Tensor(new Float32Array(64).fill(1), [8, 8], 'float32', true);
  const y = new nn.Dropout(0.25).call(x) as Tensor;
  assert.equal(y.gradFn?.name, 'MulBackward0');
  y.backward(new Tensor(new Float32Array(64).fill(1), [8, 8]));
  const scale = Math.fround(1 / Math.fround(0.75));
  for (let i = 0; i < 64; i++) {
    assert.ok(y.data[i] === 0 || Math.abs(y.data[i] - scale) < 1e-6, `y[${i}] = ${y.data[i]}`);
    assert.equal(x.grad!.data[i], y.data[i]);
  }
  // Same seed, same mask.
  manual_seed(3);
  const again = new nn.Dropout(0.25).call(new Tensor(new Float32Array(64).fill(1), [8, 8])) as Tensor;
  assert.deepEqual(Array.from(again.data), Array.from(y.data));
});
