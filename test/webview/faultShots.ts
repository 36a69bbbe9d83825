// Screenshots (and checks) of the panel where it used to mislead: files with nothing to plot (a syntax error,
// a forward pass only, no optimizer) get a sentence instead of empty charts; a lone first step; a deep model
// whose first layers have zero or vanishing gradients (the gradient chart's legend and its log axis); the
// learning-rate comparison; the phase strip in the light theme; the inspector 240 px wide; every Korean page
// is checked for tofu (Hangul drawn as empty boxes when no CJK font is installed). Called by harness.ts;
// screenshots go to test-results/faults/.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ComparedRun, RunEvent } from '../../src/protocol';
import { emptyComparedRun, foldComparedRun } from '../../src/shared/lrComparison';
import { post, recordRun, ShotBrowser, snapshotOf } from './shotSession';

interface Options {
  root: string;
  outDir: string;
}

function record(root: string, dir: string, file: string, env: Record<string, string> = {}): RunEvent[] {
  const out = path.join(dir, `${path.basename(file, '.py')}${env.BACKPROP_LENS_LR_SCALE ?? ''}.events.jsonl`);
  return recordRun(root, file, out, { env, mayFail: true });
}

/**
 * Characters of `text` drawn exactly like a character no font has (U+10FFFD, drawn as the missing-glyph box),
 * or drawn as nothing at all: tofu. Each is drawn with the page's own font on a canvas and compared pixel by pixel.
 */
export async function tofu(page: Page, text: string): Promise<string[]> {
  // A string, not a function: tsx would wrap a function's inner helpers in __name(), unknown in the page.
  const script = `(() => {
    const font = '32px ' + getComputedStyle(document.body).fontFamily;
    function draw(ch) {
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const ctx = canvas.getContext('2d');
      ctx.font = font;
      ctx.fillStyle = '#000';
      ctx.fillText(ch, 4, 36);
      return ctx.getImageData(0, 0, 48, 48).data;
    }
    const missing = draw(String.fromCodePoint(0x10fffd));
    return [...new Set(${JSON.stringify([...text])})].filter((ch) => {
      const img = draw(ch);
      const blank = img.every((v, i) => i % 4 !== 3 || v === 0);
      return blank || img.every((v, i) => v === missing[i]);
    });
  })()`;
  return page.evaluate(script) as Promise<string[]>;
}

/** The Hangul on the page (what the Korean strings put there). */
function hangul(page: Page): Promise<string> {
  return page.evaluate(() => (document.body.innerText.match(/[\uac00-\ud7af]/g) ?? []).join(''));
}

function open(shots: ShotBrowser, view: 'panel' | 'sidebar', theme: string, lang: string, width: number) {
  const height = view === 'panel' ? 1400 : 900;
  return shots.open({
    view,
    fileName: 'fault.py',
    theme,
    lang,
    width,
    height,
    where: `faults ${view} ${theme} ${lang}`,
  });
}

