// Screenshots of stepping (the phase strip with values, the paused card of each phase, the update table with
// its rule, 2-D indices and pages) and of series (several runs of one file overlaid with labels), from real
// headless runs: `dist/cli.js run FILE --mode phases|step|train --events`, the run folded up to a chosen
// pause and sent to the real panel as the host would. Checks what each screenshot must show (the phase
// marked current with a value under it, the loss curve still on screen below the paused card, one legend
// entry per series). Called by harness.ts (npm run test:webview); screenshots go to test-results/stepping/.
// Standalone: node --import tsx test/webview/steppingShots.ts
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { RunEvent } from '../../src/protocol';
import type { RunState } from '../../src/shared/runState';
import { foldRun, post, recordRun, runIfMain, ShotBrowser, snapshotOfState } from './shotSession';

interface Shot {
  name: string;
  file: string;
  mode: 'phases' | 'step' | 'train';
  /** Fold the run up to this pause (`step:phase`), or to the end when absent. */
  until?: string;
  /** Theme, language and, when not the default 1000 px, the panel's width. */
  looks: [theme: string, lang: string, width?: number][];
  /** What the page must show. */
  check: 'phase' | 'series';
}

const SHOTS: Shot[] = [
  ...(['forward', 'loss', 'backward', 'update'] as const).map((phase): Shot => ({
    name: `xor-${phase}`,
    file: 'examples/xor.py',
    mode: 'phases',
    until: `3:${phase}`,
    // 400 px: the update and gradient tables stack their columns (webview.css).
    looks: [
      ['dark', 'en'],
      ['light', 'ko'],
      ...(phase === 'update' || phase === 'backward' ? [['dark', 'en', 400] as [string, string, number]] : []),
    ],
    check: 'phase',
  })),
  {
    name: 'manual-update',
    file: 'examples/linear_regression_manual.py',
    mode: 'step',
    until: '40:update',
    looks: [['dark', 'en']],
    check: 'phase',
  },
  {
    name: 'adam-update-pages',
    file: 'test/unit/fixtures/stepping/adam_classifier.py',
    mode: 'phases',
    until: '4:update',
    looks: [
      ['dark', 'en'],
      ['dark', 'ko'],
      ['dark', 'ko', 400],
    ],
    check: 'phase',
  },
  {
    name: 'series-learning-rates',
    file: 'examples/learning_rates.py',
    mode: 'train',
    looks: [['dark', 'en']],
    check: 'series',
  },
  {
    name: 'series-local-minimum',
    file: 'examples/local_minimum.py',
    mode: 'step',
    until: '160:update',
    looks: [['light', 'en']],
    check: 'series',
  },
];

function record(root: string, dir: string, shot: Shot): RunEvent[] {
  const out = path.join(dir, `${shot.name}.events.jsonl`);
  const events = recordRun(root, shot.file, out, { args: ['--mode', shot.mode] });
  fs.rmSync(out);
  return events;
}

async function takeShot(shots: ShotBrowser, dir: string, shot: Shot, events: RunEvent[]): Promise<string[]> {
  const problems: string[] = [];
  const state = foldRun(events);
  for (const [theme, lang, width = 1000] of shot.looks) {
    const where = `${shot.name} ${theme} ${lang} ${width}px`;
    const fileName = path.basename(shot.file);
    const page = await shots.open({ fileName, theme, lang, width, height: 1100, where });
    await post(page, snapshotOfState(state, lang));
    await page.waitForTimeout(500);
    problems.push(...(await (shot.check === 'phase' ? checkPhase(page, where) : checkSeries(page, where, state))));
    const suffix = width === 1000 ? '' : `-${width}px`;
    await page.screenshot({ path: path.join(dir, `${shot.name}-${theme}-${lang}${suffix}.png`) });
    await page.close();
  }
  return problems;
}

/** The paused phase is marked current with its value, and the loss chart is still inside the window. */
async function checkPhase(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  const current = page.locator('.phase.current .phase-value');
  if ((await current.count()) !== 1 || !(await current.textContent())?.trim())
    problems.push(`${where}: the current phase shows no value`);
  if (!(await page.locator('#paused').isVisible())) problems.push(`${where}: the paused card is hidden`);
  const box = await page.locator('#loss canvas').boundingBox();
  if (!box || box.y + box.height / 2 > 1100) problems.push(`${where}: the loss chart is pushed off screen`);
  // Every column on screen: nothing in the paused card, nor the page, to scroll to sideways.
  const widths = await page
    .locator('#paused .paused-body')
    .evaluate((el) => [
      el.scrollWidth,
      el.clientWidth,
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
  if (widths[0] > widths[1] || widths[2] > widths[3])
    problems.push(`${where}: the paused card is ${widths[0]}px wide in ${widths[1]}px (the page ${widths[2]}px)`);
  return problems;
}

/** One loss curve per series, labelled as the series (the chart lists its curves in `data-series`). */
async function checkSeries(page: Page, where: string, state: RunState): Promise<string[]> {
  const drawn = await page.locator('#loss canvas').getAttribute('data-series');
  const labels = drawn === null ? [] : drawn.split('\n');
  const expected = state.series.map((s) => s.label);
  if (expected.length < 2) return [`${where}: ${expected.length} series folded, expected several`];
  if (JSON.stringify(labels) !== JSON.stringify(expected))
    return [`${where}: loss curves ${JSON.stringify(labels)}, expected ${JSON.stringify(expected)}`];
  return [];
}

export async function steppingShots(o: { root: string; outDir: string }): Promise<string[]> {
  const dir = path.join(o.outDir, 'stepping');
  fs.mkdirSync(dir, { recursive: true });
  const shots = await ShotBrowser.launch();
  const problems = shots.problems;
  const recorded = new Map<string, RunEvent[]>();
  try {
    for (const shot of SHOTS) {
      const key = `${shot.file} ${shot.mode}`;
      // The four phases of xor.py come from one recording.
      const all = recorded.get(key) ?? record(o.root, dir, { ...shot, until: undefined });
      recorded.set(key, all);
      const at = shot.until
        ? all.findIndex((e) => e.type === 'paused' && `${e.step}:${e.phase}` === shot.until)
        : all.length - 1;
      if (at < 0) {
        problems.push(`${shot.name}: no pause ${shot.until}`);
        continue;
      }
      problems.push(...(await takeShot(shots, dir, shot, all.slice(0, at + 1))));
    }
  } finally {
    await shots.close();
  }
  console.log(`stepping: ${SHOTS.length} shots, screenshots in ${path.relative(process.cwd(), dir)}`);
  return problems;
}

runIfMain(import.meta.url, (o) => steppingShots(o));
