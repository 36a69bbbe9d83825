// The CLI around the runtime: a reader that goes away (`| head -1`) ends it quietly, --memory-limit reaches
// the run, bad option values are usage errors, and tqdm's bars go to stderr as the real tqdm leaves them. Uses the built dist/: run `npm run build` first.
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

test("tqdm: the loop runs as with the real one; each bar goes to stderr once, in tqdm's default form", () => {
  const script = writeTemp(
    'bars.py',
    [
      'from tqdm import tqdm, trange',
      'from tqdm.auto import tqdm as auto_tqdm',
      'total = 0',
      "for i in tqdm(range(7), desc='train'):",
      '    total += i',
      "bar = auto_tqdm(total=4, unit='batch')",
      'bar.update(3)',
      'bar.set_postfix(loss=0.123456, acc=3)',
      'bar.close()',
      'for i in trange(3, leave=False):',
      '    pass',
      "tqdm.write('written')",
      'print(total, bar.n, len(bar))',
    ].join('\n'),
  );
  const run = spawnSync(process.execPath, [cli, 'run', script], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, 'written\n21 3 4\n');
  const bars = run.stderr.split('\n').filter(Boolean);
  // leave=False leaves no bar.
  assert.equal(bars.length, 2, run.stderr);
  // The times and rate depend on the machine ('?' when no time has passed); the rest is tqdm's text.
  const timing = (unit: string) => `\\[00:00<(00:00|\\?), +([\\d.]+[kM]?|\\?)${unit}\\/s`;
  assert.match(bars[0], new RegExp(`^train: 100%\\|██████████\\| 7\\/7 ${timing('it')}\\]$`));
  assert.match(bars[1], new RegExp(`^ 75%\\|███████▌ {2}\\| 3\\/4 ${timing('batch')}, acc=3, loss=0\\.123\\]$`));
});

test("tqdm: a count past a rounded-down total shows tqdm's unknown-total form", () => {
  // `total=int(len(dataset) / batch_size)` is one short when the last batch is partial: tqdm then drops the
  // total ('?', no percentage) and, with a bar_format, keeps the bar's left edge.
  const script = writeTemp(
    'short.py',
    [
      'import sys',
      'from tqdm import tqdm',
      "fmt = '{l_bar}{bar}| {n_fmt}/{total_fmt} {remaining}'",
      'for i in tqdm(range(4), total=3, file=sys.stdout, bar_format=fmt):',
      '    pass',
      "for i in tqdm(range(4), total=3, desc='ep', file=sys.stdout, bar_format='{desc}: {percentage:.0f} {n}/{total_fmt}'):",
      '    pass',
      'for i in tqdm(range(3), total=3, file=sys.stdout, bar_format=fmt):',
      '    pass',
    ].join('\n'),
  );
  const run = spawnSync(process.execPath, [cli, 'run', script], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^\| {10}\| 4\/\? (00:00|\?)\nep: 0 4\/\?\n100%\|█{10}\| 3\/3 (00:00|\?)\n$/);
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
