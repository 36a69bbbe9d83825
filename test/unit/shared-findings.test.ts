// The findings (src/shared/findings.ts) on learner-mistake files (test/unit/fixtures/mistakes/) run through the
// CLI: each mistake is found, at the line that causes it, and the learning-rate guesses it explains are not
// shown. Each fixture's printed result equals what PyTorch 1.13 printed for it (checked in the test).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { findingsOfRun, findingText, type Finding } from '../../src/shared/findings';
import { RunState } from '../../src/shared/runState';
import { VIEW_STRINGS } from '../../src/shared/strings';
import { root, runThroughCli } from './extension-cliRun';

const MISTAKES = 'test/unit/fixtures/mistakes';

/** The findings the panel shows at the end of the file's run, and the run itself. */
function findingsOf(file: string): { findings: Finding[]; printed: string; source: string } {
  const run = runThroughCli(file);
  const finished = run.events.find((e) => e.type === 'finished');
  const started = run.events.find((e) => e.type === 'started');
  assert.ok(started?.type === 'started' && finished);
  const state = new RunState(started.runId, started.file, 'train');
  run.events.forEach((e, i) => state.apply(e, i));
  const source = fs.readFileSync(path.join(root, file), 'utf8');
  const findings = findingsOfRun(state, source);
  return { findings, printed: run.printed, source };
}

/** 1-based line of the first line containing `text`. */
function lineOf(source: string, text: string): number {
  const i = source.split('\n').findIndex((l) => l.includes(text));
  assert.ok(i >= 0, `no line with ${text}`);
  return i + 1;
}

/** What /usr/bin/python3 (PyTorch 1.13) prints for the file; the runs below must print the same. */
function printedByPyTorch(file: string): string | null {
  try {
    return execFileSync('/usr/bin/python3', [path.join(root, file)], { encoding: 'utf8', timeout: 120_000 });
  } catch {
    return null; // no Debian python3-torch here: the findings are still checked
  }
}

function kinds(findings: Finding[]): string[] {
  return findings.map((f) => f.kind);
}

function samePrinted(file: string, printed: string): void {
  const reference = printedByPyTorch(file);
  if (reference !== null) assert.equal(printed, reference);
}

test('no zero_grad(): found at the backward line, and not blamed on the learning rate', () => {
  const file = `${MISTAKES}/no_zero_grad.py`;
  const { findings, printed, source } = findingsOf(file);
  samePrinted(file, printed);
  const f = findings.find((x) => x.kind === 'noZeroGrad');
  assert.ok(f, kinds(findings).join());
  assert.equal(f.line, lineOf(source, 'loss.backward()'));
  assert.equal(f.step, 1, 'the second backward is the first to add onto old gradients');
  for (const k of ['rising', 'oscillating', 'slow', 'plateau']) assert.ok(!kinds(findings).includes(k), k);
  assert.match(findingText(f, VIEW_STRINGS), /optimizer\.zero_grad\(\)/);
});

test('gradient accumulation on purpose (several backwards, then a step and zero_grad) is not flagged', () => {
  const file = `${MISTAKES}/accumulate_on_purpose.py`;
  const { findings, printed } = findingsOf(file);
  samePrinted(file, printed);
  assert.ok(!kinds(findings).includes('noZeroGrad'), kinds(findings).join());
});

test('dead ReLUs over the whole batch: found at the ReLU, and not called a small learning rate', () => {
  const file = `${MISTAKES}/dead_relu.py`;
  const { findings, printed, source } = findingsOf(file);
  samePrinted(file, printed);
  const f = findings.find((x) => x.kind === 'deadRelu');
  assert.ok(f, kinds(findings).join());
  assert.equal(f.line, lineOf(source, 'nn.ReLU()'));
  assert.deepEqual(f.values, [8, 8]);
  assert.equal(f.subject, '1');
  assert.ok(!kinds(findings).includes('slow') && !kinds(findings).includes('plateau'), kinds(findings).join());
});

