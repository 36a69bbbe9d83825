// Our matplotlib through the CLI, as a learner runs a file that plots: the `figure` events (in --events) hold
// what real matplotlib 3.6.3 makes of the same file (fixtures/matplotlib/figures-mpl363.json, written by
// make_expected.py with Debian's python3-matplotlib): limits, colours from format strings and the default
// cycle, histogram bins, contour levels and band colours; savefig writes PNG files whose pixels are where real
// matplotlib puts them. Uses the built dist/: run `npm run build` first.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FigureAxes, FigureEvent, FigureRefLine, RunEvent } from '../../src/protocol';
import { axisTicks, binsFor } from '../../src/shared/figureTicks';
import { parseEventsJsonl } from '../webview/events';
import { distDir } from './runtime-helpers';

const cli = path.join(distDir, 'cli.js');
const fixtures = path.join(__dirname, 'fixtures', 'matplotlib');
const temps: string[] = [];
after(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
  events: RunEvent[];
  dir: string;
}

function run(name: string, source: string): Ran {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-mpl-'));
  temps.push(dir);
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  const events = path.join(dir, 'events.jsonl');
  const out = spawnSync(process.execPath, [cli, 'run', file, '--events', events], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { ...out, events: parseEventsJsonl(fs.readFileSync(events, 'utf8')), dir };
}

const figuresOf = (events: RunEvent[]) => events.filter((e): e is FigureEvent => e.type === 'figure');

/** Decodes an 8-bit RGB or RGBA PNG (any filter) into its size and RGBA pixels. */
function decodePng(bytes: Buffer): { width: number; height: number; rgba: Uint8Array } {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (at < bytes.length) {
    const len = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert.equal(data[8], 8, 'bit depth');
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const line = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i];
      const a = i >= channels ? line[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      const p = a + b - c;
      const pred =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      line[i] = (x + [0, a, b, (a + b) >> 1, pred][filter]) & 0xff;
    }
    prev.set(line);
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 4; k++) out[(y * width + x) * 4 + k] = k < channels ? line[x * channels + k] : 255;
    }
  }
  return { width, height, rgba: out };
}

