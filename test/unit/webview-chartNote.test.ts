// Which runs get a sentence instead of empty charts (media/panel/views/chartNoteView.ts), on real runs
// through the CLI: a syntax error, a forward pass only, gradients with no update; a training run gets none.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { emptyChartsReason } from '../../media/panel/views/chartNoteView';
import { RunState } from '../../src/shared/runState';
import { parseEventsJsonl } from '../webview/events';
import { root } from './extension-cliRun';

function stateOf(file: string): RunState {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-note-')), 'events.jsonl');
  try {
    execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'run', path.join(root, file), '--events', out], {
      stdio: 'ignore',
      timeout: 120_000,
    });
  } catch {
    // a syntax error exits with status 1
  }
  const events = parseEventsJsonl(fs.readFileSync(out, 'utf8'));
  const started = events.find((e) => e.type === 'started');
  assert.ok(started?.type === 'started');
  const state = new RunState(started.runId, started.file, 'train');
  events.forEach((e, i) => state.apply(e, i));
  return state;
}

test('a syntax error, a forward pass only and a loop without updates each get their note', () => {
  assert.equal(emptyChartsReason(stateOf('examples/syntax_error.py')), 'noChartSyntax');
  assert.equal(emptyChartsReason(stateOf('test/unit/fixtures/mistakes/forward_only.py')), 'noChartNoBackward');
  assert.equal(emptyChartsReason(stateOf('test/unit/fixtures/mistakes/no_optimizer.py')), 'noChartNoOptimizer');
});

test('training runs, by an optimizer or by hand, get no note', () => {
  assert.equal(emptyChartsReason(stateOf('examples/xor.py')), null);
  assert.equal(emptyChartsReason(stateOf('examples/linear_regression_manual.py')), null);
  assert.equal(emptyChartsReason(null), null);
});
