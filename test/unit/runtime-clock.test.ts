// time.time() in the runtime ticks finer than a millisecond (Emscripten's own clock ticks in whole ms), so a
// learner's timer around one fast step (d2l's Timer, `time.time() - start`) reads a small positive time, not
// 0.0, while still telling the wall-clock time. Uses the built dist/: run `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunEvent } from '../../src/protocol';
import { runCollecting, warmRunner } from './runtime-helpers';

const shared = warmRunner();
const stdout = (events: RunEvent[]) =>
  events.flatMap((e) => (e.type === 'output' && e.stream === 'stdout' ? [e.text] : [])).join('');

test('time.time() steps by less than a millisecond and stays on the wall clock', async () => {
  const source = [
    'import time',
    't0 = time.time()',
    'for _ in range(100000):',
    '    t1 = time.time()',
    '    if t1 != t0:',
    '        break',
    // a millisecond clock's first step is a whole millisecond
    'print("first step under 0.5 ms:", 0 < t1 - t0 < 0.0005)',
    'start = time.time()',
    'time.sleep(0.05)',
    'print("sleep measured:", 0.04 < time.time() - start < 1.0)',
    'print("time_ns agrees:", abs(time.time_ns() / 1e9 - time.time()) < 0.01, type(time.time_ns()).__name__)',
    'print(time.time.__name__, time.time.__module__)',
    '',
  ].join('\n');
  const events = await runCollecting(shared.runner, { file: 'clock.py', source });
  const wallNow = Date.now() / 1000;
  assert.equal(
    stdout(events),
    'first step under 0.5 ms: True\nsleep measured: True\ntime_ns agrees: True int\ntime time\n',
  );
  // and the clock reads the real time (checked from here, through a second run)
  const again = await runCollecting(shared.runner, { file: 'wall.py', source: 'import time\nprint(time.time())\n' });
  const reported = Number(stdout(again).trim());
  assert.ok(Math.abs(reported - wallNow) < 30, `time.time() read ${reported}, the host ${wallNow}`);
});