const close = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} is not ${b} (±${tol})`);

type Expected = {
  stdout: string;
  figures: {
    number: number;
    width: number;
    height: number;
    dpi: number;
    colorbars: number;
    axes: Record<string, any>[];
  }[];
  png: Record<string, { size: [number, number]; points: Record<string, { px: [number, number]; rgb: number[] }> }>;
};

function compareAxes(ours: FigureAxes, real: Record<string, any>, where: string): void {
  for (const k of ['title', 'xlabel', 'ylabel', 'xscale', 'yscale'])
    assert.equal(ours[k as keyof FigureAxes], real[k], `${where} ${k}`);
  for (const k of ['xlim', 'ylim'] as const) {
    const span = Math.abs(real[k][1] - real[k][0]);
    close(ours[k][0], real[k][0], span * 1e-6, `${where} ${k}[0]`);
    close(ours[k][1], real[k][1], span * 1e-6, `${where} ${k}[1]`);
  }
  const lines = ours.artists.filter((a) => a.kind === 'line');
  assert.equal(lines.length, real.lines.length, `${where} lines`);
  lines.forEach((l, i) => {
    const r = real.lines[i];
    assert.equal(l.color, r.color, `${where} line ${i} colour`);
    assert.equal(l.style, r.style, `${where} line ${i} style`);
    assert.equal(l.marker, r.marker, `${where} line ${i} marker`);
    assert.equal(l.markerSize, r.markerSize, `${where} line ${i} marker size`);
    r.y.forEach((v: number, k: number) =>
      close(l.y[k], v, 1e-5 * Math.max(1, Math.abs(v)), `${where} line ${i} y[${k}]`),
    );
    r.x.forEach((v: number, k: number) =>
      close(l.x[k], v, 1e-5 * Math.max(1, Math.abs(v)), `${where} line ${i} x[${k}]`),
    );
  });
  const refs = ours.artists.filter((a): a is FigureRefLine => a.kind === 'hline' || a.kind === 'vline');
  assert.deepEqual(
    refs.map((a) => ({ kind: a.kind, value: a.value, color: a.color })),
    real.reflines,
    `${where} axhline/axvline`,
  );
  const scatters = ours.artists.filter((a) => a.kind === 'scatter');
  assert.deepEqual(
    scatters.map((s) => ({ colors: [...new Set(s.colors)].sort(), sizes: [...s.sizes], n: s.x.length })),
    real.scatter.map((s: any) => ({ colors: s.colors, sizes: s.sizes, n: s.x.length })),
    `${where} scatter`,
  );
  const rects = ours.artists.flatMap((a) =>
    a.kind === 'rects'
      ? [...a.x].map((x, i) => ({ x, y: a.y[i], w: a.w[i], h: a.h[i], color: a.colors[a.colors.length === 1 ? 0 : i] }))
      : [],
  );
  assert.equal(rects.length, real.rects.length, `${where} bars`);
  rects.forEach((r, i) => {
    const e = real.rects[i];
    assert.equal(r.color, e.color, `${where} bar ${i} colour`);
    for (const k of ['x', 'y', 'w', 'h'] as const) close(r[k], e[k], 1e-5, `${where} bar ${i} ${k}`);
  });
  const contours = ours.artists.filter((a) => a.kind === 'contour');
  assert.equal(contours.length, real.contours.length, `${where} contours`);
  contours.forEach((c, i) => {
    const e = real.contours[i];
    assert.equal(c.filled, e.filled, `${where} contour ${i} filled`);
    e.levels.forEach((v: number, k: number) => close(c.levels[k], v, 1e-6, `${where} contour ${i} level ${k}`));
    assert.equal(c.levels.length, e.levels.length, `${where} contour ${i} levels`);
    assert.deepEqual(c.colors, e.colors, `${where} contour ${i} colours`);
  });
  const images = ours.artists.filter((a) => a.kind === 'image');
  assert.deepEqual(
    images.map((im) => [im.rows, im.cols]),
    real.images.map((im: any) => im.shape.slice(0, 2)),
    `${where} images`,
  );
}

test("a learner's plotting file: figure events and printed values as real matplotlib 3.6.3 makes them", () => {
  const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'figures-mpl363.json'), 'utf8')) as Expected;
  const ran = run('figures.py', fs.readFileSync(path.join(fixtures, 'figures.py'), 'utf8'));
  assert.equal(ran.stderr, '');
  assert.equal(ran.status, 0);
  assert.equal(ran.stdout, expected.stdout);
  const figures = figuresOf(ran.events);
  // Two plt.show() calls, then the two figures still open at the end of the file.
  assert.deepEqual(
    figures.map((f) => f.number),
    expected.figures.map((f) => f.number),
  );
  figures.forEach((fig, i) => {
    const real = expected.figures[i];
    assert.deepEqual([fig.width, fig.height, fig.dpi], [real.width, real.height, real.dpi], `figure ${i} size`);
    assert.equal(fig.axes.length, real.axes.length, `figure ${i} axes`);
    assert.equal(fig.axes.filter((ax) => ax.colorbar).length, real.colorbars, `figure ${i} colorbars`);
    fig.axes.forEach((ax, k) => compareAxes(ax, real.axes[k], `figure ${i} axes ${k}`));
  });
  const finished = ran.events.find((e) => e.type === 'finished');
  assert.ok(finished && ran.events.indexOf(figures[figures.length - 1]) < ran.events.indexOf(finished));
});

test('axis ticks are where matplotlib puts them for an Axes of the same size (AutoLocator, log decades)', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'figures-mpl363.json'), 'utf8')) as Expected;
  let compared = 0;
  for (const fig of expected.figures) {
    const fontPx = (10 * fig.dpi) / 72;
    for (const ax of fig.axes) {
      for (const [k, horizontal] of [
        ['x', true],
        ['y', false],
      ] as const) {
        if (k === 'x' && ax.rects.length && ax.xticks.length === ax.rects.length) continue; // category names
        const [lo, hi] = ax[`${k}lim`];
        const length = ax.pixels[horizontal ? 0 : 1];
        const log = ax[`${k}scale`] === 'log';
        const ours = axisTicks(lo, hi, log, binsFor(length, fontPx, horizontal)).ticks.map((t) => t.value);
        assert.equal(ours.length, ax[`${k}ticks`].length, `${k} ticks ${ours} vs ${ax[`${k}ticks`]}`);
        ours.forEach((v, i) => close(v, ax[`${k}ticks`][i], 1e-9 * Math.max(1, Math.abs(v)), `${k} tick ${i}`));
        compared++;
      }
    }
  }
  assert.ok(compared >= 12, `${compared} axes compared`);
});

test('savefig writes real PNG files beside the script: the size of figsize × dpi, pixels where matplotlib puts them', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'figures-mpl363.json'), 'utf8')) as Expected;
  const ran = run('figures.py', fs.readFileSync(path.join(fixtures, 'figures.py'), 'utf8'));
  assert.equal(ran.status, 0, ran.stderr);
  const grid = decodePng(fs.readFileSync(path.join(ran.dir, 'grid.png')));
  assert.deepEqual([grid.width, grid.height], [800, 600]);
  const real = expected.png['line.png'];
  const png = decodePng(fs.readFileSync(path.join(ran.dir, 'line.png')));
  assert.deepEqual([png.width, png.height], real.size);
  for (const [name, { px, rgb }] of Object.entries(real.points)) {
    const o = (px[1] * png.width + px[0]) * 4;
    const got = [png.rgba[o], png.rgba[o + 1], png.rgba[o + 2]];
    got.forEach((v, k) => close(v, rgb[k], 24, `${name} pixel (${px}) channel ${k}`));
  }
});

test('a figure shown inside a training loop keeps its number, so the panel replaces it; the last state is sent', () => {
  const source = [
    'import matplotlib.pyplot as plt',
    'losses = []',
    'for epoch in range(200):',
    '    losses.append(1.0 / (epoch + 1))',
    '    plt.figure(1)',
    '    plt.clf()',
    '    plt.plot(losses)',
    '    plt.title(f"epoch {epoch}")',
    '    plt.pause(0.001)',
    '',
  ].join('\n');
  const ran = run('live.py', source);
  assert.equal(ran.status, 0, ran.stderr);
  const figures = figuresOf(ran.events);
  assert.ok(figures.length >= 1 && figures.length < 200, `${figures.length} figure events for 200 shows`);
  assert.ok(figures.every((f) => f.number === 1));
  const last = figures[figures.length - 1];
  assert.equal(last.axes[0].title, 'epoch 199');
  const line = last.axes[0].artists[0];
  assert.ok(line.kind === 'line' && line.y.length === 200);
});

test('unsupported pyplot names raise NotImplementedError naming them; matplotlib.use is accepted', () => {
  const ran = run(
    'violinplot.py',
    'import matplotlib\nmatplotlib.use("TkAgg")\nimport matplotlib.pyplot as plt\nplt.violinplot([1, 2, 3])\n',
  );
  assert.equal(ran.status, 1);
  assert.match(ran.stderr, /line 4, in <module>/);
  assert.match(ran.stderr, /NotImplementedError: matplotlib\.pyplot\.violinplot is not supported by Backprop Lens/);
  const ax = run(
    'stackplot.py',
    'import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nprint(hasattr(ax, "stackplot"))\nax.stackplot([1], [1])\n',
  );
  assert.match(ax.stdout, /^False\n/);
  assert.match(ax.stderr, /NotImplementedError: Axes\.stackplot is not supported by Backprop Lens/);
});

test('a tensor that requires grad is refused as real matplotlib refuses it (through numpy)', () => {
  const ran = run(
    'grad.py',
    'import torch\nimport matplotlib.pyplot as plt\nw = torch.ones(3, requires_grad=True)\nplt.plot(w * 2)\n',
  );
  assert.equal(ran.status, 1);
  assert.match(
    ran.stderr,
    /RuntimeError: Can't call numpy\(\) on Tensor that requires grad\. Use tensor\.detach\(\)\.numpy\(\) instead\./,
  );
});

test("contour over torch.meshgrid's 'ij' grid (x down the rows) draws what the 'xy' grid of the same points draws", () => {
  const ran = run(
    'ij_contour.py',
    [
      'import torch',
      'import matplotlib.pyplot as plt',
      'f = lambda x1, x2: x1 ** 2 + 2 * x2 ** 2 + x1 * x2',
      "x1, x2 = torch.meshgrid(torch.arange(-2.0, 1.0, 0.5), torch.arange(-1.0, 1.5, 0.5), indexing='ij')",
      "plt.contour(x1, x2, f(x1, x2), colors='#1f77b4')",
      "y1, y2 = torch.meshgrid(torch.arange(-2.0, 1.0, 0.5), torch.arange(-1.0, 1.5, 0.5), indexing='xy')",
      "plt.contour(y1, y2, f(y1, y2), colors='#1f77b4')",
      'plt.show()',
    ].join('\n'),
  );
  assert.equal(ran.status, 0, ran.stderr);
  const artists = figuresOf(ran.events).at(-1)!.axes[0].artists;
  const [ij, xy] = artists.filter((a) => a.kind === 'contour');
  assert.ok(ij && xy, 'two contour artists');
  assert.deepEqual(ij, xy);
  if (ij.kind !== 'contour') return;
  assert.deepEqual([...ij.x], [-2, -1.5, -1, -0.5, 0, 0.5]);
  assert.deepEqual([...ij.y], [-1, -0.5, 0, 0.5, 1]);
  assert.equal(ij.z.length, 30);
  assert.equal(ij.z[1], (-1.5) ** 2 + 2 * (-1) ** 2 + -1.5 * -1); // z[row y=-1][column x=-1.5]
});
