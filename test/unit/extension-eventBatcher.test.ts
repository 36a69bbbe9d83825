// The host's batching of events for the webviews: nothing of the loss curve lost, fewer messages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ParamSnapshot, RunEvent } from '../../src/protocol';
import { EventBatcher } from '../../src/extension/eventBatcher';

const steps = (firstStep: number, losses: number[], lr = 0.1): RunEvent => ({
  type: 'steps',
  runId: 1,
  firstStep,
  losses: Float32Array.from(losses),
  lrs: [Float32Array.from(losses.map(() => lr))],
});
const params = (step: number): RunEvent => ({
  type: 'params',
  runId: 1,
  step,
  phase: 'update',
  params: [] as ParamSnapshot[],
});

test('consecutive steps merge into one event with every loss and lr', () => {
  const b = new EventBatcher();
  b.push(steps(0, [1, 2]));
  b.push(steps(2, [3], 0.05));
  b.push(steps(3, [4, 5]));
  const out = b.take();
  assert.equal(out.length, 1);
  const e = out[0] as Extract<RunEvent, { type: 'steps' }>;
  assert.equal(e.firstStep, 0);
  assert.deepEqual([...e.losses], [1, 2, 3, 4, 5]);
  assert.deepEqual(
    [...e.lrs[0]].map((v) => Math.round(v * 100) / 100),
    [0.1, 0.1, 0.05, 0.1, 0.1],
  );
  assert.equal(b.size, 0);
});

test('steps that are not contiguous stay separate', () => {
  const b = new EventBatcher();
  b.push(steps(0, [1]));
  b.push(steps(5, [2]));
  assert.equal(b.take().length, 2);
});

test('only the newest params snapshot is kept, unless a pause lies between', () => {
  const b = new EventBatcher();
  b.push(params(1));
  b.push(steps(0, [1]));
  b.push(params(2));
  assert.deepEqual(
    b.take().map((e) => [e.type, 'step' in e ? e.step : null]),
    [
      ['steps', null],
      ['params', 2],
    ],
  );

  b.push(params(1));
  b.push({ type: 'paused', runId: 1, step: 1, phase: 'update', pos: null, lrs: [0.1], params: [], before: null });
  b.push(params(2));
  assert.deepEqual(
    b.take().map((e) => e.type),
    ['params', 'paused', 'params'],
  );
});

test('output on the same stream is joined; order of state changes is kept', () => {
  const b = new EventBatcher();
  b.push({ type: 'started', runId: 1, file: 'a.py', mode: 'train' });
  b.push({ type: 'output', runId: 1, stream: 'stdout', text: 'a\n' });
  b.push({ type: 'output', runId: 1, stream: 'stdout', text: 'b\n' });
  b.push({ type: 'output', runId: 1, stream: 'stderr', text: 'c\n' });
  b.push({ type: 'finished', runId: 1, status: 'finished', wallMs: 5, steps: 0 });
  const out = b.take();
  assert.deepEqual(
    out.map((e) => e.type),
    ['started', 'output', 'output', 'finished'],
  );
  assert.equal((out[1] as Extract<RunEvent, { type: 'output' }>).text, 'a\nb\n');
});
