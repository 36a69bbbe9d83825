// Stop while the worker is inside one long engine call: Python cannot see the interrupt until the call
// returns, so the runner must terminate the worker after its grace period and start a fresh one.
// Uses the built dist/: run `npm run build` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { RunEvent } from '../../src/protocol';
import { Runner } from '../../src/python/runner';

const distDir = path.resolve(__dirname, '..', '..', 'dist');
let runner: Runner;

before(async () => {
  runner = new Runner({ distDir });
  await runner.warm();
});
after(() => runner.dispose());

test('stop inside a long matmul ends the run and the next file runs on a fresh worker', async () => {
  // 5000^3 multiply-adds: several seconds in one engine call, far longer than the 1 s grace period.
  const source = 'import torch\na = torch.ones(5000, 5000)\nprint("multiplying", flush=True)\nc = a @ a\nprint("done")\n';
  const events: RunEvent[] = [];
  let stopAt = 0;
  const on = (e: RunEvent) => {
    events.push(e);
    if (e.type === 'output' && e.text.includes('multiplying')) {
      setTimeout(() => {
        stopAt = performance.now();
        runner.stop();
      }, 200);
    }
  };
  runner.on('event', on);
  try {
    await runner.run({ file: 'long_op.py', source });
  } finally {
    runner.off('event', on);
  }
  const stoppedAfter = performance.now() - stopAt;
  assert.ok(stopAt > 0, 'the file reached the matmul');
  const finished = events.filter((e): e is Extract<RunEvent, { type: 'finished' }> => e.type === 'finished');
  assert.equal(finished[0]?.status, 'stopped');
  assert.ok(!events.some((e) => e.type === 'output' && e.text.includes('done')), 'the matmul never completed');
  assert.ok(stoppedAfter >= 900 && stoppedAfter < 3000, `stopped after ${stoppedAfter} ms`);

  const next: string[] = [];
  const onNext = (e: RunEvent) => e.type === 'output' && next.push(e.text);
  runner.on('event', onNext);
  try {
    await runner.run({ file: 'next.py', source: 'import torch\nprint(torch.ones(2).sum().item())\n' });
  } finally {
    runner.off('event', onNext);
  }
  assert.equal(next.join(''), '2.0\n');
});
