// Stop while the worker is inside one long engine call: Python cannot see the interrupt until the call
// returns, so the runner must terminate the worker after its grace period and start a fresh one.
// Uses the built dist/: run `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunEvent } from '../../src/protocol';
import { ofType, runCollecting, warmRunner } from './runtime-helpers';

const shared = warmRunner();

test('stop inside a long matmul ends the run and the next file runs on a fresh worker', async () => {
  // 5000^3 multiply-adds: several seconds in one engine call, far longer than the 1 s grace period.
  const source =
    'import torch\na = torch.ones(5000, 5000)\nprint("multiplying", flush=True)\nc = a @ a\nprint("done")\n';
  const { runner } = shared;
  let stopAt = 0;
  const events = await runCollecting(runner, { file: 'long_op.py', source }, (e: RunEvent) => {
    if (e.type === 'output' && e.text.includes('multiplying')) {
      setTimeout(() => {
        stopAt = performance.now();
        runner.stop();
      }, 200);
    }
  });
  const stoppedAfter = performance.now() - stopAt;
  assert.ok(stopAt > 0, 'the file reached the matmul');
  const finished = ofType(events, 'finished');
  assert.equal(finished[0]?.status, 'stopped');
  assert.ok(!events.some((e) => e.type === 'output' && e.text.includes('done')), 'the matmul never completed');
  assert.ok(stoppedAfter >= 900 && stoppedAfter < 3000, `stopped after ${stoppedAfter} ms`);

  const next = await runCollecting(runner, {
    file: 'next.py',
    source: 'import torch\nprint(torch.ones(2).sum().item())\n',
  });
  assert.equal(
    ofType(next, 'output')
      .map((e) => e.text)
      .join(''),
    '2.0\n',
  );
});
