// Restricted Mode checks, in a code-server window whose folder is not trusted: running a file is running
// code, so the CodeLens rows offer no action (one lens explains and leads to the trust editor) and Train
// from the Command Palette shows a warning instead of opening a panel or starting a run.
import assert from 'node:assert/strict';
import { eventually } from './workbench.mjs';

/** The words of every CodeLens shown in the active editor. */
async function lensTexts(wb) {
  return wb.page.locator('.editor-instance .monaco-editor .codelens-decoration a').allInnerTexts();
}

export function restrictedModeTests() {
  return [
    {
      name: 'Restricted Mode: the workbench says so and xor.py shows no Train, Step or Backprop lens',
      async run(wb) {
        await wb.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 60_000 });
        await wb.openFile('xor.py');
        const lens = wb.codeLens('Restricted Mode');
        await lens.waitFor({ timeout: 60_000 });
        // The lens row can be redrawn (a refresh after the trust check) right after it first appears.
        let texts = [];
        await eventually('the CodeLens row to be drawn', async () => (texts = await lensTexts(wb)).length > 0, 30_000);
        await wb.screenshot('restricted-lenses');
        for (const word of ['Train', 'Step', 'Backprop']) {
          assert.ok(
            !texts.some((t) => new RegExp(`\\b${word}\\b`).test(t) && !t.includes('Restricted')),
            `a "${word}" lens is offered: ${texts.join(' | ')}`,
          );
          // Nor does the editor's title bar offer the action.
          const button = wb.page.locator(`.editor-actions .action-label[aria-label^="${word}"]`);
          assert.equal(await button.count(), 0, `the editor title bar offers "${word}"`);
        }
      },
    },
    {
      name: 'Restricted Mode: Train from the palette warns and starts no run',
      async run(wb) {
        await wb.runCommand('Backprop Lens: Train');
        const warning = wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'Restricted Mode' });
        await warning.first().waitFor({ timeout: 30_000 });
        await wb.screenshot('restricted-train-warning');
        // Give a run every chance to appear: no panel tab opens and the status bar shows no run.
        await wb.page.waitForTimeout(3000);
        assert.equal(await wb.editorTab('Backprop Lens: xor.py').count(), 0, 'a training panel opened');
        const running = await wb.page.locator('.statusbar-item', { hasText: /Training|Paused|Step \d/ }).count();
        assert.equal(running, 0, 'the status bar shows a run');
        await eventually(
          'the lens still explains Restricted Mode',
          () => wb.codeLens('Restricted Mode').isVisible(),
          10_000,
        );
      },
    },
  ];
}
