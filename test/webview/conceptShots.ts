// Screenshots of every concept view (decision boundary, fitted curve, loss landscape, network, autograd
// graph, activation explorer) for example files and for fixtures nobody tuned the views for, each run
// through the CLI and drawn by the real panel in headless Chromium: dark, light and high-contrast themes,
// English and Korean, and a 400 px wide panel. Each case also checks that the views it should get are
// shown. Called by harness.ts (npm run test:webview); screenshots go to test-results/concepts/.
import fs from 'node:fs';
import path from 'node:path';
import { post, recordRun, runIfMain, ShotBrowser, snapshotOf } from './shotSession';

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

/** Renders each case in each look and screenshots its concept cards; returns the problems found. */
export async function conceptShots(o: { root: string; outDir: string; only?: string }): Promise<string[]> {
  const dir = path.join(o.outDir, 'concepts');
  fs.mkdirSync(dir, { recursive: true });
  const cases = CASES.filter((c) => !o.only || o.only.split(',').includes(c.name));
  const recorded = new Map(
    cases.map((c) => [c.name, recordRun(o.root, c.file, path.join(dir, `${c.name}.events.jsonl`))]),
  );
  const shots = await ShotBrowser.launch();
  const problems = shots.problems;
  try {
    for (const c of cases) {
      for (const [theme, lang, width] of LOOKS) {
        const where = `${c.name} ${theme} ${lang}`;
        const page = await shots.open({ fileName: path.basename(c.file), theme, lang, width, height: 1200, where });
        await post(page, snapshotOf(recorded.get(c.name)!, lang));
        await page.waitForTimeout(300);
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
    await shots.close();
  }
  console.log(
    `concept views: ${cases.length} files in ${LOOKS.length} looks, screenshots in ${path.relative(process.cwd(), dir)}`,
  );
  return problems;
}

// Standalone: node --import tsx test/webview/conceptShots.ts [case,case...]
runIfMain(import.meta.url, (o, argv) => conceptShots({ ...o, only: argv[0] }));
