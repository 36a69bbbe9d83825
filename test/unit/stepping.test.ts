// Honest stepping, headless: `backprop-lens run FILE --mode train|step|backprop|phases --events OUT` continues
// every pause at once and records it. On the examples and on files written for these tests (not tuned for
// the runtime: test/unit/fixtures/stepping/), each step pauses after forward, loss, backward and update in
// that order with what each phase shows; hand-written updates under no_grad pause as updates; files that
// train several models or optimizers are split into labelled series; every step carries its gradient norms;
// and the update table's columns add up (before - rule amount = after). Uses the built dist/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { PausedEvent, RunEvent, SeriesEvent } from '../../src/protocol';
import { RunState } from '../../src/shared/runState';
import { parseEventsJsonl } from '../webview/events';
import { distDir } from './runtime-helpers';

const root = path.resolve(distDir, '..');
const fixtures = path.join(root, 'test/unit/fixtures/stepping');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-stepping-'));
after(() => fs.rmSync(temp, { recursive: true, force: true }));

function run(file: string, mode: string): { events: RunEvent[]; stdout: string; status: number | null } {
  const out = path.join(temp, `${path.basename(file)}.${mode}.jsonl`);
  const r = spawnSync(process.execPath, [path.join(distDir, 'cli.js'), 'run', file, '--mode', mode, '--events', out], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(r.status, 0, r.stderr);
  return { events: parseEventsJsonl(fs.readFileSync(out, 'utf8')), stdout: r.stdout, status: r.status };
}

const pauses = (events: RunEvent[]) => events.filter((e): e is PausedEvent => e.type === 'paused');
/** The final label of each series (a series is sent again when a later one shows what tells them apart). */
const seriesLabels = (events: RunEvent[]) => {
  const byIndex = new Map<number, SeriesEvent>();
  for (const e of events) if (e.type === 'series') byIndex.set(e.index, e);
  return [...byIndex.values()].sort((a, b) => a.index - b.index).map((s) => [s.firstStep, s.label]);
};

test('--mode phases pauses after forward, loss, backward and update of every step, in order', () => {
  for (const file of ['momentum_regression.py', 'adam_classifier.py', 'abs_loss_by_hand.py']) {
    const { events } = run(path.join(fixtures, file), 'phases');
    const ps = pauses(events);
    const steps = events.find((e) => e.type === 'finished');
    assert.equal(steps?.type, 'finished');
    const n = steps.type === 'finished' ? steps.steps : 0;
    assert.ok(n > 0);
    assert.deepEqual(
      ps.map((p) => `${p.step}:${p.phase}`),
      Array.from({ length: n }, (_, k) => ['forward', 'loss', 'backward', 'update'].map((ph) => `${k}:${ph}`)).flat(),
      file,
    );
    // Every pause is followed by a resume (the CLI continued it).
    assert.equal(events.filter((e) => e.type === 'resumed').length, ps.length);
  }
});

test('the forward pause shows the predictions beside the targets; the loss pause how the loss was computed', () => {
  const { events } = run(path.join(fixtures, 'momentum_regression.py'), 'phases');
  const [forward, loss] = pauses(events);
  assert.equal(forward.phase, 'forward');
  assert.deepEqual(forward.forward?.prediction.shape, [8, 1]);
  assert.equal(forward.forward?.prediction.name, 'out');
  assert.equal(forward.forward?.target?.name, 'yb');
  assert.equal(forward.forward?.target?.values.length, 8);
  assert.equal(loss.phase, 'loss');
  assert.equal(loss.loss?.kind, 'mse');
  assert.equal(loss.loss?.reduction, 'mean');
  assert.equal(loss.loss?.handWritten, false);
  // The loss value is the mean of the squared differences of the values the forward pause showed.
  const pred = forward.forward!.prediction.values;
  const target = forward.forward!.target!.values;
  const mse = pred.reduce((s, v, i) => s + (v - target[i]) ** 2, 0) / pred.length;
  assert.ok(Math.abs(loss.loss!.value - mse) < 1e-5 * mse, `${loss.loss!.value} vs ${mse}`);

  // Written by hand: `(y_pred - y).pow(2).sum()` is a sum of squared differences, `.abs().mean()` a mean of
  // absolute ones; cross_entropy is named as such.
  const manual = pauses(run(path.join(fixtures, 'manual_param_data.py'), 'phases').events).find((p) => p.loss);
  assert.deepEqual([manual?.loss?.kind, manual?.loss?.reduction, manual?.loss?.handWritten], ['mse', 'sum', true]);
  const abs = pauses(run(path.join(fixtures, 'abs_loss_by_hand.py'), 'phases').events).find((p) => p.loss);
  assert.deepEqual([abs?.loss?.kind, abs?.loss?.reduction, abs?.loss?.handWritten], ['l1', 'mean', true]);
  const ce = pauses(run(path.join(fixtures, 'adam_classifier.py'), 'phases').events).find((p) => p.loss);
  assert.deepEqual([ce?.loss?.kind, ce?.loss?.reduction], ['cross_entropy', 'mean']);
});

test('hand-written updates under no_grad (and on .data) pause under Step, one pause per step, with before and after', () => {
  const cases: [string, number, number][] = [
    [path.join(root, 'examples/linear_regression_manual.py'), 300, 18],
    [path.join(fixtures, 'manual_param_data.py'), 5, 17],
    [path.join(fixtures, 'abs_loss_by_hand.py'), 4, 14],
  ];
  for (const [file, steps, line] of cases) {
    const { events, stdout } = run(file, 'step');
    const ps = pauses(events);
    assert.equal(ps.length, steps, file);
    assert.deepEqual(
      ps.map((p) => p.step),
      Array.from({ length: steps }, (_, k) => k),
    );
    for (const p of ps) {
      assert.equal(p.phase, 'update');
      assert.equal(p.update?.rule, 'manual');
      assert.equal(p.pos?.line, line, file);
      assert.ok(p.before && p.before.length === p.params.length);
    }
    // The first update changes the parameters (later ones may change nothing once float32 has converged).
    const first = ps[0];
    assert.ok(
      first.params.some((q, i) => q.value.some((v, k) => v !== first.before![i][k])),
      file,
    );
    // The file's own output is unchanged by the pauses.
    assert.ok(stdout.length > 0);
  }
  // linear_regression_manual.py: w -= lr * w.grad with lr = 0.5, so after - before = -0.5 * grad.
  const first = pauses(run(path.join(root, 'examples/linear_regression_manual.py'), 'step').events)[0];
  first.params.forEach((q, i) => {
    const change = q.value[0] - first.before![i][0];
    assert.ok(Math.abs(change + 0.5 * q.grad![0]) < 1e-6, `${q.name}: ${change} vs ${-0.5 * q.grad![0]}`);
  });
});

test("the update's rule adds up: before - amount = after, for SGD with momentum and weight decay, and Adam", () => {
  const expected: Record<string, string> = { 'momentum_regression.py': 'momentum', 'adam_classifier.py': 'adam' };
  for (const [file, rule] of Object.entries(expected)) {
    const ps = pauses(run(path.join(fixtures, file), 'step').events);
    assert.ok(ps.length > 3);
    for (const p of ps) {
      assert.equal(p.update?.rule, rule);
      p.params.forEach((q, i) => {
        const amounts = p.update!.amounts![i]!;
        for (let k = 0; k < q.value.length; k++) {
          const before = p.before![i][k];
          const err = Math.abs(before - amounts[k] - q.value[k]);
          // float32 rounding of the optimizer's own arithmetic: a few ulps of the values involved.
          const tol = 4e-7 * (Math.abs(before) + Math.abs(amounts[k])) + 1e-12;
          assert.ok(err <= tol, `${file} step ${p.step} ${q.name}[${k}]: ${before} - ${amounts[k]} != ${q.value[k]}`);
        }
      });
    }
  }
  // SGD with momentum: the amount is lr x velocity, where the first velocity is the gradient plus weight decay.
  const first = pauses(run(path.join(fixtures, 'momentum_regression.py'), 'step').events)[0];
  assert.deepEqual(first.update?.hyper, { lr: 0.05, momentum: 0.9, dampening: 0, weight_decay: 0.001 });
  const w = first.params[0];
  const expectAmount = 0.05 * (w.grad![0] + 0.001 * first.before![0][0]);
  assert.ok(Math.abs(first.update!.amounts![0]![0] - expectAmount) < 1e-7);
});

test('files that train several models or optimizers are split into labelled series, parameters the live ones', () => {
  const lr = run(path.join(root, 'examples/learning_rates.py'), 'train').events;
  assert.deepEqual(seriesLabels(lr), [
    [0, 'lr=0.02'],
    [40, 'lr=0.5'],
    [80, 'lr=1.1'],
  ]);
  const act = run(path.join(root, 'examples/linear_vs_nonlinear.py'), 'train').events;
  assert.deepEqual(seriesLabels(act), [
    [0, 'no activation'],
    [800, 'Tanh'],
  ]);
  const opt = run(path.join(fixtures, 'optimizer_switch.py'), 'train').events;
  assert.deepEqual(seriesLabels(opt), [
    [0, 'SGD'],
    [25, 'Adam'],
  ]);
  // local_minimum.py: stepping the second descent shows the second run's w (which starts at 2), not the first's.
  const local = run(path.join(root, 'examples/local_minimum.py'), 'step').events;
  assert.deepEqual(seriesLabels(local), [
    [0, 'w=-2'],
    [150, 'w=2'],
  ]);
  const second = pauses(local).find((p) => p.step === 150);
  assert.equal(second?.series, 1);
  assert.equal(second?.params[0].name, 'w');
  assert.ok(Math.abs(second!.before![0][0] - 2) < 1e-6, `before ${second!.before![0][0]}`);
  // A file that trains one model has one series.
  assert.equal(seriesLabels(run(path.join(fixtures, 'adam_classifier.py'), 'train').events).length, 1);
});

test("every step's gradient norms and update ratios are recorded, and folded per step", () => {
  const { events } = run(path.join(root, 'examples/learning_rates.py'), 'train');
  const state = new RunState(1, 'learning_rates.py', 'train');
  for (const e of events) state.apply(e, 0);
  const grad = state.gradNormViews();
  assert.equal(grad.steps.length, 120);
  assert.deepEqual(Array.from(grad.steps.subarray(0, 3)), [0, 1, 2]);
  assert.deepEqual(Object.keys(grad.norms).sort(), ['bias', 'weight']);
  assert.ok(grad.norms.weight.every((v) => Number.isFinite(v) && v >= 0));
  // Each step's norm is the norm of the gradient a backward pause shows at that step.
  for (const p of pauses(run(path.join(root, 'examples/learning_rates.py'), 'backprop').events)) {
    for (const q of p.params) {
      const norm = Math.hypot(...q.grad!);
      const recorded = grad.norms[q.name][p.step];
      assert.ok(
        Math.abs(recorded - norm) <= 1e-6 * Math.max(1, norm),
        `step ${p.step} ${q.name}: ${recorded} vs ${norm}`,
      );
    }
  }
  const ratios = state.ratioHistoryView();
  assert.equal(ratios.steps.length, 120);
  assert.ok(ratios.ratios.weight.every((v) => Number.isFinite(v) && v >= 0));
  assert.ok(ratios.ratios.weight[0] > 0);
  const snap = state.snapshot();
  assert.equal(snap.series?.length, 3);
  assert.equal(RunState.fromSnapshot(snap).ratioHistoryView().steps.length, 120);
});

test('a hand-written update long after its backward still has its update ratios at its own step', () => {
  // The steps used to go out at backward when no optimizer stepped: a step sent before its update lost its ratios.
  const { events } = run(path.join(fixtures, 'slow_manual_updates.py'), 'train');
  const state = new RunState(1, 'slow_manual_updates.py', 'train');
  for (const e of events) state.apply(e, 0);
  const ratios = state.ratioHistoryView();
  assert.equal(ratios.steps.length, 5);
  for (const name of ['weight', 'bias'])
    assert.ok(
      ratios.ratios[name].every((v) => Number.isFinite(v) && v > 0),
      `${name}: ${Array.from(ratios.ratios[name])}`,
    );
});

test('bad --mode values are usage errors', () => {
  const r = spawnSync(process.execPath, [path.join(distDir, 'cli.js'), 'run', 'x.py', '--mode', 'fast'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--mode needs one of train, step, backprop, phases/);
});
