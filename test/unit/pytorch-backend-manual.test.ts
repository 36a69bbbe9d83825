// The Python backend against the built-in one where the probe watches what real PyTorch has no hook for:
// hand-written updates (`with torch.no_grad(): p -= lr * p.grad`, `w.data.sub_(...)`, `b.data.copy_(...)`,
// a bias alone under torch.set_grad_enabled(False), then an optimizer step followed by an in-place clamp,
// which is no second update) and matplotlib figures.
// Both files (test/unit/fixtures/python-backend) run through the CLI on both backends: the same output,
// losses within 1e-4, event types, pauses after each update (step, line, values before) and update ratios;
// a figure's event has the same form on both (axes, grid, labels, artists and their numbers), and a contour
// plot, which the probe has no form for, comes from the probe as the figure's pixels. Uses the built dist/.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { FigureEvent, PausedEvent, RunEvent } from '../../src/protocol';
import {
  type CliResult,
  lossesOf,
  needsTorch,
  pooled,
  root,
  runCli,
  torchPython,
  torchPythonTest,
} from './pytorch-backend-helpers';

const fixtures = path.join(root, 'test', 'unit', 'fixtures', 'python-backend');
const runs = new Map<string, CliResult>();
const key = (file: string, backend: string, mode: string) => `${file} ${backend} ${mode}`;

before(async () => {
  if (!torchPython) return;
  const jobs: [string, string][] = [
    ['manual_updates.py', 'train'],
    ['manual_updates.py', 'step'],
    ['figures.py', 'train'],
  ];
  const tasks = jobs.flatMap(([file, mode]) =>
    (['builtin', 'python'] as const).map((backend) => async () => {
      const extra = ['--mode', mode, ...(backend === 'python' ? ['--python', torchPython!] : [])];
      runs.set(key(file, backend, mode), await runCli(file, extra, fixtures));
    }),
  );
  await pooled(tasks, 2);
});

function both(file: string, mode: string): { builtin: CliResult; python: CliResult } {
  const builtin = runs.get(key(file, 'builtin', mode))!;
  const python = runs.get(key(file, 'python', mode))!;
  assert.equal(builtin.status, 0, `built-in backend: ${builtin.stderr}`);
  assert.equal(python.status, 0, `python backend: ${python.stderr}`);
  return { builtin, python };
}

/** Event types of a run, less those only one backend sends (`ready`, `environment`: the probe's). */
const typesOf = (events: RunEvent[]) =>
  [...new Set(events.map((e) => e.type))].filter((t) => t !== 'environment' && t !== 'ready').sort();

/** Each parameter's update ratio at `step`, with the parameters' names. */
function ratiosAt(events: RunEvent[], step: number): { names: string[]; ratios: number[] } {
  for (const e of events) {
    if (e.type !== 'steps' || step < e.firstStep || step >= e.firstStep + e.losses.length) continue;
    assert.ok(e.updateRatios, `step ${step} carries update ratios`);
    return { names: e.updateRatios.names, ratios: e.updateRatios.ratios.map((r) => r[step - e.firstStep]) };
  }
  assert.fail(`no steps event holds step ${step}`);
}

function sameLosses(python: CliResult, builtin: CliResult): void {
  const ours = lossesOf(python.events);
  const reference = lossesOf(builtin.events);
  assert.equal(ours.length, reference.length, 'as many steps as the built-in backend');
  ours.forEach((loss, i) => assert.ok(Math.abs(loss - reference[i]) <= 1e-4, `step ${i}: ${loss} vs ${reference[i]}`));
}

test('a Python that imports torch is available', (t) => torchPythonTest(t));

test('a hand-written update loop streams what the built-in backend streams', { skip: needsTorch }, () => {
  const { builtin, python } = both('manual_updates.py', 'train');
  assert.equal(python.stdout, builtin.stdout);
  sameLosses(python, builtin);
  assert.deepEqual(typesOf(python.events), typesOf(builtin.events));
  // The model's first step (3, after the loose tensors' 3) has its update ratios on both backends (later
  // steps' are sampled by the probe to bound its cost).
  const ours = ratiosAt(python.events, 3);
  const reference = ratiosAt(builtin.events, 3);
  assert.deepEqual(ours.names, ['0.weight', '0.bias', '2.weight', '2.bias']);
  assert.deepEqual(ours.names, reference.names);
  ours.ratios.forEach((r, i) =>
    assert.ok(Math.abs(r - reference.ratios[i]) <= 1e-4, `${ours.names[i]}: ${r} vs ${reference.ratios[i]}`),
  );
});

test('step mode pauses after each hand-written update, as the built-in backend does', { skip: needsTorch }, () => {
  const { builtin, python } = both('manual_updates.py', 'step');
  sameLosses(python, builtin);
  const pauses = (events: RunEvent[]) =>
    events
      .filter((e): e is PausedEvent => e.type === 'paused')
      .map((p) => [p.step, p.phase, p.pos?.line ?? null, p.update?.rule ?? null, p.before?.length ?? 0]);
  const ours = pauses(python.events);
  assert.deepEqual(ours, pauses(builtin.events));
  // 3 steps of the loose tensors and 5 of the model by hand (the last one ended by set_grad_enabled(True)),
  // then 3 optimizer steps (the clamp after each is part of that step's update).
  assert.deepEqual(
    ours.map((p) => p[3]),
    [...Array(8).fill('manual'), 'sgd', 'sgd', 'sgd'],
  );
  const updateParams = (events: RunEvent[]) =>
    events.filter((e) => e.type === 'params' && e.phase === 'update').map((e) => e.type === 'params' && e.step);
  assert.deepEqual(updateParams(python.events), updateParams(builtin.events));
});

/** Differences between two figure values: numbers within 1e-4 (pixel bytes within 1), keys and lengths alike. */
function figureDifferences(a: unknown, b: unknown, at: string, out: string[]): void {
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    const list = (v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v);
    figureDifferences(list(a), list(b), at, out);
  } else if (typeof a === 'number' && typeof b === 'number') {
    const tolerance = /\.rgba\[\d+\]$/.test(at) ? 1 : 1e-4 * Math.max(1, Math.abs(a));
    if (Math.abs(a - b) > tolerance) out.push(`${at}: ${a} vs ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${at}: ${a.length} vs ${b.length} items`);
    else a.forEach((v, i) => figureDifferences(v, b[i], `${at}[${i}]`, out));
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
      figureDifferences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`, out);
  } else if (a !== b) out.push(`${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
}

test('a figure event has the same form on both backends; a contour plot comes as pixels', { skip: needsTorch }, () => {
  const { builtin, python } = both('figures.py', 'train');
  const figures = (events: RunEvent[]) => events.filter((e): e is FigureEvent => e.type === 'figure');
  const [ours, contour] = figures(python.events);
  const [reference] = figures(builtin.events);
  assert.equal(figures(python.events).length, 2);
  const differences: string[] = [];
  figureDifferences(reference, ours, 'figure', differences);
  assert.deepEqual(differences, []);
  assert.deepEqual(
    ours.axes.map((a) => a.artists.map((x) => x.kind)),
    [['scatter', 'line'], ['rects', 'hline', 'text'], ['image'], ['rects'], ['line']],
  );
  assert.deepEqual(
    ours.axes.map((a) => a.twin),
    [null, null, null, null, 'x'],
  );
  assert.equal(contour.axes.length, 1);
  const [pixels] = contour.axes[0].artists;
  assert.ok(pixels.kind === 'image' && !contour.axes[0].axisOn);
  assert.deepEqual([pixels.cols, pixels.rows, pixels.rgba.length], [640, 480, 640 * 480 * 4]);
});
