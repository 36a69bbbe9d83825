// What drawing a matplotlib figure needs from a surface: rectangles, paths, text, images and a clip. The
// panel paints on a canvas (media/common/canvasPainter.ts); the runtime paints into the pixels of a PNG
// (src/python/figures/raster.ts). Markers and dash patterns are matplotlib's, in pixels.

export interface PathStyle {
  stroke?: string;
  fill?: string;
  width?: number;
  /** Dash and gap lengths in pixels. */
  dash?: number[];
  alpha?: number;
  close?: boolean;
}

export interface TextStyle {
  size: number;
  color: string;
  align: 'left' | 'center' | 'right';
  baseline: 'top' | 'middle' | 'bottom' | 'alphabetic';
  /** Turned 90° counter-clockwise (a y-axis label). */
  rotate?: boolean;
  bold?: boolean;
  alpha?: number;
}

export interface Painter {
  /** Device pixels per unit of the coordinates below (the canvas' devicePixelRatio; 1 for a PNG). */
  readonly resolution: number;
  fillRect(x: number, y: number, w: number, h: number, color: string, alpha?: number): void;
  /** A polyline (or a polygon with `close` or `fill`) through the points. */
  path(xs: ArrayLike<number>, ys: ArrayLike<number>, style: PathStyle): void;
  text(s: string, x: number, y: number, style: TextStyle): void;
  measureText(s: string, size: number, bold?: boolean): number;
  /** RGBA pixels (w × h) stretched over the rectangle. */
  image(
    rgba: Uint8Array | Uint8ClampedArray,
    w: number,
    h: number,
    x: number,
    y: number,
    dw: number,
    dh: number,
    smooth: boolean,
  ): void;
  clip(x: number, y: number, w: number, h: number): void;
  unclip(): void;
}

/** The colours a figure's frame is drawn in: matplotlib's (black on white) in a PNG, the theme's in the panel. */
export interface FigureTheme {
  /** The figure's background; null leaves it transparent (the panel's card shows through). */
  background: string | null;
  /** The axes' background. */
  axesBackground: string | null;
  foreground: string;
  /** Grid lines (matplotlib: #b0b0b0). */
  grid: string;
  legendBackground: string;
  legendEdge: string;
  /** Smallest text in pixels (the panel keeps labels legible when a figure is drawn small). */
  minFontPx: number;
}

/** matplotlib's dash patterns (lines.*_pattern), in units of the line width. */
export function dashPattern(style: string, width: number): number[] | undefined {
  const w = Math.max(width, 1);
  switch (style) {
    case '--':
      return [3.7 * w, 1.6 * w];
    case ':':
      return [1 * w, 1.65 * w];
    case '-.':
      return [6.4 * w, 1.6 * w, 1 * w, 1.6 * w];
    default:
      return undefined;
  }
}

function regular(n: number, r: number, turn: number): [number[], number[]] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = turn + (2 * Math.PI * i) / n;
    xs.push(r * Math.cos(a));
    ys.push(-r * Math.sin(a));
  }
  return [xs, ys];
}

function star(n: number, r: number, inner: number): [number[], number[]] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < 2 * n; i++) {
    const a = Math.PI / 2 + (Math.PI * i) / n;
    const rr = i % 2 ? r * inner : r;
    xs.push(rr * Math.cos(a));
    ys.push(-rr * Math.sin(a));
  }
  return [xs, ys];
}

type Shape = [number[], number[]];

function plusShape(marker: string, r: number): Shape[] {
  const t = r / 3;
  const xs = [-t, t, t, r, r, t, t, -t, -t, -r, -r, -t];
  const ys = [-r, -r, -t, -t, t, t, r, r, t, t, -t, -t];
  if (marker === 'P') return [[xs, ys]];
  const c = Math.SQRT1_2;
  return [[xs.map((x, i) => c * (x - ys[i])), xs.map((x, i) => c * (x + ys[i]))]];
}

/** Filled markers (matplotlib's 'o', 's', '^', 'D', '*', ...) as outlines of radius r; null for stroked ones. */
function filledMarker(marker: string, r: number): Shape[] | null {
  const up = Math.PI / 2;
  const s = r * 0.9;
  const shapes: Record<string, () => Shape[]> = {
    '.': () => [regular(16, r / 2, 0)],
    ',': () => [
      [
        [-0.5, 0.5, 0.5, -0.5],
        [-0.5, -0.5, 0.5, 0.5],
      ],
    ],
    s: () => [
      [
        [-s, s, s, -s],
        [-s, -s, s, s],
      ],
    ],
    '^': () => [regular(3, r, up)],
    v: () => [regular(3, r, -up)],
    '<': () => [regular(3, r, Math.PI)],
    '>': () => [regular(3, r, 0)],
    D: () => [regular(4, s, 0)],
    d: () => [
      [
        [0, r * 0.6, 0, -r * 0.6],
        [-r, 0, r, 0],
      ],
    ],
    p: () => [regular(5, r, up)],
    h: () => [regular(6, r, up)],
    H: () => [regular(6, r, 0)],
    '8': () => [regular(8, r, Math.PI / 8)],
    '*': () => [star(5, r, 0.38)],
    P: () => plusShape('P', r),
    X: () => plusShape('X', r),
    o: () => [regular(20, r, 0)],
  };
  return shapes[marker]?.() ?? null;
}

/** Stroked markers ('+', 'x', '|', '_', '1'-'4'). */
function strokedMarker(marker: string, r: number): Shape[] {
  const c = r * Math.SQRT1_2;
  switch (marker) {
    case '+':
      return [
        [
          [-r, r],
          [0, 0],
        ],
        [
          [0, 0],
          [-r, r],
        ],
      ];
    case 'x':
      return [
        [
          [-c, c],
          [-c, c],
        ],
        [
          [-c, c],
          [c, -c],
        ],
      ];
    case '|':
      return [
        [
          [0, 0],
          [-r, r],
        ],
      ];
    case '_':
      return [
        [
          [-r, r],
          [0, 0],
        ],
      ];
    default: {
      const turn = { '1': -Math.PI / 2, '2': Math.PI / 2, '3': Math.PI, '4': 0 }[marker] ?? 0;
      const [xs, ys] = regular(3, r, turn);
      return xs.map(
        (x, i) =>
          [
            [0, x],
            [0, ys[i]],
          ] as Shape,
      );
    }
  }
}

/** A marker's outline around (0, 0) for a marker `size` pixels across: filled shapes, or strokes only. */
export function markerShape(marker: string, size: number): { shapes: Shape[]; filled: boolean } {
  const r = size / 2;
  const filled = filledMarker(marker, r);
  if (filled) return { shapes: filled, filled: true };
  if ('+x|_1234'.includes(marker) && marker.length === 1) return { shapes: strokedMarker(marker, r), filled: false };
  return { shapes: [regular(20, r, 0)], filled: true };
}

/** Draws one marker centred at (x, y). */
export function drawMarker(
  p: Painter,
  marker: string,
  x: number,
  y: number,
  size: number,
  face: string,
  edge: string,
  edgeWidth: number,
  alpha: number,
): void {
  const { shapes, filled } = markerShape(marker, size);
  for (const [xs, ys] of shapes) {
    const px = xs.map((v) => v + x);
    const py = ys.map((v) => v + y);
    if (filled) {
      p.path(px, py, {
        fill: face === 'none' ? undefined : face,
        stroke: edge === 'none' ? undefined : edge,
        width: edgeWidth,
        alpha,
        close: true,
      });
    } else {
      p.path(px, py, { stroke: edge === 'none' ? face : edge, width: Math.max(edgeWidth, 1), alpha });
    }
  }
}