export async function faultShots({ root, outDir }: Options): Promise<string[]> {
  const dir = path.join(outDir, 'faults');
  fs.mkdirSync(dir, { recursive: true });
  const mistakes = 'test/unit/fixtures/mistakes';
  const runs = {
    syntax: record(root, dir, 'examples/syntax_error.py'),
    forwardOnly: record(root, dir, `${mistakes}/forward_only.py`),
    noOptimizer: record(root, dir, `${mistakes}/no_optimizer.py`),
    deadRelu: record(root, dir, `${mistakes}/dead_relu.py`),
    vanishing: record(root, dir, `${mistakes}/vanishing_gradients.py`),
    noZeroGrad: record(root, dir, `${mistakes}/no_zero_grad.py`),
  };
  const compared: ComparedRun[] = [0.1, 1, 10].map((factor) => {
    const run = emptyComparedRun(factor);
    const events = record(root, dir, 'examples/linear_model.py', { BACKPROP_LENS_LR_SCALE: String(factor) });
    for (const e of events) foldComparedRun(run, e);
    return run;
  });
  const shots = await ShotBrowser.launch();
  const problems = shots.problems;
  try {
    // The detector itself: a character no font has must count as tofu, or the checks below prove nothing.
    const probe = await open(shots, 'panel', 'dark', 'ko', 600);
    if ((await tofu(probe, '\u{10FFFD}')).length !== 1) problems.push('faults: the tofu detector does not detect tofu');
    await probe.close();
    for (const [theme, lang] of [
      ['dark', 'en'],
      ['light', 'ko'],
    ] as const) {
      const shoot = async (name: string, page: Page) => {
        await page.waitForTimeout(250);
        await page.screenshot({ path: path.join(dir, `${name}-${theme}-${lang}.png`), fullPage: true });
        if (lang === 'ko') {
          const boxes = await tofu(page, await hangul(page));
          if (boxes.length) problems.push(`faults ${name}: Korean drawn as empty boxes (tofu): ${boxes.join('')}`);
        }
      };
      for (const [name, events, reason] of [
        ['syntax-error', runs.syntax, 'noChartSyntax'],
        ['forward-only', runs.forwardOnly, 'noChartNoBackward'],
        ['no-optimizer', runs.noOptimizer, 'noChartNoOptimizer'],
      ] as const) {
        const page = await open(shots, 'panel', theme, lang, 900);
        await post(page, snapshotOf(events, lang));
        await shoot(name, page);
        const shown = await page.evaluate(() => ({
          reason: document.getElementById('chart-note')?.dataset.reason ?? null,
          lossHidden: (document.getElementById('loss') as HTMLElement).hidden,
          lrHidden: (document.getElementById('lr') as HTMLElement).hidden,
        }));
        if (shown.reason !== reason) problems.push(`faults ${name}: note ${shown.reason}, expected ${reason}`);
        if (name !== 'no-optimizer' && !shown.lossHidden) problems.push(`faults ${name}: empty loss chart shown`);
        if (!shown.lrHidden) problems.push(`faults ${name}: empty learning-rate chart shown`);
        await page.close();
      }
      for (const [name, events] of [
        ['dead-relu', runs.deadRelu],
        ['vanishing', runs.vanishing],
        ['no-zero-grad', runs.noZeroGrad],
      ] as const) {
        const page = await open(shots, 'panel', theme, lang, 900);
        await post(page, snapshotOf(events, lang, 4));
        await post(page, {
          type: 'comparison',
          comparison: { file: 'linear_model.py', runs: compared, landscape: null },
        });
        await shoot(name, page);
        const hint = await page.evaluate(() => document.getElementById('loss-hint')?.dataset.kind ?? '');
        if (!hint) problems.push(`faults ${name}: no finding shown`);
        await page.close();
      }
      // A lone first step, paused: the step axis starts at 0 with whole-number ticks.
      const early = await open(shots, 'panel', theme, lang, 900);
      const started = runs.noZeroGrad.find((e) => e.type === 'started')!;
      const model = runs.noZeroGrad.find((e) => e.type === 'model');
      const params = runs.noZeroGrad.find((e) => e.type === 'params');
      await post(early, snapshotOf([started, ...(model ? [model] : [])], lang));
      if (params?.type === 'params')
        await post(early, {
          type: 'events',
          events: [
            {
              type: 'steps',
              runId: params.runId,
              firstStep: 0,
              losses: Float32Array.from([8.5]),
              lrs: [Float32Array.from([0.1])],
            },
            { ...params, step: 0 },
            {
              type: 'paused',
              runId: params.runId,
              step: 0,
              phase: 'update',
              pos: { file: 'fault.py', line: 17, column: 5 },
              lrs: [0.1],
              params: params.params,
              before: params.params.map((p) => p.value),
            },
          ],
        });
      await shoot('early-pause', early);
      await early.close();
      // The inspector at 240 px.
      const side = await open(shots, 'sidebar', theme, lang, 240);
      await post(side, snapshotOf(runs.vanishing, lang));
      await shoot('sidebar-240', side);
      await side.close();
    }
  } finally {
    await shots.close();
  }
  return problems;
}
