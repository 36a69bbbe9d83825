// The SummaryWriter curves of a run as the views keep them: `scalars` events folded per (chart, label) in the
// order first logged, long curves halved, grouped into charts, and kept through a snapshot, its JSON form
// (a panel restored after a reload) and an --events file's lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScalarsEvent } from '../../src/protocol';
import { RunState } from '../../src/shared/runState';
import { SCALAR_POINTS, ScalarCurves, reviveScalarPoints, scalarCharts } from '../../src/shared/scalarState';
import { snapshotFromJson, snapshotToJson } from '../../media/common/snapshotJson';
import { EventBatcher } from '../../src/extension/eventBatcher';

const points = (chart: string, label: string, steps: number[], values: number[]) => ({
  chart,
  label,
  steps: Float32Array.from(steps),
  values: Float32Array.from(values),
});

const event = (...series: ReturnType<typeof points>[]): ScalarsEvent => ({ type: 'scalars', runId: 1, series });

const plain = (c: { chart: string; label: string; steps: Float32Array; values: Float32Array }) => [
  c.chart,
  c.label,
  Array.from(c.steps),
  Array.from(c.values),
];

test('scalars events fold into one curve per chart and label, in the order first logged', () => {
  const run = new RunState(1, 'f.py', 'train');
  run.apply(event(points('loss', 'runA', [0, 1], [2, 1.5]), points('acc', 'runA', [0], [0.5])), 0);
  run.apply(event(points('loss', 'runA', [2], [1.25]), points('loss', 'val', [2], [1.75])), 0);
  run.apply({ ...event(points('loss', 'runA', [3], [9])), runId: 2 }, 0); // another run's: ignored
  const curves = run.snapshot().scalars!;
  assert.deepEqual(curves.map(plain), [
    ['loss', 'runA', [0, 1, 2], [2, 1.5, 1.25]],
    ['acc', 'runA', [0], [0.5]],
    ['loss', 'val', [2], [1.75]],
  ]);
  assert.deepEqual(
    scalarCharts(curves).map((c) => [c.chart, c.curves.map((k) => k.label)]),
    [
      ['loss', ['runA', 'val']],
      ['acc', ['runA']],
    ],
  );
});

test('a long curve keeps every other point once it is full, its first and its shape', () => {
  const curves = new ScalarCurves();
  const n = SCALAR_POINTS + 10;
  const steps = [...Array(n).keys()];
  curves.fold(
    event(
      points(
        'loss',
        'r',
        steps,
        steps.map((s) => s * 2),
      ),
    ),
  );
  const [c] = curves.view();
  assert.ok(c.steps.length <= SCALAR_POINTS && c.steps.length > SCALAR_POINTS / 2, `${c.steps.length}`);
  assert.equal(c.steps[0], 0);
  assert.equal(c.steps[c.steps.length - 1], n - 1);
  for (let i = 0; i < c.steps.length; i++) assert.equal(c.values[i], c.steps[i] * 2);
  for (let i = 1; i < c.steps.length; i++) assert.ok(c.steps[i] > c.steps[i - 1]);
});

test('curves survive a snapshot, its JSON form and JSON lists with null for NaN', () => {
  const run = new RunState(1, 'f.py', 'train');
  run.apply({ type: 'started', runId: 1, file: 'f.py', mode: 'train' }, 0);
  run.apply(event(points('loss', 'r', [0, 5], [1, NaN])), 0);
  const json = JSON.parse(JSON.stringify(snapshotToJson(run.snapshot())));
  const back = RunState.fromSnapshot(snapshotFromJson(json));
  assert.deepEqual(back.snapshot().scalars!.map(plain), [['loss', 'r', [0, 5], [1, NaN]]]);
  const listed = JSON.parse('[{"chart":"a","label":"b","steps":[1,2],"values":[0.5,null]}]');
  assert.deepEqual(reviveScalarPoints(listed).map(plain), [['a', 'b', [1, 2], [0.5, NaN]]]);
});

test('the host’s batcher passes scalars events on in order, between the others', () => {
  const batcher = new EventBatcher();
  const a = event(points('loss', 'r', [0], [1]));
  const b = event(points('loss', 'r', [1], [0.5]));
  batcher.push(a);
  batcher.push({ type: 'output', runId: 1, stream: 'stdout', text: 'x' });
  batcher.push(b);
  assert.deepEqual(
    batcher.take().map((e) => e.type),
    ['scalars', 'output', 'scalars'],
  );
});
