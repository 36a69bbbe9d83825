// The Python runtime on plain Python files (no torch needed): output, tracebacks, syntax errors, the
// import guard, and stopping runaway scripts. Uses the built dist/ through the host-side Runner, as the
// CLI and the extension do: run `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunEvent } from '../../src/protocol';
import type { RunOptions } from '../../src/python/runner';
import { ofType, runCollecting, warmRunner } from './runtime-helpers';

const shared = warmRunner();

/** Runs source as `file` and collects the events it produced (the `finished` event last). */
function collect(source: string, options: Partial<RunOptions> = {}, during?: () => void): Promise<RunEvent[]> {
  return runCollecting(shared.runner, { file: 'lesson.py', source, ...options }, undefined, during);
}

/** Runs source and sends a stop `delayMs` after the run starts; `stoppedAfter` is the ms from the stop to the end. */
async function runAndStop(source: string, delayMs: number): Promise<{ events: RunEvent[]; stoppedAfter: number }> {
  let stopAt = 0;
  const events = await collect(source, {}, () =>
    setTimeout(() => {
      stopAt = performance.now();
      shared.runner.stop();
    }, delayMs),
  );
  return { events, stoppedAfter: performance.now() - stopAt };
}

const stdout = (events: RunEvent[]) =>
  events.flatMap((e) => (e.type === 'output' && e.stream === 'stdout' ? [e.text] : [])).join('');

test('prints exactly what the file prints, as __main__ with sys.argv', async () => {
  const events = await collect(
    'import sys\nprint(__name__, sys.argv)\nprint("a", end="")\nprint("b\\n", "한글")\nprint(1/3)\n',
  );
  assert.equal(stdout(events), "__main__ ['lesson.py']\nab\n 한글\n0.3333333333333333\n");
  assert.equal(events[0].type, 'started');
  const fin = ofType(events, 'finished');
  assert.equal(fin.length, 1);
  assert.equal(fin[0].status, 'finished');
  assert.equal(events[events.length - 1].type, 'finished');
});

test('each run gets fresh globals', async () => {
  await collect('leftover = 42\n');
  const events = await collect('print("leftover" in globals())\n');
  assert.equal(stdout(events), 'False\n');
});

test('an uncaught exception becomes an error event with a traceback of the user file only', async () => {
  const source = 'def f(x):\n    return x / 0\n\nprint("before")\nf(3)\n';
  const events = await collect(source, { file: 'div.py' });
  const [err] = ofType(events, 'error');
  assert.equal(err.kind, 'ZeroDivisionError');
  assert.equal(err.message, 'division by zero');
  assert.deepEqual(err.pos, { file: 'div.py', line: 2, column: 12 });
  assert.match(
    err.traceback,
    /^Traceback \(most recent call last\):\n {2}File "div\.py", line 5, in <module>\n {4}f\(3\)\n/,
  );
  assert.match(err.traceback, / {2}File "div\.py", line 2, in f\n {4}return x \/ 0\n/);
  assert.ok(err.traceback.endsWith('ZeroDivisionError: division by zero\n'));
  assert.doesNotMatch(err.traceback, /_bl_run|python314\.zip/);
  assert.equal(ofType(events, 'finished')[0].status, 'failed');
  assert.equal(stdout(events), 'before\n');
});

test('a syntax error points at its line and column', async () => {
  const events = await collect('x = 1\nif x\n    print(x)\n', { file: 'syn.py' });
  const [err] = ofType(events, 'error');
  assert.equal(err.kind, 'SyntaxError');
  assert.equal(err.message, "expected ':'");
  assert.deepEqual(err.pos, { file: 'syn.py', line: 2, column: 5 });
  assert.equal(err.traceback, '  File "syn.py", line 2\n    if x\n        ^\nSyntaxError: expected \':\'\n');
  assert.equal(ofType(events, 'started').length, 1);
  assert.equal(ofType(events, 'finished')[0].status, 'failed');
});

test("PyTorch's modules we lack are a NotImplementedError naming them, still caught as an ImportError", async () => {
  const events = await collect(`
import importlib
for name in ['torch.utils.cpp_extension', 'torch.utils.tensorboard.summary', 'torch.ao.quantization', 'torch.no_such_module']:
    try:
        importlib.import_module(name)
        print('imported', name)
    except NotImplementedError as e:
        print(name, '|', str(e).startswith('The module ' + e.name + ' is not supported'), isinstance(e, ImportError), e.name)
    except ImportError as e:
        print(name, '|', type(e).__name__, e)
import torch.utils.data.dataset, torch.optim.sgd, torch.autograd.function, torch.random
print(torch.utils.data.dataset.TensorDataset, torch.optim.sgd.SGD, torch.autograd.function.Function)
`);
  assert.equal(
    stdout(events),
    'torch.utils.cpp_extension | True True torch.utils.cpp_extension\n' +
      'torch.utils.tensorboard.summary | True True torch.utils.tensorboard.summary\n' +
      // Its package is missing first: the error names the package.
      'torch.ao.quantization | True True torch.ao\n' +
      "torch.no_such_module | ModuleNotFoundError No module named 'torch.no_such_module'\n" +
      "<class 'torch.utils.data.dataset.TensorDataset'> <class 'torch.optim.sgd.SGD'> " +
      "<class 'torch.autograd.function.Function'>\n",
  );
});

