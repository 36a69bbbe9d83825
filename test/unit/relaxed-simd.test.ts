// The runtime process turns on relaxed SIMD before the engine compiles its kernels, so the four-lane fused
// exp / sigmoid / tanh kernels serve on Node 20 as they do in VS Code's Electron (same bits, faster).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

test('enableRelaxedSimd makes the engine load its relaxed-SIMD kernels in a Node started without flags', () => {
  const root = path.resolve(__dirname, '../..');
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/unit/relaxed-simd-child.ts'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(child.status, 0, child.stderr);
  assert.deepEqual(JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}'), {
    enabled: true,
    flavor: 'relaxed-simd',
  });
});
