// A small anti-aliased rasteriser with the Painter interface of src/shared/figurePainter.ts, for savefig's
// PNG files: coverage masks (strokes by distance to each segment, fills by even-odd scanlines with 4
// sub-rows per pixel), blended once per shape so overlapping segments do not darken, and text from the
// DejaVu Sans masks of fontAtlas.ts.
import zlib from 'node:zlib';
import type { PathStyle, Painter, TextStyle } from '../../shared/figurePainter';
import { ATLAS_ASCENT, ATLAS_DESCENT, ATLAS_SIZE, GLYPHS, MASKS } from './fontAtlas';

let masks: Uint8Array | null = null;
function glyphMasks(): Uint8Array {
  masks ??= new Uint8Array(zlib.inflateSync(Buffer.from(MASKS, 'base64')));
  return masks;
}

function parseColor(color: string): [number, number, number, number] {
  const h = color.startsWith('#') ? color.slice(1) : '000000';
  const a = h.length >= 8 ? parseInt(h.slice(6, 8), 16) / 255 : 1;
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16), a];
}

/** Splits a polyline into its dashes. */
function dashed(xs: ArrayLike<number>, ys: ArrayLike<number>, dash: number[]): [number[], number[]][] {
  const out: [number[], number[]][] = [];
  let k = 0;
  let left = dash[0];
  let on = true;
  let cur: [number[], number[]] = [[xs[0]], [ys[0]]];
  for (let i = 1; i < xs.length; i++) {
    let x0 = xs[i - 1];
    let y0 = ys[i - 1];
    let seg = Math.hypot(xs[i] - x0, ys[i] - y0);
    while (seg > left) {
      const t = left / seg;
      x0 += (xs[i] - x0) * t;
      y0 += (ys[i] - y0) * t;
      seg -= left;
      if (on) {
        cur[0].push(x0);
        cur[1].push(y0);
        out.push(cur);
      }
      on = !on;
      cur = [[x0], [y0]];
      k = (k + 1) % dash.length;
      left = dash[k];
    }
    left -= seg;
    if (on) {
      cur[0].push(xs[i]);
      cur[1].push(ys[i]);
    }
  }
  if (on && cur[0].length > 1) out.push(cur);
  return out;
}

