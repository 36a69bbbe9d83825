// The examples that show the study notes' ideas, run through the CLI: each prints the numbers that make its
// point, and these tests check the point from what was printed. Also: the New Example quick pick offers them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { numbersAfter, root, runThroughCli } from './extension-cliRun';

test('linear_vs_nonlinear.py: without an activation MSE stays at 0.25 on XOR, with Tanh it goes far below', () => {
  const run = runThroughCli('examples/linear_vs_nonlinear.py');
  const [linear, nonlinear] = numbersAfter(run.printed, 'final MSE');
  assert.ok(Math.abs(linear - 0.25) < 1e-3, `linear model's MSE ${linear}: the best plane predicts 0.5 everywhere`);
  assert.ok(nonlinear < 0.01, `Tanh model's MSE ${nonlinear}`);
  assert.ok(nonlinear < linear);
  // The printed final loss of the Tanh model is the last loss the panel receives.
  assert.ok(Math.abs(run.losses[run.losses.length - 1] - nonlinear) < 1e-4);
});

test('local_minimum.py: gradient descent from two starts ends in two different minima of w^4 - 3w^2 + w', () => {
  const run = runThroughCli('examples/local_minimum.py');
  const ends = numbersAfter(run.printed, 'ends at w =');
  const values = numbersAfter(run.printed, 'f(w) =');
  assert.equal(ends.length, 2);
  const f = (w: number) => w ** 4 - 3 * w ** 2 + w;
  for (const [i, w] of ends.entries()) {
    assert.ok(Math.abs(4 * w ** 3 - 6 * w + 1) < 1e-2, `f'(${w}) is 0 at a minimum`);
    assert.ok(12 * w ** 2 - 6 > 0, `f''(${w}) > 0: a minimum, not a maximum`);
    assert.ok(Math.abs(f(w) - values[i]) < 1e-3);
  }
  assert.ok(ends[0] < 0 && ends[1] > 0, 'one start ends in each valley');
  assert.ok(values[0] < values[1] - 1, 'the right start is stuck in the shallower (local) minimum');
});

test('learning_rate_decay.py: only the large-then-decayed rate reaches the bottom of the valley', () => {
  const run = runThroughCli('examples/learning_rate_decay.py');
  const [small, large, decayed] = numbersAfter(run.printed, 'w =');
  const slope = (w: number) => 4 * w ** 3 - 6 * w + 1;
  assert.ok(Math.abs(slope(decayed)) < 1e-2, `decayed run at a minimum (w = ${decayed})`);
  assert.ok(Math.abs(slope(small)) > 0.5, 'too small a rate is still on the slope');
  assert.ok(Math.abs(slope(large)) > 0.5, 'too large a rate jumps across the valley');
});

test('the New Example quick pick offers every example in examples/ and each file exists', () => {
  const source = fs.readFileSync(path.join(root, 'src/extension/examples.ts'), 'utf8');
  const offered = [...source.matchAll(/file: '([^']+\.py)'/g)].map((m) => m[1]);
  for (const f of ['linear_vs_nonlinear.py', 'local_minimum.py', 'learning_rate_decay.py'])
    assert.ok(offered.includes(f), f);
  for (const f of offered) assert.ok(fs.existsSync(path.join(root, 'examples', f)), f);
  const shipped = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.py'));
  assert.deepEqual([...offered].sort(), [...shipped].sort());
});
