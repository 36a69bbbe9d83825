// A panel keeps its run in vscode.setState (JSON) to show it again after a window reload.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SAVED_NUMBERS_LIMIT, snapshotFromJson, snapshotToJson } from '../../media/common/snapshotJson';
import { RunState } from '../../src/shared/runState';

function runWith(steps: number, status: 'finished' | 'paused'): RunState {
  const r = new RunState(3, 'xor.py', 'train');
  r.apply({ type: 'started', runId: 3, file: 'xor.py', mode: 'train' }, 0);
  r.apply(
    {
      type: 'steps',
      runId: 3,
      firstStep: 0,
      losses: Float32Array.from({ length: steps }, (_, i) => 1 / (i + 1)),
      lrs: [new Float32Array(steps).fill(0.1)],
    },
    10,
  );
  const param = { name: 'w', shape: [2], value: Float32Array.from([0.5, -1.25]), grad: Float32Array.from([0.1, 0.2]) };
  if (status === 'paused')
    r.apply(
      {
        type: 'paused',
        runId: 3,
        step: steps - 1,
        phase: 'backward',
        pos: null,
        lrs: [0.1],
        params: [param],
        before: null,
      },
      20,
    );
  else {
    r.apply({ type: 'params', runId: 3, step: steps - 1, phase: 'update', params: [param] }, 20);
    r.apply({ type: 'finished', runId: 3, status: 'finished', wallMs: 1000, steps }, 30);
  }
  return r;
}

test('a finished run survives JSON (as vscode.setState stores it) unchanged', () => {
  const s = runWith(100, 'finished').snapshot();
  const json = snapshotToJson(s);
  assert.ok(json);
  const back = snapshotFromJson(JSON.parse(JSON.stringify(json)));
  assert.deepEqual(back, s);
});

test('a paused run is restored as stopped and without the pause', () => {
  const s = runWith(10, 'paused').snapshot();
  const back = snapshotFromJson(JSON.parse(JSON.stringify(snapshotToJson(s))));
  assert.equal(back.status, 'stopped');
  assert.equal(back.paused, null);
  assert.deepEqual(back.losses, s.losses);
  assert.deepEqual(back.params, s.params);
});

test('runs too large for the window state are not saved', () => {
  assert.equal(snapshotToJson(runWith(SAVED_NUMBERS_LIMIT, 'finished').snapshot()), null);
});
