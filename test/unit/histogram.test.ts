// torch.histogram (src/engine/ops/histogram.ts) bit for bit against test/unit/histogram-torch113.json (made by
// histogram-fixture.py with Debian's python3-torch): equal bins over the data's range or a given one, given
// edges, weights, density, float64, values on the edges, equal values, no values, and ATen's error texts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { tensor } from '../../src/engine/ops/create';
import { histogram } from '../../src/engine/ops/histogram';

interface DrawnCase {
  seed: number;
  n: number;
  scale: number;
  bins: number | number[];
  range: [number, number] | null;
  weighted: boolean;
  density: boolean;
  dtype: 'float32' | 'float64';
  hist: number[];
  edges: number[];
}
interface DataCase {
  data: number[];
  bins: number;
  hist: number[];
  edges: number[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(fs.readFileSync(path.join(here, 'histogram-torch113.json'), 'utf8')) as {
  cases: (DrawnCase | DataCase)[];
  errors: { expr: string; message: string }[];
  backward: { grad_fn: string; edges_requires_grad: boolean; message: string };
};

function draw(seed: number, n: number, scale: number, dtype: 'float32' | 'float64'): Tensor {
  torch.manual_seed(seed);
  return torch.mul(torch.randn([n], undefined, dtype), scale);
}

function bitsEqual(actual: ArrayLike<number>, expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i]))
      assert.fail(`${what}: element ${i} is ${actual[i]}, PyTorch ${expected[i]}`);
  }
}

test('histogram counts, edges and densities match PyTorch 1.13 bit for bit', () => {
  assert.ok(fixture.cases.length >= 12);
  for (const c of fixture.cases) {
    let hist: Tensor;
    let edges: Tensor;
    let what: string;
    if ('data' in c) {
      [hist, edges] = histogram(tensor(c.data, { dtype: 'float32' }), c.bins);
      what = `histogram(${JSON.stringify(c.data)}, ${c.bins})`;
    } else {
      const x = draw(c.seed, c.n, c.scale, c.dtype);
      const weight = c.weighted ? torch.abs(draw(c.seed + 1000, c.n, 1, c.dtype)) : null;
      const bins = Array.isArray(c.bins) ? tensor(c.bins, { dtype: c.dtype }) : c.bins;
      [hist, edges] = histogram(x, bins, c.range, weight, c.density);
      what = `case seed ${c.seed}`;
      assert.equal(hist.dtype, c.dtype, `${what}: dtype`);
    }
    bitsEqual(edges.data, c.edges, `${what} edges`);
    bitsEqual(hist.data, c.hist, `${what} hist`);
  }
});

test("histogram's errors are PyTorch's texts", () => {
  const f32 = (v: number[]) => tensor(v, { dtype: 'float32' });
  const calls: (() => unknown)[] = [
    () => histogram(tensor([1, 2], { dtype: 'int64' }), 2),
    () => histogram(f32([1, 2]), 0),
    () => histogram(f32([1, NaN]), 2),
    () => histogram(f32([1, Infinity]), 2),
    () => histogram(f32([1, 5]), 2, [3, 1.5]),
    () => histogram(f32([1, 5]), tensor([[3, 1]], { dtype: 'float32' })),
    () => histogram(f32([1, 5]), f32([3])),
    () => histogram(f32([1, 5]), f32([])),
    () => histogram(f32([1, 5]), tensor([1, 2], { dtype: 'float64' })),
    () => histogram(f32([1, 5]), 2, null, f32([1])),
    () => histogram(f32([1, 5]), 2, null, tensor([1, 2], { dtype: 'float64' })),
  ];
  assert.equal(calls.length, fixture.errors.length);
  fixture.errors.forEach((e, i) => assert.throws(calls[i], (err: Error) => err.message === e.message, e.expr));
});

test('an input that requires grad gives both outputs a NotImplemented node, and backward raises', () => {
  const x = tensor([1, 5, 2], { dtype: 'float32' }).requires_grad_();
  const [hist, edges] = histogram(x, 2);
  assert.equal(hist.gradFn?.name, fixture.backward.grad_fn);
  assert.equal(edges.requiresGrad, fixture.backward.edges_requires_grad);
  assert.throws(
    () => torch.sum(hist).backward(),
    (err: Error) => err.message === fixture.backward.message,
  );
});