export class RasterPainter implements Painter {
  readonly resolution = 1;
  readonly pixels: Uint8ClampedArray;
  private clipBox: [number, number, number, number];
  private readonly cover: Float32Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8ClampedArray(width * height * 4);
    this.cover = new Float32Array(width * height);
    this.clipBox = [0, 0, width, height];
  }

  /** Blends `color` over the pixels in the box with coverage from the mask (which is cleared). */
  private blend(color: string, alpha: number, x0: number, y0: number, x1: number, y1: number): void {
    const [r, g, b, a] = parseColor(color);
    const [cx0, cy0, cx1, cy1] = this.clipBox;
    const px = this.pixels;
    const fa = a * alpha;
    for (let y = Math.max(y0, 0); y < Math.min(y1, this.height); y++) {
      for (let x = Math.max(x0, 0); x < Math.min(x1, this.width); x++) {
        const i = y * this.width + x;
        const cov = this.cover[i];
        if (cov <= 0) continue;
        this.cover[i] = 0;
        if (x < cx0 || x >= cx1 || y < cy0 || y >= cy1) continue;
        const s = Math.min(cov, 1) * fa;
        const o = i * 4;
        const da = px[o + 3] / 255;
        const oa = s + da * (1 - s);
        if (oa <= 0) continue;
        px[o] = (r * s + px[o] * da * (1 - s)) / oa;
        px[o + 1] = (g * s + px[o + 1] * da * (1 - s)) / oa;
        px[o + 2] = (b * s + px[o + 2] * da * (1 - s)) / oa;
        px[o + 3] = oa * 255;
      }
    }
  }

  fillRect(x: number, y: number, w: number, h: number, color: string, alpha = 1): void {
    const x0 = Math.max(0, Math.floor(x));
    const y0 = Math.max(0, Math.floor(y));
    const x1 = Math.min(this.width, Math.ceil(x + w));
    const y1 = Math.min(this.height, Math.ceil(y + h));
    for (let yy = y0; yy < y1; yy++) {
      const cy = Math.min(yy + 1, y + h) - Math.max(yy, y);
      for (let xx = x0; xx < x1; xx++) {
        const cx = Math.min(xx + 1, x + w) - Math.max(xx, x);
        this.cover[yy * this.width + xx] = Math.max(0, cx) * Math.max(0, cy);
      }
    }
    this.blend(color, alpha, x0, y0, x1, y1);
  }

  private strokeMask(xs: ArrayLike<number>, ys: ArrayLike<number>, width: number, box: number[]): void {
    const half = Math.max(width, 0.6) / 2;
    for (let i = 0; i + 1 < xs.length; i++) {
      const ax = xs[i];
      const ay = ys[i];
      const dx = xs[i + 1] - ax;
      const dy = ys[i + 1] - ay;
      const len2 = dx * dx + dy * dy;
      const x0 = Math.max(0, Math.floor(Math.min(ax, ax + dx) - half - 1));
      const x1 = Math.min(this.width, Math.ceil(Math.max(ax, ax + dx) + half + 1));
      const y0 = Math.max(0, Math.floor(Math.min(ay, ay + dy) - half - 1));
      const y1 = Math.min(this.height, Math.ceil(Math.max(ay, ay + dy) + half + 1));
      box[0] = Math.min(box[0], x0);
      box[1] = Math.min(box[1], y0);
      box[2] = Math.max(box[2], x1);
      box[3] = Math.max(box[3], y1);
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const px = x + 0.5 - ax;
          const py = y + 0.5 - ay;
          const t = len2 > 0 ? Math.min(1, Math.max(0, (px * dx + py * dy) / len2)) : 0;
          const d = Math.hypot(px - t * dx, py - t * dy);
          const cov = Math.min(1, half + 0.5 - d) * (width < 1.2 ? Math.max(width, 0.6) / 1.2 : 1);
          const i = y * this.width + x;
          if (cov > this.cover[i]) this.cover[i] = cov;
        }
      }
    }
  }

  private fillMask(xs: ArrayLike<number>, ys: ArrayLike<number>, box: number[]): void {
    const n = xs.length;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minY = Math.min(minY, ys[i]);
      maxY = Math.max(maxY, ys[i]);
    }
    const y0 = Math.max(0, Math.floor(minY));
    const y1 = Math.min(this.height, Math.ceil(maxY));
    const SUB = 4;
    for (let y = y0; y < y1; y++) {
      for (let s = 0; s < SUB; s++) {
        const sy = y + (s + 0.5) / SUB;
        const hits: number[] = [];
        for (let i = 0; i < n; i++) {
          const j = (i + 1) % n;
          if (ys[i] <= sy !== ys[j] <= sy) hits.push(xs[i] + ((sy - ys[i]) / (ys[j] - ys[i])) * (xs[j] - xs[i]));
        }
        hits.sort((a, b) => a - b);
        for (let k = 0; k + 1 < hits.length; k += 2) {
          const a = Math.max(0, hits[k]);
          const b = Math.min(this.width, hits[k + 1]);
          for (let x = Math.floor(a); x < Math.ceil(b); x++) {
            const c = Math.min(x + 1, b) - Math.max(x, a);
            if (c > 0) this.cover[y * this.width + x] += c / SUB;
          }
          box[0] = Math.min(box[0], Math.floor(a));
          box[2] = Math.max(box[2], Math.ceil(b));
        }
      }
    }
    box[1] = Math.min(box[1], y0);
    box[3] = Math.max(box[3], y1);
  }

  path(xs: ArrayLike<number>, ys: ArrayLike<number>, style: PathStyle): void {
    if (xs.length === 0) return;
    const alpha = style.alpha ?? 1;
    if (style.fill && xs.length > 2) {
      const box = [Infinity, Infinity, -Infinity, -Infinity];
      this.fillMask(xs, ys, box);
      if (box[0] <= box[2]) this.blend(style.fill, alpha, box[0], box[1], box[2], box[3]);
    }
    if (!style.stroke) return;
    let px = Array.from(xs);
    let py = Array.from(ys);
    if (style.close || style.fill) {
      px = [...px, px[0]];
      py = [...py, py[0]];
    }
    const pieces = style.dash ? dashed(px, py, style.dash) : [[px, py] as [number[], number[]]];
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of pieces)
      this.strokeMask(x.length === 1 ? [x[0], x[0]] : x, y.length === 1 ? [y[0], y[0]] : y, style.width ?? 1, box);
    if (box[0] <= box[2]) this.blend(style.stroke, alpha, box[0], box[1], box[2], box[3]);
  }

  measureText(s: string, size: number): number {
    let w = 0;
    for (const ch of s) w += (GLYPHS[ch] ?? GLYPHS['?'])[0];
    return (w * size) / ATLAS_SIZE;
  }

  text(s: string, x: number, y: number, style: TextStyle): void {
    const scale = style.size / ATLAS_SIZE;
    const width = this.measureText(s, style.size);
    const ascent = ATLAS_ASCENT * scale * 0.78;
    const descent = ATLAS_DESCENT * scale;
    // Along the text: from the start; across it: from the baseline (down positive, or left when rotated).
    const along0 = style.align === 'left' ? 0 : style.align === 'center' ? -width / 2 : -width;
    const across0 =
      style.baseline === 'top'
        ? ascent
        : style.baseline === 'middle'
          ? ascent / 2
          : style.baseline === 'bottom'
            ? -descent
            : 0;
    const data = glyphMasks();
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    let pen = along0;
    for (const ch of s) {
      const g = GLYPHS[ch] ?? GLYPHS['?'];
      const [advance, left, top, w, h, offset] = g;
      if (w && h)
        this.glyph(data, offset, w, h, pen + left * scale, across0 + top * scale, scale, x, y, !!style.rotate, box);
      pen += advance * scale;
    }
    if (box[0] <= box[2]) this.blend(style.color, style.alpha ?? 1, box[0], box[1], box[2], box[3]);
  }

  /** One glyph's mask, scaled by area sampling, at (along, across) from the anchor (x, y). */
  private glyph(
    data: Uint8Array,
    offset: number,
    w: number,
    h: number,
    along: number,
    across: number,
    scale: number,
    x: number,
    y: number,
    rotate: boolean,
    box: number[],
  ): void {
    const gw = w * scale;
    const gh = h * scale;
    const left = rotate ? x + across : x + along;
    const top = rotate ? y - along - gw : y + across;
    const bw = rotate ? gh : gw;
    const bh = rotate ? gw : gh;
    const x0 = Math.max(0, Math.floor(left));
    const y0 = Math.max(0, Math.floor(top));
    const x1 = Math.min(this.width, Math.ceil(left + bw));
    const y1 = Math.min(this.height, Math.ceil(top + bh));
    const S = 3;
    for (let py = y0; py < y1; py++) {
      for (let px = x0; px < x1; px++) {
        let sum = 0;
        for (let sy = 0; sy < S; sy++) {
          for (let sx = 0; sx < S; sx++) {
            const u = px + (sx + 0.5) / S - left;
            const v = py + (sy + 0.5) / S - top;
            // Glyph coordinates (gx across the glyph's width, gy down its height).
            const gx = (rotate ? bh - v : u) / scale;
            const gy = (rotate ? u : v) / scale;
            if (gx < 0 || gy < 0 || gx >= w || gy >= h) continue;
            sum += data[offset + Math.floor(gy) * w + Math.floor(gx)];
          }
        }
        if (sum === 0) continue;
        const i = py * this.width + px;
        this.cover[i] = Math.min(1, this.cover[i] + sum / (255 * S * S));
      }
    }
    box[0] = Math.min(box[0], x0);
    box[1] = Math.min(box[1], y0);
    box[2] = Math.max(box[2], x1);
    box[3] = Math.max(box[3], y1);
  }

  image(
    rgba: Uint8Array | Uint8ClampedArray,
    w: number,
    h: number,
    x: number,
    y: number,
    dw: number,
    dh: number,
  ): void {
    const [cx0, cy0, cx1, cy1] = this.clipBox;
    const x0 = Math.max(cx0, Math.floor(x));
    const y0 = Math.max(cy0, Math.floor(y));
    const x1 = Math.min(cx1, Math.ceil(x + dw));
    const y1 = Math.min(cy1, Math.ceil(y + dh));
    const px = this.pixels;
    for (let yy = y0; yy < y1; yy++) {
      const sy = Math.floor(((yy + 0.5 - y) / dh) * h);
      if (sy < 0 || sy >= h) continue;
      for (let xx = x0; xx < x1; xx++) {
        const sx = Math.floor(((xx + 0.5 - x) / dw) * w);
        if (sx < 0 || sx >= w) continue;
        const s = (sy * w + sx) * 4;
        const a = rgba[s + 3] / 255;
        if (a <= 0) continue;
        const o = (yy * this.width + xx) * 4;
        const da = px[o + 3] / 255;
        const oa = a + da * (1 - a);
        for (let k = 0; k < 3; k++) px[o + k] = (rgba[s + k] * a + px[o + k] * da * (1 - a)) / oa;
        px[o + 3] = oa * 255;
      }
    }
  }

  clip(x: number, y: number, w: number, h: number): void {
    this.clipBox = [
      Math.max(0, Math.floor(x)),
      Math.max(0, Math.floor(y)),
      Math.min(this.width, Math.ceil(x + w)),
      Math.min(this.height, Math.ceil(y + h)),
    ];
  }

  unclip(): void {
    this.clipBox = [0, 0, this.width, this.height];
  }
}
