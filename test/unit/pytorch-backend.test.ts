// The Python backend (`backprop-lens run FILE --backend python`: the learner's own Python and PyTorch under
// src/python/real/backprop_lens_probe.py) against the built-in one on every reference script
// (test/reference/scripts): the printed output is what PyTorch printed (NAME.expected.txt, compared by the
// shared tool), every loss equals the built-in backend's within 1e-4 (relative beyond 1), the same run event
// types arrive (plus `environment`), concept views and series included, and the model's module tree is the
// same. Uses the built dist/. What the concept views hold is compared in pytorch-backend-views.test.ts.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunEvent } from '../../src/protocol';
import { bundledScriptsDir as scriptsDir, compareTool } from '../reference/paths';
import {
  type CliResult,
  lossesOf,
  needsTorch,
  pooled,
  runCli,
  torchPython,
  torchPythonTest,
} from './pytorch-backend-helpers';

const scripts = fs
  .readdirSync(scriptsDir)
  .filter((f) => f.endsWith('.py') && fs.existsSync(path.join(scriptsDir, f.replace(/\.py$/, '.expected.txt'))))
  .sort();

const runs = new Map<string, { builtin: CliResult; python: CliResult }>();

before(async () => {
  if (!torchPython) return;
  // Run from the scripts folder with a relative path, as a learner runs `python NAME.py`.
  type Task = () => Promise<{ script: string; kind: 'builtin' | 'python'; result: CliResult }>;
  const tasks = scripts.flatMap((script): Task[] => [
    async () => ({ script, kind: 'builtin', result: await runCli(script, [], scriptsDir) }),
    async () => ({
      script,
      kind: 'python',
      result: await runCli(script, ['--backend', 'python', '--python', torchPython!], scriptsDir),
    }),
  ]);
  for (const { script, kind, result } of await pooled(tasks, 2)) {
    const entry = runs.get(script) ?? ({} as { builtin: CliResult; python: CliResult });
    entry[kind] = result;
    runs.set(script, entry);
  }
});

test('a Python that imports torch is available', (t) => torchPythonTest(t));

function printedMatches(script: string, result: CliResult): void {
  const actual = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-out-')), 'actual.txt');
  fs.writeFileSync(actual, result.stdout + result.stderr);
  const expected = path.join(scriptsDir, script.replace(/\.py$/, '.expected.txt'));
  const compare = spawnSync(process.execPath, [compareTool, expected, actual], { encoding: 'utf8' });
  fs.rmSync(path.dirname(actual), { recursive: true, force: true });
  assert.equal(compare.status, 0, `${script}: ${compare.stdout.trim()}`);
}

/** The run events both backends send. */
const RUN_EVENT_TYPES = new Set([
  'ready',
  'started',
  'model',
  'steps',
  'series',
  'params',
  'activations',
  'output',
  'paused',
  'resumed',
  'warning',
  'error',
  'finished',
  'prediction',
  'landscape',
  'graph',
  'activationInputs',
  'batch',
]);
/**
 * Views the built-in engine computes by replaying a step's graph where PyTorch's graph keeps too little to
 * compute them again: plain tensors trained by hand (`w * x + b`, no nn.Module: no prediction, landscape or
 * batch), and a "loss" that is no loss function of the model's output and data (`model(x).sum()`: no landscape).
 */
const PLAIN_TENSOR_VIEWS: Record<string, string[]> = {
  'manual_gradient_descent.py': ['prediction', 'landscape', 'batch'],
  'modules_and_models.py': ['landscape'],
};
const types = (events: RunEvent[]) => new Set(events.map((e) => e.type).filter((t) => RUN_EVENT_TYPES.has(t)));
const modelsOf = (events: RunEvent[]) => events.flatMap((e) => (e.type === 'model' ? [e.modules] : []));

for (const script of scripts) {
  test(
    `${script} through --backend python prints what PyTorch printed and records what the built-in backend records`,
    { skip: needsTorch },
    () => {
      const { builtin, python } = runs.get(script)!;
      assert.equal(python.status, 0, `${script} exited with ${python.status}: ${python.stderr}`);
      printedMatches(script, python);
      const ours = lossesOf(python.events);
      const reference = lossesOf(builtin.events);
      assert.equal(ours.length, reference.length, 'as many steps as the built-in backend');
      ours.forEach((loss, i) => {
        const want = reference[i];
        assert.ok(
          Math.abs(loss - want) <= 1e-4 * Math.max(1, Math.abs(want)),
          `step ${i}: loss ${loss}, built-in ${want}`,
        );
      });
      const gaps = PLAIN_TENSOR_VIEWS[script] ?? [];
      const missing = [...types(builtin.events)].filter((t) => !types(python.events).has(t) && !gaps.includes(t));
      assert.deepEqual(missing, [], 'every event type of the built-in backend');
      assert.ok(python.events.some((e) => e.type === 'environment'));
      assert.deepEqual(modelsOf(python.events), modelsOf(builtin.events), 'the same module trees');
      const finished = python.events.find((e) => e.type === 'finished');
      assert.ok(finished?.type === 'finished' && finished.status === 'finished' && finished.exitCode === 0);
      assert.equal(finished.steps, reference.length);
    },
  );
}
