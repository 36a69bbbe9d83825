// The words the webviews show: count strings take the singular for exactly one ("Stopped after 1 step"),
// in English and through the Korean bundle; the chart text alternatives; keyboard movement on a heatmap.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { announceRun, describeRun, type RunSummary } from '../../media/common/describeRun';
import { gradChartSummary, lrChartSummary } from '../../media/common/chartSummary';
import { moveCell } from '../../media/common/heatmapKeys';
import { plural, VIEW_STRINGS, type Strings } from '../../src/shared/strings';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const en: Strings = { ...VIEW_STRINGS };
const koBundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n/bundle.l10n.ko.json'), 'utf8')) as Record<
  string,
  string
>;
/** The strings as the host sends them to a Korean VS Code (see viewStrings.ts). */
const ko = Object.fromEntries(Object.entries(VIEW_STRINGS).map(([k, v]) => [k, koBundle[v]])) as Strings;

const summary = (status: RunSummary['status'], steps: number, stepsPerSecond = 0): RunSummary => ({
  status,
  steps,
  stepsPerSecond,
  paused: null,
  error: null,
});

test('finished and stopped runs count steps with the right English form', () => {
  assert.equal(describeRun(en, summary('stopped', 1)), 'Stopped after 1 step');
  assert.equal(describeRun(en, summary('stopped', 0)), 'Stopped after 0 steps');
  assert.equal(describeRun(en, summary('stopped', 2)), 'Stopped after 2 steps');
  assert.equal(describeRun(en, summary('finished', 1)), 'Finished: 1 step');
  assert.equal(describeRun(en, summary('finished', 1500)), 'Finished: 1500 steps');
  assert.equal(describeRun(en, summary('running', 0, 1.2)), 'Running at 1 step/s');
  assert.match(describeRun(en, summary('running', 0, 2500)), /^Running at 2.?500 steps\/s$/);
});

test('Korean has one form: both keys translate to the same sentence with the number', () => {
  for (const k of Object.keys(VIEW_STRINGS)) assert.equal(typeof ko[k as keyof Strings], 'string', k);
  assert.equal(describeRun(ko, summary('stopped', 1)), '1 스텝 후 중지됨');
  assert.equal(describeRun(ko, summary('stopped', 3)), '3 스텝 후 중지됨');
  assert.equal(describeRun(ko, summary('finished', 1)), '완료: 1 스텝');
  assert.equal(plural(ko, ['parametersOne', 'parameters'], 1), '파라미터 1개');
  assert.equal(plural(ko, ['parametersOne', 'parameters'], 17), '파라미터 17개');
});

test('parameter counts and the rising-loss hint use the singular for one', () => {
  assert.equal(plural(en, ['parametersOne', 'parameters'], 1), '1 parameter');
  assert.equal(plural(en, ['parametersOne', 'parameters'], 9, '9'), '9 parameters');
  assert.equal(
    plural(en, ['hintRisingOne', 'hintRising'], 1),
    'Loss has risen in the last step: the learning rate may be too large.',
  );
  assert.equal(
    plural(en, ['hintRisingOne', 'hintRising'], 6),
    'Loss has risen for 6 steps in a row: the learning rate may be too large.',
  );
});

test('no English count string says "1 steps" style plurals for any count key pair', () => {
  const pairs = Object.keys(VIEW_STRINGS)
    .filter((k) => k.endsWith('One'))
    .map((k) => [k, k.slice(0, -3)] as const);
  assert.ok(pairs.length >= 5);
  for (const [one, many] of pairs) {
    assert.ok(many in VIEW_STRINGS, many);
    const text = plural(en, [one as keyof Strings, many as keyof Strings], 1);
    assert.doesNotMatch(text, /\b1 (steps|parameters|values)\b/, text);
  }
});

test('screen readers hear a running run once, not at every change of its rate', () => {
  assert.equal(announceRun(en, summary('running', 10, 120)), 'Running');
  assert.equal(announceRun(en, summary('running', 99, 340)), 'Running');
  assert.equal(announceRun(en, summary('finished', 1)), 'Finished: 1 step');
  assert.equal(announceRun(ko, summary('running', 10, 120)), '실행 중');
});

test('chart text alternatives give the first and latest learning rate and the latest gradient norms', () => {
  assert.equal(lrChartSummary(en, []), 'Learning rate per step');
  assert.equal(
    lrChartSummary(en, [Float32Array.from([0.1, 0.05, 0.025])]),
    'Learning rate per step. Step 0: lr (group 0) 0.1 … Step 2: lr (group 0) 0.025',
  );
  const grad = {
    steps: Float32Array.from([0, 1]),
    norms: { 'fc1.weight': Float32Array.from([0.5, 0.25]), 'fc1.bias': Float32Array.from([0.125, 2]) },
  };
  assert.equal(gradChartSummary(en, grad), 'Gradient norm per parameter. Step 1: fc1.weight 0.25, fc1.bias 2');
  assert.equal(gradChartSummary(en, undefined), 'Gradient norm per parameter');
});

test('arrow keys move a heatmap cursor within the grid', () => {
  const grid = { rows: 3, cols: 4 };
  assert.deepEqual(moveCell(null, 'ArrowRight', grid), { row: 0, col: 0 });
  assert.deepEqual(moveCell({ row: 0, col: 0 }, 'ArrowRight', grid), { row: 0, col: 1 });
  assert.deepEqual(moveCell({ row: 0, col: 0 }, 'ArrowLeft', grid), { row: 0, col: 0 });
  assert.deepEqual(moveCell({ row: 2, col: 1 }, 'ArrowDown', grid), { row: 2, col: 1 });
  assert.deepEqual(moveCell({ row: 1, col: 1 }, 'End', grid), { row: 1, col: 3 });
  assert.deepEqual(moveCell({ row: 1, col: 3 }, 'Home', grid), { row: 1, col: 0 });
  assert.equal(moveCell({ row: 1, col: 1 }, 'a', grid), null);
});
