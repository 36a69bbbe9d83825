// Contained by default: the learner's code cannot import Pyodide's bridges to JavaScript or the runtime's
// own modules (our torch package still uses them), and the runtime process runs under Node's permission
// model where the runtime has one: it cannot write the extension's files or start processes, while a CSV
// beside the script reads and writes as usual. A runtime that refuses the flag runs without the model.
// Uses the built dist/: run `npm run build` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunEvent } from '../../src/protocol';
import { Runner } from '../../src/python/runner';
import { runtimeExecArgv, supportedPermissionFlag } from '../../src/python/runtimeProcess';
import { distDir, ofType, runCollecting, warmRunner } from './runtime-helpers';

const shared = warmRunner();
let dir = '';
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-contained-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const stdout = (events: RunEvent[]) =>
  events.flatMap((e) => (e.type === 'output' && e.stream === 'stdout' ? [e.text] : [])).join('');

test("the learner's code cannot import js, pyodide or the runtime's modules; torch still works", async () => {
  const attempts = [
    'import js',
    'import pyodide_js',
    'from pyodide.code import run_js',
    'from pyodide.ffi import to_js',
    'import _pyodide_core',
    'import _bl_engine',
    'from _bl_run import run_file',
    "importlib.import_module('js')",
    "__import__('pyodide')",
  ];
  const source = [
    'import importlib, torch',
    `for stmt in ${JSON.stringify(attempts)}:`,
    '    try:',
    '        exec(stmt)',
    '        print(stmt, "allowed")',
    '    except ImportError as e:',
    '        print(type(e).__name__, str(e).split(":")[0])',
    'print(torch.ones(2, 3).sum().item(), torch.optim.lr_scheduler.StepLR.__name__)',
    '',
  ].join('\n');
  const events = await runCollecting(shared.runner, { file: 'contained.py', source });
  const names = ['js', 'pyodide_js', 'pyodide', 'pyodide', '_pyodide_core', '_bl_engine', '_bl_run', 'js', 'pyodide'];
  const expected = names.map((n) => `ImportError import of '${n}' is not allowed\n`).join('') + '6.0 StepLR\n';
  assert.equal(stdout(events), expected);
  assert.deepEqual(ofType(events, 'error'), []);
});

test('an uncaught import of js is an ImportError at its line that says why', async () => {
  const [err] = ofType(
    await runCollecting(shared.runner, { file: 'js.py', source: 'x = 1\nfrom js import process\n' }),
    'error',
  );
  assert.equal(err.kind, 'ImportError');
  assert.match(err.message, /^import of 'js' is not allowed: Backprop Lens runs your file contained/);
  assert.deepEqual(err.pos, { file: 'js.py', line: 2, column: 1 });
});

test("the runtime cannot write the extension's files; a CSV beside the script reads and writes", async (t) => {
  if (!shared.runner.permissionModel) return t.skip('this Node has no permission model');
  const torchInit = path.join(distDir, 'python', 'torch', '__init__.py');
  const before = fs.readFileSync(torchInit);
  const script = path.join(dir, 'data.py');
  fs.writeFileSync(path.join(dir, 'in.csv'), 'x,y\n1,2\n3,4\n');
  const source = [
    'import csv, torch',
    `for target in (${JSON.stringify(torchInit)}, torch.__file__):`,
    '    try:',
    '        open(target, "w").write("# changed")',
    '        print("wrote", target)',
    '    except OSError as e:',
    '        print(type(e).__name__)',
    'rows = list(csv.reader(open("in.csv")))',
    'with open("out.csv", "w", newline="") as f:',
    '    csv.writer(f).writerows([[r[1], r[0]] for r in rows])',
    'print(rows)',
    '',
  ].join('\n');
  fs.writeFileSync(script, source);
  const events = await runCollecting(shared.runner, { file: script, source });
  // The dist/ path is not even visible inside the runtime; torch's own folder is, read-only.
  assert.equal(stdout(events), "FileNotFoundError\nPermissionError\n[['x', 'y'], ['1', '2'], ['3', '4']]\n");
  assert.equal(fs.readFileSync(path.join(dir, 'out.csv'), 'utf8'), 'y,x\r\n2,1\r\n4,3\r\n');
  assert.deepEqual(fs.readFileSync(torchInit), before);
});

test("the runtime process's flags: read the extension and the folders, write only the folders and tmp, no processes", (t) => {
  const flag = supportedPermissionFlag();
  if (!flag) return t.skip('this Node has no permission model');
  const argv = runtimeExecArgv({ distDir, memoryLimitMB: 512, folders: [dir], permissionFlag: flag });
  const probe = `
const fs = require('fs'), cp = require('child_process');
const tryIt = (f) => { try { f(); return 'ok'; } catch (e) { return e.code; } };
console.log(JSON.stringify({
  readDist: tryIt(() => fs.readFileSync(${JSON.stringify(path.join(distDir, 'runtime-process.js'))})),
  writeDist: tryIt(() => fs.writeFileSync(${JSON.stringify(path.join(distDir, 'bl-permission-probe'))}, 'x')),
  writeFolder: tryIt(() => fs.writeFileSync(${JSON.stringify(path.join(dir, 'probe.txt'))}, 'x')),
  readEtc: tryIt(() => fs.readFileSync('/etc/passwd')),
  spawn: tryIt(() => cp.execFileSync(process.execPath, ['-e', '0'])),
}));`;
  const probeFile = path.join(distDir, 'bl-permission-probe.js');
  fs.writeFileSync(probeFile, probe);
  try {
    const out = spawnSync(process.execPath, [...argv, probeFile], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out.stdout), {
      readDist: 'ok',
      writeDist: 'ERR_ACCESS_DENIED',
      writeFolder: 'ok',
      readEtc: 'ERR_ACCESS_DENIED',
      spawn: 'ERR_ACCESS_DENIED',
    });
  } finally {
    fs.rmSync(probeFile, { force: true });
  }
});

test('a runtime that refuses the permission flag runs the file without the model', async () => {
  const runner = new Runner({ distDir, permissions: '--no-such-permission-flag', spare: false });
  try {
    const events = await runCollecting(runner, { file: 'plain.py', source: 'print("still runs")\n' });
    assert.equal(stdout(events), 'still runs\n');
    assert.equal(runner.permissionModel, null);
  } finally {
    await runner.dispose();
  }
});
