// Folding RunEvents into the RunSnapshot the host keeps per file and re-sends to views.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ParamSnapshot, RunEvent } from '../../src/protocol';
import { GRAD_NORM_HISTORY, RunState } from '../../src/shared/runState';

const p = (name: string, value: number[], grad: number[] | null): ParamSnapshot => ({
  name,
  shape: [value.length],
  value: Float32Array.from(value),
  grad: grad ? Float32Array.from(grad) : null,
});
const steps = (firstStep: number, losses: number[]): RunEvent => ({
  type: 'steps',
  runId: 7,
  firstStep,
  losses: Float32Array.from(losses),
  lrs: [Float32Array.from(losses.map(() => 0.5))],
});

test('a run from started to finished: status, losses, lrs, output, model', () => {
  const r = new RunState(7, 'xor.py', 'train');
  assert.equal(r.status, 'starting');
  r.apply({ type: 'started', runId: 7, file: 'xor.py', mode: 'train' }, 0);
  assert.equal(r.status, 'running');
  r.apply(
    {
      type: 'model',
      runId: 7,
      modules: [
        { path: '', type: 'Linear', extra: 'in_features=2, out_features=1, bias=True', params: [], children: [] },
      ],
    },
    1,
  );
  r.apply(steps(0, [4, 3]), 100);
  r.apply(steps(2, [2]), 600);
  r.apply({ type: 'output', runId: 7, stream: 'stdout', text: 'epoch 0\n' }, 700);
  r.apply({ type: 'warning', runId: 7, message: 'loss is nan', pos: null }, 700);
  r.apply({ type: 'finished', runId: 7, status: 'finished', wallMs: 1500, steps: 3 }, 1500);
  const s = r.snapshot();
  assert.equal(s.status, 'finished');
  assert.deepEqual([...s.losses], [4, 3, 2]);
  assert.deepEqual([...s.lrs[0]], [0.5, 0.5, 0.5]);
  assert.equal(s.steps, 3);
  assert.equal(s.stepsPerSecond, 2); // 3 steps in 1.5 s
  assert.equal(s.output, 'epoch 0\nWarning: loss is nan\n');
  assert.equal(s.modules[0].type, 'Linear');
  assert.equal(r.isActive, false);
});

test('events of another run are ignored', () => {
  const r = new RunState(7, 'a.py', 'train', 'running');
  r.apply({ ...steps(0, [1]), runId: 8 } as RunEvent, 0);
  r.apply({ type: 'finished', runId: 8, status: 'failed', wallMs: 1, steps: 0 }, 0);
  assert.equal(r.steps, 0);
  assert.equal(r.status, 'running');
});

test('steps per second while running is measured over the last second', () => {
  const r = new RunState(7, 'a.py', 'train');
  r.apply({ type: 'started', runId: 7, file: 'a.py', mode: 'train' }, 0);
  for (let t = 1; t <= 40; t++) r.apply(steps((t - 1) * 100, new Array(100).fill(1)), t * 50); // 100 steps per 50 ms
  assert.ok(Math.abs(r.stepsPerSecond - 2000) < 1, String(r.stepsPerSecond));
});

test('a pause after an update: exact update/weight ratio from the values before', () => {
  const r = new RunState(7, 'a.py', 'step', 'running');
  r.apply(
    {
      type: 'paused',
      runId: 7,
      step: 0,
      phase: 'update',
      pos: { file: 'a.py', line: 12, column: 5 },
      lrs: [0.1],
      params: [p('w', [3, 4.5], [0, -5])],
      before: [Float32Array.from([3, 4])],
    },
    0,
  );
  assert.equal(r.status, 'paused');
  assert.equal(r.paused?.pos?.line, 12);
  assert.ok(Math.abs(r.updateRatios.w - 0.5 / 5) < 1e-7);
  const g = r.gradNormViews();
  assert.deepEqual([...g.steps], [0]);
  assert.deepEqual([...g.norms.w], [5]);
  r.apply({ type: 'resumed', runId: 7 }, 10);
  assert.equal(r.status, 'running');
  assert.equal(r.paused, null);
});

test('throttled params: update ratio averaged over the steps between snapshots; grad norms per step', () => {
  const r = new RunState(7, 'a.py', 'train', 'running');
  r.apply(
    { type: 'params', runId: 7, step: 10, phase: 'update', params: [p('w', [0, 2], [3, 4]), p('b', [1], null)] },
    0,
  );
  assert.deepEqual(r.updateRatios, {});
  r.apply(
    { type: 'params', runId: 7, step: 14, phase: 'update', params: [p('w', [0, 2.4], [0, 1]), p('b', [1], [2])] },
    0,
  );
  assert.ok(Math.abs(r.updateRatios.w - 0.4 / 4 / 2) < 1e-6); // |Δ| 0.4 over 4 steps, |w| 2
  assert.equal(r.updateRatios.b, 0);
  const g = r.gradNormViews();
  assert.deepEqual([...g.steps], [10, 14]);
  assert.deepEqual([...g.norms.w], [5, 1]);
  assert.ok(Number.isNaN(g.norms.b[0]));
  assert.equal(g.norms.b[1], 2);
});

test('gradient-norm history stays bounded on long runs', () => {
  const r = new RunState(7, 'a.py', 'train', 'running');
  for (let s = 0; s < GRAD_NORM_HISTORY * 3; s++)
    r.apply({ type: 'params', runId: 7, step: s, phase: 'update', params: [p('w', [s], [s])] }, 0);
  const g = r.gradNormViews();
  assert.ok(g.steps.length <= GRAD_NORM_HISTORY);
  assert.ok(g.steps.length >= GRAD_NORM_HISTORY / 2);
  assert.equal(g.norms.w.length, g.steps.length);
  for (let i = 0; i < g.steps.length; i++) assert.equal(g.norms.w[i], g.steps[i]); // norms stay aligned with steps
});

test('a snapshot round-trips: a view continuing from it folds later events the same way as the host', () => {
  const host = new RunState(7, 'a.py', 'train');
  host.apply({ type: 'started', runId: 7, file: 'a.py', mode: 'train' }, 0);
  host.apply(steps(0, [5, 4]), 10);
  host.apply({ type: 'params', runId: 7, step: 1, phase: 'update', params: [p('w', [1, 1], [1, 0])] }, 10);
  const view = RunState.fromSnapshot(structuredClone(host.snapshot()));
  const later: RunEvent[] = [
    steps(2, [3]),
    { type: 'params', runId: 7, step: 2, phase: 'update', params: [p('w', [1, 2], [0, 1])] },
    { type: 'finished', runId: 7, status: 'stopped', wallMs: 100, steps: 3 },
  ];
  for (const e of later) {
    host.apply(e, 20);
    view.apply(e, 20);
  }
  assert.deepEqual(view.snapshot(), host.snapshot());
});

test('the snapshot owns its arrays (no spare capacity is posted)', () => {
  const r = new RunState(7, 'a.py', 'train', 'running');
  r.apply(steps(0, [1, 2, 3]), 0);
  const s = r.snapshot();
  assert.equal(s.losses.buffer.byteLength, 3 * 4);
});
