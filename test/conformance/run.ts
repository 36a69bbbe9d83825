// Conformance: learners' PyTorch files, written after the idioms of real tutorials (idioms.md says which),
// run unchanged through the built CLI and compared with what real PyTorch 1.13 printed for them
// (NAME.expected.txt, written by make-expected.py), using the shared comparison tool (numbers within
// tolerance, spaces folded). A file may loosen the tolerance with a first-lines comment
// `# compare: --rtol 1e-3 (why)`.
//
// known-gaps.json lists the files that fail today, each with the gap that makes it fail. A listed file that
// still fails is reported as a "known gap" and does not fail the suite; a listed file that now passes fails
// it ("now passes: remove from known-gaps.json"), so the list stays honest; an unlisted failure fails it.
// Prints one line per known gap and per failure, then `known gaps: K`, then `N passed, M failed`; exits 1
// on any failure. Build first (`npm run build`); `npm run test:conformance -- softmax` runs the files whose
// name contains "softmax"; VERBOSE=1 also prints the files that pass.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareTool } from '../reference/paths';

const root = path.resolve(__dirname, '..', '..');
const dir = __dirname;
const cli = path.join(root, 'dist', 'cli.js');
const gapsFile = path.join(dir, 'known-gaps.json');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));

/** The comparison options of a script: its `# compare: ...` line, else the tool's defaults. */
function tolerance(source: string): string[] {
  const m = /^# compare: (.+)$/m.exec(source.split('\n').slice(0, 5).join('\n'));
  return m ? m[1].split('(')[0].trim().split(/\s+/) : [];
}

function lastLine(text: string | null): string {
  const lines = (text ?? '').trim().split('\n');
  return lines[lines.length - 1] ?? '';
}

/** known-gaps.json: `{ "NAME.py": "the gap that makes it fail", ... }`. */
function readGaps(): Map<string, string> {
  const raw = JSON.parse(fs.readFileSync(gapsFile, 'utf8')) as Record<string, unknown>;
  const gaps = new Map<string, string>();
  for (const [name, reason] of Object.entries(raw)) {
    if (typeof reason !== 'string' || reason.trim() === '') throw new Error(`${gapsFile}: ${name} needs a reason`);
    gaps.set(name, reason);
  }
  return gaps;
}

function main(): number {
  if (!fs.existsSync(cli)) {
    console.error(`${cli} is missing: run \`npm run build\` first`);
    return 1;
  }
  const gaps = readGaps();
  const all = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.py') && fs.existsSync(path.join(dir, f.replace(/\.py$/, '.expected.txt'))))
    .sort();
  const scripts = all.filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-conformance-'));
  let passed = 0;
  let failed = 0;
  let known = 0;
  for (const script of scripts) {
    const name = script.replace(/\.py$/, '');
    const started = Date.now();
    // From this folder by bare name, as make-expected.py ran it with real PyTorch.
    const run = spawnSync(process.execPath, [cli, 'run', script], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
    const actual = path.join(tmp, `${name}.actual.txt`);
    // stdout and stderr together, as a terminal shows them (the expected files hold both).
    fs.writeFileSync(actual, (run.stdout ?? '') + (run.stderr ?? ''));
    const options = tolerance(fs.readFileSync(path.join(dir, script), 'utf8'));
    const compare = spawnSync(
      process.execPath,
      [compareTool, path.join(dir, `${name}.expected.txt`), actual, ...options],
      { encoding: 'utf8' },
    );
    const ms = Date.now() - started;
    const ok = run.status === 0 && compare.status === 0;
    const why = run.status !== 0 ? `exit ${run.status ?? run.signal}: ${lastLine(run.stderr)}` : compare.stdout.trim();
    const gap = gaps.get(script);
    if (ok && gap === undefined) {
      passed++;
      if (process.env.VERBOSE) console.log(`ok   ${script} (${ms} ms)`);
    } else if (ok) {
      failed++;
      console.log(`FAIL ${script} (${ms} ms): now passes: remove from known-gaps.json ("${gap}")`);
    } else if (gap !== undefined) {
      known++;
      console.log(`known gap ${script} (${ms} ms): ${gap}${process.env.VERBOSE ? ` [${why}]` : ''}`);
    } else {
      failed++;
      console.log(`FAIL ${script} (${ms} ms): ${why}`);
    }
  }
  // An entry naming no file is stale (checked on full runs only, where every file ran); every file names its
  // tutorials in idioms.md, the list of what the corpus covers and where learners meet it.
  if (only.length === 0) {
    const idioms = fs.readFileSync(path.join(dir, 'idioms.md'), 'utf8');
    for (const script of all) {
      const name = script.replace(/\.py$/, '');
      if (!new RegExp(`(^|[^\\w])${name}([^\\w]|$)`, 'm').test(idioms)) {
        failed++;
        console.log(`FAIL ${script}: no row of idioms.md names it (the idiom it covers and where it was seen)`);
      }
    }
    for (const name of gaps.keys()) {
      if (!all.includes(name)) {
        failed++;
        console.log(`FAIL known-gaps.json lists ${name}, which has no .py with an .expected.txt here`);
      }
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`known gaps: ${known}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || scripts.length === 0 ? 1 : 0;
}

process.exitCode = main();
