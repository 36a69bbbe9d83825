// Renders the training panel and the inspector in headless Chromium exactly as the extension builds them
// (same HTML shell, CSP, bundles and stylesheet), with VS Code's webview API stubbed and a dark theme's
// --vscode-* variables, feeds them RunEvents as the host would (by default a run of examples/xor.py recorded
// with `dist/cli.js run --events`; or a given .jsonl; or --synthetic), and saves screenshots to
// test-results/. Fails on any console error (a CSP violation, an exception).
//   node --import tsx test/webview/harness.ts [--events F.jsonl | --synthetic] [--out DIR] [--theme dark|light] [--lang en|ko]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { HostToView, RunEvent } from '../../src/protocol';
import { RunState } from '../../src/shared/runState';
import { renderWebviewHtml } from '../../src/extension/webviewHtml';
import { VIEW_STRINGS } from '../../src/shared/strings';
import { parseEventsJsonl } from './events';
import { conceptShots } from './conceptShots';
import { faultShots } from './faultShots';
import { figureShots } from './figureShots';
import { steppingShots } from './steppingShots';
import { syntheticXorRun } from './syntheticRun';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const outDir = path.resolve(arg('--out') ?? path.join(root, 'test-results'));
const theme = arg('--theme') ?? 'dark';
const eventsFile = arg('--events');
const lang = arg('--lang') ?? 'en';

/** The webview strings as the host sends them in `language` (from the extension's l10n bundle). */
export function viewStrings(language = lang): Record<string, string> {
  if (language === 'en') return { ...VIEW_STRINGS };
  const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', `bundle.l10n.${language}.json`), 'utf8')) as Record<
    string,
    string
  >;
  return Object.fromEntries(Object.entries(VIEW_STRINGS).map(([k, en]) => [k, bundle[en] ?? en]));
}

export const THEMES: Record<string, Record<string, string>> = {
  dark: {
    '--vscode-font-family': 'system-ui, sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': 'monospace',
    '--vscode-editor-font-size': '12px',
    '--vscode-foreground': '#cccccc',
    '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-sideBar-background': '#181818',
    '--vscode-panel-border': '#2b2b2b',
    '--vscode-editorWidget-border': '#454545',
    '--vscode-focusBorder': '#0078d4',
    '--vscode-button-background': '#0078d4',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-hoverBackground': '#026ec1',
    '--vscode-button-secondaryBackground': '#313131',
    '--vscode-button-secondaryForeground': '#cccccc',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-green': '#89d185',
    '--vscode-charts-purple': '#b180d7',
    '--vscode-charts-red': '#f14c4c',
    '--vscode-charts-yellow': '#cca700',
    '--vscode-errorForeground': '#f85149',
    '--vscode-inputValidation-errorBackground': '#5a1d1d',
    '--vscode-inputValidation-errorBorder': '#be1100',
    '--vscode-list-activeSelectionBackground': '#04395e',
    '--vscode-list-activeSelectionForeground': '#ffffff',
    '--vscode-textLink-foreground': '#4daafc',
    '--vscode-textCodeBlock-background': '#2b2b2b',
    '--vscode-dropdown-background': '#313131',
    '--vscode-dropdown-foreground': '#cccccc',
    '--vscode-dropdown-border': '#3c3c3c',
  },
  hc: {
    '--vscode-font-family': 'system-ui, sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': 'monospace',
    '--vscode-editor-font-size': '12px',
    '--vscode-foreground': '#ffffff',
    '--vscode-descriptionForeground': '#d7d7d7',
    '--vscode-editor-background': '#000000',
    '--vscode-sideBar-background': '#000000',
    '--vscode-panel-border': '#6fc3df',
    '--vscode-editorWidget-border': '#6fc3df',
    '--vscode-focusBorder': '#f38518',
    '--vscode-contrastBorder': '#6fc3df',
    '--vscode-contrastActiveBorder': '#f38518',
    '--vscode-button-background': '#000000',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-hoverBackground': '#000000',
    '--vscode-button-border': '#6fc3df',
    '--vscode-button-secondaryBackground': '#000000',
    '--vscode-button-secondaryForeground': '#ffffff',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-green': '#89d185',
    '--vscode-charts-purple': '#b180d7',
    '--vscode-charts-red': '#f14c4c',
    '--vscode-charts-yellow': '#cca700',
    '--vscode-errorForeground': '#f48771',
    '--vscode-inputValidation-errorBackground': '#000000',
    '--vscode-inputValidation-errorBorder': '#be1100',
    '--vscode-list-activeSelectionBackground': '#000000',
    '--vscode-list-activeSelectionForeground': '#ffffff',
    '--vscode-textLink-foreground': '#21a6ff',
    '--vscode-textCodeBlock-background': '#000000',
    '--vscode-dropdown-background': '#000000',
    '--vscode-dropdown-foreground': '#ffffff',
    '--vscode-dropdown-border': '#6fc3df',
  },
  light: {
    '--vscode-font-family': 'system-ui, sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': 'monospace',
    '--vscode-editor-font-size': '12px',
    '--vscode-foreground': '#3b3b3b',
    '--vscode-descriptionForeground': '#717171',
    '--vscode-editor-background': '#ffffff',
    '--vscode-sideBar-background': '#f8f8f8',
    '--vscode-panel-border': '#e5e5e5',
    '--vscode-editorWidget-border': '#c8c8c8',
    '--vscode-focusBorder': '#005fb8',
    '--vscode-button-background': '#005fb8',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-hoverBackground': '#0258a8',
    '--vscode-button-secondaryBackground': '#e5e5e5',
    '--vscode-button-secondaryForeground': '#3b3b3b',
    '--vscode-charts-blue': '#1a85ff',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-green': '#388a34',
    '--vscode-charts-purple': '#652d90',
    '--vscode-charts-red': '#e51400',
    '--vscode-charts-yellow': '#bf8803',
    '--vscode-errorForeground': '#a1260d',
    '--vscode-inputValidation-errorBackground': '#f2dede',
    '--vscode-inputValidation-errorBorder': '#be1100',
    '--vscode-list-activeSelectionBackground': '#e8e8e8',
    '--vscode-list-activeSelectionForeground': '#000000',
    '--vscode-textLink-foreground': '#005fb8',
    '--vscode-textCodeBlock-background': '#f8f8f8',
    '--vscode-dropdown-background': '#ffffff',
    '--vscode-dropdown-foreground': '#3b3b3b',
    '--vscode-dropdown-border': '#cecece',
  },
};

