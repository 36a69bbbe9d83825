// Loss layers against real PyTorch 1.13 values: every loss case of test/reference/golden/ops.json (made with
// torch.nn.functional) is recomputed through the matching nn loss Module with the same keyword arguments;
// the value and the input's gradient must agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Tensor } from '../../src/engine/tensor';
import * as nn from '../../src/engine/nn';
import { goldenDir } from '../reference/paths';

interface GT {
  shape: number[];
  data: number[];
  dtype?: 'int64';
}
interface OpCase {
  name: string;
  op: string;
  args: GT[];
  kwargs: Record<string, unknown>;
  out: GT;
  grads: (GT | null)[];
}

const LOSS_MODULES: Record<string, (kw: Record<string, unknown>) => nn.Module> = {
  mse_loss: (kw) => new nn.MSELoss(kw),
  l1_loss: (kw) => new nn.L1Loss(kw),
  smooth_l1_loss: (kw) => new nn.SmoothL1Loss(kw),
  huber_loss: (kw) => new nn.HuberLoss(kw),
  binary_cross_entropy: (kw) => new nn.BCELoss(kw),
  binary_cross_entropy_with_logits: (kw) => new nn.BCEWithLogitsLoss(kw),
  cross_entropy: (kw) => new nn.CrossEntropyLoss(kw),
  nll_loss: (kw) => new nn.NLLLoss(kw),
};

const cases = (
  JSON.parse(fs.readFileSync(path.join(goldenDir, 'ops.json'), 'utf8')) as { cases: OpCase[] }
).cases.filter((c) => c.op in LOSS_MODULES);

function tensorOf(g: GT, requiresGrad = false): Tensor {
  return g.dtype === 'int64'
    ? new Tensor(Float64Array.from(g.data), g.shape, 'int64')
    : new Tensor(Float32Array.from(g.data), g.shape, 'float32', requiresGrad);
}

function assertClose(actual: ArrayLike<number>, expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, `${what} length`);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(
      Math.abs(actual[i] - expected[i]) <= 1e-5 + 1e-4 * Math.abs(expected[i]),
      `${what}[${i}] ${actual[i]} != ${expected[i]}`,
    );
  }
}

test('ops.json holds loss cases for every loss layer', () => {
  const ops = new Set(cases.map((c) => c.op));
  for (const op of Object.keys(LOSS_MODULES)) assert.ok(ops.has(op), op);
});

for (const c of cases) {
  test(`${c.name}: nn loss module equals PyTorch`, () => {
    const input = tensorOf(c.args[0], true);
    const target = tensorOf(c.args[1]);
    const loss = LOSS_MODULES[c.op](c.kwargs).call(input, target) as Tensor;
    assert.deepEqual(loss.shape, c.out.shape);
    assertClose(loss.data, c.out.data, 'value');
    loss.backward();
    assertClose(input.grad!.data, c.grads[0]!.data, 'grad');
  });
}

test('loss layers keep reduction and weight buffers as PyTorch does', () => {
  assert.equal(new nn.MSELoss().reduction, 'mean');
  assert.equal(new nn.MSELoss({ size_average: false }).reduction, 'sum');
  assert.equal(new nn.L1Loss({ reduce: false }).reduction, 'none');
  const w = new Tensor(Float32Array.from([1, 2, 3]), [3]);
  const ce = new nn.CrossEntropyLoss({ weight: w, label_smoothing: 0.1 });
  assert.deepEqual([...ce.state_dict().keys()], ['weight']);
  assert.deepEqual([...new nn.CrossEntropyLoss().state_dict().keys()], []);
  assert.equal(ce.ignore_index, -100);
  assert.equal(ce.repr(), 'CrossEntropyLoss()');
  // reduction='none' keeps one loss per element.
  const x = new Tensor(Float32Array.from([1, 2, 3]), [3], 'float32', true);
  const y = new Tensor(Float32Array.from([0, 2, 5]), [3]);
  assert.deepEqual(Array.from((new nn.MSELoss({ reduction: 'none' }).call(x, y) as Tensor).data), [1, 0, 4]);
});
