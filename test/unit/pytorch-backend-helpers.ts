// Shared by the Python backend's tests (pytorch-backend*.test.ts): finding a Python that imports torch, and
// running a script through the CLI on either backend with its printed output and events.
// A Python with torch is looked for in $BACKPROP_LENS_PYTHON, then /usr/bin/python3 (Debian's python3-torch;
// the python3 first on the PATH may be another one without torch), then python3 and python on the PATH.
// Without one the suites say so, and fail when CI=true: CI must run them.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import type { RunEvent } from '../../src/protocol';
import { parseProbeLine } from '../../src/python/pytorchEnv';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const cli = path.join(root, 'dist', 'cli.js');
export const probe = path.join(root, 'src', 'python', 'real', 'backprop_lens_probe.py');

function importsTorch(python: string): boolean {
  const r = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore', timeout: 120_000 });
  return r.status === 0;
}

/** The first candidate interpreter that imports torch, or null. */
export function findTorchPython(): string | null {
  const candidates = [process.env.BACKPROP_LENS_PYTHON, '/usr/bin/python3', 'python3', 'python'].filter(
    Boolean,
  ) as string[];
  for (const python of candidates) if (importsTorch(python)) return python;
  return null;
}

export const torchPython = findTorchPython();
export const NO_TORCH =
  'no Python that imports torch was found (tried $BACKPROP_LENS_PYTHON, /usr/bin/python3, python3, python): ' +
  'install PyTorch (Debian: apt install python3-torch) or set BACKPROP_LENS_PYTHON';
/** `skip` option for tests that need torch. */
export const needsTorch = torchPython ? false : NO_TORCH;

/** A test that fails on CI when no Python with torch exists, and otherwise says which one is used. */
export function torchPythonTest(t: TestContext): void {
  if (torchPython) {
    t.diagnostic(`Python backend tests use ${torchPython}`);
    return;
  }
  if (process.env.CI === 'true') assert.fail(NO_TORCH);
  t.diagnostic(`skipped: ${NO_TORCH}`);
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  events: RunEvent[];
}

/** Runs `node dist/cli.js run FILE --events OUT ...extra` in `cwd`; resolves with everything it produced. */
export function runCli(file: string, extra: string[], cwd: string): Promise<CliResult> {
  assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-py-')), 'events.jsonl');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'run', file, '--events', out, ...extra], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      const text = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
      const events = text
        .split('\n')
        .filter(Boolean)
        .map((line) => parseProbeLine(line))
        .filter((e): e is RunEvent => e !== null);
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
      resolve({ status, stdout, stderr, events });
    });
  });
}

/** Every loss of a run, from its `steps` events (checked to be contiguous). */
export function lossesOf(events: RunEvent[]): number[] {
  const losses: number[] = [];
  for (const e of events) {
    if (e.type !== 'steps') continue;
    assert.equal(e.firstStep, losses.length, 'steps events are contiguous');
    losses.push(...e.losses);
  }
  return losses;
}

/** Runs `tasks` with at most `limit` at a time (the machine may have two cores). */
export async function pooled<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
