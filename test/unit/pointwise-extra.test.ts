// The extra elementwise, indexing and statistics ops against PyTorch 1.13 (pointwise-extra-torch113.json, made
// by pointwise-extra-fixture.py): addcmul/addcdiv, hypot, logaddexp/logaddexp2, xlogy, fmax/fmin, heaviside,
// sinc and logit bit for bit (37 values: PyTorch's vectorised code and its scalar tail), index_add/index_copy,
// take/put, masked_scatter, scatter_reduce (every reduce, with and without self), trapezoid,
// cumulative_trapezoid, cov/corrcoef,
// nanquantile, einsum with '...' and add/sub with alpha (fused, bit for bit): value, grad_fn name and the
// gradient of every float input.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Tensor } from '../../src/engine';
import * as pw from '../../src/engine/ops/pointwiseExtra';
import * as ixx from '../../src/engine/ops/indexExtra';
import * as stats from '../../src/engine/ops/statsExtra';
import { scatter_reduce } from '../../src/engine/ops/scatterReduce';
import { quantile, type Interpolation } from '../../src/engine/ops/quantile';
import { einsum } from '../../src/engine/ops/einsum';
import { floatScalar } from '../../src/engine/ops/util';
import { add, sub } from '../../src/engine/ops/arith';
import { assertSameBits, floats, type Encoded } from './float32-bits';

type Input = (Encoded & { kind: 'f'; grad: boolean }) | { kind: 'i' | 'b'; shape: number[]; values: number[] };

interface Case {
  op: string;
  inputs: Input[];
  options: Record<string, number | boolean | string>;
  exact: boolean;
  out: Encoded;
  grad_fn: string | null;
  grad_out: Encoded | null;
  grads: (Encoded | null)[];
}

const { cases } = JSON.parse(readFileSync(join(__dirname, 'pointwise-extra-torch113.json'), 'utf8')) as {
  cases: Case[];
};

function tensorOf(i: Input): Tensor {
  if (i.kind === 'f') return new Tensor(floats(i), i.shape, 'float32', i.grad);
  if (i.kind === 'i') return new Tensor(Float64Array.from(i.values), i.shape, 'int64');
  return new Tensor(Uint8Array.from(i.values), i.shape, 'bool');
}

function run(c: Case, x: Tensor[]): Tensor {
  const o = c.options;
  switch (c.op) {
    case 'addcmul':
    case 'addcdiv':
      return pw[c.op](x[0], x[1], x[2], o.value as number);
    case 'add':
      return add(x[0], x[1], o.alpha as number);
    case 'sub':
      return sub(x[0], x[1], o.alpha as number);
    case 'hypot':
    case 'logaddexp':
    case 'logaddexp2':
    case 'fmax':
    case 'fmin':
      return pw[c.op](x[0], x[1]);
    case 'xlogy':
      if ('other' in o) return pw.xlogy(x[0], floatScalar(o.other as number));
      if ('self' in o) return pw.xlogy(floatScalar(o.self as number), x[0]);
      return pw.xlogy(x[0], x[1]);
    case 'sinc':
      return pw.sinc(x[0]);
    case 'logit':
      return pw.logit(x[0], (o.eps as number | undefined) ?? null);
    case 'heaviside':
      return pw.heaviside(x[0], x[1]);
    case 'index_add':
      return ixx.index_add(x[0], o.dim as number, x[1], x[2], o.alpha as number);
    case 'index_copy':
      return ixx.index_copy(x[0], o.dim as number, x[1], x[2]);
    case 'take':
      return ixx.take(x[0], x[1]);
    case 'put':
      return ixx.put(x[0], x[1], x[2], o.accumulate as boolean);
    case 'masked_scatter':
      return ixx.masked_scatter(x[0], x[1], x[2]);
    case 'scatter_reduce':
      return scatter_reduce(x[0], 0, x[1], x[2], o.reduce as string, o.include_self as boolean);
    case 'trapezoid':
      return 'dx' in o
        ? stats.trapezoidDx(x[0], o.dx as number, (o.dim as number | undefined) ?? -1)
        : stats.trapezoidX(x[0], x[1]);
    case 'cumulative_trapezoid':
      return 'dx' in o
        ? stats.cumulativeTrapezoidDx(x[0], o.dx as number, (o.dim as number | undefined) ?? -1)
        : stats.cumulativeTrapezoidX(x[0], x[1]);
    case 'cov':
      return stats.cov(x[0], o.correction as number, x[1] ?? null, x[2] ?? null);
    case 'corrcoef':
      return stats.corrcoef(x[0]);
    case 'nanquantile':
      return quantile(
        x[0],
        o.q as number,
        (o.dim as number | undefined) ?? null,
        false,
        ((o.interpolation as string | undefined) ?? 'linear') as Interpolation,
        true,
      );
    case 'einsum':
      return einsum(o.equation as string, x);
  }
  throw new Error(`no op ${c.op}`);
}

/** Equal within float32 rounding of a few steps; NaN where PyTorch has NaN. */
function assertClose(actual: ArrayLike<number>, expected: Float32Array, what: string): void {
  assert.equal(actual.length, expected.length, `${what} length`);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    if (Number.isNaN(e)) {
      assert.ok(Number.isNaN(actual[i]), `${what}[${i}]: ${actual[i]} is not NaN`);
      continue;
    }
    const tol = 4e-6 + 4e-6 * Math.abs(e);
    assert.ok(Math.abs(actual[i] - e) <= tol, `${what}[${i}]: ${actual[i]} != ${e}`);
  }
}

