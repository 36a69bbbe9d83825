// The extension's choice of backend and of the python backend's interpreter (src/extension/backendChoice.ts),
// checked against real interpreters: Debian's /usr/bin/python3 with torch, the same Python started without
// its site-packages (so without torch), and a path that does not exist. Then the environment line the panel
// and the inspector show, folded from a real `--backend python` run of examples/xor.py.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  backendForFile,
  backendSummary,
  chooseInterpreter,
  type Interpreter,
  offersPytorch,
  parseBackend,
} from '../../src/extension/backendChoice';
import { checkPython } from '../../src/python/pytorchEnv';
import { environmentText, foldEnvironment } from '../../src/shared/environment';
import { RunState } from '../../src/shared/runState';
import { VIEW_STRINGS } from '../../src/shared/strings';
import { needsTorch, root, runCli, torchPython, torchPythonTest } from './pytorch-backend-helpers';

const none = { setting: '', pythonExtension: null, home: '/home/learner', workspaceFolder: '/work/course' };

test('a Python that imports torch is available', (t) => torchPythonTest(t));

test('the backend setting: python or, for anything else, the built-in engine', () => {
  assert.equal(parseBackend('python'), 'python');
  assert.equal(parseBackend('builtin'), 'builtin');
  for (const v of [undefined, null, '', 'Python', 'gpu', 1]) assert.equal(parseBackend(v), 'builtin', String(v));
});

test('the interpreter: backpropLens.pythonPath, else the Python extension, else python3 on the PATH', () => {
  assert.deepEqual(chooseInterpreter(none), { python: 'python3', source: 'path' });
  assert.deepEqual(chooseInterpreter({ ...none, pythonExtension: '/opt/venv/bin/python' }), {
    python: '/opt/venv/bin/python',
    source: 'pythonExtension',
  });
  // A path set by the learner wins over the Python extension's selection; blanks are no setting.
  assert.deepEqual(
    chooseInterpreter({ ...none, setting: ' /usr/bin/python3 ', pythonExtension: '/opt/venv/bin/python' }),
    {
      python: '/usr/bin/python3',
      source: 'setting',
    },
  );
  assert.deepEqual(chooseInterpreter({ ...none, setting: '   ' }), { python: 'python3', source: 'path' });
  // As settings write paths: the home folder and the workspace folder.
  assert.equal(chooseInterpreter({ ...none, setting: '~/venv/bin/python' }).python, '/home/learner/venv/bin/python');
  assert.equal(chooseInterpreter({ ...none, setting: '~user/python' }).python, '~user/python');
  assert.equal(
    chooseInterpreter({ ...none, setting: '${workspaceFolder}/.venv/bin/python' }).python,
    '/work/course/.venv/bin/python',
  );
});

test('a file runs on the backend chosen for it, else on the setting', () => {
  assert.equal(backendForFile('builtin', undefined), 'builtin');
  assert.equal(backendForFile('python', undefined), 'python');
  assert.equal(backendForFile('builtin', 'python'), 'python');
  assert.equal(backendForFile('python', 'builtin'), 'builtin');
});

test('the chosen interpreter, checked: versions when it imports torch', { skip: needsTorch }, async () => {
  const choice = chooseInterpreter({ ...none, setting: torchPython! });
  const check = await checkPython(choice.python);
  assert.ok(check.ok, check.ok ? '' : check.problem);
  const [version, torch] = execFileSync(
    choice.python,
    ['-c', 'import platform, torch; print(platform.python_version()); print(torch.__version__)'],
    { encoding: 'utf8' },
  )
    .trim()
    .split('\n');
  assert.equal(check.version, version);
  assert.equal(check.torch, torch);
  const interpreter: Interpreter = { ...check, source: choice.source };
  assert.equal(offersPytorch('builtin', interpreter), true, 'the lens offers Run on PyTorch');
  assert.equal(offersPytorch('python', interpreter), false, 'not when the file already runs on PyTorch');
  assert.equal(offersPytorch('builtin', undefined), false, 'not before the check has answered');
  assert.deepEqual(backendSummary('python', interpreter), { kind: 'ready', torch, python: version });
  assert.deepEqual(backendSummary('python', undefined), { kind: 'checking' });
  assert.deepEqual(backendSummary('builtin', interpreter), { kind: 'builtin' });
});

test('a Python without torch is told how to install it, and no lens offers PyTorch', { skip: needsTorch }, async () => {
  // The same interpreter without its site-packages, where Debian's python3-torch lives: a real Python 3
  // that cannot import torch.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-notorch-'));
  const python = path.join(dir, 'python');
  fs.writeFileSync(python, `#!/bin/sh\nexec ${torchPython} -S "$@"\n`, { mode: 0o755 });
  try {
    const check = await checkPython(python);
    assert.equal(check.ok, false);
    assert.ok(!check.ok);
    assert.match(check.problem, /PyTorch is not installed for /);
    assert.match(check.problem, /-m pip install torch/);
    assert.match(check.problem, /apt install python3-torch/);
    const interpreter: Interpreter = { ...check, source: 'setting' };
    assert.equal(offersPytorch('builtin', interpreter), false);
    assert.deepEqual(backendSummary('python', interpreter), { kind: 'missing' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an interpreter that does not exist is named as not found', async () => {
  const missing = path.join(os.tmpdir(), 'bpl-no-such-dir', 'python3');
  const check = await checkPython(chooseInterpreter({ ...none, setting: missing }).python);
  assert.ok(!check.ok);
  assert.match(check.problem, /Python was not found/);
  assert.ok(check.problem.includes(missing));
});

test('the environment line of a real PyTorch run: versions, devices, step time', { skip: needsTorch }, async () => {
  const run = await runCli('xor.py', ['--backend', 'python', '--python', torchPython!], path.join(root, 'examples'));
  assert.equal(run.status, 0, run.stderr);
  const started = run.events.find((e) => e.type === 'started');
  assert.ok(started?.type === 'started');
  const state = new RunState(started.runId, started.file, started.mode);
  for (const e of run.events) state.apply(e, 0);
  const env = state.snapshot().environment;
  const reported = run.events.find((e) => e.type === 'environment');
  assert.ok(env && reported?.type === 'environment');
  assert.equal(env.torch, reported.torch);
  assert.equal(env.python, reported.python);
  assert.ok(env.devices.includes('cpu'));
  assert.deepEqual(env.modelDevices, ['cpu'], "xor.py's model is on the CPU");
  assert.equal(env.worldSize, 1);
  assert.ok(env.stepMs !== null && env.stepMs > 0, `step time ${env.stepMs}`);
  const text = environmentText(env, VIEW_STRINGS);
  assert.ok(text?.startsWith(`PyTorch ${reported.torch} on Python ${reported.python} · devices: cpu · model on cpu`));
  assert.match(text!, / · [\d.]+ ms\/step$/);
  // A run restored from its snapshot (a panel shown again) keeps the line.
  assert.deepEqual(RunState.fromSnapshot(state.snapshot()).environment, env);
  // The built-in engine sends no environment: no line.
  const builtin = new RunState(1, 'xor.py', 'train');
  for (const e of run.events.filter((e) => e.type !== 'environment')) builtin.apply({ ...e, runId: 1 } as never, 0);
  assert.equal(builtin.environment, null);
  assert.equal(environmentText(builtin.environment, VIEW_STRINGS), null);
  assert.equal(
    foldEnvironment(
      null,
      run.events.find((e) => e.type === 'steps')!,
    ),
    null,
  );
});
