// Script parity: runs every learner script in test/reference/scripts (or $SCRIPTS_DIR) through the built CLI
// and compares what it printed with what real PyTorch printed (NAME.expected.txt), using the shared
// comparison tool (numbers within tolerance, spaces folded). Prints one line per failure, then
// `N passed, M failed`; exits 1 on any failure. Build first (`npm run build`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareTool, scriptsDir } from '../reference/paths';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
/** Optional name filter: `npm run test:scripts -- xor`. */
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));

function main(): number {
  if (!fs.existsSync(cli)) {
    console.error(`${cli} is missing: run \`npm run build\` first`);
    return 1;
  }
  const scripts = fs
    .readdirSync(scriptsDir)
    .filter((f) => f.endsWith('.py') && fs.existsSync(path.join(scriptsDir, f.replace(/\.py$/, '.expected.txt'))))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-scripts-'));
  let passed = 0;
  let failed = 0;
  for (const script of scripts) {
    const name = script.replace(/\.py$/, '');
    const started = Date.now();
    // Run from the scripts folder with a relative path, as a learner would run `python NAME.py`.
    const run = spawnSync(process.execPath, [cli, 'run', script], {
      cwd: scriptsDir,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const actual = path.join(tmp, `${name}.actual.txt`);
    // stdout and stderr together, as a terminal shows them (expected files hold what PyTorch printed).
    fs.writeFileSync(actual, (run.stdout ?? '') + (run.stderr ?? ''));
    const compare = spawnSync(process.execPath, [compareTool, path.join(scriptsDir, `${name}.expected.txt`), actual], {
      encoding: 'utf8',
    });
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

function lastLine(text: string | null): string {
  const lines = (text ?? '').trim().split('\n');
  return lines[lines.length - 1] ?? '';
}

process.exitCode = main();
