// The runtime's own process: each run happens in a child process (never in the host), a tensor too big for
// the memory limit is a Python RuntimeError at the learner's line, a run whose process runs out of memory or
// dies ends with an error event and the next run works, and a warmed spare serves the next run.
// Uses the built dist/: run `npm run build` first.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunEvent } from '../../src/protocol';
import { Runner } from '../../src/python/runner';
import { distDir, ofType, runCollecting, warmRunner } from './runtime-helpers';

const shared = warmRunner();
const small = new Runner({ distDir, memoryLimitMB: 96 });
after(() => small.dispose());

const stdout = (events: RunEvent[]) =>
  events.flatMap((e) => (e.type === 'output' && e.stream === 'stdout' ? [e.text] : [])).join('');

test('a run happens in a process of its own, a new one each run', async () => {
  const pids: (number | undefined)[] = [];
  for (let i = 0; i < 2; i++) {
    const events = await runCollecting(shared.runner, { file: 'pid.py', source: 'print("hello")\n' }, (e) => {
      if (e.type === 'started') pids.push(shared.runner.pid);
    });
    assert.equal(stdout(events), 'hello\n');
  }
  assert.equal(pids.length, 2);
  assert.ok(
    pids.every((p) => typeof p === 'number' && p !== process.pid),
    `pids ${pids}`,
  );
  assert.notEqual(pids[0], pids[1]);
});

test('a tensor over the memory limit is a RuntimeError naming its size at the line, and the next run works', async () => {
  const source = 'import torch\nprint("before")\nx = torch.zeros(100000, 100000)\nprint("after")\n';
  const events = await runCollecting(shared.runner, { file: 'huge.py', source });
  const [err] = ofType(events, 'error');
  assert.equal(err.kind, 'RuntimeError');
  assert.match(err.message, /you tried to allocate 40000000000 bytes/);
  assert.deepEqual(err.pos, { file: 'huge.py', line: 3, column: 5 });
  assert.match(err.traceback, /File "huge\.py", line 3, in <module>/);
  assert.equal(stdout(events), 'before\n');
  const next = await runCollecting(shared.runner, {
    file: 'next.py',
    source: 'import torch\nprint(torch.ones(3).sum().item())\n',
  });
  assert.equal(stdout(next), '3.0\n');
});

test('tensors that add up past the limit fail the same way, at the allocation that crosses it', async () => {
  const source = 'import torch\nkeep = []\nfor i in range(100):\n    keep.append(torch.zeros(1000, 1000))\n';
  const events = await runCollecting(small, { file: 'grow.py', source });
  const [err] = ofType(events, 'error');
  assert.equal(err?.kind, 'RuntimeError');
  assert.match(err.message, /you tried to allocate 4000000 bytes.*96 MB/);
  assert.equal(err.pos?.line, 4);
});

test(
  'a run whose JavaScript heap outgrows the limit ends with a MemoryError event; the next run works',
  { timeout: 60_000 },
  async () => {
    // Each view holds a 5000-long shape array on the heap: the heap, not the tensor buffers, fills up.
    const source = 'import torch\nt = torch.zeros(1)\nxs = []\nwhile True:\n    xs.append(t.view([1] * 5000))\n';
    const events = await runCollecting(small, { file: 'heap.py', source });
    const [err] = ofType(events, 'error');
    assert.equal(err?.kind, 'MemoryError');
    assert.match(err.message, /more than the 96 MB memory limit/);
    assert.equal(ofType(events, 'finished')[0].status, 'failed');
    assert.equal(stdout(await runCollecting(small, { file: 'after.py', source: 'print(6 * 7)\n' })), '42\n');
  },
);

test('a process killed mid-run ends the run with an error event, and the next run works', async () => {
  const source = 'print("looping", flush=True)\nwhile True:\n    pass\n';
  const events = await runCollecting(shared.runner, { file: 'killed.py', source }, (e) => {
    if (e.type === 'output' && e.text.includes('looping')) process.kill(shared.runner.pid!, 'SIGKILL');
  });
  const [err] = ofType(events, 'error');
  assert.equal(err?.kind, 'RuntimeError');
  assert.match(err.message, /the Python process was killed \(SIGKILL\)/);
  assert.equal(ofType(events, 'finished')[0].status, 'failed');
  assert.equal(stdout(await runCollecting(shared.runner, { file: 'again.py', source: 'print("again")\n' })), 'again\n');
});

test('with a warmed spare, a run happens in that already loaded process', async () => {
  // How fast that makes the first line is bench/startup.ts's to measure (no timing thresholds in tests): here,
  // that the run does not start a process of its own and the process it uses had loaded before it began.
  await shared.runner.warm();
  const spare = shared.runner.sparePid;
  assert.equal(typeof spare, 'number');
  let ran: number | undefined;
  const events = await runCollecting(
    shared.runner,
    { file: 'first.py', source: 'print("first line")\nimport torch\n' },
    (e) => {
      if (e.type === 'started') ran = shared.runner.pid;
    },
  );
  assert.equal(stdout(events), 'first line\n');
  assert.equal(ran, spare);
});
