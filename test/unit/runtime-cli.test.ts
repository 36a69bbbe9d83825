// The CLI around the runtime: a reader that goes away (`| head -1`) ends it quietly, --memory-limit reaches
// the run, and bad option values are usage errors. Uses the built dist/: run `npm run build` first.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distDir } from './runtime-helpers';

const cli = path.join(distDir, 'cli.js');
const root = path.resolve(distDir, '..');
const temps: string[] = [];
after(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

test('a closed stdout pipe (`| head -1`) ends the CLI quietly, with no Node stack', () => {
  for (const script of [
    path.join(root, 'examples', 'xor.py'),
    writeTemp('many.py', 'for i in range(10**6):\n    print(i)\n'),
  ]) {
    const shell = `"${process.execPath}" "${cli}" run "${script}" | head -1; echo "status \${PIPESTATUS[0]}" >&2`;
    const out = spawnSync('bash', ['-c', shell], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(out.stdout.split('\n').length, 2, out.stdout);
    // Like a process ended by SIGPIPE (`yes | head -1`): status 141, and nothing else on stderr.
    assert.equal(out.stderr, 'status 141\n');
  }
});

test('--memory-limit sets the limit a run may use; bad values are usage errors', () => {
  const script = writeTemp('alloc.py', 'import torch\nx = torch.zeros(64, 1024, 1024)\nprint("allocated")\n');
  const small = spawnSync(process.execPath, [cli, 'run', script, '--memory-limit', '128'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(small.status, 1);
  assert.match(small.stderr, /RuntimeError: .*you tried to allocate 268435456 bytes/);
  const enough = spawnSync(process.execPath, [cli, 'run', script, '--memory-limit', '1024'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(enough.stdout, 'allocated\n');
  for (const args of [
    ['--repeat', '0'],
    ['--repeat', 'x'],
    ['--memory-limit', '10'],
  ]) {
    const bad = spawnSync(process.execPath, [cli, 'run', script, ...args], { encoding: 'utf8' });
    assert.equal(bad.status, 2, args.join(' '));
    assert.match(bad.stderr, /^backprop-lens: --(repeat|memory-limit) needs/);
  }
});

function writeTemp(name: string, source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-cli-'));
  temps.push(dir);
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  return file;
}

test('docstrings with LaTeX escapes ("\\s", "\\i") compile as silently as on the Python 3.11 of PyTorch 1.13', () => {
  const source = [
    'def fit():',
    '    """Fit :math:`y=\\sin(x)` by :math:`\\int` (an official tutorial\'s docstring)."""',
    '    return "\\d"',
    'print(fit.__doc__)',
    'print(fit())',
    '',
  ].join('\n');
  const script = writeTemp('escapes.py', source);
  const ours = spawnSync(process.execPath, [cli, 'run', script], { encoding: 'utf8', timeout: 60_000 });
  const python311 = spawnSync('/usr/bin/python3', [script], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(ours.status, 0, ours.stderr);
  assert.equal(ours.stdout + ours.stderr, python311.stdout + python311.stderr);
});
