// Folding stepping's events into the RunState (series, every step's gradient norms and update ratios) and
// the words the panel uses for a phase pause (loss computations, rules, 2-D element names, digits).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LossDetail, PausedEvent, RunEvent, SeriesEvent } from '../../src/protocol';
import { RunState } from '../../src/shared/runState';
import {
  elementName,
  formatChange,
  formatPrecise,
  impliedRate,
  lossHow,
  ruleFormula,
} from '../../src/shared/phaseText';
import { VIEW_STRINGS } from '../../src/shared/strings';

const series = (index: number, firstStep: number, label: string): SeriesEvent => ({
  type: 'series',
  runId: 3,
  index,
  firstStep,
  label,
  model: 'Linear',
  optimizer: 'SGD',
});

test('series are folded in order; one sent again with a better label replaces its entry', () => {
  const r = new RunState(3, 'lr.py', 'train');
  r.apply({ type: 'started', runId: 3, file: 'lr.py', mode: 'train' }, 0);
  r.apply(series(0, 0, 'run 1'), 0);
  r.apply(series(1, 40, 'run 2'), 0);
  r.apply(series(0, 0, 'lr=0.02'), 0);
  r.apply(series(1, 40, 'lr=0.5'), 0);
  r.apply({ ...series(5, 80, 'other run'), runId: 4 }, 0); // another run's: ignored
  assert.deepEqual(
    r.series.map((s) => [s.index, s.firstStep, s.label]),
    [
      [0, 0, 'lr=0.02'],
      [1, 40, 'lr=0.5'],
    ],
  );
  assert.deepEqual(RunState.fromSnapshot(r.snapshot()).series, r.series);
});

test("steps carrying every step's gradient norms and ratios are folded per step, not from snapshots", () => {
  const r = new RunState(3, 'f.py', 'train');
  const steps = (firstStep: number, n: number): RunEvent => ({
    type: 'steps',
    runId: 3,
    firstStep,
    losses: new Float32Array(n).fill(1),
    lrs: [new Float32Array(n).fill(0.1)],
    gradNorms: {
      names: ['w', 'b'],
      norms: [Float32Array.from({ length: n }, (_, i) => firstStep + i), new Float32Array(n).fill(2)],
    },
    updateRatios: {
      names: ['w', 'b'],
      ratios: [Float32Array.from({ length: n }, (_, i) => (firstStep + i) / 100), new Float32Array(n).fill(NaN)],
    },
  });
  r.apply(steps(0, 3), 0);
  // A parameter snapshot with gradients adds no sample of its own now.
  r.apply(
    {
      type: 'params',
      runId: 3,
      step: 2,
      phase: 'update',
      params: [{ name: 'w', shape: [1], value: Float32Array.of(5), grad: Float32Array.of(99) }],
    },
    0,
  );
  r.apply(steps(3, 2), 0);
  const g = r.gradNormViews();
  assert.deepEqual(Array.from(g.steps), [0, 1, 2, 3, 4]);
  assert.deepEqual(Array.from(g.norms.w), [0, 1, 2, 3, 4]);
  assert.deepEqual(Array.from(g.norms.b), [2, 2, 2, 2, 2]);
  const ratios = r.ratioHistoryView();
  assert.deepEqual(Array.from(ratios.steps), [0, 1, 2, 3, 4]);
  assert.equal(r.updateRatios.w, Math.fround(0.04));
  assert.equal(r.updateRatios.b, undefined); // no step updated b
  const again = RunState.fromSnapshot(r.snapshot());
  assert.deepEqual(Array.from(again.ratioHistoryView().ratios.w), Array.from(ratios.ratios.w));
});

test('a loss reads as how it was computed', () => {
  const s = { ...VIEW_STRINGS };
  const loss = (kind: LossDetail['kind'], reduction: LossDetail['reduction'], handWritten = false): LossDetail => ({
    value: 1,
    kind,
    reduction,
    handWritten,
    ops: ['MeanBackward0', 'ExpBackward0'],
  });
  assert.equal(lossHow(s, loss('mse', 'mean')), 'mean of squared differences');
  assert.equal(lossHow(s, loss('mse', 'sum', true)), 'sum of squared differences (written by hand)');
  assert.equal(lossHow(s, loss('bce', 'mean')), 'mean of binary cross-entropies of probabilities');
  assert.equal(lossHow(s, loss('graph', 'mean', true)), 'computed by your code: MeanBackward0 ← ExpBackward0');
});

test('element names are 2-D indices; values keep the digits a small update needs', () => {
  assert.equal(elementName('weight', [4, 2], 5), 'weight[2, 1]');
  assert.equal(elementName('bias', [4], 3), 'bias[3]');
  assert.equal(elementName('k', [2, 3, 4], 23), 'k[1, 2, 3]');
  assert.equal(elementName('w', [], 0), 'w');
  // 0.5 and 0.5 + 1e-5 differ in the panel (4 significant digits would show both as 0.5).
  assert.notEqual(formatPrecise(Math.fround(0.5)), formatPrecise(Math.fround(0.50001)));
  assert.equal(formatPrecise(Math.fround(0.1)), '0.1');
  assert.equal(formatChange(Math.fround(0.50001) - Math.fround(0.5)), '+1.001e-5');
  assert.equal(formatChange(-0.25), '-0.25');
});

test("a hand-written update's learning rate is read off before, after and the gradient", () => {
  const pause = (before: number[], after: number[], grad: number[]): PausedEvent => ({
    type: 'paused',
    runId: 1,
    step: 0,
    phase: 'update',
    pos: { file: 'f.py', line: 18, column: 9 },
    lrs: [],
    params: [{ name: 'w', shape: [before.length], value: Float32Array.from(after), grad: Float32Array.from(grad) }],
    before: [Float32Array.from(before)],
    update: { optimizer: '', rule: 'manual', hyper: {}, amounts: null },
  });
  const grad = [0.3086473, -1.25];
  const before = [0, 2];
  const after = before.map((b, i) => Math.fround(b - Math.fround(0.5 * grad[i])));
  const p = pause(before, after, grad);
  assert.equal(impliedRate(p), 0.5);
  assert.equal(ruleFormula(VIEW_STRINGS, p.update!, 18, impliedRate(p)), 'Your update (line 18) = 0.5 × grad');
  // Not of the form -r × grad (momentum by hand): no rate is claimed.
  assert.equal(impliedRate(pause(before, [-0.2, 2.9], grad)), null);
});
