// The host's bookkeeping on a real run: xor.py through the CLI (the runtime the extension uses), its
// events folded into a RunSnapshot directly and through the host's batching must agree with each other
// and with what the script printed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { RunEvent } from '../../src/protocol';
import { EventBatcher } from '../../src/extension/eventBatcher';
import { RunState } from '../../src/shared/runState';
import { parseEventsJsonl } from '../webview/events';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

function recordRun(example: string): { events: RunEvent[]; printed: string } {
  const cli = path.join(root, 'dist/cli.js');
  assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-')), 'events.jsonl');
  const printed = execFileSync(process.execPath, [cli, 'run', path.join(root, 'examples', example), '--events', out], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { events: parseEventsJsonl(fs.readFileSync(out, 'utf8')), printed };
}

test('xor.py: the snapshot has every loss the script printed, the model tree and its parameters', () => {
  const { events, printed } = recordRun('xor.py');
  const started = events.find((e) => e.type === 'started');
  const finished = events.find((e) => e.type === 'finished');
  assert.ok(started?.type === 'started' && finished?.type === 'finished');

  const direct = new RunState(started.runId, started.file, 'train');
  events.forEach((e, i) => direct.apply(e, i));
  const s = direct.snapshot();
  assert.equal(s.status, 'finished');
  assert.equal(s.steps, finished.steps);
  assert.equal(s.steps, 1500);
  assert.equal(s.output, printed);

  // `print(f"step {step}: loss {loss.item():.4f}")` every 300 steps: the recorded loss of that step.
  const lines = [...printed.matchAll(/^step (\d+): loss ([\d.]+)$/gm)];
  assert.equal(lines.length, 5);
  for (const [, step, loss] of lines) assert.equal(s.losses[Number(step)].toFixed(4), loss, `step ${step}`);

  assert.deepEqual(
    s.modules.map((m) => [m.path, m.type]),
    [
      ['', 'XorNet'],
      ['hidden', 'Linear'],
      ['out', 'Linear'],
    ],
  );
  assert.deepEqual(
    s.params.map((p) => [p.name, p.shape]),
    [
      ['hidden.weight', [4, 2]],
      ['hidden.bias', [4]],
      ['out.weight', [1, 4]],
      ['out.bias', [1]],
    ],
  );
  assert.deepEqual(Object.keys(s.gradNorms.norms), ['hidden.weight', 'hidden.bias', 'out.weight', 'out.bias']);
  for (let i = 1; i < s.gradNorms.steps.length; i++) assert.ok(s.gradNorms.steps[i] > s.gradNorms.steps[i - 1]);
  for (const [name, r] of Object.entries(s.updateRatios)) assert.ok(Number.isFinite(r) && r >= 0, name);
  assert.ok(
    s.lrs[0].slice(1).every((lr) => lr === 1),
    'SGD lr=1.0 at every step after the first',
  );

  // The webviews get the events batched; folding the batches must give the same snapshot.
  const batcher = new EventBatcher();
  const viaBatches = new RunState(started.runId, started.file, 'train');
  events.forEach((e, i) => {
    batcher.push(e);
    if (i % 7 === 6) for (const b of batcher.take()) viaBatches.apply(b, i);
  });
  for (const b of batcher.take()) viaBatches.apply(b, events.length);
  const t = viaBatches.snapshot();
  assert.deepEqual(t.losses, s.losses);
  assert.deepEqual(t.lrs, s.lrs);
  assert.deepEqual(t.params, s.params);
  assert.equal(t.output, s.output);
  assert.equal(t.status, s.status);
});
