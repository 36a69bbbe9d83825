// 3-D Axes (projection='3d') through the CLI, as a learner's loss-surface file runs: the `figure` event
// holds the Axes already projected (a surface's faces as one `polys` artist drawn far to near, lines and
// points projected, the box as `frame3d` with its labels and ticks), and the figure draws (the rasteriser of
// savefig and the panel share src/shared/figureDraw.ts) with the surface's colormap inside the box.
// Uses the built dist/: run `npm run build` first.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FigureArtist, FigureEvent, FigurePolys, RunEvent } from '../../src/protocol';
import { RasterPainter } from '../../src/python/figures/raster';
import { drawFigure, MATPLOTLIB_THEME } from '../../src/shared/figureDraw';
import { parseEventsJsonl } from '../webview/events';
import { distDir } from './runtime-helpers';

const cli = path.join(distDir, 'cli.js');
const fixture = path.join(__dirname, 'fixtures', 'matplotlib', 'surface3d.py');
const temps: string[] = [];
after(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function figures(source: string): FigureEvent[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-mpl3d-'));
  temps.push(dir);
  const file = path.join(dir, 'plot3d.py');
  fs.writeFileSync(file, source);
  const events = path.join(dir, 'events.jsonl');
  const out = spawnSync(process.execPath, [cli, 'run', file, '--events', events], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(out.status, 0, out.stderr);
  const all: RunEvent[] = parseEventsJsonl(fs.readFileSync(events, 'utf8'));
  return all.filter((e): e is FigureEvent => e.type === 'figure');
}

const isPolys = (a: FigureArtist): a is FigurePolys => a.kind === 'polys';

/** Mean projected y of polygon k (of n vertices). */
function faceY(a: FigurePolys, k: number): number {
  let sum = 0;
  for (let j = 0; j < a.n; j++) sum += a.y[k * a.n + j];
  return sum / a.n;
}

test("a learner's loss surface: faces coloured by the colormap, the colorbar, the path and the box", () => {
  const [fig] = figures(fs.readFileSync(fixture, 'utf8'));
  assert.equal(fig.axes.length, 2);
  const [ax, ax2] = fig.axes;
  // The surface of a 31 × 21 grid: 30 × 20 quadrilaterals, viridis from its lowest face to its highest.
  const surf = ax.artists.filter(isPolys);
  assert.equal(surf.length, 1);
  assert.equal(surf[0].n, 4);
  assert.equal(surf[0].x.length, 4 * 30 * 20);
  assert.equal(surf[0].colors.length, 30 * 20);
  assert.ok(surf[0].colors.includes('#440154') && surf[0].colors.includes('#fde725'), 'viridis ends');
  assert.ok(ax.colorbar, 'fig.colorbar(surf) puts a colorbar beside the 3-D Axes');
  assert.ok(ax.colorbar.bounds[0] < 1 && ax.colorbar.bounds[ax.colorbar.bounds.length - 1] > 80);
  const path3d = ax.artists.find((a) => a.kind === 'line' && a.label === 'gradient descent');
  assert.ok(path3d && path3d.kind === 'line' && path3d.x.length === 30 && path3d.color === '#ff0000');
  // The projected plane is drawn with equal aspect and no 2-D frame; the box carries the labels and ticks.
  assert.deepEqual([ax.aspect, ax.axisOn, ax.xlabel], ['equal', false, '']);
  assert.ok(ax.frame3d);
  assert.deepEqual(
    ax.frame3d.axes.map((a) => a.label),
    ['w', 'b', 'loss'],
  );
  assert.equal(ax.frame3d.panesX.length, 12, 'three back panes of four corners');
  for (const axis of ax.frame3d.axes) {
    assert.ok(axis.ticks.length >= 3, `${axis.label}: ${axis.ticks}`);
    assert.equal(axis.tx.length, axis.ticks.length);
    for (const v of [...axis.tx, ...axis.ty]) assert.ok(Math.abs(v) < 0.8, `tick inside the plane: ${v}`);
  }
  // The second Axes: a wireframe (one line per strided row and column), a point, contour lines at z = 0.
  const lines = ax2.artists.filter((a) => a.kind === 'line');
  assert.ok(lines.length > 11 + 16, `${lines.length} lines`);
  assert.equal(ax2.artists.filter((a) => a.kind === 'scatter').length, 1);
  assert.equal(ax2.title, 'wireframe');
});

test('faces are drawn far to near, and the view turns with view_init', () => {
  const source = [
    'import numpy as np',
    'import matplotlib.pyplot as plt',
    'X, Y = np.meshgrid(np.linspace(0, 1, 6), np.linspace(0, 1, 6))',
    'fig = plt.figure()',
    "ax = fig.add_subplot(projection='3d')",
    "ax.plot_surface(X, Y, 0 * X, color='C0')",
    'plt.show()',
    'corners = ([0, 1, 0, 1], [0, 0, 1, 1], [0, 0, 0, 1])',
    'for elev, azim in ((90, -90), (0, 0)):',
    // Each its own figure number: the panel replaces a figure shown again under the same number.
    "    ax = plt.figure(10 + azim).add_subplot(projection='3d')",
    '    ax.scatter(*corners, depthshade=False)',
    '    ax.view_init(elev, azim)',
    '    plt.show()',
    '',
  ].join('\n');
  const [floor, top, side] = figures(source);
  const [faces] = floor.axes[0].artists.filter(isPolys);
  const count = faces.x.length / 4;
  assert.equal(count, 25);
  // A floor seen from above the front: the far faces are higher on the screen, and drawn first.
  assert.ok(faceY(faces, 0) > faceY(faces, count - 1), `${faceY(faces, 0)} then ${faceY(faces, count - 1)}`);
  // Without a colormap one colour, shaded the same on a flat floor.
  assert.equal(new Set(faces.colors).size, 1);
  const points = (fig: FigureEvent) => {
    const a = fig.axes[0].artists.find((x) => x.kind === 'scatter');
    assert.ok(a && a.kind === 'scatter');
    return [...a.x].map((x, i) => [x, a.y[i]]);
  };
  // From straight above (elev 90, azim -90): data x to the right, data y up. Points come sorted by depth,
  // so compare the set of positions: left/right and down/up by corner.
  const fromTop = points(top).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  assert.ok(fromTop[0][0] < 0 && fromTop[3][0] > 0 && fromTop[0][1] < fromTop[1][1]);
  // From the side along +x (elev 0, azim 0): data y to the right, z up; the corner at z = 1 is the highest.
  const fromSide = points(side);
  const highest = fromSide.reduce((p, q) => (q[1] > p[1] ? q : p));
  assert.ok(highest[0] > 0 && highest[1] > 0, `the (1, 1, 1) corner at ${highest}`);
  assert.equal(fromSide.filter((p) => Math.abs(p[1] - highest[1]) < 1e-6).length, 1);
});

test('the rasteriser draws the surface inside its box (the pixels savefig writes)', () => {
  const [fig] = figures(fs.readFileSync(fixture, 'utf8'));
  const width = Math.round(fig.width * fig.dpi);
  const height = Math.round(fig.height * fig.dpi);
  const painter = new RasterPainter(width, height);
  drawFigure(painter, fig, MATPLOTLIB_THEME, width, height);
  // viridis' dark end (#440154) and a pane grey fill pixels of the left half, none of the right half's
  // wireframe Axes holds the dark purple of a face.
  let purpleLeft = 0;
  let purpleRight = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const [r, g, b] = [painter.pixels[o], painter.pixels[o + 1], painter.pixels[o + 2]];
      if (Math.abs(r - 0x44) < 20 && g < 40 && Math.abs(b - 0x54) < 30) {
        if (x < width * 0.4) purpleLeft++;
        else if (x > width * 0.55) purpleRight++;
      }
    }
  }
  assert.ok(purpleLeft > 500, `${purpleLeft} surface pixels of viridis' dark end`);
  assert.ok(purpleRight < purpleLeft / 10, `${purpleRight} such pixels beside the wireframe`);
});

