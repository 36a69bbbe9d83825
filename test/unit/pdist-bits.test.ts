// torch.pdist against PyTorch 1.13 bit for bit (pdist-bits-torch113.json, made by pdist-bits-fixture.py): the
// distances and the input's gradient for every norm its kernel specialises, rows shorter and longer than the
// eight float lanes, zero distances and zero differences, and float64 inputs; then its node names, its
// errors, and the create_graph gradient that raises when differentiated again, as PyTorch's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Tensor, sum } from '../../src/engine';
import { gradientsOfGraph } from '../../src/engine/autogradGraph';
import { pdist } from '../../src/engine/ops/pdist';
import { assertSameBits, floats, type Encoded } from './float32-bits';

interface Encoded64 {
  f64: string;
  shape: number[];
}
interface Case<E> {
  p: number | 'inf';
  x: E;
  dist: E;
  grad: E;
  x_grad: E;
}
const fixture = JSON.parse(readFileSync(join(__dirname, 'pdist-bits-torch113.json'), 'utf8')) as {
  float32: Case<Encoded>[];
  float64: Case<Encoded64>[];
};

const pOf = (c: { p: number | 'inf' }) => (c.p === 'inf' ? Infinity : c.p);

function doubles(e: Encoded64): Float64Array {
  const bytes = Buffer.from(e.f64, 'base64');
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

test('pdist gives the float32 bits of PyTorch 1.13: distances and input gradients for every p', () => {
  for (const c of fixture.float32) {
    const what = `p=${c.p} x[${c.x.shape}]`;
    const x = new Tensor(floats(c.x), c.x.shape, 'float32', true);
    const d = pdist(x, pOf(c));
    assert.equal(d.gradFn?.name, 'PdistBackward0', what);
    assertSameBits(d.data as Float32Array, floats(c.dist), `${what} distances`);
    d.backward(new Tensor(floats(c.grad), c.grad.shape));
    assertSameBits(x.grad!.data as Float32Array, floats(c.x_grad), `${what} gradient`);
  }
});

test('pdist gives PyTorch 1.13 float64 values for p = 0, 1, 2 and inf', () => {
  for (const c of fixture.float64) {
    const what = `p=${c.p} x[${c.x.shape}] float64`;
    const x = new Tensor(doubles(c.x) as unknown as Float32Array, c.x.shape, 'float64', true);
    const d = pdist(x, pOf(c));
    assert.equal(d.dtype, 'float64');
    assert.deepEqual(Array.from(d.data), Array.from(doubles(c.dist)), `${what} distances`);
    d.backward(new Tensor(doubles(c.grad) as unknown as Float32Array, c.grad.shape, 'float64'));
    assert.deepEqual(Array.from(x.grad!.data), Array.from(doubles(c.x_grad)), `${what} gradient`);
  }
});

test("pdist's checks, in PyTorch's order and words", () => {
  const raises = (fn: () => unknown, message: string) =>
    assert.throws(fn, (e: Error) => e.name === 'RuntimeError' && e.message === message);
  raises(() => pdist(new Tensor(Float32Array.from([1, 2, 3]), [3])), 'pdist only supports 2D tensors, got: 1D');
  raises(() => pdist(new Tensor(new Float32Array(8), [2, 2, 2])), 'pdist only supports 2D tensors, got: 3D');
  raises(
    () => pdist(new Tensor(Float64Array.from([1, 2, 3, 4]) as unknown as Float32Array, [2, 2], 'int64')),
    'pdist only supports floating-point dtypes',
  );
  raises(() => pdist(new Tensor(new Float32Array(4), [2, 2]), -1), 'pdist only supports non-negative p values');
});

test('pdist of fewer than two rows is empty, of rows without columns zeros', () => {
  assert.deepEqual(pdist(new Tensor(new Float32Array(3), [1, 3])).shape, [0]);
  assert.deepEqual(pdist(new Tensor(new Float32Array(0), [0, 3])).shape, [0]);
  const z = pdist(new Tensor(new Float32Array(0), [3, 0]));
  assert.deepEqual([z.shape, Array.from(z.data)], [[3], [0, 0, 0]]);
});

test('a create_graph gradient of pdist hangs from PdistBackwardBackward0, which PyTorch cannot differentiate', () => {
  const x = new Tensor(Float32Array.from([0, 1, 2, 0.5, -1, 3]), [3, 2], 'float32', true);
  const d = pdist(x);
  const [g] = gradientsOfGraph([d], [new Tensor(new Float32Array(3).fill(1), [3])], [x], false, false);
  assert.equal(g!.gradFn?.name, 'PdistBackwardBackward0');
  assert.deepEqual(
    g!.gradFn!.inputs.map((t) => t?.gradFn?.name ?? null),
    [null, null, 'PdistBackward0'],
  );
  assert.throws(
    () => sum(g!).backward(),
    (e: Error) =>
      e.name === 'NotImplementedError' && e.message === "the derivative for '_pdist_backward' is not implemented.",
  );
});
