// NumPy parity: runs every test/numpy/NAME.py through the built CLI (Backprop Lens' numpy, src/python/numpy)
// and compares what it printed with NAME.expected.txt, which real NumPy 1.24 printed (generate.py; the
// bl_*.py files test our own NotImplementedErrors and have hand-written expectations). Comparison uses the
// shared tool, tighter than for torch: numbers within 1e-9 relative (1e-12 absolute) or the last printed
// digit, so printing, sums and random draws must be numpy's; a file may loosen it with a first-lines comment
// `# compare: --rtol 1e-6` (float32 transcendental functions, where numpy's SIMD code is not correctly
// rounded). Prints one line per failure, then `N passed, M failed`; exits 1 on any failure.
// Build first (`npm run build`); `npm run test:numpy -- random` runs the files whose name contains "random".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareTool } from '../reference/paths';

const root = path.resolve(__dirname, '..', '..');
const dir = __dirname;
const cli = path.join(root, 'dist', 'cli.js');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const DEFAULT_TOLERANCE = ['--rtol', '1e-9', '--atol', '1e-12'];

/** The comparison options of a script: its `# compare: ...` line, else the default. */
function tolerance(source: string): string[] {
  const m = /^# compare: (.+)$/m.exec(source.split('\n').slice(0, 5).join('\n'));
  return m ? m[1].split('(')[0].trim().split(/\s+/) : DEFAULT_TOLERANCE; // `(why)` after the options
}

function lastLine(text: string | null): string {
  const lines = (text ?? '').trim().split('\n');
  return lines[lines.length - 1] ?? '';
}

function main(): number {
  if (!fs.existsSync(cli)) {
    console.error(`${cli} is missing: run \`npm run build\` first`);
    return 1;
  }
  const scripts = fs
    .readdirSync(dir)
    .filter(
      (f) =>
        f.endsWith('.py') && f !== 'generate.py' && fs.existsSync(path.join(dir, f.replace(/\.py$/, '.expected.txt'))),
    )
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-numpy-'));
  let passed = 0;
  let failed = 0;
  for (const script of scripts) {
    const name = script.replace(/\.py$/, '');
    const started = Date.now();
    // From this folder by bare name, as generate.py ran it with real numpy.
    const run = spawnSync(process.execPath, [cli, 'run', script], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
    const actual = path.join(tmp, `${name}.actual.txt`);
    fs.writeFileSync(actual, (run.stdout ?? '') + (run.stderr ?? ''));
    const options = tolerance(fs.readFileSync(path.join(dir, script), 'utf8'));
    const compare = spawnSync(
      process.execPath,
      [compareTool, path.join(dir, `${name}.expected.txt`), actual, ...options],
      {
        encoding: 'utf8',
      },
    );
    const ms = Date.now() - started;
    if (run.status !== 0 || compare.status !== 0) {
      failed++;
      const why =
        run.status !== 0 ? `exit ${run.status ?? run.signal}: ${lastLine(run.stderr)}` : compare.stdout.trim();
      console.log(`FAIL ${script} (${ms} ms): ${why}`);
    } else {
      passed++;
      if (process.env.VERBOSE) console.log(`ok   ${script} (${ms} ms)`);
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || scripts.length === 0 ? 1 : 0;
}

process.exitCode = main();
