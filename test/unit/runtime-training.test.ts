// The runtime on real training scripts (test/reference/scripts, whose .expected.txt is what PyTorch 1.13
// printed): Step / Backprop pauses with the right phase, line and data, changing mode on continue,
// pausing and stopping on request, the event stream of a short run, and the NaN warning. Uses the built
// dist/ through the Runner: run `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { RunEvent, RunMode } from '../../src/protocol';
import type { RunOptions } from '../../src/python/runner';
import { ofType, runCollecting, warmRunner } from './runtime-helpers';
import { bundledScriptsDir as scriptsDir } from '../reference/paths';

const script = (name: string) => path.join(scriptsDir, name);
const expected = (name: string) => fs.readFileSync(script(name.replace(/\.py$/, '.expected.txt')), 'utf8');

type Paused = Extract<RunEvent, { type: 'paused' }>;
const shared = warmRunner();

/**
 * Runs a file; `onPause` decides what to do at each pause (continue in a mode, or stop). Returns all
 * events of the run.
 */
async function drive(
  options: RunOptions,
  onPause: (p: Paused, n: number) => RunMode | 'stop' = () => 'train',
): Promise<RunEvent[]> {
  const { runner } = shared;
  let pauses = 0;
  return runCollecting(runner, options, (e) => {
    if (e.type === 'paused') {
      const next = onPause(e, pauses++);
      setImmediate(() => (next === 'stop' ? runner.stop() : runner.continue(next)));
    }
  });
}

const stdout = (events: RunEvent[]) =>
  ofType(events, 'output')
    .map((e) => e.text)
    .join('');

/** Every loss of the run, from the batched `steps` events (checked to be contiguous). */
function allLosses(events: RunEvent[]): { losses: number[]; lrs: number[][] } {
  const losses: number[] = [];
  const lrs: number[][] = [];
  for (const e of ofType(events, 'steps')) {
    assert.equal(e.firstStep, losses.length, 'steps batches are contiguous');
    e.lrs.forEach((series, k) => {
      lrs[k] ??= [];
      lrs[k].length = losses.length;
      lrs[k].push(...series);
    });
    losses.push(...e.losses);
  }
  return { losses, lrs };
}

/** The numbers on the printed lines PyTorch wrote, e.g. `epoch 500: loss 0.010564` -> [500, 0.010564]. */
function numbersOf(line: string): number[] {
  return (line.match(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g) ?? []).map(Number);
}

function assertNear(actual: number, want: number, printedDecimals: number, what: string): void {
  assert.ok(Math.abs(actual - want) <= 1.0001 * 10 ** -printedDecimals, `${what}: ${actual} vs PyTorch's ${want}`);
}

test('Step mode pauses after optimizer.step() with the values before and after the update', async () => {
  const pauses: Paused[] = [];
  const events = await drive({ file: script('xor_mlp.py'), mode: 'step' }, (p, n) => {
    pauses.push(p);
    return n < 1 ? 'step' : 'train';
  });
  assert.equal(pauses.length, 2);
  const [first, second] = pauses;
  assert.equal(first.phase, 'update');
  assert.equal(first.step, 0);
  assert.deepEqual(first.pos, { file: script('xor_mlp.py'), line: 17, column: 5 }); // optimizer.step()
  assert.deepEqual(first.lrs, [0.5]);
  assert.deepEqual(
    first.params.map((p) => [p.name, p.shape]),
    [
      ['0.weight', [4, 2]],
      ['0.bias', [4]],
      ['2.weight', [1, 4]],
      ['2.bias', [1]],
    ],
  );
  // SGD without momentum: after = before - lr * grad, for every element.
  assert.ok(first.before);
  first.params.forEach((p, i) => {
    assert.ok(p.grad);
    for (let j = 0; j < p.value.length; j++) {
      const want = first.before![i][j] - 0.5 * p.grad![j];
      assert.ok(Math.abs(p.value[j] - want) <= 1e-6, `${p.name}[${j}]`);
    }
  });
  assert.equal(second.step, 1);
  assert.equal(second.phase, 'update');
  // The second update starts from where the first ended.
  second.before!.forEach((b, i) => assert.deepEqual(Array.from(b), Array.from(first.params[i].value)));
  assert.equal(ofType(events, 'resumed').length, 2);
  // Then it trains to the end: same output and losses as PyTorch.
  const fin = ofType(events, 'finished')[0];
  assert.equal(fin.status, 'finished');
  assert.equal(fin.steps, 2000);
  const { losses, lrs } = allLosses(events);
  assert.equal(losses.length, 2000);
  assert.ok(lrs[0].every((lr) => lr === 0.5));
  for (const line of expected('xor_mlp.py')
    .split('\n')
    .filter((l) => l.startsWith('epoch'))) {
    const [epoch, loss] = numbersOf(line);
    assertNear(losses[epoch], loss, 6, `loss at epoch ${epoch}`);
  }
  assert.ok(stdout(events).startsWith('epoch 0: loss 0.253'));
});

