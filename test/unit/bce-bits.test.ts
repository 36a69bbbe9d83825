// binary_cross_entropy against PyTorch 1.13 bit for bit (bce-bits-torch113.json, made by bce-bits-fixture.py):
// its loss and its input's and target's gradients with and without a weight, every reduction, and the glibc logf it takes the
// logs with (glibcLogf.ts), with glibc's log1pf (glibcFloat.ts), both against the system's libm.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { gradientsOfGraph } from '../../src/engine/autogradGraph';
import { glibcLog1pf } from '../../src/engine/ops/glibcFloat';
import { glibcLogf } from '../../src/engine/ops/glibcLogf';
import { assertSameBits, floats, type Encoded } from './float32-bits';

type Reduction = 'none' | 'mean' | 'sum';
interface Case {
  x: Encoded;
  y: Encoded;
  weight: Encoded | null;
  grad_none: Encoded;
  none: Result;
  mean: Result;
  sum: Result;
}
interface Result {
  loss: Encoded;
  grad: Encoded;
  grad_target: Encoded;
}
const fixture = JSON.parse(readFileSync(join(__dirname, 'bce-bits-torch113.json'), 'utf8')) as {
  libm: Record<'logf' | 'log1pf', { x: Encoded; y: Encoded }>;
  bce: Case[];
};

const decode = (e: Encoded, requiresGrad = false) => new Tensor(floats(e), e.shape, 'float32', requiresGrad);
const REDUCTIONS: Reduction[] = ['none', 'mean', 'sum'];

for (const [name, fn, exact] of [
  ['logf', glibcLogf, Math.log],
  ['log1pf', glibcLog1pf, Math.log1p],
] as const) {
  test(`glibc's ${name} gives the system libm's bits, where it rounds otherwise than once too`, () => {
    const { x: xe, y } = fixture.libm[name];
    const x = floats(xe);
    const got = x.map((v) => fn(v));
    assertSameBits(got, floats(y), name, x);
    // The fixture holds values a once-rounded log gets wrong: without them this test could not fail.
    const once = x.map((v) => exact(v));
    assert.ok(
      once.some((v, i) => v !== got[i] && !Number.isNaN(v)),
      `${name}: no misrounded inputs`,
    );
  });
}

const shapeOf = (c: Case) => `[${c.x.shape}]${c.weight ? ` weight [${c.weight.shape}]` : ''}`;

const outputGrad = (c: Case, reduction: Reduction) =>
  reduction === 'none' ? decode(c.grad_none) : new Tensor(Float32Array.from([0.75]), []);

test('binary_cross_entropy gives the bits of PyTorch 1.13: loss, input and target gradients, weights, reductions', () => {
  for (const c of fixture.bce) {
    for (const reduction of REDUCTIONS) {
      const x = decode(c.x, true);
      const y = decode(c.y, true);
      const w = c.weight ? decode(c.weight) : null;
      const loss = torch.binary_cross_entropy(x, y, w, reduction);
      const what = `${shapeOf(c)} ${reduction}`;
      const want = c[reduction];
      assertSameBits(loss.data as Float32Array, floats(want.loss), `${what} loss`);
      loss.backward(outputGrad(c, reduction));
      assertSameBits(x.grad!.data as Float32Array, floats(want.grad), `${what} grad`, floats(c.x));
      assertSameBits(y.grad!.data as Float32Array, floats(want.grad_target), `${what} target grad`, floats(c.x));
    }
  }
});

test('only the target requiring grad still gets its gradient, as in PyTorch', () => {
  const c = fixture.bce[0];
  const y = decode(c.y, true);
  const loss = torch.binary_cross_entropy(decode(c.x), y, null, 'sum');
  assert.equal(loss.gradFn?.name, 'BinaryCrossEntropyBackward0');
  loss.backward(outputGrad(c, 'sum'));
  assertSameBits(y.grad!.data as Float32Array, floats(c.sum.grad_target), 'target grad');
});

test('nn.BCELoss and create_graph gradients give the same bits', () => {
  for (const c of fixture.bce) {
    for (const reduction of REDUCTIONS) {
      const x = decode(c.x, true);
      const y = decode(c.y, true);
      const w = c.weight ? decode(c.weight) : null;
      const loss = new torch.nn.BCELoss({ weight: w, reduction }).call(x, y);
      const what = `${shapeOf(c)} ${reduction}`;
      const want = c[reduction];
      assertSameBits(loss.data as Float32Array, floats(want.loss), `BCELoss ${what}`);
      const [gx, gy] = gradientsOfGraph([loss], [outputGrad(c, reduction)], [x, y], false, true);
      assertSameBits(gx!.data as Float32Array, floats(want.grad), `create_graph ${what}`, floats(c.x));
      assertSameBits(gy!.data as Float32Array, floats(want.grad_target), `create_graph ${what} target`, floats(c.x));
    }
  }
});
