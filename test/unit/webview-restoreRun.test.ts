// The views show the latest run of a file again after a window reload from their saved webview state
// (vscode.setState), when the new extension host has no run for the file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunSnapshot } from '../../src/protocol';
import { RunState } from '../../src/shared/runState';
import { runToShow, SAVED_RUN_FILES, saveRun, type SavedRuns } from '../../media/common/restoreRun';

function run(file: string, steps: number, end: 'finished' | 'paused' | 'running'): RunSnapshot {
  const r = new RunState(7, file, 'train');
  r.apply({ type: 'started', runId: 7, file, mode: 'train' }, 0);
  r.apply(
    {
      type: 'steps',
      runId: 7,
      firstStep: 0,
      losses: Float32Array.from({ length: steps }, (_, i) => 2 / (i + 1)),
      lrs: [new Float32Array(steps).fill(0.5)],
    },
    5,
  );
  const param = {
    name: 'fc1.weight',
    shape: [2, 2],
    value: Float32Array.from([0.25, -0.5, 1, 2]),
    grad: Float32Array.from([0.1, 0, -0.1, 0.2]),
  };
  if (end === 'paused')
    r.apply(
      {
        type: 'paused',
        runId: 7,
        step: steps - 1,
        phase: 'update',
        pos: null,
        lrs: [0.5],
        params: [param],
        before: null,
      },
      10,
    );
  if (end === 'finished') {
    r.apply({ type: 'params', runId: 7, step: steps - 1, phase: 'update', params: [param] }, 10);
    r.apply({ type: 'finished', runId: 7, status: 'finished', wallMs: 12, steps }, 12);
  }
  return r.snapshot();
}

/** What vscode.setState / getState do to the state across a reload. */
const reload = (saved: SavedRuns): SavedRuns => JSON.parse(JSON.stringify(saved));

test('after a reload the saved run of the shown file is drawn again, marked restored', () => {
  const finished = run('xor.py', 40, 'finished');
  const saved = reload(saveRun({}, 'file:///w/xor.py', finished));
  const shown = runToShow({ fileUri: 'file:///w/xor.py', run: null }, saved);
  assert.equal(shown.restored, true);
  assert.equal(shown.run?.status, 'finished');
  assert.equal(shown.run?.steps, 40);
  assert.deepEqual(shown.run?.losses, finished.losses);
  assert.deepEqual(shown.run?.params, finished.params);
  // A file with no saved run shows nothing.
  assert.deepEqual(runToShow({ fileUri: 'file:///w/other.py', run: null }, saved), { run: null, restored: false });
  assert.deepEqual(runToShow({ fileUri: null, run: null }, saved), { run: null, restored: false });
});

test("the host's own run always wins over a saved one", () => {
  const saved = saveRun({}, 'file:///w/xor.py', run('xor.py', 40, 'finished'));
  const live = run('xor.py', 3, 'running');
  const shown = runToShow({ fileUri: 'file:///w/xor.py', run: live }, saved);
  assert.equal(shown.restored, false);
  assert.equal(shown.run, live);
});

test('a paused run is saved as stopped (it cannot be continued after the reload); a running one is not saved', () => {
  const saved = saveRun({}, 'file:///w/xor.py', run('xor.py', 5, 'paused'));
  const shown = runToShow({ fileUri: 'file:///w/xor.py', run: null }, reload(saved));
  assert.equal(shown.run?.status, 'stopped');
  assert.equal(shown.run?.paused, null);
  const same = saveRun(saved, 'file:///w/xor.py', run('xor.py', 9, 'running'));
  assert.equal(same, saved);
});

test('only the latest runs of a few files are kept, most recent last', () => {
  let saved: SavedRuns = {};
  const files = Array.from({ length: SAVED_RUN_FILES + 2 }, (_, i) => `file:///w/f${i}.py`);
  for (const f of files) saved = saveRun(saved, f, run(f, 4, 'finished'));
  assert.deepEqual(Object.keys(saved), files.slice(2));
  // Saving the oldest kept file again moves it to the end.
  saved = saveRun(saved, files[2], run(files[2], 6, 'finished'));
  assert.deepEqual(Object.keys(saved), [...files.slice(3), files[2]]);
  assert.equal(runToShow({ fileUri: files[2], run: null }, reload(saved)).run?.steps, 6);
});

test('state written by an older version that cannot be read shows nothing instead of failing', () => {
  const shown = runToShow({ fileUri: 'file:///w/xor.py', run: null }, { 'file:///w/xor.py': { status: 'finished' } });
  assert.deepEqual(shown, { run: null, restored: false });
});