test('importing scipy, seaborn or tensorflow explains that only torch, numpy and matplotlib are built in', async () => {
  for (const name of ['scipy.stats', 'seaborn', 'tensorflow']) {
    const events = await collect(`import math\nimport ${name}\n`, { file: 'imp.py' });
    const [err] = ofType(events, 'error');
    const top = name.split('.')[0];
    assert.equal(err.kind, 'ModuleNotFoundError', name);
    assert.match(
      err.message,
      new RegExp(
        `^No module named '${top}': Backprop Lens runs your file with its built-in torch, numpy and matplotlib only`,
      ),
    );
    // It lists what is there, our scikit-learn and pandas subsets included.
    assert.match(err.message, /sklearn's datasets, model_selection, preprocessing and metrics/);
    assert.match(err.message, /pandas' DataFrame, Series, read_csv, concat and get_dummies/);
    assert.deepEqual(err.pos, { file: 'imp.py', line: 2, column: 1 });
  }
  // A module that simply does not exist keeps Python's own message.
  const [err] = ofType(await collect('import no_such_module_here\n'), 'error');
  assert.equal(err.message, "No module named 'no_such_module_here'");
});

test('sys.exit(0) is a normal end; sys.exit(3) ends with exit status 3, not an error (as python3)', async () => {
  assert.equal(
    ofType(await collect('import sys\nprint("x")\nsys.exit(0)\nprint("y")\n'), 'finished')[0].status,
    'finished',
  );
  const events = await collect('import sys\nsys.exit(3)\n');
  assert.equal(ofType(events, 'finished')[0].status, 'finished');
  assert.equal(ofType(events, 'finished')[0].exitCode, 3);
  assert.deepEqual(ofType(events, 'error'), []);
});

test('input() sees end of file instead of hanging', async () => {
  const [err] = ofType(await collect('input("name? ")\n'), 'error');
  assert.equal(err.kind, 'EOFError');
});

test('stop ends a runaway `while True: pass` with a KeyboardInterrupt, and the worker runs the next file', async () => {
  const source = 'print("spinning")\ntry:\n    while True:\n        pass\nfinally:\n    print("cleanup")\n';
  const { events } = await runAndStop(source, 300);
  assert.equal(ofType(events, 'finished')[0].status, 'stopped');
  assert.equal(ofType(events, 'error').length, 0);
  // The `finally` ran: the loop ended by an exception in Python, not by terminating its thread (which a
  // busy machine's timing could not tell apart from a slow interrupt).
  assert.equal(stdout(events), 'spinning\ncleanup\n');
  assert.equal(stdout(await collect('print("next")\n')), 'next\n');
});

test('stop ends a loop whose bare except swallows KeyboardInterrupt (worker replaced)', async () => {
  const source = 'while True:\n    try:\n        while True:\n            pass\n    except:\n        pass\n';
  const { events, stoppedAfter } = await runAndStop(source, 300);
  assert.equal(ofType(events, 'finished')[0].status, 'stopped');
  // Not before the 1000 ms grace; and by terminating the thread, before the process's SIGKILL 2000 ms later.
  assert.ok(stoppedAfter >= 900 && stoppedAfter < 3000, `took ${stoppedAfter} ms`);
  // A fresh worker takes over.
  assert.equal(stdout(await collect('print(sum(range(10)))\n')), '45\n');
});

test('a file on disk imports its own modules and opens files beside it; edits show on the next run', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-project-'));
  try {
    fs.writeFileSync(path.join(dir, 'helpers.py'), 'def answer():\n    return 42\n');
    fs.writeFileSync(path.join(dir, 'data.txt'), 'from disk\n');
    const main = path.join(dir, 'main.py');
    const source = 'import helpers\nprint(helpers.answer())\nprint(open("data.txt").read(), end="")\n';
    fs.writeFileSync(main, source);
    assert.equal(stdout(await collect(source, { file: main })), '42\nfrom disk\n');
    fs.writeFileSync(path.join(dir, 'helpers.py'), 'def answer():\n    return 43\n');
    assert.equal(stdout(await collect(source, { file: main })), '43\nfrom disk\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a stop sent right after run() is not lost while the worker starts the run', async () => {
  await shared.runner.warm();
  const started = performance.now();
  const events = await collect('while True:\n    pass\n', {}, () => shared.runner.stop());
  const took = performance.now() - started;
  assert.equal(ofType(events, 'finished')[0].status, 'stopped');
  assert.ok(took < 900, `took ${took} ms (a kill would take 1000)`);
});