test('vanishing gradients of 1e-11 are found at the first layer', () => {
  const file = `${MISTAKES}/vanishing_gradients.py`;
  const { findings, printed, source } = findingsOf(file);
  samePrinted(file, printed);
  const first = findings.find((x) => x.kind === 'vanishing' && x.subject === '0');
  assert.ok(first, kinds(findings).join());
  assert.ok(first.values[0] < 1e-9, String(first.values[0]));
  assert.equal(first.line, lineOf(source, 'layers += [nn.Linear(4, 4), nn.Sigmoid()]'));
  assert.ok(!findings.some((x) => x.kind === 'vanishing' && x.subject === '24'), 'the last layer learns');
});

test('exploding gradients are found at the layers that create them', () => {
  const file = `${MISTAKES}/exploding_gradients.py`;
  const { findings, printed, source } = findingsOf(file);
  samePrinted(file, printed);
  const first = findings.find((x) => x.kind === 'exploding' && x.subject === '0');
  assert.ok(first, kinds(findings).join());
  assert.ok(first.values[0] > 1e5);
  assert.equal(first.line, lineOf(source, 'model = nn.Sequential('));
});

test('a plateau far from solved is found, with the step where it began, at the optimizer', () => {
  const file = `${MISTAKES}/plateau.py`;
  const { findings, printed, source } = findingsOf(file);
  samePrinted(file, printed);
  const f = findings.find((x) => x.kind === 'plateau');
  assert.ok(f, kinds(findings).join());
  assert.ok(Math.abs(f.values[0] - 0.25) < 1e-3);
  assert.ok(f.step! > 0 && f.step! < 150, String(f.step));
  assert.equal(f.line, lineOf(source, 'torch.optim.SGD('));
});

test('divergence to NaN: the step the climb began and the step it overflowed', () => {
  const file = `${MISTAKES}/diverging.py`;
  const { findings, printed, source } = findingsOf(file);
  samePrinted(file, printed);
  const f = findings.find((x) => x.kind === 'diverged');
  assert.ok(f, kinds(findings).join());
  const losses = runThroughCli(file).losses;
  const firstNaN = losses.findIndex((v) => !Number.isFinite(v));
  assert.equal(f.values[0], firstNaN);
  assert.ok(f.step! < firstNaN);
  for (let i = f.step! + 1; i < firstNaN; i++) assert.ok(losses[i] > losses[i - 1], `rises at ${i}`);
  assert.equal(f.line, lineOf(source, 'torch.optim.SGD('));
  assert.match(findingText(f, VIEW_STRINGS), new RegExp(`step ${firstNaN}`));
});

test('a solved XOR and a healthy linear fit get no findings', () => {
  for (const file of ['examples/xor.py', 'examples/linear_model.py']) {
    const { findings } = findingsOf(file);
    assert.deepEqual(kinds(findings), [], file);
  }
});

test('files that train several models in turn are judged by their latest series', () => {
  // The jump from one model's final loss to the next one's first loss is no divergence.
  for (const file of ['examples/local_minimum.py', 'examples/linear_vs_nonlinear.py']) {
    const { findings } = findingsOf(file);
    assert.deepEqual(
      findings.filter((f) => ['diverged', 'vanishing', 'exploding'].includes(f.kind)),
      [],
      file,
    );
  }
  // learning_rates.py's last series (lr=1.1) does diverge: found there, at a step of that series.
  const { findings, printed } = findingsOf('examples/learning_rates.py');
  assert.match(printed, /lr 1.1: final loss 1.6\d*e\+06/);
  const diverged = findings.filter((f) => f.kind === 'diverged');
  assert.equal(diverged.length, 1);
  assert.ok((diverged[0].step ?? 0) >= 80, `diverged from step ${diverged[0].step}, before the lr=1.1 series`);
  assert.deepEqual(
    kinds(findings).filter((k) => k === 'vanishing'),
    [],
  );
});
