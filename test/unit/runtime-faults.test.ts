// Faults end a run as python3 reports them: sys.exit(N) and os._exit(N) are exit statuses (not errors),
// deep recursion is a RecursionError at the learner's line, an exception whose __str__ fails still prints,
// tracebacks show every frame of the learner's own files (and only theirs), a KeyboardInterrupt handler
// runs after Stop, text printed with flush=True arrives at once and survives a Stop that has to end the
// worker, and time.sleep neither spins a core nor delays a Stop. The expected texts are python3's.
// Uses the built dist/: run `npm run build` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunEvent } from '../../src/protocol';
import type { RunOptions } from '../../src/python/runner';
import { distDir, ofType, runCollecting, warmRunner } from './runtime-helpers';

const shared = warmRunner();
let dir = '';
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-faults-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const text = (events: RunEvent[], stream: 'stdout' | 'stderr') =>
  events.flatMap((e) => (e.type === 'output' && e.stream === stream ? [e.text] : [])).join('');
const finished = (events: RunEvent[]) => ofType(events, 'finished')[0];
const run = (source: string, options: Partial<RunOptions> = {}, onEvent?: (e: RunEvent) => void) =>
  runCollecting(shared.runner, { file: 'fault.py', source, ...options }, onEvent);

/** Writes `name` into the test folder and runs it through the CLI. */
function cli(name: string, source: string): { status: number | null; stdout: string; stderr: string } {
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  const out = spawnSync(process.execPath, [path.join(distDir, 'cli.js'), 'run', file], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

test('sys.exit(3) is exit status 3, not an error; sys.exit("message") prints it and is status 1', async () => {
  const events = await run('import sys\nprint("x")\nsys.exit(3)\nprint("never")\n');
  assert.deepEqual(ofType(events, 'error'), []);
  assert.equal(finished(events).status, 'finished');
  assert.equal(finished(events).exitCode, 3);
  assert.equal(text(events, 'stdout'), 'x\n');
  assert.deepEqual(cli('exit3.py', 'import sys\nsys.exit(3)\n'), { status: 3, stdout: '', stderr: '' });
  assert.deepEqual(cli('exitmsg.py', 'import sys\nsys.exit("bye")\n'), { status: 1, stdout: '', stderr: 'bye\n' });
  assert.equal(cli('exit0.py', 'raise SystemExit\n').status, 0);
});

test('os._exit(4) ends the run with status 4 and the next run works', async () => {
  const events = await run('import os\nprint("before", flush=True)\nos._exit(4)\nprint("never")\n');
  assert.deepEqual(ofType(events, 'error'), []);
  assert.deepEqual([finished(events).status, finished(events).exitCode], ['finished', 4]);
  assert.equal(text(events, 'stdout'), 'before\n');
  assert.equal(text(await run('print("next")\n'), 'stdout'), 'next\n');
  assert.deepEqual(cli('osexit.py', 'import os\nos._exit(4)\n'), { status: 4, stdout: '', stderr: '' });
});

test('deep recursion after sys.setrecursionlimit(100000) is a RecursionError at the line, as python3 prints it', async () => {
  const source = 'import sys\nsys.setrecursionlimit(100000)\ndef f(n):\n    return f(n + 1)\nf(0)\n';
  const [err] = ofType(await run(source, { file: 'deep.py' }), 'error');
  assert.equal(err.kind, 'RecursionError');
  assert.deepEqual(err.pos, { file: 'deep.py', line: 4, column: 12 });
  assert.ok(
    err.traceback.endsWith(
      // python3.11 (what PyTorch 1.13 runs on) marks the call: `return f(...)` hides it only from 3.13 on.
      '  File "deep.py", line 4, in f\n    return f(n + 1)\n           ^^^^^^^^\n' +
        '  [Previous line repeated 997 more times]\nRecursionError: maximum recursion depth exceeded\n',
    ),
    err.traceback.slice(-300),
  );
});

test('a recursion limit past what the stack holds is capped quietly: getrecursionlimit() answers what was set', async () => {
  const events = await run('import sys\nsys.setrecursionlimit(10**7)\nprint(sys.getrecursionlimit())\n');
  assert.equal(text(events, 'stdout'), '10000000\n');
});

test('an exception whose __str__ raises prints <exception str() failed>', async () => {
  const source = 'class Odd(Exception):\n    def __str__(self):\n        raise ValueError("no")\nraise Odd()\n';
  const [err] = ofType(await run(source, { file: 'odd.py' }), 'error');
  assert.equal(err.kind, 'Odd');
  assert.equal(
    err.traceback,
    'Traceback (most recent call last):\n  File "odd.py", line 4, in <module>\n    raise Odd()\nOdd: <exception str() failed>\n',
  );
});

test("a traceback shows every frame in the learner's own files, chained exceptions too, and nothing of torch", async () => {
  fs.writeFileSync(
    path.join(dir, 'model.py'),
    [
      'import torch.nn as nn',
      'class Net(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.fc = nn.Linear(2, 1)',
      '    def forward(self, x):',
      '        return self.fc(check(x))',
      'def check(x):',
      '    if x.shape[1] != 2:',
      '        raise ValueError(f"expected 2 features, got {x.shape[1]}")',
      '    return x',
      '',
    ].join('\n'),
  );
  const train = path.join(dir, 'train.py');
  const source =
    'import torch\nfrom model import Net\ntry:\n    {}["missing"]\nexcept KeyError:\n    Net()(torch.zeros(3, 5))\n';
  fs.writeFileSync(train, source);
  const [err] = ofType(await run(source, { file: train }), 'error');
  assert.equal(err.kind, 'ValueError');
  assert.equal(
    err.traceback.replaceAll(dir, 'DIR'),
    [
      'Traceback (most recent call last):',
      '  File "DIR/train.py", line 4, in <module>',
      '    {}["missing"]',
      '    ~~^^^^^^^^^^^',
      "KeyError: 'missing'",
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "DIR/train.py", line 6, in <module>',
      '    Net()(torch.zeros(3, 5))',
      '  File "DIR/model.py", line 7, in forward',
      '    return self.fc(check(x))',
      '                   ^^^^^^^^',
      '  File "DIR/model.py", line 10, in check',
      '    raise ValueError(f"expected 2 features, got {x.shape[1]}")',
      'ValueError: expected 2 features, got 5',
      '',
    ].join('\n'),
  );
  assert.deepEqual(err.pos, { file: train, line: 6, column: 5 });
});

test("after Stop, the script's `except KeyboardInterrupt:` handler runs to its end", async () => {
  const source = [
    'import torch',
    'net = torch.nn.Linear(2, 1)',
    'try:',
    '    print("training", flush=True)',
    '    while True:',
    '        pass',
    'except KeyboardInterrupt:',
    '    print("interrupted; evaluating")',
    '    loss = net(torch.ones(4, 2)).pow(2).mean()',
    '    loss.backward()',
    '    print("evaluated", loss.item() >= 0)',
    '',
  ].join('\n');
  const events = await run(source, {}, (e) => {
    if (e.type === 'output' && e.text.includes('training')) setTimeout(() => shared.runner.stop(), 100);
  });
  assert.equal(text(events, 'stdout'), 'training\ninterrupted; evaluating\nevaluated True\n');
  assert.equal(finished(events).status, 'stopped');
  assert.deepEqual(ofType(events, 'error'), []);
});

test('print(..., flush=True) arrives at once and is not lost when Stop has to end the worker', async () => {
  const source = [
    'print("spinning", flush=True)',
    'while True:',
    '    try:',
    '        while True:',
    '            pass',
    '    except BaseException:',
    '        print("swallowed the interrupt", flush=True)',
    '',
  ].join('\n');
  let firstAt = 0;
  let started = 0;
  const events = await run(source, {}, (e) => {
    if (e.type === 'started') started = performance.now();
    if (e.type === 'output' && e.text.includes('spinning')) {
      firstAt = performance.now() - started;
      setTimeout(() => shared.runner.stop(), 200);
    }
  });
  assert.ok(firstAt > 0 && firstAt < 500, `the first line arrived ${firstAt.toFixed(0)} ms after the run started`);
  assert.equal(text(events, 'stdout'), 'spinning\nswallowed the interrupt\n');
  assert.equal(finished(events).status, 'stopped');
});

/** CPU ms a process has used (Linux /proc), or null elsewhere. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

test('time.sleep does not spin a core, and Stop interrupts it at once', async () => {
  let cpuBefore: number | null = null;
  let cpuDuring: number | null = null;
  let stoppedAt = 0;
  const source =
    'import time\nprint("sleeping", flush=True)\ntry:\n    time.sleep(30)\nexcept KeyboardInterrupt:\n    print("woken")\n    raise\n';
  const events = await run(source, { file: 'sleepy.py' }, (e) => {
    if (e.type !== 'output' || !e.text.includes('sleeping')) return;
    const pid = shared.runner.pid;
    cpuBefore = cpuMs(pid);
    setTimeout(() => {
      cpuDuring = cpuMs(pid);
      stoppedAt = performance.now();
      shared.runner.stop();
    }, 1000);
  });
  const stopTook = performance.now() - stoppedAt;
  assert.equal(text(events, 'stdout'), 'sleeping\nwoken\n');
  assert.equal(finished(events).status, 'stopped');
  assert.ok(stopTook < 800, `the stop took ${stopTook.toFixed(0)} ms (the grace period is 1000)`);
  if (cpuBefore !== null && cpuDuring !== null) {
    assert.ok(
      cpuDuring - cpuBefore < 400,
      `the runtime process used ${cpuDuring - cpuBefore} ms of CPU in a 1 s sleep`,
    );
  }
});
