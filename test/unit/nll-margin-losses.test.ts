// multi_margin_loss (src/engine/ops/multiMarginLoss.ts, PyTorch's own kernel) and the composites
// poisson_nll_loss and gaussian_nll_loss (likelihoodLosses.ts) against PyTorch 1.13
// (nll-margin-losses-torch113.json, made by nll-margin-losses-fixture.py): value, grad_fn name and the gradient
// of every float input, bit for bit, for each reduction, p, margin, class weights and variance shape.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Tensor } from '../../src/engine';
import { gradientsOfGraph } from '../../src/engine/autogradGraph';
import { sum } from '../../src/engine/ops/reduce';
import { gaussian_nll_loss, poisson_nll_loss } from '../../src/engine/ops/likelihoodLosses';
import { multi_margin_loss } from '../../src/engine/ops/multiMarginLoss';
import type { Reduction } from '../../src/engine/ops/lossReduction';
import { assertSameBits, floats, type Encoded } from './float32-bits';

interface Case {
  op: string;
  inputs: Encoded[];
  target: { shape: number[]; values: number[] } | null;
  options: Record<string, unknown>;
  out: Encoded;
  grad_fn: string;
  grad_out: Encoded;
  grads: (Encoded | null)[];
}

const { cases } = JSON.parse(readFileSync(join(__dirname, 'nll-margin-losses-torch113.json'), 'utf8')) as {
  cases: Case[];
};

const classes = (values: number[], shape: number[]) => new Tensor(Float64Array.from(values), shape, 'int64');
const f32 = (...shape: number[]) => new Tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)), shape);

function run(c: Case, x: Tensor[]): Tensor {
  const o = c.options;
  const r = o.reduction as Reduction;
  switch (c.op) {
    case 'multi_margin_loss': {
      const w = o.weight ? new Tensor(floats(o.weight as Encoded), (o.weight as Encoded).shape) : null;
      return multi_margin_loss(
        x[0],
        classes(c.target!.values, c.target!.shape),
        o.p as number,
        o.margin as number,
        w,
        r,
      );
    }
    case 'poisson_nll_loss':
      return poisson_nll_loss(x[0], x[1], !!o.log_input, !!o.full, o.eps as number, r);
    case 'gaussian_nll_loss':
      return gaussian_nll_loss(x[0], x[1], x[2], !!o.full, o.eps as number, r);
  }
  throw new Error(`no op ${c.op}`);
}

test('the fixture covers every op with each reduction', () => {
  const ops = new Set(cases.map((c) => `${c.op}/${String(c.options.reduction)}`));
  for (const op of ['multi_margin_loss', 'poisson_nll_loss', 'gaussian_nll_loss'])
    for (const r of ['mean', 'sum', 'none']) assert.ok(ops.has(`${op}/${r}`), `${op}/${r}`);
});

cases.forEach((c, k) => {
  const { weight, ...shown } = c.options;
  test(`${c.op} #${k} (${JSON.stringify({ ...shown, weighted: !!weight })}) equals PyTorch bit for bit`, () => {
    const x = c.inputs.map((e, i) => new Tensor(floats(e), e.shape, 'float32', c.grads[i] !== null));
    const out = run(c, x);
    assert.deepEqual(out.shape, c.out.shape);
    assertSameBits(out.data as Float32Array, floats(c.out), 'value');
    assert.equal(out.gradFn?.name, c.grad_fn);
    out.backward(new Tensor(floats(c.grad_out), c.grad_out.shape));
    c.grads.forEach((g, i) => {
      if (g === null) return;
      assert.ok(x[i].grad, `input ${i} has a gradient`);
      assertSameBits(x[i].grad!.data as Float32Array, floats(g), `grad ${i}`);
    });
  });
});

test('multi_margin_loss raises PyTorch 1.13 messages', () => {
  const y = classes([0, 2, 1], [3]);
  assert.throws(
    () => multi_margin_loss(f32(2, 3, 4), y),
    /Expected non-empty vector or matrix with optional 0-dim batch size, but got: \[2, 3, 4\]/,
  );
  assert.throws(() => multi_margin_loss(f32(3, 0), y), /but got: \[3, 0\]/);
  assert.throws(() => multi_margin_loss(f32(3, 4), classes([0, 1], [2])), /inconsistent target size, got: \[2\]/);
  assert.throws(() => multi_margin_loss(f32(3, 4), classes([0, 4, 1], [3])), /target out of range/);
  assert.throws(() => multi_margin_loss(f32(3, 4), f32(3)), /expected scalar type Long but found Float/);
  assert.throws(() => multi_margin_loss(f32(3, 4), y, 3), /only p == 1 and p == 2 supported/);
  const w = new Tensor(new Float32Array(4), [4], 'float32', true);
  assert.throws(() => multi_margin_loss(f32(3, 4), y, 1, 1, w), /not differentiable with respect to argument 'weight'/);
});

test('multi_margin_loss has no derivative of its backward, as in PyTorch', () => {
  const x = new Tensor(Float32Array.from([0.5, -1, 2, 0.25, 1, -0.5]), [2, 3], 'float32', true);
  const loss = multi_margin_loss(x, classes([0, 2], [2]), 2);
  const [g] = gradientsOfGraph([loss], [new Tensor(Float32Array.of(1), [])], [x], false, false);
  assert.equal(g!.gradFn?.name, 'NotImplemented');
  assert.throws(() => sum(g!).backward(), /derivative for aten::multi_margin_loss_backward is not implemented/);
});

test('gaussian_nll_loss raises PyTorch 1.13 messages, in its order', () => {
  assert.throws(() => gaussian_nll_loss(f32(4, 3), f32(4, 3), f32(3)), /var is of incorrect size/);
  assert.throws(
    () => gaussian_nll_loss(f32(4, 3), f32(4, 3), f32(4, 2), false, 1e-6, 'avg'),
    /var is of incorrect size/,
  );
  assert.throws(() => gaussian_nll_loss(f32(4, 3), f32(4, 3), f32(4), false, 1e-6, 'avg'), /avg is not valid/);
  const negative = new Tensor(Float32Array.from([1, -1, 1, 1]), [4]);
  assert.throws(() => gaussian_nll_loss(f32(4, 3), f32(4, 3), negative), /var has negative entry\/entries/);
});
