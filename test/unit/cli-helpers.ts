// What the test files that run learner files through the built CLI share: a runner that writes the source to a
// fresh temporary folder (removed after the calling file's tests) and runs `backprop-lens run` on it, and a
// table of what each of several statements raises. Not a test file itself (no .test.ts suffix).
import { after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distDir } from './runtime-helpers';

export type CliRun = { status: number | null; stdout: string; stderr: string };

/** run(source) writes `source` as `fileName` in a new temporary folder and runs it there through dist/cli.js. */
export function cliFileRunner(prefix: string, fileName: string): (source: string) => CliRun {
  const cli = path.join(distDir, 'cli.js');
  const temps: string[] = [];
  after(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  return (source) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    temps.push(dir);
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, source);
    return spawnSync(process.execPath, [cli, 'run', file], { encoding: 'utf8', timeout: 120_000, cwd: dir });
  };
}

/**
 * Runs `setup`, then each statement in its own try block, and maps each label to what the statement raised:
 * `describe` (a Python expression over the caught `e`) or `no error`.
 */
export function raisedBy(
  run: (source: string) => CliRun,
  setup: string,
  cases: Record<string, string>,
  describe = "type(e).__name__ + ': ' + str(e)",
): Map<string, string> {
  const lines = [setup];
  for (const [label, statement] of Object.entries(cases)) {
    lines.push('try:', `    ${statement}`, `    print(${JSON.stringify(label)} + ': no error')`);
    lines.push('except Exception as e:', `    print(${JSON.stringify(label)} + ': ' + ${describe})`);
  }
  const out = run(lines.join('\n') + '\n');
  assert.equal(out.status, 0, out.stderr);
  const got = new Map<string, string>();
  for (const line of out.stdout.trim().split('\n')) {
    const at = line.indexOf(': ');
    got.set(line.slice(0, at), line.slice(at + 2));
  }
  return got;
}