test('Backprop mode pauses after loss.backward() with gradients; the mode can change on continue', async () => {
  const pauses: Paused[] = [];
  const events = await drive({ file: script('xor_mlp.py'), mode: 'backprop' }, (p, n) => {
    pauses.push(p);
    return n === 0 ? 'step' : n === 1 ? 'backprop' : 'stop';
  });
  assert.deepEqual(
    pauses.map((p) => [p.phase, p.step, p.pos?.line]),
    [
      ['backward', 0, 16], // loss.backward()
      ['update', 0, 17], // optimizer.step() of the same step
      ['backward', 1, 16],
    ],
  );
  const [back0, update0, back1] = pauses;
  // After backward nothing has moved yet: the values are those the update then starts from.
  back0.params.forEach((p, i) => {
    assert.ok(p.grad && p.grad.some((g) => g !== 0), `${p.name} has a gradient`);
    assert.deepEqual(Array.from(update0.before![i]), Array.from(p.value));
    assert.deepEqual(Array.from(update0.params[i].grad!), Array.from(p.grad));
  });
  assert.equal(back0.before, null);
  back1.params.forEach((p, i) => assert.deepEqual(Array.from(p.value), Array.from(update0.params[i].value)));
  const fin = ofType(events, 'finished')[0];
  assert.equal(fin.status, 'stopped');
  assert.equal(ofType(events, 'error').length, 0);
  // The loss of step 0 was recorded before the first pause, and matches PyTorch's printed epoch 0.
  const { losses } = allLosses(events);
  assertNear(losses[0], numbersOf(expected('xor_mlp.py').split('\n')[0])[1], 6, 'loss at step 0');
});

test('plain tensors trained by hand are shown under their variable names', async () => {
  const pauses: Paused[] = [];
  const events = await drive({ file: script('manual_gradient_descent.py'), mode: 'backprop' }, (p, n) => {
    pauses.push(p);
    return n === 0 ? 'train' : 'stop';
  });
  assert.equal(pauses.length, 1);
  const [p] = pauses;
  assert.deepEqual(p.params.map((x) => [x.name, x.shape]).sort(), [
    ['b', [1]],
    ['w', [1]],
  ]);
  assert.deepEqual(p.pos, { file: script('manual_gradient_descent.py'), line: 14, column: 5 });
  // Before the first update both are zero, and the gradients are set.
  for (const x of p.params) {
    assert.deepEqual(Array.from(x.value), [0]);
    assert.ok(x.grad && x.grad[0] !== 0);
  }
  const model = ofType(events, 'model')[0];
  assert.deepEqual(model.modules[0].params.map((x) => x.name).sort(), ['b', 'w']);
  const { losses } = allLosses(events);
  assert.equal(losses.length, 100);
  for (const line of expected('manual_gradient_descent.py')
    .split('\n')
    .filter((l) => /^\d+ /.test(l))) {
    const [step, loss] = numbersOf(line);
    assert.ok(Math.abs(losses[step] - loss) <= 1e-4 * Math.abs(loss) + 1.0001e-5, `loss at ${step}`);
  }
  assert.equal(ofType(events, 'finished')[0].status, 'finished');
});

test('the event stream of a short run: model, every loss with its lr, params and the end', async () => {
  const events = await drive({ file: script('learning_rates.py'), updatesPerSecond: 1000 });
  assert.equal(events[0].type, 'started');
  assert.equal(events[events.length - 1].type, 'finished');
  // Three models, one per learning rate, each an nn.Linear(1, 1).
  const models = ofType(events, 'model');
  assert.equal(models.length, 3);
  for (const m of models) {
    assert.equal(m.modules[0].type, 'Linear');
    assert.equal(m.modules[0].extra, 'in_features=1, out_features=1, bias=True');
    assert.deepEqual(
      m.modules[0].params.map((p) => p.name),
      ['weight', 'bias'],
    );
  }
  const { losses, lrs } = allLosses(events);
  assert.equal(losses.length, 90);
  assert.deepEqual(lrs.length, 1);
  const printed = expected('learning_rates.py').trim().split('\n');
  [0.01, 0.3, 1.2].forEach((lr, k) => {
    const mine = losses.slice(30 * k, 30 * k + 30);
    assert.ok(
      lrs[0].slice(30 * k, 30 * k + 30).every((x) => Math.abs(x - lr) < 1e-7),
      `lr ${lr}`,
    );
    const [first, last] = numbersOf(printed[k].replace(/^lr=[\d.]+/, 'lr'));
    assertNear(mine[0], first, 4, `first loss at lr=${lr}`);
    assert.ok(
      Math.abs(mine[29] - last) <= 1e-3 * Math.abs(last) + 1e-4,
      `last loss at lr=${lr}: ${mine[29]} vs ${last}`,
    );
  });
  // Parameters come as copies, with gradients, at the end of steps; the last one is the final state.
  const params = ofType(events, 'params');
  assert.ok(params.length >= 2);
  const last = params[params.length - 1];
  assert.equal(last.step, 89);
  assert.equal(last.phase, 'update');
  assert.ok(last.params.every((p) => p.value instanceof Float32Array && p.grad instanceof Float32Array));
  const fin = ofType(events, 'finished')[0];
  assert.deepEqual([fin.status, fin.steps], ['finished', 90]);
  assert.deepEqual(
    stdout(events)
      .split('\n')
      .map((l) => l.split(':')[0]),
    ['lr=0.01', 'lr=0.3', 'lr=1.2', ''],
  );
});

