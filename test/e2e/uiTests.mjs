// The user-level checks of the end-to-end test, run in order in one code-server window (see run.mjs).
// Each returns normally or throws; each saves screenshots of what it saw.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertFitsWidth, eventually } from './workbench.mjs';

/** The command line of the extension's runtime, for the same file run outside VS Code. */
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/cli.js');

/** The panel webview of `file`: its heading shows the file name. */
const panelOf = (file) => `body.view-panel h1.title:text-is("${file}")`;

async function panelFrame(wb, file) {
  await wb.editorTab(`Backprop Lens: ${file}`).first().waitFor({ timeout: 60_000 });
  return wb.webviewFrame(panelOf(file), 60_000);
}

/** Waits until the panel's run controls report `status` (idle, starting, running, paused, finished, ...). */
async function waitStatus(frame, status, timeout = 120_000) {
  await frame.locator(`.run-controls[data-status="${status}"]`).waitFor({ state: 'attached', timeout });
}

/** The number after the last "Loss " in a text such as "Step 1499: Loss 0.001612". */
function lastLossIn(text) {
  const all = [...text.matchAll(/Loss\s+([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/gi)];
  assert.ok(all.length > 0, `no loss in "${text}"`);
  return Number(all.at(-1)[1]);
}

/** Parses a number as the panel formats it (4 significant digits, `nan`, `inf`, `–` for none). */
function parseShown(text) {
  const t = text.trim();
  if (t === '–' || t === '') return null;
  if (t === 'nan') return NaN;
  if (t === 'inf' || t === '-inf') return t === 'inf' ? Infinity : -Infinity;
  return Number(t);
}

/** True when a and b agree to the 4 significant digits the panel shows. */
function closeShown(a, b) {
  return Math.abs(a - b) <= 1e-3 * Math.max(Math.abs(a), Math.abs(b)) + 1e-6;
}

/** Where CPython reports the syntax error of `file` (1-based line), or null without python3. */
function cpythonSyntaxErrorLine(file) {
  const probe = [
    'import sys',
    'try:',
    '    compile(open(sys.argv[1]).read(), sys.argv[1], "exec")',
    'except SyntaxError as e:',
    '    print(e.lineno)',
    'else:',
    '    sys.exit("compiles without a SyntaxError")',
  ].join('\n');
  let out;
  try {
    out = execFileSync('python3', ['-c', probe, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
  return Number(out.trim());
}

/** The shape PyTorch gives the first `nn.Linear(in, out)` of a file's weight: [out, in] (defaults resolved). */
function firstLinearWeightShape(source) {
  const m = /nn\.Linear\(\s*(\w+)\s*,\s*(\w+)/.exec(source);
  assert.ok(m, 'no nn.Linear in the file');
  const value = (tok) =>
    /^\d+$/.test(tok) ? Number(tok) : Number(new RegExp(`\\b${tok}\\s*=\\s*(\\d+)`).exec(source)?.[1]);
  const shape = [value(m[2]), value(m[1])];
  assert.ok(shape.every(Number.isInteger), `cannot read the Linear sizes from "${m[0]}"`);
  return shape;
}

export function uiTests({ cli, workspace }) {
  return [
    {
      name: 'Train CodeLens: the panel charts the loss falling to the final loss the CLI prints for xor.py',
      async run(wb) {
        await wb.openFile('xor.py');
        await wb.codeLens('Train').waitFor({ timeout: 60_000 });
        await wb.screenshot('xor-codelens');
        await wb.clickCodeLens('Train');
        const frame = await panelFrame(wb, 'xor.py');
        await wb.screenshot('train-started');
        await waitStatus(frame, 'finished');
        const chart = frame.locator('#loss canvas');
        // The chart redraws at most ~30 times a second: wait for the last batch to be drawn.
        await eventually(
          'the chart to show every step',
          async () => Number(await chart.getAttribute('data-steps')) === cli.losses.length,
          10_000,
        );
        await wb.screenshot('train-finished');
        const label = await chart.getAttribute('aria-label');
        const latest = Number(await chart.getAttribute('data-latest-loss'));
        const first = Number(await chart.getAttribute('data-first-loss'));
        // Same file, same seed, same runtime: the very same float32 values.
        assert.equal(latest, cli.finalLoss, 'final loss in the panel equals the CLI run');
        assert.equal(first, cli.losses[0], 'first loss in the panel equals the CLI run');
        assert.ok(closeShown(lastLossIn(label), cli.finalLoss), `the chart's label "${label}" shows ${cli.finalLoss}`);
        assert.ok(latest < first / 10, `loss falls: ${first} -> ${latest}`);
        const state = await frame.locator('.run-state').textContent();
        assert.match(state, new RegExp(`\\b${cli.losses.length}\\b`), `run state "${state}" gives the step count`);
        // A concept view in the real panel: the trained XOR net's decision boundary, naming the tensors it was
        // computed from, with all four points classified correctly at the last step.
        const boundary = frame.locator('#boundary');
        await boundary.waitFor({ state: 'visible', timeout: 10_000 });
        const canvas = boundary.locator('canvas');
        await eventually(
          'the decision boundary of the last step',
          async () => (await canvas.getAttribute('aria-label'))?.includes(`step ${cli.losses.length}`),
          10_000,
        );
        assert.match(await canvas.getAttribute('aria-label'), /100%/, 'every XOR point is classified correctly');
        assert.match(await boundary.locator('.concept-data').textContent(), /X \[4×2\]/);
        await boundary.scrollIntoViewIfNeeded();
        await wb.screenshot('train-decision-boundary');
      },
    },
    {
      name: 'Step CodeLens: a fresh run pauses in the update phase with a before/after table',
      async run(wb) {
        await wb.editorTab('xor.py').first().click();
        await wb.clickCodeLens('Step');
        const frame = await panelFrame(wb, 'xor.py');
        await waitStatus(frame, 'paused', 60_000);
        const current = frame.locator('.phase-strip li[aria-current="step"]');
        await current.waitFor();
        assert.ok((await current.getAttribute('class')).includes('phase-update'), 'the current phase is update');
        const table = frame.locator('#paused .paused-table');
        await table.waitFor();
        await table.scrollIntoViewIfNeeded();
        await wb.screenshot('step-paused');
        // Every column, "After update" and "After − before" included, fits the panel at its default width.
        await assertFitsWidth(frame, '#paused .update-table', 'the update table');
        const state = await frame.locator('.run-state').textContent();
        assert.match(state, /update/i, `run state "${state}" names the update phase`);
        // Each cell's title holds the value with all its digits (the cell shows 4 significant ones).
        const rows = await table
          .locator('tbody tr:not(.param-row):not(.truncated):not(.pager)')
          .evaluateAll((trs) =>
            trs.map((tr) => Array.from(tr.children).map((c) => c.getAttribute('title') ?? c.textContent ?? '')),
          );
        assert.ok(rows.length > 0, 'the table lists parameter elements');
        let changed = 0;
        for (const [name, b, g, lrg, a] of rows) {
          const before = parseShown(b);
          const grad = parseShown(g);
          const step = parseShown(lrg);
          const after = parseShown(a);
          assert.ok(before !== null && after !== null, `${name}: before and after are shown`);
          assert.ok(grad !== null && step !== null, `${name}: the gradient and lr×grad are shown`);
          // Plain SGD (xor.py): after = before − lr·grad, to the digits shown.
          assert.ok(
            Math.abs(before - step - after) <=
              2e-3 * Math.max(Math.abs(before), Math.abs(after), Math.abs(step)) + 1e-6,
            `${name}: ${before} − ${step} should be ${after}`,
          );
          if (before !== after) changed++;
        }
        assert.ok(changed > 0, 'the update changed some parameter');
        await wb.editorTab('xor.py').first().click();
        await wb.clickCodeLens('Stop');
        await waitStatus(frame, 'stopped', 30_000);
      },
    },
    {
      name: 'Phases CodeLens: pauses after forward, loss, backward and update, each showing its values',
      async run(wb) {
        await wb.editorTab('xor.py').first().click();
        const frame = await panelFrame(wb, 'xor.py');
        const current = frame.locator('.phase-strip li[aria-current="step"]');
        const seen = [];
        for (const phase of ['forward', 'loss', 'backward', 'update']) {
          // The first click starts a run in phases mode; each next one continues to the next phase.
          await wb.editorTab('xor.py').first().click();
          await wb.clickCodeLens('Phases');
          await eventually(
            `the ${phase} phase`,
            async () => (await current.getAttribute('class'))?.includes(`phase-${phase}`),
            60_000,
          );
          await waitStatus(frame, 'paused', 30_000);
          const value = (await current.locator('.phase-value').textContent())?.trim() ?? '';
          assert.ok(value.length > 0, `the ${phase} phase shows a value`);
          seen.push(value);
          await wb.screenshot(`phases-${phase}`);
          if (phase === 'forward') {
            // xor.py's four samples: each prediction beside its target (0, 1, 1, 0).
            const rows = await frame
              .locator('#paused .forward-table tbody tr')
              .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? '')));
            assert.deepEqual(
              rows.map((r) => r[2]),
              ['0', '1', '1', '0'],
            );
            assert.ok(
              rows.every((r) => Number(r[1]) > 0 && Number(r[1]) < 1),
              'sigmoid outputs are probabilities',
            );
          }
          if (phase === 'loss') {
            const line = await frame.locator('#paused .loss-line').textContent();
            assert.match(line, /mean of binary cross-entropies/, `loss line "${line}"`);
            assert.ok(closeShown(Number(value), lastLossIn(line)), `${value} is the loss of "${line}"`);
          }
          if (phase === 'backward') assert.match(value, /grad norm \d/);
          if (phase === 'update') {
            assert.equal(value, 'lr × grad');
            const head = await frame.locator('#paused .paused-table thead th').allTextContents();
            assert.ok(head.includes('After − before'), `columns ${head.join(' | ')}`);
            await assertFitsWidth(frame, '#paused .update-table', 'the update table');
          }
        }
        // The step's other phases keep their values while the update is current.
        assert.equal(await frame.locator('.phase-strip .phase-value:not(:empty)').count(), 4, seen.join(' / '));
        await wb.editorTab('xor.py').first().click();
        await wb.clickCodeLens('Stop');
        await waitStatus(frame, 'stopped', 30_000);
      },
    },
    {
      name: 'syntax_error.py: the SyntaxError shows in the Problems panel on the line CPython reports',
      async run(wb) {
        const file = path.join(workspace, 'syntax_error.py');
        const expectedLine = cpythonSyntaxErrorLine(file);
        await wb.openFile('syntax_error.py');
        // The broken loop header gets no CodeLens: train from the command palette.
        await wb.runCommand('Backprop Lens: Train');
        const frame = await panelFrame(wb, 'syntax_error.py');
        await waitStatus(frame, 'failed', 60_000);
        await wb.page.keyboard.press('Control+Shift+M');
        const row = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'SyntaxError' }).first();
        await row.waitFor({ timeout: 30_000 });
        await wb.screenshot('problems-syntax-error');
        const text = await row.textContent();
        const at = /\[Ln (\d+), Col (\d+)\]/.exec(text);
        assert.ok(at, `the problem "${text}" has a position`);
        if (expectedLine !== null) assert.equal(Number(at[1]), expectedLine, `line of "${text}"`);
        const fileRow = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'syntax_error.py' });
        assert.ok((await fileRow.count()) > 0, 'the problem is listed under syntax_error.py');
      },
    },
    {
      name: "sidebar inspector: lists xor.py's parameters with the shapes PyTorch gives them",
      async run(wb) {
        await wb.editorTab('xor.py').first().click();
        await wb.page.locator('.activitybar .action-item .action-label[aria-label^="Backprop Lens"]').first().click();
        const frame = await wb.webviewFrame('body.view-sidebar .param-list', 60_000);
        await wb.screenshot('inspector');
        const params = await frame
          .locator('.param-list .param-button')
          .evaluateAll((bs) =>
            bs.map((b) => [
              b.querySelector('.param-name')?.textContent ?? '',
              b.querySelector('.param-shape')?.textContent ?? '',
            ]),
          );
        const shapes = Object.fromEntries(params);
        const source = fs.readFileSync(path.join(workspace, 'xor.py'), 'utf8');
        const [out, inp] = firstLinearWeightShape(source);
        const first = params[0]?.[0];
        assert.ok(first?.endsWith('.weight'), `the first parameter is a Linear weight (got ${first})`);
        assert.equal(shapes[first], `[${out}×${inp}]`, `${first} shape`);
        const bias = first.replace(/weight$/, 'bias');
        assert.equal(shapes[bias], `[${out}]`, `${bias} shape`);
        // Back to the Explorer for the next steps.
        await wb.page.locator('.activitybar .action-item .action-label[aria-label^="Explorer"]').first().click();
      },
    },
    {
      name: 'runaway_loop.py: Stop ends a loop that never finishes',
      async run(wb) {
        await wb.openFile('runaway_loop.py');
        await wb.clickCodeLens('Train');
        const frame = await panelFrame(wb, 'runaway_loop.py');
        await waitStatus(frame, 'running', 60_000);
        const chart = frame.locator('#loss canvas');
        // It is really training: the step count keeps growing.
        const steps = async () => Number((await chart.getAttribute('data-steps')) ?? 0);
        const s1 = await eventually('steps', steps, 30_000);
        await eventually('more steps', async () => (await steps()) > s1, 30_000);
        await wb.screenshot('runaway-running');
        await wb.editorTab('runaway_loop.py').first().click();
        const t0 = Date.now();
        await wb.clickCodeLens('Stop');
        await waitStatus(frame, 'stopped', 15_000);
        const stoppedAfter = Date.now() - t0;
        const s2 = await steps();
        await wb.page.waitForTimeout(1000);
        assert.equal(await steps(), s2, 'no steps after the stop');
        assert.ok(stoppedAfter < 15_000, `stopped within ${stoppedAfter} ms`);
        // The lenses offer Train again once the run is over.
        await wb.codeLens('Train').waitFor({ timeout: 10_000 });
        await wb.screenshot('runaway-stopped');
      },
    },
    {
      name: 'Compare learning rates: the panel button overlays x0.1, x1 and x10 runs with the CLI’s final losses',
      async run(wb) {
        const file = path.join(workspace, 'linear_model.py');
        // The same file through the CLI at each factor (BACKPROP_LENS_LR_SCALE): every step's loss.
        const expected = ['0.1', '1', '10'].map((scale) => {
          const events = path.join(os.tmpdir(), `backprop-lens-compare-${scale}.jsonl`);
          execFileSync(process.execPath, [CLI, 'run', file, '--events', events], {
            env: { ...process.env, BACKPROP_LENS_LR_SCALE: scale },
            stdio: 'ignore',
            timeout: 300_000,
          });
          const losses = [];
          for (const line of fs.readFileSync(events, 'utf8').split('\n')) {
            const e = line ? JSON.parse(line) : null;
            if (e?.type === 'steps') e.losses.forEach((v, i) => (losses[e.firstStep + i] = v === null ? NaN : v));
          }
          return losses;
        });
        await wb.openFile('linear_model.py');
        await wb.clickCodeLens('Train');
        const frame = await panelFrame(wb, 'linear_model.py');
        await waitStatus(frame, 'finished');
        await frame.locator('#compare-factors').fill('0.1, 1, 10');
        await frame.locator('#compare-button').click();
        const chart = frame.locator('#compare-chart');
        await chart.waitFor({ state: 'visible', timeout: 60_000 });
        await eventually(
          'the three runs to finish',
          async () => (await chart.getAttribute('data-status')) === 'finished,finished,finished',
          300_000,
        );
        await eventually(
          'every step to be drawn',
          async () => (await chart.getAttribute('data-steps')) === expected.map((l) => l.length).join(','),
          10_000,
        );
        await frame.locator('#compare').scrollIntoViewIfNeeded();
        await wb.screenshot('compare-learning-rates');
        const finals = JSON.parse(await chart.getAttribute('data-final-losses'));
        expected.forEach((losses, k) => {
          const last = losses.at(-1);
          if (Number.isNaN(last)) assert.equal(finals[k], null, `x${[0.1, 1, 10][k]} diverged in both`);
          else assert.equal(finals[k], last, `x${[0.1, 1, 10][k]}: the panel's final loss is the CLI's`);
        });
        const summary = await frame.locator('#compare .compare-summary').textContent();
        assert.match(summary, /×0\.1/);
        assert.match(summary, /×10/);
      },
    },
  ];
}
