// Screenshots of every concept view (decision boundary, fitted curve, loss landscape, network, autograd
// graph, activation explorer) for example files and for fixtures nobody tuned the views for, each run
// through the CLI and drawn by the real panel in headless Chromium: dark, light and high-contrast themes,
// English and Korean, and a 400 px wide panel. Each case also checks that the views it should get are
// shown. Called by harness.ts (npm run test:webview); screenshots go to test-results/concepts/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { HostToView } from '../../src/protocol';
import { RunState } from '../../src/shared/runState';
import { parseEventsJsonl } from './events';
import { pageHtml, serve, STUB, viewStrings } from './harness';

const VIEWS = ['boundary', 'fit', 'landscape', 'network', 'graph', 'explorer'] as const;
type ViewId = (typeof VIEWS)[number];

interface Case {
  name: string;
  file: string;
  /** The views this file must get. */
  expect: ViewId[];
}

const CASES: Case[] = [
  { name: 'xor', file: 'examples/xor.py', expect: ['boundary', 'landscape', 'network', 'graph', 'explorer'] },
  { name: 'local_minimum', file: 'examples/local_minimum.py', expect: ['landscape', 'graph'] },
  { name: 'learning_rates', file: 'examples/learning_rates.py', expect: ['fit', 'landscape', 'network', 'graph'] },
  { name: 'linear_model', file: 'examples/linear_model.py', expect: ['fit', 'landscape', 'network', 'graph'] },
  { name: 'spiral', file: 'examples/spiral.py', expect: ['boundary', 'network', 'graph', 'explorer'] },
  {
    name: 'classifier_2d',
    file: 'test/unit/fixtures/concepts/classifier_2d.py',
    expect: ['boundary', 'landscape', 'network', 'graph', 'explorer'],
  },
  {
    name: 'regression_1d',
    file: 'test/unit/fixtures/concepts/regression_1d.py',
    expect: ['fit', 'network', 'graph', 'explorer'],
  },
  { name: 'line_wb', file: 'test/unit/fixtures/concepts/line_wb.py', expect: ['fit', 'landscape', 'graph'] },
  {
    name: 'deep_mlp',
    file: 'test/unit/fixtures/concepts/deep_mlp.py',
    expect: ['boundary', 'network', 'graph', 'explorer'],
  },
  { name: 'perceptron', file: 'test/unit/fixtures/concepts/perceptron.py', expect: ['network', 'graph', 'explorer'] },
];

/** (theme, language, panel width): every view in both themes and both languages, high contrast, and narrow. */
const LOOKS: [string, string, number][] = [
  ['dark', 'en', 1100],
  ['light', 'en', 1100],
  ['dark', 'ko', 1100],
  ['light', 'ko', 1100],
  ['hc', 'en', 1100],
  ['dark', 'en', 400],
];

function record(root: string, dir: string, c: Case): string {
  const out = path.join(dir, `${c.name}.events.jsonl`);
  execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'run', path.join(root, c.file), '--events', out], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  return out;
}

async function showRun(page: Page, eventsFile: string, lang: string): Promise<void> {
  const events = parseEventsJsonl(fs.readFileSync(eventsFile, 'utf8')).filter((e) => e.type !== 'ready');
  const started = events.find((e) => e.type === 'started');
  if (!started || started.type !== 'started') throw new Error(`${eventsFile}: no started event`);
  // As the host does for a panel shown after the run: the whole run as one snapshot.
  const state = new RunState(started.runId, started.file, started.mode, 'starting');
  for (const e of events) state.apply(e, 0);
  const message: HostToView = {
    type: 'snapshot',
    file: path.basename(started.file),
    fileUri: `file:///work/${started.file}`,
    run: state.snapshot(),
    strings: viewStrings(lang),
    config: { maxChartPoints: 2000 },
  };
  await page.evaluate((m) => window.postMessage(m, '*'), message);
  await page.waitForTimeout(300);
}

/** Renders each case in each look and screenshots its concept cards; returns the problems found. */
export async function conceptShots(o: { root: string; outDir: string; only?: string }): Promise<string[]> {
  const dir = path.join(o.outDir, 'concepts');
  fs.mkdirSync(dir, { recursive: true });
  const cases = CASES.filter((c) => !o.only || o.only.split(',').includes(c.name));
  const recorded = new Map(cases.map((c) => [c.name, record(o.root, dir, c)]));
  const { server, origin } = await serve({ '/panel.html': '', '/harness-stub.js': STUB });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const problems: string[] = [];
  try {
    for (const c of cases) {
      for (const [theme, lang, width] of LOOKS) {
        const page = await browser.newPage({ viewport: { width, height: 1200 } });
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning')
            problems.push(`${c.name} ${theme} ${lang}: console ${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (err) => problems.push(`${c.name} ${theme} ${lang}: page error: ${err.message}`));
        await page.route(`${origin}/panel.html`, (route) =>
          route.fulfill({
            contentType: 'text/html',
            body: pageHtml('panel', origin, path.basename(c.file), theme, lang),
          }),
        );
        await page.goto(`${origin}/panel.html`);
        await page.waitForFunction(() => (window as any).__posted?.some((m: any) => m.type === 'ready'));
        await showRun(page, recorded.get(c.name)!, lang);
        for (const view of VIEWS) {
          const card = page.locator(`#${view}`);
          const shown = await card.isVisible();
          if (!shown) {
            if (c.expect.includes(view) && theme === 'dark' && lang === 'en' && width > 400)
              problems.push(`${c.name}: the ${view} view is not shown`);
            continue;
          }
          const suffix = width === 1100 ? '' : `-${width}px`;
          await card.screenshot({ path: path.join(dir, `${c.name}-${view}-${theme}-${lang}${suffix}.png`) });
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(
    `concept views: ${cases.length} files in ${LOOKS.length} looks, screenshots in ${path.relative(process.cwd(), dir)}`,
  );
  return problems;
}

// Standalone: node --import tsx test/webview/conceptShots.ts [case,case...]
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  void conceptShots({ root, outDir: path.join(root, 'test-results'), only: process.argv[2] }).then((problems) => {
    if (problems.length) {
      console.error(problems.join('\n'));
      process.exitCode = 1;
    }
  });
}