test('pause() during training stops at the next phase boundary, and the run can go on', async () => {
  const { runner } = shared;
  let requested = false;
  const events = await runCollecting(runner, { file: script('xor_mlp.py') }, (e) => {
    if (e.type === 'steps' && !requested) {
      requested = true;
      runner.pause();
    }
    if (e.type === 'paused') setImmediate(() => runner.continue('train'));
  });
  const pauses = ofType(events, 'paused');
  assert.equal(pauses.length, 1);
  assert.ok(pauses[0].phase === 'backward' || pauses[0].phase === 'update');
  assert.ok(pauses[0].step > 0 && pauses[0].step < 2000);
  assert.equal(ofType(events, 'finished')[0].status, 'finished');
  assert.equal(ofType(events, 'finished')[0].steps, 2000);
});

test('a NaN loss warns that the learning rate is likely too high, and pauses with pauseOnNaN', async () => {
  const source = [
    'import torch',
    'import torch.nn as nn',
    'torch.manual_seed(0)',
    'X = torch.linspace(-2, 2, 16).unsqueeze(1)',
    'y = 0.5 * X + 1.0',
    'model = nn.Linear(1, 1)',
    'opt = torch.optim.SGD(model.parameters(), lr=50.0)',
    'for step in range(200):',
    '    loss = nn.functional.mse_loss(model(X), y)',
    '    opt.zero_grad()',
    '    loss.backward()',
    '    opt.step()',
    'print("done")',
    '',
  ].join('\n');
  const pauses: Paused[] = [];
  const events = await drive({ file: 'diverge.py', source, pauseOnNaN: true }, (p) => {
    pauses.push(p);
    return 'stop';
  });
  const warnings = ofType(events, 'warning');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0].message, /learning rate is likely too high/);
  assert.deepEqual(warnings[0].pos, { file: 'diverge.py', line: 11, column: 5 });
  assert.equal(pauses.length, 1);
  assert.equal(pauses[0].phase, 'backward');
  const { losses } = allLosses(events);
  const bad = pauses[0].step;
  assert.equal(losses.length, bad + 1);
  assert.ok(!Number.isFinite(losses[bad]) && losses.slice(0, bad).every(Number.isFinite));
  assert.match(warnings[0].message, new RegExp(`at step ${bad}:`));
  assert.equal(ofType(events, 'finished')[0].status, 'stopped');
  assert.equal(stdout(events), '');
});

test('an engine error is a Python exception at the user line, without shim frames', async () => {
  const source =
    'import torch\nimport torch.nn as nn\nlayer = nn.Linear(3, 1)\n\ndef predict(x):\n    return layer(x)\n\npredict(torch.ones(2, 2))\n';
  const events = await drive({ file: 'shapes.py', source });
  const [err] = ofType(events, 'error');
  assert.equal(err.kind, 'RuntimeError');
  assert.match(err.message, /mat1 and mat2 shapes cannot be multiplied \(2x2 and 3x1\)/);
  assert.deepEqual(err.pos?.line, 6);
  const files = [...err.traceback.matchAll(/File "([^"]+)", line (\d+)/g)].map((m) => `${m[1]}:${m[2]}`);
  assert.deepEqual(files, ['shapes.py:8', 'shapes.py:6']);
  assert.equal(ofType(events, 'finished')[0].status, 'failed');
});

test('stop while paused ends the run at once, by a KeyboardInterrupt at the pause (its finally block runs)', async () => {
  // Not by the kill that follows a stop the run does not answer: a terminated worker runs no finally block.
  const source = [
    'import torch',
    'model = torch.nn.Linear(2, 1)',
    'optimizer = torch.optim.SGD(model.parameters(), lr=0.1)',
    'x, y = torch.ones(4, 2), torch.zeros(4, 1)',
    'try:',
    '    for step in range(100):',
    '        loss = ((model(x) - y) ** 2).mean()',
    '        optimizer.zero_grad()',
    '        loss.backward()',
    '        optimizer.step()',
    'finally:',
    '    print("cleaned up after step", step)',
    '',
  ].join('\n');
  const events = await drive({ file: 'stop_paused.py', source, mode: 'step' }, () => 'stop');
  assert.equal(ofType(events, 'finished')[0].status, 'stopped');
  assert.equal(ofType(events, 'paused').length, 1);
  assert.equal(stdout(events), 'cleaned up after step 0\n');
});
