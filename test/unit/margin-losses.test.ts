// The margin and embedding losses (src/engine/ops/marginLosses.ts) and clamp_min/clamp_max against PyTorch
// 1.13 (margin-losses-torch113.json, made by margin-losses-fixture.py): value, grad_fn name and the gradient
// of every float input, for each reduction, p = 1, 2, 3 and swap, a 0-dim target and a broadcast distance.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Tensor } from '../../src/engine';
import { clamp_max, clamp_min } from '../../src/engine/ops/unary';
import * as margin from '../../src/engine/ops/marginLosses';
import type { Reduction } from '../../src/engine/ops/lossReduction';
import { floats, type Encoded } from './float32-bits';

interface Case {
  op: string;
  inputs: Encoded[];
  options: Record<string, number | boolean | string>;
  out: Encoded;
  grad_fn: string;
  grad_out: Encoded;
  grads: (Encoded | null)[];
}

const { cases } = JSON.parse(readFileSync(join(__dirname, 'margin-losses-torch113.json'), 'utf8')) as {
  cases: Case[];
};

function run(c: Case, x: Tensor[]): Tensor {
  const o = c.options;
  const r = o.reduction as Reduction;
  switch (c.op) {
    case 'margin_ranking_loss':
      return margin.margin_ranking_loss(x[0], x[1], x[2], o.margin as number, r);
    case 'hinge_embedding_loss':
      return margin.hinge_embedding_loss(x[0], x[1], o.margin as number, r);
    case 'cosine_embedding_loss':
      return margin.cosine_embedding_loss(x[0], x[1], x[2], o.margin as number, r);
    case 'triplet_margin_loss':
      return margin.triplet_margin_loss(
        x[0],
        x[1],
        x[2],
        o.margin as number,
        o.p as number,
        o.eps as number,
        !!o.swap,
        r,
      );
    case 'pairwise_distance':
      return margin.pairwise_distance(x[0], x[1], o.p as number, o.eps as number, !!o.keepdim);
    case 'clamp_min':
      return clamp_min(x[0], o.min as number);
    case 'clamp_max':
      return clamp_max(x[0], o.max as number);
  }
  throw new Error(`no op ${c.op}`);
}

function assertClose(actual: ArrayLike<number>, expected: Float32Array, what: string): void {
  assert.equal(actual.length, expected.length, `${what} length`);
  for (let i = 0; i < expected.length; i++) {
    const tol = 2e-6 + 2e-6 * Math.abs(expected[i]);
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol, `${what}[${i}]: ${actual[i]} != ${expected[i]}`);
  }
}

test('the fixture covers every op with each reduction', () => {
  const ops = new Set(cases.map((c) => `${c.op}/${String(c.options.reduction)}`));
  for (const op of ['margin_ranking_loss', 'hinge_embedding_loss', 'cosine_embedding_loss', 'triplet_margin_loss'])
    for (const r of ['mean', 'sum', 'none']) assert.ok(ops.has(`${op}/${r}`), `${op}/${r}`);
});

cases.forEach((c, k) => {
  test(`${c.op} #${k} (${JSON.stringify(c.options)}) equals PyTorch: value, grad_fn, gradients`, () => {
    const x = c.inputs.map((e, i) => new Tensor(floats(e), e.shape, 'float32', c.grads[i] !== null));
    const out = run(c, x);
    assert.deepEqual(out.shape, c.out.shape);
    assertClose(out.data, floats(c.out), 'value');
    assert.equal(out.gradFn?.name, c.grad_fn);
    out.backward(new Tensor(floats(c.grad_out), c.grad_out.shape));
    c.grads.forEach((g, i) => {
      if (g === null) return;
      assert.ok(x[i].grad, `input ${i} has a gradient`);
      assertClose(x[i].grad!.data, floats(g), `grad ${i}`);
    });
  });
});

test('the dimension checks raise PyTorch 1.13 messages', () => {
  const t = (...shape: number[]) => new Tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)), shape);
  assert.throws(
    () => margin.margin_ranking_loss(t(2, 3), t(3), t(2)),
    /margin_ranking_loss : All input tensors should have same dimension but got sizes: input1: torch\.Size\(\[2, 3\]\), input2: torch\.Size\(\[3\]\), target: torch\.Size\(\[2\]\)/,
  );
  assert.throws(() => margin.triplet_margin_loss(t(2, 3), t(3), t(2, 3)), /got 2D, 1D and 2D inputs\./);
  assert.throws(() => margin.cosine_embedding_loss(t(2, 3), t(2, 3), t(2, 1)), /0D or 1D target tensor expected/);
});
