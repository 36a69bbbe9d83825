// The python backend in a real VS Code: the session's user settings point backpropLens.pythonPath at a
// Python with torch (Debian's /usr/bin/python3 with python3-torch). With the built-in engine as the backend,
// xor.py offers "Run on PyTorch", which trains it on PyTorch: the panel shows the losses and the text that
// `backprop-lens run xor.py --backend python` records and prints, with the environment line (PyTorch's
// version, devices), and another file still trains on the built-in engine beside it. Then "Switch Backend"
// (the status bar item's quick pick) makes PyTorch the backend: the status bar names PyTorch's and Python's
// versions, and Step pauses the run on PyTorch with the before/after table until Stop ends it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { assertFitsWidth, eventually } from './workbench.mjs';

const panelOf = (file) => `body.view-panel h1.title:text-is("${file}")`;

async function panelFrame(wb, file) {
  await wb.editorTab(`Backprop Lens: ${file}`).first().waitFor({ timeout: 60_000 });
  return wb.webviewFrame(panelOf(file), 60_000);
}

async function waitStatus(frame, status, timeout = 120_000) {
  await frame.locator(`.run-controls[data-status="${status}"]`).waitFor({ state: 'attached', timeout });
}

/** The versions the interpreter reports itself. */
function versionsOf(python) {
  const [version, torch] = execFileSync(
    python,
    ['-c', 'import platform, torch; print(platform.python_version()); print(torch.__version__)'],
    { encoding: 'utf8' },
  )
    .trim()
    .split('\n');
  return { version, torch };
}

const statusItem = (wb, text) => wb.page.locator('.statusbar-item', { hasText: text }).first();

/** What the Switch Backend quick pick says of the python backend's interpreter (then closes the pick). */
async function checkedInterpreter(wb) {
  try {
    await statusItem(wb, 'Built-in engine').click();
    const row = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'PyTorch on your Python' }).first();
    await row.waitFor({ timeout: 15_000 });
    const text = await row.textContent();
    await wb.page.keyboard.press('Escape');
    return text;
  } catch (err) {
    return `(the quick pick did not open: ${err.message.split('\n')[0]})`;
  }
}

export function pytorchBackendTests({ cli, python }) {
  const { version, torch } = versionsOf(python);
  return [
    {
      name: 'Run on PyTorch lens: xor.py trains on PyTorch; the panel shows the losses and output the CLI records with --backend python',
      async run(wb) {
        await wb.openFile('xor.py');
        // The default backend, in the status bar; the lens appears once the interpreter is checked.
        await statusItem(wb, 'Built-in engine').waitFor({ timeout: 60_000 });
        await wb
          .codeLens('Run on PyTorch')
          .waitFor({ timeout: 120_000 })
          .catch(async (err) => {
            // Say why: the backend quick pick names the interpreter the extension checked and what it found.
            throw new Error(`${err.message}\nthe extension's interpreter check: ${await checkedInterpreter(wb)}`);
          });
        await wb.screenshot('pytorch-lens');
        await wb.clickCodeLens('Run on PyTorch');
        const frame = await panelFrame(wb, 'xor.py');
        await waitStatus(frame, 'finished');
        const chart = frame.locator('#loss canvas');
        await eventually(
          'the chart to show every step',
          async () => Number(await chart.getAttribute('data-steps')) === cli.losses.length,
          10_000,
        );
        await wb.screenshot('pytorch-trained');
        // The same file on the same PyTorch with the same seed: the same float32 losses.
        assert.equal(Number(await chart.getAttribute('data-first-loss')), cli.losses[0], 'first loss');
        assert.equal(Number(await chart.getAttribute('data-latest-loss')), cli.finalLoss, 'final loss');
        const output = await frame.locator('#output pre.output').textContent();
        assert.equal(output.trim(), cli.printed.trim(), 'the output view shows what the CLI printed');
        const env = await frame.locator('.environment').textContent();
        assert.ok(env.startsWith(`PyTorch ${torch} on Python ${version} · devices: cpu`), `environment line "${env}"`);
        assert.match(env, /model on cpu/);
        // The file now runs on PyTorch: the lens is not offered again for it.
        await wb.editorTab('xor.py').first().click();
        await wb.codeLens('Train').waitFor({ timeout: 10_000 });
        assert.equal(await wb.codeLens('Run on PyTorch').count(), 0, 'Run on PyTorch is still offered');
      },
    },
    {
      name: 'the built-in engine beside it: another file trains on the built-in engine, xor.py keeps its PyTorch run',
      async run(wb) {
        await wb.openFile('linear_model.py');
        await wb.clickCodeLens('Train');
        const frame = await panelFrame(wb, 'linear_model.py');
        await waitStatus(frame, 'finished');
        await wb.screenshot('builtin-beside-pytorch');
        // No environment line on the built-in engine.
        assert.equal(await frame.locator('.environment').isVisible(), false, 'the environment line is shown');
        // Both runners number their runs from 1: xor.py's panel must still show its own run.
        await wb.editorTab('Backprop Lens: xor.py').first().click();
        const xor = await panelFrame(wb, 'xor.py');
        await waitStatus(xor, 'finished', 30_000);
        const chart = xor.locator('#loss canvas');
        await eventually(
          'xor.py chart',
          async () => Number(await chart.getAttribute('data-steps')) === cli.losses.length,
        );
        assert.equal(Number(await chart.getAttribute('data-latest-loss')), cli.finalLoss, 'xor.py final loss');
        await xor.locator('.environment', { hasText: `PyTorch ${torch}` }).waitFor({ timeout: 10_000 });
        // Back to the editor group of the files, so that the next file opens there and not beside the panels.
        await wb.editorTab('xor.py').first().click();
      },
    },
    {
      name: 'Switch Backend: the quick pick makes PyTorch the backend; Step pauses on PyTorch and Stop ends it',
      async run(wb) {
        await wb.openFile('linear_model.py');
        await statusItem(wb, 'Built-in engine').click();
        const row = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'PyTorch on your Python' });
        await row.first().waitFor({ timeout: 15_000 });
        assert.match(await row.first().textContent(), new RegExp(`PyTorch ${torch.replace(/[.+]/g, '\\$&')}`));
        await wb.screenshot('switch-backend-pick');
        await row.first().click();
        await statusItem(wb, `PyTorch ${torch} · Python ${version}`).waitFor({ timeout: 60_000 });
        await wb.screenshot('switch-backend-done');
        await wb.clickCodeLens('Step');
        const frame = await panelFrame(wb, 'linear_model.py');
        await waitStatus(frame, 'paused', 60_000);
        await frame.locator('.environment', { hasText: `PyTorch ${torch}` }).waitFor({ timeout: 10_000 });
        const current = frame.locator('.phase-strip li[aria-current="step"]');
        assert.ok((await current.getAttribute('class')).includes('phase-update'), 'paused in the update phase');
        const table = frame.locator('#paused .paused-table');
        await table.waitFor();
        assert.ok((await table.locator('tbody tr').count()) > 0, 'the before/after table lists parameters');
        await wb.screenshot('pytorch-step-paused');
        await assertFitsWidth(frame, '#paused .update-table', 'the update table');
        await wb.editorTab('linear_model.py').first().click();
        await wb.clickCodeLens('Stop');
        await waitStatus(frame, 'stopped', 30_000);
        await wb.codeLens('Train').waitFor({ timeout: 10_000 });
      },
    },
  ];
}
