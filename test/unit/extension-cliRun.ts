// Runs a script through the CLI (the runtime the extension uses) for the extension tests: what it printed,
// its RunEvents, and the loss of every step as the panel receives them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunEvent } from '../../src/protocol';
import { parseEventsJsonl } from '../webview/events';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export interface CliRun {
  printed: string;
  events: RunEvent[];
  losses: Float32Array;
}

/** `file` is absolute or relative to the repository root (e.g. `examples/xor.py`, `test/reference/scripts/learning_rates.py`). */
export function runThroughCli(file: string): CliRun {
  const cli = path.join(root, 'dist/cli.js');
  assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-')), 'events.jsonl');
  const printed = execFileSync(process.execPath, [cli, 'run', path.resolve(root, file), '--events', out], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const events = parseEventsJsonl(fs.readFileSync(out, 'utf8'));
  const losses: number[] = [];
  for (const e of events) if (e.type === 'steps') e.losses.forEach((v, i) => (losses[e.firstStep + i] = v));
  const finished = events.find((e) => e.type === 'finished');
  assert.ok(finished?.type === 'finished' && finished.status === 'finished', `${file} did not finish`);
  assert.equal(losses.length, finished.steps);
  return { printed, events, losses: Float32Array.from(losses) };
}

/** The numbers after `label` in each printed line that has it, e.g. numbersAfter(text, 'w = '). */
export function numbersAfter(printed: string, label: string): number[] {
  const re = new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*([-+]?[\\d.]+(?:e[-+]?\\d+)?)`, 'g');
  return [...printed.matchAll(re)].map((m) => Number(m[1]));
}
