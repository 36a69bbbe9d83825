// Axes.errorbar and patches.Rectangle through the CLI: the figure event draws the error bars as one
// NaN-broken line (a segment per point), the caps as '_' markers at both ends, the data line on top, and an
// add_patch Rectangle with facecolor='none' as an outlined rect. Uses the built dist/: run `npm run build` first.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FigureEvent, FigureLine, FigureRects, RunEvent } from '../../src/protocol';
import { parseEventsJsonl } from '../webview/events';
import { distDir } from './runtime-helpers';

const cli = path.join(distDir, 'cli.js');
const temps: string[] = [];
after(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const SCRIPT = `
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle
fig, ax = plt.subplots()
ax.errorbar([1, 2, 3], [2.0, 3.0, 1.0], yerr=[0.5, 0.25, 1.0], fmt='o-', capsize=3, ecolor='k', label='loss')
ax.add_patch(Rectangle((1, 1), 1, 2, edgecolor='r', facecolor='none', linewidth=2))
plt.show()
`;

test('errorbar draws NaN-broken bars, caps at both ends and the data line; a Rectangle patch is an outlined rect', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-errorbar-'));
  temps.push(dir);
  const file = path.join(dir, 'errorbar.py');
  fs.writeFileSync(file, SCRIPT);
  const events = path.join(dir, 'events.jsonl');
  const out = spawnSync(process.execPath, [cli, 'run', file, '--events', events], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(out.status, 0, out.stderr);
  const all: RunEvent[] = parseEventsJsonl(fs.readFileSync(events, 'utf8'));
  const figs = all.filter((e): e is FigureEvent => e.type === 'figure');
  assert.equal(figs.length, 1);
  const artists = figs[0].axes[0].artists;
  const lines = artists.filter((a): a is FigureLine => a.kind === 'line');
  assert.equal(lines.length, 4, 'bars, two cap lines, the data line');
  const [bars, lowCaps, highCaps, data] = lines;
  assert.deepEqual(Array.from(bars.x.slice(0, 2)), [1, 1]);
  assert.deepEqual(Array.from(bars.y.slice(0, 2)), [1.5, 2.5]);
  assert.ok(Number.isNaN(bars.x[2]), 'a break after each bar');
  assert.equal(bars.color, '#000000');
  assert.equal(bars.style, '-');
  assert.equal(lowCaps.marker, '_');
  assert.equal(lowCaps.style, '');
  assert.deepEqual(Array.from(lowCaps.y), [1.5, 2.75, 0]);
  assert.deepEqual(Array.from(highCaps.y), [2.5, 3.25, 2]);
  assert.equal(lowCaps.markerSize, 6);
  assert.equal(data.marker, 'o');
  assert.equal(data.color, '#1f77b4');
  assert.equal(data.label, 'loss');
  assert.equal(bars.label, null);
  const rect = artists.find((a): a is FigureRects => a.kind === 'rects');
  assert.ok(rect, 'the Rectangle is sent');
  assert.deepEqual(rect.colors, ['none']);
  assert.equal(rect.edge, '#ff0000');
  assert.equal(rect.edgeWidth, 2);
  assert.deepEqual([rect.x[0], rect.y[0], rect.w[0], rect.h[0]], [1, 1, 1, 2]);
});
