// What the screenshot suites (conceptShots, faultShots, figureShots, steppingShots) share: recording a real
// headless run through the CLI, folding its events into the snapshot the host sends a freshly shown panel,
// and a headless Chromium serving the real panel/sidebar pages, each page's console errors and warnings
// collected as problems.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HostToView, RunEvent } from '../../src/protocol';
import { RunState } from '../../src/shared/runState';
import { parseEventsJsonl } from './events';
import { pageHtml, serve, STUB, viewStrings } from './harness';

export interface RecordOptions {
  /** Extra CLI arguments (`--mode phases`). */
  args?: string[];
  env?: Record<string, string>;
  /** Run a copy in a scratch folder, so files the script writes (savefig) stay out of the repository. */
  scratch?: boolean;
  /** A file that fails (a syntax error exits with status 1) still has events to show. */
  mayFail?: boolean;
}

/** Runs `file` (relative to `root`) with `dist/cli.js run --events` and returns its events, `ready` left out. */
export function recordRun(root: string, file: string, eventsFile: string, o: RecordOptions = {}): RunEvent[] {
  const scratch = o.scratch ? fs.mkdtempSync(path.join(os.tmpdir(), 'bl-shots-')) : null;
  let target = path.join(root, file);
  if (scratch) {
    target = path.join(scratch, path.basename(file));
    fs.copyFileSync(path.join(root, file), target);
  }
  try {
    execFileSync(
      process.execPath,
      [path.join(root, 'dist/cli.js'), 'run', target, ...(o.args ?? []), '--events', eventsFile],
      { stdio: 'ignore', timeout: 180_000, env: { ...process.env, ...o.env } },
    );
  } catch (err) {
    if (!o.mayFail) throw err;
  } finally {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
  return parseEventsJsonl(fs.readFileSync(eventsFile, 'utf8')).filter((e) => e.type !== 'ready');
}

/** The events folded as the host folds them, sent as one snapshot: what a panel shown after the run gets. */
export function snapshotOf(events: RunEvent[], lang: string, slowMotion = 0): HostToView {
  return snapshotOfState(foldRun(events), lang, slowMotion);
}

export function foldRun(events: RunEvent[]): RunState {
  const started = events.find((e) => e.type === 'started');
  if (!started || started.type !== 'started') throw new Error('the run has no started event');
  const state = new RunState(started.runId, started.file, started.mode, 'starting');
  for (const e of events) state.apply(e, 0);
  return state;
}

export function snapshotOfState(state: RunState, lang: string, slowMotion = 0): HostToView {
  const file = path.basename(state.file);
  return {
    type: 'snapshot',
    file,
    fileUri: `file:///work/${file}`,
    run: state.snapshot(),
    strings: viewStrings(lang),
    config: { maxChartPoints: 2000, slowMotion },
  };
}

export const post = (page: Page, m: HostToView): Promise<void> =>
  page.evaluate((msg) => window.postMessage(msg, '*'), m);

export interface PageOptions {
  view?: 'panel' | 'sidebar';
  fileName: string;
  theme: string;
  lang: string;
  width: number;
  height: number;
  /** Prefixes the page's console errors and warnings in `problems`. */
  where: string;
}

/** Headless Chromium and the harness server; `problems` collects what the pages logged. */
export class ShotBrowser {
  readonly problems: string[] = [];

  private constructor(
    private readonly browser: Browser,
    private readonly server: { close(): void },
    private readonly origin: string,
  ) {}

  static async launch(): Promise<ShotBrowser> {
    const { server, origin } = await serve({ '/panel.html': '', '/sidebar.html': '', '/harness-stub.js': STUB });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    return new ShotBrowser(browser, server, origin);
  }

  /** A real panel (or sidebar) page, loaded and ready for messages. */
  async open(o: PageOptions): Promise<Page> {
    const view = o.view ?? 'panel';
    const page = await this.browser.newPage({ viewport: { width: o.width, height: o.height } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning')
        this.problems.push(`${o.where}: console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (err) => this.problems.push(`${o.where}: page error: ${err.message}`));
    await page.route(`${this.origin}/${view}.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: pageHtml(view, this.origin, o.fileName, o.theme, o.lang) }),
    );
    await page.goto(`${this.origin}/${view}.html`);
    await page.waitForFunction(() => (window as any).__posted?.some((m: any) => m.type === 'ready'));
    return page;
  }

  async close(): Promise<void> {
    await this.browser.close();
    this.server.close();
  }
}

/** Runs a suite when its file is the script node was started with, failing on the problems it returns. */
export function runIfMain(
  moduleUrl: string,
  suite: (o: { root: string; outDir: string }, argv: string[]) => Promise<string[]>,
): void {
  const self = new URL(moduleUrl).pathname;
  if (!process.argv[1] || path.resolve(process.argv[1]) !== path.resolve(self)) return;
  const root = path.resolve(path.dirname(self), '../..');
  void suite({ root, outDir: path.join(root, 'test-results') }, process.argv.slice(2)).then((problems) => {
    if (problems.length) {
      console.error(problems.join('\n'));
      process.exitCode = 1;
    }
  });
}
