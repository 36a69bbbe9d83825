// Playwright helpers that act on the VS Code workbench the way a user does: the Explorer, CodeLenses,
// editor tabs, the Problems panel, the activity bar, and webviews (which code-server nests two iframes deep).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export class Workbench {
  constructor(page, screenshotDir) {
    this.page = page;
    this.screenshotDir = screenshotDir;
    this.shots = 0;
  }

  static async open(browser, url, screenshotDir) {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The Explorer has listed the workspace once a file row shows.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return new Workbench(page, screenshotDir);
  }

  async screenshot(name) {
    fs.mkdirSync(this.screenshotDir, { recursive: true });
    const file = path.join(this.screenshotDir, `${String(++this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens a workspace file from the Explorer (double click: a pinned editor, not a preview). */
  async openFile(name) {
    const row = this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`);
    await row.dblclick();
    // The file's own tab (a panel's tab "Backprop Lens: NAME" may be active in the group beside it).
    await this.page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).waitFor({ timeout: 30_000 });
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /** Runs a command from the palette by its title (as `>Title` in Quick Open). */
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page
      .locator('.quick-input-list .monaco-list-row', { hasText: title })
      .first()
      .waitFor({ timeout: 15_000 });
    await this.page.keyboard.press('Enter');
  }

  /** The first CodeLens whose text contains `word` in the active editor. */
  codeLens(word) {
    return this.page.locator('.editor-instance .monaco-editor .codelens-decoration a', { hasText: word }).first();
  }

  async clickCodeLens(word, timeout = 60_000) {
    const lens = this.codeLens(word);
    await lens.waitFor({ timeout });
    await lens.click();
  }

  editorTab(label) {
    return this.page.locator('.tabs-container .tab', { hasText: label });
  }

  async closeAllEditors() {
    await this.runCommand('View: Close All Editors');
  }

  /**
   * The frame of the webview whose document has `selector`: in code-server each webview is an outer
   * iframe (the host page) holding an inner iframe (#active-frame) with the extension's HTML.
   */
  async webviewFrame(selector, timeout = 60_000) {
    const t0 = Date.now();
    for (;;) {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        try {
          if (await frame.locator(selector).count()) return frame;
        } catch {
          // a frame being torn down
        }
      }
      if (Date.now() - t0 > timeout) throw new Error(`no webview shows ${selector} after ${timeout} ms`);
      await this.page.waitForTimeout(250);
    }
  }
}

/** Polls `fn` until it returns a truthy value (returned) or throws after `timeout` ms with its last error. */
export async function eventually(what, fn, timeout = 60_000, interval = 250) {
  const t0 = Date.now();
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Fails when the element `selector` of a webview frame is wider than its own box (a column cut off at the
 * right edge, to be scrolled to sideways), or when the webview's page itself scrolls sideways.
 */
export async function assertFitsWidth(frame, selector, what) {
  const size = await frame
    .locator(selector)
    .first()
    .evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      pageScroll: el.ownerDocument.documentElement.scrollWidth,
      pageClient: el.ownerDocument.documentElement.clientWidth,
    }));
  if (size.scroll > size.client || size.pageScroll > size.pageClient)
    throw new Error(
      `${what} does not fit the panel: ${size.scroll}px of content in ${size.client}px ` +
        `(the page: ${size.pageScroll}px in ${size.pageClient}px)`,
    );
}