export const STUB = `
window.__posted = [];
window.__state = undefined;
window.acquireVsCodeApi = () => ({
  postMessage: (m) => window.__posted.push(m),
  getState: () => window.__state,
  setState: (s) => { window.__state = s; },
});`;

export function serve(pages: Record<string, string>): Promise<{ server: http.Server; origin: string }> {
  const types: Record<string, string> = {
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.html': 'text/html',
    '.map': 'application/json',
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const page = pages[url.pathname];
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': types[path.extname(url.pathname)] ?? 'text/html' });
      res.end(page);
      return;
    }
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` }),
    ),
  );
}

export function pageHtml(
  view: 'panel' | 'sidebar',
  origin: string,
  fileName: string,
  themeName = theme,
  language = lang,
): string {
  const nonce = 'harness' + Math.random().toString(16).slice(2);
  const html = renderWebviewHtml({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/dist/media/${view}.js`,
    styleUri: `${origin}/media/webview.css`,
    title: `Backprop Lens: ${fileName}`,
    lang: language,
    view,
  });
  const kind = themeName === 'hc' ? 'high-contrast' : themeName;
  // VS Code puts the theme's variables on <html> and the theme kind on <body>; the API stub runs first.
  return html
    .replace(
      `<html lang="${language}">`,
      `<html lang="${language}" style="${Object.entries(THEMES[themeName])
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ')}">`,
    )
    .replace('<body class="', `<body class="vscode-${kind} `)
    .replace('<main', `<script nonce="${nonce}" src="${origin}/harness-stub.js"></script>\n<main`);
}

