// savefig's PNG: the figure drawn by the panel's own drawing code (src/shared/figureDraw.ts) onto the
// rasteriser, in matplotlib's colours, encoded as an 8-bit RGBA PNG (zlib from Node).
import zlib from 'node:zlib';
import type { FigureData } from '../../protocol';
import { MATPLOTLIB_THEME, drawFigure } from '../../shared/figureDraw';
import { RasterPainter } from './raster';

/** Most pixels a saved figure may have (a 100 x 100 inch figure at 100 dpi). */
const MAX_PIXELS = 100_000_000;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA pixels as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8ClampedArray | Uint8Array): Uint8Array {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filters, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat = zlib.deflateSync(raw, { level: 6 });
  const png = Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]);
  return new Uint8Array(png.buffer, png.byteOffset, png.length); // a plain Uint8Array: Pyodide knows no Buffer
}

/** The figure as PNG bytes at its size and dpi (`transparent`: no background, as savefig(transparent=True)). */
export function figurePng(fig: FigureData, transparent: boolean): Uint8Array {
  const width = Math.max(1, Math.round(fig.width * fig.dpi));
  const height = Math.max(1, Math.round(fig.height * fig.dpi));
  if (width * height > MAX_PIXELS)
    throw new Error(
      `ValueError: Image size of ${width}x${height} pixels is too large. It must be less than 2^16 in each direction.`,
    );
  const painter = new RasterPainter(width, height);
  const theme = transparent ? { ...MATPLOTLIB_THEME, background: null, axesBackground: null } : MATPLOTLIB_THEME;
  drawFigure(painter, fig, theme, width, height);
  return encodePng(width, height, painter.pixels);
}
