// Screenshots of the panel's Figures section (matplotlib figures drawn by src/shared/figureDraw.ts) for
// examples/plot_losses.py and the plotting fixtures of the unit tests (2-D, and a 3-D loss surface), each run through the CLI and drawn by
// the real panel in headless Chromium in dark and light themes (and Korean), checking that every figure has
// a canvas with a text alternative. Called by harness.ts (npm run test:webview); screenshots go to
// test-results/figures/. Standalone: node --import tsx test/webview/figureShots.ts
import fs from 'node:fs';
import path from 'node:path';
import { post, recordRun, runIfMain, ShotBrowser, snapshotOf } from './shotSession';

const CASES = [
  { name: 'plot_losses', file: 'examples/plot_losses.py', figures: 1 },
  { name: 'figures', file: 'test/unit/fixtures/matplotlib/figures.py', figures: 2 },
  { name: 'surface3d', file: 'test/unit/fixtures/matplotlib/surface3d.py', figures: 1 },
];
const LOOKS: [string, string, number][] = [
  ['dark', 'en', 1100],
  ['light', 'en', 1100],
  ['dark', 'ko', 1100],
  ['light', 'en', 420],
];

export async function figureShots(o: { root: string; outDir: string }): Promise<string[]> {
  const dir = path.join(o.outDir, 'figures');
  fs.mkdirSync(dir, { recursive: true });
  // Each file runs in a scratch copy of itself: its savefig files stay out of the repository.
  const recorded = new Map(
    CASES.map((c) => [c.name, recordRun(o.root, c.file, path.join(dir, `${c.name}.events.jsonl`), { scratch: true })]),
  );
  const shots = await ShotBrowser.launch();
  const problems = shots.problems;
  try {
    for (const c of CASES) {
      for (const [theme, lang, width] of LOOKS) {
        const where = `${c.name} ${theme} ${lang} ${width}px`;
        const page = await shots.open({ fileName: path.basename(c.file), theme, lang, width, height: 1200, where });
        await post(page, snapshotOf(recorded.get(c.name)!, lang));
        await page.waitForTimeout(400);
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
    await shots.close();
  }
  console.log(
    `figures: ${CASES.length} files in ${LOOKS.length} looks, screenshots in ${path.relative(process.cwd(), dir)}`,
  );
  return problems;
}

runIfMain(import.meta.url, (o) => figureShots(o));
