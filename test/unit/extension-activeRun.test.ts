// The title-bar buttons (context keys) and the status bar describe the ACTIVE editor's file: with xor.py
// running and syntax_error.py active they must not show xor.py's Stop or state.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunStatus } from '../../src/protocol';
import { followedFile, runContext } from '../../src/extension/activeRun';

const xor = { key: 'file:///w/xor.py', languageId: 'python' };
const syntax = { key: 'file:///w/syntax_error.py', languageId: 'python' };
const readme = { key: 'file:///w/README.md', languageId: 'markdown' };

/** The context keys after a sequence of active-editor changes, with the given run status per file. */
function contextAfter(editors: (typeof xor | undefined)[], runs: Record<string, RunStatus>) {
  let key: string | undefined;
  for (const e of editors) key = followedFile(e, key);
  return { key, ...runContext(key ? runs[key] : undefined) };
}

test("another file being active hides the running file's Stop and Continue", () => {
  const runs: Record<string, RunStatus> = { [xor.key]: 'running' };
  assert.deepEqual(contextAfter([xor], runs), { key: xor.key, running: true, paused: false });
  assert.deepEqual(contextAfter([xor, syntax], runs), { key: syntax.key, running: false, paused: false });
  // Back to xor.py: its Stop is back.
  assert.deepEqual(contextAfter([xor, syntax, xor], runs), { key: xor.key, running: true, paused: false });
});

test('focus moving into a webview (no active text editor) keeps the file followed before', () => {
  const runs: Record<string, RunStatus> = { [xor.key]: 'paused', [syntax.key]: 'failed' };
  assert.deepEqual(contextAfter([xor, undefined], runs), { key: xor.key, running: true, paused: true });
  assert.deepEqual(contextAfter([syntax, undefined], runs), { key: syntax.key, running: false, paused: false });
  assert.equal(followedFile(undefined, undefined), undefined);
});

test('a non-Python editor follows no file', () => {
  assert.deepEqual(contextAfter([xor, readme], { [xor.key]: 'running' }), {
    key: undefined,
    running: false,
    paused: false,
  });
});

test('running covers starting, running and paused; paused only paused', () => {
  const all: RunStatus[] = ['idle', 'starting', 'running', 'paused', 'finished', 'stopped', 'failed'];
  assert.deepEqual(
    all.filter((s) => runContext(s).running),
    ['starting', 'running', 'paused'],
  );
  assert.deepEqual(
    all.filter((s) => runContext(s).paused),
    ['paused'],
  );
  assert.deepEqual(runContext(undefined), { running: false, paused: false });
});
