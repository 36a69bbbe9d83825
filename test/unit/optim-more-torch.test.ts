// The optimizers beyond the first five, bit for bit against real PyTorch 1.13: every case of
// optim-more-torch113.json (written by optim-more-fixture.py) replays the same fixed gradients through the
// engine's optimizer and compares the parameters after each step exactly; LBFGS cases (with and without
// the strong Wolfe line search) run a closure whose gradient is computed with the fixture's float32 operations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tensor } from '../../src/engine/tensor';
import { Parameter } from '../../src/engine/nn/parameter';
import { Adadelta, Adamax, NAdam, RAdam, Rprop, ASGD, LBFGS } from '../../src/engine/optim';

interface FixtureCase {
  optimizer: keyof typeof OPTIMIZERS;
  options: Record<string, unknown>;
  param: number[];
  grads: number[][];
  after: number[][];
}

interface LbfgsCase {
  closure: 'quadratic' | 'quartic';
  options: Record<string, unknown>;
  param: number[];
  b: number[];
  c: number[];
  after: number[][];
  evals: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture: { torch: string; cases: FixtureCase[]; lbfgs: LbfgsCase[] } = JSON.parse(
  fs.readFileSync(path.join(here, 'optim-more-torch113.json'), 'utf8'),
);

const OPTIMIZERS = { Adadelta, Adamax, NAdam, RAdam, Rprop, ASGD } as const;

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
  assert.ok(fixture.lbfgs.length > 0);
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

for (const c of fixture.lbfgs) {
  const n = c.param.length;
  test(`LBFGS(${JSON.stringify(c.options)}) with a closure on ${n} elements matches PyTorch 1.13 bit for bit`, () => {
    const p = new Parameter(new Tensor(Float32Array.from(c.param), [n]));
    const b = Float32Array.from(c.b);
    const k = Float32Array.from(c.c);
    const opt = new LBFGS([p], c.options);
    let evals = 0;
    const closure = (): number => {
      evals++;
      const w = p.data as Float32Array;
      const grad = new Float32Array(n);
      let loss = 0;
      const f = Math.fround;
      for (let i = 0; i < n; i++) {
        const diff = f(w[i] - b[i]);
        if (c.closure === 'quadratic') {
          grad[i] = diff * k[i];
          loss += f(f(diff * diff) * k[i]);
        } else {
          const cube = f(f(w[i] * w[i]) * w[i]);
          grad[i] = f(diff * k[i]) + cube;
          loss += f(f(f(f(diff * diff) * k[i]) * 0.5) + f(f(cube * w[i]) * 0.25));
        }
      }
      p.grad = new Tensor(grad, [n]);
      return loss;
    };
    c.after.forEach((expected, step) => {
      opt.step(closure);
      const diff = firstDifference(p.data as Float32Array, expected);
      assert.equal(diff, null, `after step ${step + 1}: ${diff}`);
    });
    assert.equal(evals, c.evals, 'closure evaluations');
  });
}