/** Runs an example through the CLI (the extension's runtime) and returns the events file it wrote. */
function recordExample(name: string): string {
  const out = path.join(outDir, `${name}.events.jsonl`);
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync(
    process.execPath,
    [path.join(root, 'dist/cli.js'), 'run', path.join(root, 'examples', name), '--events', out],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return out;
}

async function main(): Promise<void> {
  const events = process.argv.includes('--synthetic')
    ? syntheticXorRun()
    : parseEventsJsonl(fs.readFileSync(eventsFile ?? recordExample('xor.py'), 'utf8'));
  const runEvents = events.filter((e) => e.type !== 'ready');
  const started = runEvents.find((e) => e.type === 'started');
  if (!started || started.type !== 'started') throw new Error('no started event');
  fs.mkdirSync(outDir, { recursive: true });
  const fileName = path.basename(started.file);

  const { server, origin } = await serve({ '/panel.html': '', '/sidebar.html': '', '/harness-stub.js': STUB });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const problems: string[] = [];
  try {
    for (const view of ['panel', 'sidebar'] as const) {
      const page = await browser.newPage({
        viewport: view === 'panel' ? { width: 1100, height: 1500 } : { width: 340, height: 1000 },
      });
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${view} console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`${view} page error: ${err.message}`));
      await page.route(`${origin}/${view}.html`, (route) =>
        route.fulfill({ contentType: 'text/html', body: pageHtml(view, origin, fileName) }),
      );
      await page.goto(`${origin}/${view}.html`);
      await page.waitForFunction(() => (window as any).__posted?.some((m: any) => m.type === 'ready'));

      const post = (m: HostToView) => page.evaluate((msg) => window.postMessage(msg, '*'), m);
      const fileUri = `file:///work/examples/${fileName}`;
      // As the host does: a snapshot of the run so far, then the rest as batched events.
      const host = new RunState(started.runId, started.file, started.mode, 'starting');
      const half = Math.floor(runEvents.length / 2);
      for (const e of runEvents.slice(0, half)) host.apply(e, 0);
      await post({
        type: 'snapshot',
        file: fileName,
        fileUri,
        run: host.snapshot(),
        strings: viewStrings(),
        config: { maxChartPoints: 2000 },
      });
      for (let i = half; i < runEvents.length; i += 20)
        await post({ type: 'events', events: runEvents.slice(i, i + 20) });
      await page.waitForTimeout(400);
      await page.screenshot({
        path: path.join(outDir, `webview-${view}-${theme}-${lang}-finished.png`),
        fullPage: true,
      });

      // A step pause: the last parameters as they were before and after one more update.
      const lastParams = [...runEvents].reverse().find((e) => e.type === 'params');
      if (lastParams?.type === 'params') {
        const lastSteps = [...runEvents].reverse().find((e) => e.type === 'steps' && e.lrs.length > 0);
        const lr = lastSteps?.type === 'steps' ? lastSteps.lrs[0][lastSteps.lrs[0].length - 1] : 0.1;
        const after = lastParams.params.map((p) => ({
          ...p,
          value: p.value.map((v, k) => v - lr * (p.grad?.[k] ?? 0)),
        }));
        const runId = started.runId + 1;
        await post({
          type: 'events',
          events: [
            { type: 'started', runId, file: started.file, mode: 'step' },
            ...runEvents.filter((e) => e.type === 'model').map((e) => ({ ...e, runId }) as RunEvent),
            { type: 'steps', runId, firstStep: 0, losses: Float32Array.from([0.25]), lrs: [Float32Array.from([lr])] },
            {
              type: 'paused',
              runId,
              step: 0,
              phase: 'update',
              pos: { file: started.file, line: 26, column: 5 },
              lrs: [lr],
              params: after,
              before: lastParams.params.map((p) => p.value),
            },
          ],
        });
        await page.waitForTimeout(300);
        await page.screenshot({
          path: path.join(outDir, `webview-${view}-${theme}-${lang}-paused.png`),
          fullPage: true,
        });
      }
      if (view === 'panel') {
        // Throughput: a run making 30,000 steps/s, as the host batches it (30 posts a second of 1,000 losses
        // each), with a parameter snapshot in every post; the panel must fold and draw it faster than real time.
        const runId = started.runId + 2;
        const params = [...runEvents].reverse().find((e) => e.type === 'params');
        await post({ type: 'events', events: [{ type: 'started', runId, file: started.file, mode: 'train' }] });
        const posts = 300;
        const t0 = Date.now();
        for (let k = 0; k < posts; k++) {
          const losses = Float32Array.from(
            { length: 1000 },
            (_, i) => 1 / (1 + (k * 1000 + i) / 5000) + 0.05 * Math.random(),
          );
          const batch: RunEvent[] = [
            { type: 'steps', runId, firstStep: k * 1000, losses, lrs: [new Float32Array(1000).fill(0.01)] },
          ];
          if (params?.type === 'params') batch.push({ ...params, runId, step: k * 1000 + 999 });
          await post({ type: 'events', events: batch });
        }
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const ms = Date.now() - t0;
        console.log(
          `panel throughput: ${posts * 1000} steps in ${ms} ms (${Math.round((posts * 1000 * 1000) / ms)} steps/s folded and drawn)`,
        );
        await page.screenshot({ path: path.join(outDir, `webview-${view}-${theme}-300k-steps.png`), fullPage: false });
      }
      const posted = await page.evaluate(() => (window as any).__posted as unknown[]);
      console.log(`${view}: posted ${JSON.stringify(posted)}`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (!process.argv.includes('--synthetic') && !process.argv.includes('--no-concepts')) {
    problems.push(...(await conceptShots({ root, outDir, only: arg('--concepts-only') })));
  }
  if (!process.argv.includes('--synthetic') && !process.argv.includes('--no-faults')) {
    problems.push(...(await faultShots({ root, outDir })));
  }
  if (!process.argv.includes('--synthetic') && !process.argv.includes('--no-stepping')) {
    problems.push(...(await steppingShots({ root, outDir })));
  }
  if (!process.argv.includes('--synthetic') && !process.argv.includes('--no-figures')) {
    problems.push(...(await figureShots({ root, outDir })));
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
  console.log(`screenshots in ${path.relative(process.cwd(), outDir)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) void main();
