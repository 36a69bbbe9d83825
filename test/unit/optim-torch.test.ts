// Optimizer updates bit for bit against real PyTorch 1.13 (CPU, AVX2 kernels, which fuse add-with-alpha and
// addcmul into one FMA): every case of optim-torch113.json (written by optim-fixture.py) replays the same
// fixed gradients through the engine's optimizer and compares the parameters after each step exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tensor } from '../../src/engine/tensor';
import { Parameter } from '../../src/engine/nn/parameter';
import { SGD, Adam, AdamW, RMSprop, Adagrad } from '../../src/engine/optim';

interface FixtureCase {
  optimizer: 'SGD' | 'Adam' | 'AdamW' | 'RMSprop' | 'Adagrad';
  options: Record<string, unknown>;
  param: number[];
  grads: number[][];
  after: number[][];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture: { torch: string; cases: FixtureCase[] } = JSON.parse(
  fs.readFileSync(path.join(here, 'optim-torch113.json'), 'utf8'),
);

const OPTIMIZERS = { SGD, Adam, AdamW, RMSprop, Adagrad } as const;

/** Index and values of the first element whose float32 bits differ, or null when all are identical. */
function firstDifference(actual: Float32Array, expected: number[]): string | null {
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], Math.fround(expected[i]))) return `[${i}] engine ${actual[i]} != torch ${expected[i]}`;
  }
  return null;
}

test('the fixture comes from PyTorch 1.13 and covers every optimizer', () => {
  assert.match(fixture.torch, /^1\.13/);
  assert.deepEqual(new Set(fixture.cases.map((c) => c.optimizer)), new Set(Object.keys(OPTIMIZERS)));
});

for (const c of fixture.cases) {
  const n = c.param.length;
  test(`${c.optimizer}(${JSON.stringify(c.options)}) on ${n} elements matches PyTorch 1.13 bit for bit`, () => {
    const p = new Parameter(new Tensor(Float32Array.from(c.param), [n]));
    const Ctor = OPTIMIZERS[c.optimizer] as unknown as new (params: Tensor[], options: object) => { step(): unknown };
    const opt = new Ctor([p], c.options);
    c.grads.forEach((g, step) => {
      p.grad = new Tensor(Float32Array.from(g), [n]);
      opt.step();
      const diff = firstDifference(p.data as Float32Array, c.after[step]);
      assert.equal(diff, null, `after step ${step + 1}: ${diff}`);
    });
  });
}
