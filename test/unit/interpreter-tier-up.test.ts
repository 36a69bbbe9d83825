// CPython's bytecode loop runs a learner's whole file in one call, which keeps the code V8 had for it when the
// call began (src/python/interpreterTierUp.ts): started from the snapshot, that was baseline code, and every
// Python loop ran about 2.3x slower. Asked of V8 itself in a fresh Node, not timed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { needsForcedTierUp } from '../../src/python/interpreterTierUp';

test('the bytecode loop is optimized at start-up on V8 before 13 only (Node 20, 22; not Node 24)', () => {
  assert.equal(needsForcedTierUp('11.3.244.8-node.38'), true);
  assert.equal(needsForcedTierUp('12.4.254.21-node.57'), true);
  assert.equal(needsForcedTierUp('13.6.233.17-node.63'), false);
  assert.equal(needsForcedTierUp('14.0.1'), false);
});

test('a Python started from the snapshot runs its bytecode loop on optimized code where V8 needs it, with V8 intrinsics off again', () => {
  const root = path.resolve(__dirname, '../..');
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/unit/interpreter-tier-up-child.ts'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(child.status, 0, child.stderr);
  const report = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
  const forced = needsForcedTierUp(process.versions.v8);
  assert.deepEqual(report, {
    forced,
    // Left alone, V8 13 has not optimized it yet either: it does so while the file runs.
    baseline: !forced,
    intrinsicsOff: true,
    printed: ['332833500'],
  });
});