test('twinx: a second Axes on the same grid marked as a twin, sharing x, drawn in its parent box', () => {
  const source = [
    'import matplotlib.pyplot as plt',
    'fig, ax = plt.subplots()',
    "ax.plot([0, 10], [1, 0], 'b-')",
    'ax2 = ax.twinx()',
    "ax2.plot([5, 20], [50, 90], 'r--')",
    "ax2.set_ylabel('accuracy')",
    'fig.tight_layout()',
    'plt.show()',
    '',
  ].join('\n');
  const [fig] = figures(source);
  assert.equal(fig.axes.length, 2);
  const [ax, twin] = fig.axes;
  assert.deepEqual([ax.twin ?? null, twin.twin], [null, 'x']);
  assert.deepEqual(twin.grid, ax.grid);
  // Shared x: both Axes autoscale to the data of both (0..20 with 5% margins).
  assert.deepEqual(ax.xlim, twin.xlim);
  assert.ok(Math.abs(ax.xlim[0] + 1) < 1e-9 && Math.abs(ax.xlim[1] - 21) < 1e-9, `${ax.xlim}`);
  assert.ok(twin.ylim[0] < 50 && twin.ylim[1] > 90 && ax.ylim[1] < 2);
  // The twin's y-axis labels are drawn right of the shared box: ink right of the plot area, left of the edge.
  const width = Math.round(fig.width * fig.dpi);
  const height = Math.round(fig.height * fig.dpi);
  const painter = new RasterPainter(width, height);
  drawFigure(painter, fig, MATPLOTLIB_THEME, width, height);
  // Tick labels span many columns right of the frame (the frame's own edge is a column or two), above the
  // x axis' labels.
  const darkColumns = new Set<number>();
  for (let y = Math.round(height * 0.05); y < height * 0.8; y++) {
    for (let x = Math.round(width * 0.85); x < width - 2; x++) {
      const o = (y * width + x) * 4;
      if (painter.pixels[o] < 100 && painter.pixels[o + 1] < 100 && painter.pixels[o + 2] < 100) darkColumns.add(x);
    }
  }
  assert.ok(darkColumns.size > 15, `${darkColumns.size} columns with ink right of the plot`);
});
