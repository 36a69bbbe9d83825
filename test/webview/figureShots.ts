// Screenshots of the panel's Figures section (matplotlib figures drawn by src/shared/figureDraw.ts) for
// examples/plot_losses.py and the plotting fixture of the unit tests, each run through the CLI and drawn by
// the real panel in headless Chromium in dark and light themes (and Korean), checking that every figure has
// a canvas with a text alternative. Called by harness.ts (npm run test:webview); screenshots go to
// test-results/figures/. Standalone: node --import tsx test/webview/figureShots.ts
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { HostToView } from '../../src/protocol';
import { RunState } from '../../src/shared/runState';
import { parseEventsJsonl } from './events';
import { pageHtml, serve, STUB, viewStrings } from './harness';

const CASES = [
  { name: 'plot_losses', file: 'examples/plot_losses.py', figures: 1 },
  { name: 'figures', file: 'test/unit/fixtures/matplotlib/figures.py', figures: 2 },
];
const LOOKS: [string, string, number][] = [
  ['dark', 'en', 1100],
  ['light', 'en', 1100],
  ['dark', 'ko', 1100],
  ['light', 'en', 420],
];

/** Runs the file in a scratch copy of its folder (its savefig files stay out of the repository). */
function record(root: string, dir: string, file: string, name: string): string {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-figshots-'));
  const copy = path.join(scratch, path.basename(file));
  fs.copyFileSync(path.join(root, file), copy);
  const out = path.join(dir, `${name}.events.jsonl`);
  try {
    execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'run', copy, '--events', out], {
      stdio: 'ignore',
      timeout: 180_000,
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return out;
}

async function showRun(page: Page, eventsFile: string, lang: string): Promise<void> {
  const events = parseEventsJsonl(fs.readFileSync(eventsFile, 'utf8')).filter((e) => e.type !== 'ready');
  const started = events.find((e) => e.type === 'started');
  if (!started || started.type !== 'started') throw new Error(`${eventsFile}: no started event`);
  const state = new RunState(started.runId, started.file, started.mode, 'starting');
  for (const e of events) state.apply(e, 0);
  const message: HostToView = {
    type: 'snapshot',
    file: path.basename(started.file),
    fileUri: `file:///work/${path.basename(started.file)}`,
    run: state.snapshot(),
    strings: viewStrings(lang),
    config: { maxChartPoints: 2000 },
  };
  await page.evaluate((m) => window.postMessage(m, '*'), message);
  await page.waitForTimeout(400);
}

export async function figureShots(o: { root: string; outDir: string }): Promise<string[]> {
  const dir = path.join(o.outDir, 'figures');
  fs.mkdirSync(dir, { recursive: true });
  const recorded = new Map(CASES.map((c) => [c.name, record(o.root, dir, c.file, c.name)]));
  const { server, origin } = await serve({ '/panel.html': '', '/harness-stub.js': STUB });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const problems: string[] = [];
  try {
    for (const c of CASES) {
      for (const [theme, lang, width] of LOOKS) {
        const where = `${c.name} ${theme} ${lang} ${width}px`;
        const page = await browser.newPage({ viewport: { width, height: 1200 } });
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning')
            problems.push(`${where}: console ${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (err) => problems.push(`${where}: page error: ${err.message}`));
        await page.route(`${origin}/panel.html`, (route) =>
          route.fulfill({
            contentType: 'text/html',
            body: pageHtml('panel', origin, path.basename(c.file), theme, lang),
          }),
        );
        await page.goto(`${origin}/panel.html`);
        await page.waitForFunction(() => (window as any).__posted?.some((m: any) => m.type === 'ready'));
        await showRun(page, recorded.get(c.name)!, lang);
        const card = page.locator('#figures');
        if (!(await card.isVisible())) {
          problems.push(`${where}: the Figures section is not shown`);
          await page.close();
          continue;
        }
        const labels = await page
          .locator('#figures canvas.figure-canvas')
          .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
        if (labels.length !== c.figures) problems.push(`${where}: ${labels.length} figures, expected ${c.figures}`);
        if (labels.some((l) => l.length < 20)) problems.push(`${where}: a figure without its text alternative`);
        const suffix = width === 1100 ? '' : `-${width}px`;
        await card.screenshot({ path: path.join(dir, `${c.name}-${theme}-${lang}${suffix}.png`) });
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(
    `figures: ${CASES.length} files in ${LOOKS.length} looks, screenshots in ${path.relative(process.cwd(), dir)}`,
  );
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  void figureShots({ root, outDir: path.join(root, 'test-results') }).then((problems) => {
    if (problems.length) {
      console.error(problems.join('\n'));
      process.exitCode = 1;
    }
  });
}
