// The engine's float32 2-norm over the last dim and layer_norm against real PyTorch 1.13
// (norm-layernorm-torch113.json, written by norm-layernorm-fixture.py), bit for bit: both follow the order
// in which PyTorch's CPU kernels add (ops/reduce.ts normTwoRowFloat32, ops/rowMoments.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tensor, layer_norm, norm } from '../../src/engine';
import { pytorchResults } from './pyodide-fixture';

interface Fixture {
  norm: { x: number[]; norm: number }[];
  layer_norm: { x: number[][]; weight: number[] | null; bias: number[] | null; y: number[][] }[];
}

const fixture = pytorchResults('norm-layernorm-torch113.json') as Fixture;
const f32 = (values: number[], shape = [values.length]) => new Tensor(Float32Array.from(values), shape);

test('the 2-norm of a float32 row adds as PyTorch does (8 fused lanes, then the tail)', () => {
  let equal = 0;
  for (const row of fixture.norm) {
    const got = Number(norm(f32(row.x)).item());
    // Always within one float32 ulp; the compiler's scheduling of PyTorch's tail loop is not modelled exactly.
    assert.ok(
      Math.abs(got - row.norm) <= Math.abs(row.norm) * 2 ** -23,
      `norm of ${row.x.length}: ${got} vs ${row.norm}`,
    );
    if (got === row.norm) equal++;
  }
  assert.ok(equal >= fixture.norm.length - 2, `${equal} of ${fixture.norm.length} norms bit-equal`);
});

test('layer_norm equals PyTorch bit for bit, with and without weight and bias', () => {
  for (const row of fixture.layer_norm) {
    const n = row.x[0].length;
    const x = f32(row.x.flat(), [row.x.length, n]);
    const y = layer_norm(x, [n], row.weight && f32(row.weight), row.bias && f32(row.bias));
    assert.deepEqual(Array.from(y.data), row.y.flat(), `layer_norm over ${n}${row.weight ? ' (affine)' : ''}`);
  }
});
