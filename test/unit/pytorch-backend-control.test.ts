// The Python backend's runner (src/python/pytorchRunner.ts) driving real PyTorch: Step and Backprop pause
// at the right phase and line with the values before the update, continue changes mode, Stop ends a
// runaway loop and a paused run, an error names the learner's line with only their frames, unsaved editor
// text runs under the file's name, and an interpreter without torch (or none at all) is explained with how
// to install it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunEvent, RunMode } from '../../src/protocol';
import { PytorchRunner } from '../../src/python/pytorchRunner';
import type { FinishedEvent, RunOptions } from '../../src/python/runner';
import { needsTorch, root, torchPython } from './pytorch-backend-helpers';

type Paused = Extract<RunEvent, { type: 'paused' }>;

const runner = (python = torchPython ?? 'python3') => new PytorchRunner({ distDir: path.join(root, 'dist'), python });
const example = (name: string) => path.join(root, 'examples', name);
const lineOf = (file: string, text: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1;

/** Runs a file; `onEvent` may drive the run. Resolves with all events and the finished one. */
async function drive(
  r: PytorchRunner,
  options: RunOptions,
  onEvent: (e: RunEvent, r: PytorchRunner) => void = () => undefined,
): Promise<{ events: RunEvent[]; finished: FinishedEvent }> {
  const events: RunEvent[] = [];
  const listener = (e: RunEvent) => {
    events.push(e);
    onEvent(e, r);
  };
  r.on('event', listener);
  try {
    const finished = await r.run(options);
    return { events, finished };
  } finally {
    r.off('event', listener);
  }
}

function tempScript(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-ctl-')), 'script.py');
  fs.writeFileSync(file, text);
  return file;
}

test(
  'Step pauses after each update, Backprop after backward, and continue changes the mode',
  { skip: needsTorch },
  async () => {
    const file = example('xor.py');
    const plan: RunMode[] = ['step', 'backprop', 'train'];
    const paused: Paused[] = [];
    const { events, finished } = await drive(runner(), { file, mode: 'step' }, (e, r) => {
      if (e.type !== 'paused') return;
      paused.push(e);
      r.continue(plan[paused.length - 1]);
    });
    assert.equal(finished.status, 'finished');
    assert.deepEqual(
      paused.map((p) => [p.step, p.phase]),
      [
        [0, 'update'],
        [1, 'update'],
        [2, 'backward'],
      ],
    );
    assert.equal(paused[0].pos?.line, lineOf(file, 'optimizer.step()'));
    assert.equal(paused[2].pos?.line, lineOf(file, '.backward()'));
    const first = paused[0];
    assert.ok(first.before && first.before.length === first.params.length, 'values before the update');
    const changed = first.params.some((p, i) => p.value.some((v, j) => v !== first.before![i][j]));
    assert.ok(changed, 'the update changed the parameters');
    assert.ok(
      first.params.every((p) => p.grad && p.grad.length === p.value.length),
      'gradients at the pause',
    );
    assert.equal(events.filter((e) => e.type === 'resumed').length, 3);
    assert.ok(finished.steps > 3);
  },
);

test('Stop ends a runaway loop (examples/runaway_loop.py) as stopped', { skip: needsTorch }, async () => {
  const started = Date.now();
  const { finished } = await drive(runner(), { file: example('runaway_loop.py') }, (e, r) => {
    if (e.type === 'steps' && e.firstStep + e.losses.length > 1000) r.stop();
  });
  assert.equal(finished.status, 'stopped');
  assert.equal(finished.exitCode, 130, 'the script ended by its KeyboardInterrupt, not a kill');
  assert.ok(Date.now() - started < 60_000);
});

test('Stop ends a paused run', { skip: needsTorch }, async () => {
  const { events, finished } = await drive(runner(), { file: example('xor.py'), mode: 'backprop' }, (e, r) => {
    if (e.type === 'paused') r.stop();
  });
  assert.equal(finished.status, 'stopped');
  assert.equal(events.filter((e) => e.type === 'paused').length, 1);
  assert.ok(!events.some((e) => e.type === 'error'));
});

test("an error reports the learner's line and only the learner's frames", { skip: needsTorch }, async () => {
  const file = tempScript(
    [
      'import torch',
      'import torch.nn as nn',
      'model = nn.Linear(3, 2)',
      'print("ready")',
      'def f(x):',
      '    return model(x)',
      'y = f(torch.randn(4, 5))',
      '',
    ].join('\n'),
  );
  const { events, finished } = await drive(runner(), { file });
  assert.equal(finished.status, 'failed');
  const error = events.find((e) => e.type === 'error');
  assert.ok(error?.type === 'error');
  assert.equal(error.kind, 'RuntimeError');
  assert.match(error.message, /4x5 and 3x2/);
  assert.deepEqual(error.pos && [error.pos.file, error.pos.line], [file, 6]);
  assert.match(error.traceback, /line 7, in <module>[\s\S]*line 6, in f/);
  assert.doesNotMatch(error.traceback, /torch[/\\]nn|backprop_lens_probe|_blp_/, 'no library or probe frames');
  assert.ok(events.some((e) => e.type === 'output' && e.text === 'ready\n'));
});

test('unsaved editor text runs under the file name', { skip: needsTorch }, async () => {
  const file = tempScript('print("on disk")\n');
  const { events, finished } = await drive(runner(), {
    file,
    source: 'print("in the editor")\nraise ValueError("x")\n',
  });
  assert.equal(finished.status, 'failed');
  assert.equal(
    events.find((e) => e.type === 'output')?.type === 'output' && (events.find((e) => e.type === 'output') as any).text,
    'in the editor\n',
  );
  const error = events.find((e) => e.type === 'error');
  assert.ok(error?.type === 'error' && error.pos?.file === file && error.pos.line === 2);
});

test('a Python without torch is explained with how to install it', { skip: needsTorch }, async () => {
  // `python -S` skips site-packages: the same interpreter, without its torch.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-notorch-'));
  const wrapper = path.join(dir, 'python-without-torch');
  fs.writeFileSync(wrapper, `#!/bin/sh\nexec ${torchPython} -S "$@"\n`, { mode: 0o755 });
  const r = runner(wrapper);
  const check = await r.check();
  assert.ok(!check.ok);
  assert.match(check.problem, /PyTorch is not installed/);
  assert.match(check.problem, /-m pip install torch/);
  assert.match(check.problem, /apt install python3-torch/);
  await assert.rejects(r.warm(), /PyTorch is not installed/);
  const { events, finished } = await drive(r, { file: example('xor.py') });
  assert.equal(finished.status, 'failed');
  const error = events.find((e) => e.type === 'error');
  assert.ok(
    error?.type === 'error' && /pip install torch/.test(error.message) && /python3-torch/.test(error.message),
    JSON.stringify(error),
  );
});

test('a missing interpreter is named', async () => {
  const r = runner('/nonexistent/python3');
  const check = await r.check();
  assert.ok(!check.ok && /Python was not found: '\/nonexistent\/python3'/.test(check.problem));
  const { events, finished } = await drive(r, { file: example('xor.py') });
  assert.equal(finished.status, 'failed');
  assert.ok(events.some((e) => e.type === 'error' && /not found/.test(e.message)));
});