test('the fixture covers every op', () => {
  const ops = new Set(cases.map((c) => c.op));
  for (const op of ['addcmul', 'addcdiv', 'hypot', 'logaddexp', 'logaddexp2', 'xlogy', 'fmax', 'fmin', 'sinc'])
    assert.ok(ops.has(op), op);
  for (const op of ['logit', 'heaviside', 'index_add', 'index_copy', 'take', 'put', 'masked_scatter'])
    assert.ok(ops.has(op), op);
  for (const op of ['scatter_reduce', 'trapezoid', 'cumulative_trapezoid', 'cov', 'corrcoef', 'nanquantile', 'einsum'])
    assert.ok(ops.has(op), op);
});

cases.forEach((c, k) => {
  test(`${c.op} #${k} (${JSON.stringify(c.options)}) equals PyTorch: value, grad_fn, gradients`, () => {
    const x = c.inputs.map(tensorOf);
    const out = run(c, x);
    assert.deepEqual(out.shape, c.out.shape);
    const values = Float32Array.from(out.data);
    if (c.exact) assertSameBits(values, floats(c.out), 'value');
    else assertClose(values, floats(c.out), 'value');
    assert.equal(out.gradFn?.name ?? null, c.grad_fn);
    if (c.grad_out === null) return;
    out.backward(new Tensor(floats(c.grad_out), c.grad_out.shape));
    c.grads.forEach((g, i) => {
      if (g === null) return;
      assert.ok(x[i].grad, `input ${i} has a gradient`);
      assertClose(x[i].grad!.data, floats(g), `grad ${i}`);
    });
  });
});

test('shape and argument errors carry PyTorch 1.13 messages', () => {
  const t = (...shape: number[]) => new Tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)), shape);
  const idx = (...v: number[]) => new Tensor(Float64Array.from(v), [v.length], 'int64');
  assert.throws(
    () => pw.addcmul(t(3), t(4), t(3)),
    /The size of tensor a \(3\) must match the size of tensor b \(4\) at non-singleton dimension 0/,
  );
  assert.throws(
    () => ixx.index_add(t(5, 3), 0, idx(0, 2), t(3, 3)),
    /index_add_\(\): Number of indices \(2\) should be equal to source.size\(dim\): \(3\), for dim: 0/,
  );
  assert.throws(
    () => ixx.index_copy(t(5, 3), 0, idx(0, 7), t(2, 3)),
    /index_copy_\(\): index 7 is out of bounds for dimension 0 with size 5/,
  );
  assert.throws(() => ixx.take(t(5, 3), idx(15)), /out of range: tried to access index 15 on a tensor of 15 elements/);
  assert.throws(
    () => ixx.put(t(5, 3), idx(1, 2), t(1)),
    /put_\(\): Expected source and index to have the same number of elements, but got source.numel\(\) = 1, index.numel\(\) = 2/,
  );
  const mask = new Tensor(new Uint8Array(15).fill(1), [5, 3], 'bool');
  assert.throws(() => ixx.masked_scatter(t(5, 3), mask, t(4)), /Number of elements of source < number of ones in mask/);
  assert.throws(
    () => scatter_reduce(t(2, 3), 0, new Tensor(new Float64Array(3), [1, 3], 'int64'), t(1, 3), 'max'),
    /reduce argument must be either sum, prod, mean, amax or amin\./,
  );
  assert.throws(
    () => stats.cov(t(2, 2, 2)),
    /cov\(\): expected input to have two or fewer dimensions but got an input with 3 dimensions/,
  );
  assert.throws(() => stats.trapezoidX(t(3), t(4)), /trapezoid: There must be one `x` value for each sample point/);
  assert.throws(
    () => stats.cumulativeTrapezoidX(t(3), t(4)),
    /^RuntimeError: cumulative_trapezoid: There must be one `x` value for each sample point$/,
  );
  const ints = new Tensor(Float64Array.from([3]), [1], 'int64');
  assert.throws(() => pw.hypot(ints, ints), /"hypot_cpu" not implemented for 'Long'/);
  assert.throws(
    () => einsum('...ij,jk', [t(2, 3), t(4, 2)]),
    /einsum\(\): subscript j has size 4 for operand 1 which does not broadcast with previously seen size 3/,
  );
});

test('the in-place forms write into the tensor and record the same node', () => {
  const p = new Tensor(Float32Array.from([1, 2, 3]), [3]);
  const m = new Tensor(Float32Array.from([0.5, -1, 2]), [3]);
  const v = new Tensor(Float32Array.from([4, 1, 0.25]), [3]);
  const expected = pw.addcdiv(p, m, v, -0.1).data;
  pw.addcdiv_(p, m, v, -0.1);
  assertSameBits(Float32Array.from(p.data), Float32Array.from(expected), 'addcdiv_');
  const w = new Tensor(Float32Array.from([1, 2, 3]), [3], 'float32', true);
  const y = pw.addcmul(w, m, v, 1);
  pw.addcmul_(y, m, v, 0.5);
  assert.equal(y.gradFn?.name, 'AddcmulBackward0');
});
