// plt.quiver / Axes.quiver (and plot(markevery=...)) through the CLI: what it prints is what real matplotlib 3.6.3 prints
// (fixtures/matplotlib/quiver-mpl363.txt, from quiver.py), and the figure event draws each arrow as a
// shaft from its position along (U, V) with a two-stroke head, all in one NaN-broken line.
// Uses the built dist/: run `npm run build` first.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FigureEvent, FigureLine, RunEvent } from '../../src/protocol';
import { parseEventsJsonl } from '../webview/events';
import { distDir } from './runtime-helpers';

const cli = path.join(distDir, 'cli.js');
const fixtures = path.join(__dirname, 'fixtures', 'matplotlib');
const temps: string[] = [];
after(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

test("plt.quiver (and plot's markevery) print what matplotlib 3.6.3 prints; arrows start at their tails along (U, V)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-quiver-'));
  temps.push(dir);
  const file = path.join(dir, 'quiver.py');
  fs.copyFileSync(path.join(fixtures, 'quiver.py'), file);
  const events = path.join(dir, 'events.jsonl');
  const out = spawnSync(process.execPath, [cli, 'run', file, '--events', events], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(out.status, 0, out.stderr);
  assert.equal(out.stdout, fs.readFileSync(path.join(fixtures, 'quiver-mpl363.txt'), 'utf8'));
  const all: RunEvent[] = parseEventsJsonl(fs.readFileSync(events, 'utf8'));
  const figs = all.filter((e): e is FigureEvent => e.type === 'figure');
  assert.equal(figs.length, 4);
  const line = figs[0].axes[0].artists.find((a): a is FigureLine => a.kind === 'line');
  assert.ok(line, 'the arrows are one line artist');
  // 25 arrows of 7 points each (shaft, break, three head points, break).
  assert.equal(line.x.length, 25 * 7);
  assert.equal(line.color, '#666666');
  // The first arrow sits at (-2, -1) and points along (4, 2).
  assert.equal(line.x[0], -2);
  assert.equal(line.y[0], -1);
  const dx = line.x[1] - line.x[0];
  const dy = line.y[1] - line.y[0];
  assert.ok(dx > 0 && Math.abs(dy / dx - 0.5) < 1e-5, `direction ${dx}, ${dy}`);
  assert.ok(Number.isNaN(line.x[2]), 'a break between the shaft and the head');
});
