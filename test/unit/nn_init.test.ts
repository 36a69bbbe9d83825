// nn.init and Linear's default initialisation against real PyTorch 1.13 (test/reference/golden/rng.json): after
// manual_seed(seed), nn.Linear(4, 6) and Sequential(Linear(2, 16), ReLU(), Linear(16, 1)) must hold the
// very numbers PyTorch drew. Plus the fan/gain arithmetic of torch.nn.init.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Tensor } from '../../src/engine/tensor';
import { manual_seed } from '../../src/engine/random';
import * as init from '../../src/engine/init';
import { Linear } from '../../src/engine/nn/linear';
import { Sequential } from '../../src/engine/nn/containers';
import { ReLU } from '../../src/engine/nn/activation';
import { goldenDir } from '../reference/paths';

interface GT {
  shape: number[];
  data: number[];
}
interface RngCase {
  seed: number;
  linear_4_6: { weight: GT; bias: GT };
  sequential_2_16_1: GT[];
}
const rngCases = (JSON.parse(fs.readFileSync(path.join(goldenDir, 'rng.json'), 'utf8')) as { cases: RngCase[] }).cases;

function assertExact(actual: Tensor, expected: GT, what: string): void {
  assert.deepEqual(actual.shape, expected.shape, `${what} shape`);
  for (let i = 0; i < expected.data.length; i++) {
    assert.equal(actual.data[i], Math.fround(expected.data[i]), `${what}[${i}]`);
  }
}

test('golden rng.json has cases', () => {
  assert.ok(rngCases.length >= 2);
});

for (const c of rngCases) {
  test(`Linear(4, 6) default init after manual_seed(${c.seed}) equals PyTorch`, () => {
    manual_seed(c.seed);
    const lin = new Linear(4, 6);
    assertExact(lin.weight, c.linear_4_6.weight, 'weight');
    assertExact(lin.bias!, c.linear_4_6.bias, 'bias');
  });

  test(`Sequential(Linear(2, 16), ReLU(), Linear(16, 1)) after manual_seed(${c.seed}) equals PyTorch`, () => {
    manual_seed(c.seed);
    const seq = new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 1));
    const params = [...seq.parameters()];
    assert.equal(params.length, c.sequential_2_16_1.length);
    params.forEach((p, i) => assertExact(p, c.sequential_2_16_1[i], `param ${i}`));
  });
}

test('Linear without bias registers bias as None and draws only the weight', () => {
  manual_seed(0);
  const lin = new Linear(4, 6, false);
  assert.equal(lin.bias, null);
  assert.deepEqual(
    [...lin.named_parameters()].map(([n]) => n),
    ['weight'],
  );
  assertExact(lin.weight, rngCases.find((c) => c.seed === 0)!.linear_4_6.weight, 'weight');
  assert.equal(lin.extraRepr(), 'in_features=4, out_features=6, bias=False');
});

test('calculate_fan_in_and_fan_out and calculate_gain follow torch.nn.init', () => {
  const t = new Tensor(new Float32Array(6 * 3 * 2 * 2), [6, 3, 2, 2]);
  assert.deepEqual(init.calculate_fan_in_and_fan_out(t), [12, 24]);
  assert.throws(
    () => init.calculate_fan_in_and_fan_out(new Tensor(new Float32Array(3), [3])),
    /fewer than 2 dimensions/,
  );
  assert.equal(init.calculate_gain('relu'), Math.SQRT2);
  assert.equal(init.calculate_gain('tanh'), 5 / 3);
  assert.equal(init.calculate_gain('sigmoid'), 1);
  assert.equal(init.calculate_gain('selu'), 0.75);
  assert.equal(init.calculate_gain('leaky_relu'), Math.sqrt(2 / (1 + 0.01 ** 2)));
  assert.equal(init.calculate_gain('leaky_relu', Math.sqrt(5)), Math.sqrt(2 / 6));
  assert.throws(() => init.calculate_gain('softmax'), /Unsupported nonlinearity softmax/);
});

test('initialisers fill within their bounds, work on parameters requiring grad, and check their mode', () => {
  const w = new Linear(50, 40).weight;
  init.xavier_uniform_(w);
  const a = Math.sqrt(3) * Math.sqrt(2 / 90);
  assert.ok(Array.from(w.data).every((v) => Math.abs(v) <= a));
  init.kaiming_uniform_(w, 0, 'fan_out', 'relu');
  const b = Math.sqrt(3) * (Math.SQRT2 / Math.sqrt(40));
  assert.ok(Array.from(w.data).every((v) => Math.abs(v) <= b));
  init.kaiming_normal_(w, 0, 'fan_in', 'relu');
  const mean = Array.from(w.data).reduce((s, v) => s + v, 0) / w.data.length;
  const std = Math.sqrt(Array.from(w.data).reduce((s, v) => s + (v - mean) ** 2, 0) / w.data.length);
  assert.ok(Math.abs(std - Math.SQRT2 / Math.sqrt(50)) < 0.02, `std ${std}`);
  init.constant_(w, 0.25);
  assert.ok(Array.from(w.data).every((v) => v === 0.25));
  init.zeros_(w);
  assert.ok(Array.from(w.data).every((v) => v === 0));
  init.ones_(w);
  assert.ok(Array.from(w.data).every((v) => v === 1));
  assert.throws(() => init.kaiming_uniform_(w, 0, 'fan_avg' as 'fan_in'), /Mode fan_avg not supported/);
  assert.equal(w.requiresGrad, true);
});

test('init draws the same numbers as Tensor.uniform_/normal_ from the seeded generator', () => {
  manual_seed(42);
  const t = new Tensor(new Float32Array(8), [2, 4]);
  init.normal_(t, 0, 1);
  const first = Array.from(t.data);
  manual_seed(42);
  init.normal_(t, 0, 1);
  assert.deepEqual(Array.from(t.data), first);
});
