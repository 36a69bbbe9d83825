// The `figure` event of src/protocol.ts (kept here so that the protocol file stays readable): what our
// matplotlib (src/python/matplotlib) sends when the script shows a figure.
// Sent by our matplotlib (src/python/matplotlib) when the script shows a figure; a later event with the same
// `number` replaces the figure (live plots in a training loop). Drawn by src/shared/figureDraw.ts: in the
// panel on a canvas, and in the worker into the PNG files of savefig. Sizes are in points (1/72 inch).

/** A line (plot), with matplotlib's linestyle ('-', '--', ':', '-.', '' for none) and marker ('' for none). */
export interface FigureLine {
  kind: 'line';
  x: Float32Array;
  y: Float32Array;
  color: string;
  alpha: number;
  width: number;
  style: string;
  marker: string;
  markerSize: number;
  /** Hex colours, or 'none'. */
  markerFace: string;
  markerEdge: string;
  /** The legend entry (null: not in the legend). */
  label: string | null;
}

/** scatter: `sizes` are areas in points² and `colors` hex colours, one each or one for all. */
export interface FigureScatter {
  kind: 'scatter';
  x: Float32Array;
  y: Float32Array;
  sizes: Float32Array;
  colors: string[];
  /** 'face' (the fill colour) or a hex colour. */
  edge: string;
  edgeWidth: number;
  alpha: number;
  marker: string;
  label: string | null;
}

/** Rectangles in data coordinates (bar, barh, hist): lower-left corners, widths and heights. */
export interface FigureRects {
  kind: 'rects';
  x: Float32Array;
  y: Float32Array;
  w: Float32Array;
  h: Float32Array;
  colors: string[];
  /** Hex edge colour, '' for none. */
  edge: string;
  edgeWidth: number;
  alpha: number;
  label: string | null;
}

/** imshow, already coloured: rows of RGBA pixels, row 0 drawn at the `extent`'s top. */
export interface FigureImage {
  kind: 'image';
  cols: number;
  rows: number;
  rgba: Uint8Array;
  /** Data coordinates of the left, right, top and bottom edges. */
  extent: [number, number, number, number];
  smooth: boolean;
}

/** contour / contourf on a rectilinear grid: z has y.length rows of x.length values. */
export interface FigureContour {
  kind: 'contour';
  filled: boolean;
  x: Float32Array;
  y: Float32Array;
  z: Float32Array;
  levels: Float32Array;
  /** Filled: one colour per band between consecutive levels; lines: one per level. */
  colors: string[];
  alpha: number;
  width: number;
  style: string;
}

/** fill_between: a closed polygon. */
export interface FigurePolygon {
  kind: 'polygon';
  x: Float32Array;
  y: Float32Array;
  color: string;
  alpha: number;
  label: string | null;
}

/** Filled polygons of `n` vertices each (a 3-D surface's faces, already projected and drawn in order). */
export interface FigurePolys {
  kind: 'polys';
  n: number;
  x: Float32Array;
  y: Float32Array;
  /** One hex colour per polygon, or one for all. */
  colors: string[];
  /** Hex edge colour, '' for none. */
  edge: string;
  edgeWidth: number;
  alpha: number;
}

/** axhline / axvline at a data value, spanning axes fractions [from, to]. */
export interface FigureRefLine {
  kind: 'hline' | 'vline';
  value: number;
  from: number;
  to: number;
  color: string;
  alpha: number;
  width: number;
  style: string;
  label: string | null;
}

export interface FigureText {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  /** x, y in data coordinates or as fractions of the axes (transform=ax.transAxes). */
  coords: 'data' | 'axes';
  color: string;
  alpha: number;
  size: number;
  ha: string;
  va: string;
  rotation: number;
}

export type FigureArtist =
  | FigureLine
  | FigureScatter
  | FigureRects
  | FigureImage
  | FigureContour
  | FigurePolygon
  | FigurePolys
  | FigureRefLine
  | FigureText;

/** One axis of a 3-D box: its edge, tick values with their projected points, and the direction (in the
 * projected plane) that its tick labels and label are pushed out to. */
export interface FigureAxis3d {
  x: [number, number];
  y: [number, number];
  ticks: number[];
  tx: number[];
  ty: number[];
  dx: number;
  dy: number;
  label: string;
}

/** The box of a 3-D Axes, projected (the Axes' xlim and ylim are the projected plane): its three back panes
 * (4 vertices each), grid segments (2 points each) and axes, drawn in the theme's colours. */
export interface FigureFrame3d {
  panesX: number[];
  panesY: number[];
  gridX: number[];
  gridY: number[];
  axes: FigureAxis3d[];
}

export interface FigureTicks {
  values: Float32Array;
  labels: string[] | null;
}

export interface FigureAxes {
  /** Place on the subplot grid: rows, columns, first row, end row, first column, end column (exclusive). */
  grid: [number, number, number, number, number, number];
  /** 'x': made by twinx, over the Axes before it on the same grid: its y axis on the right, no x axis. */
  twin?: 'x' | null;
  title: string;
  xlabel: string;
  ylabel: string;
  /** Limits as matplotlib resolved them (autoscaled with its margins); [bottom, top] may be reversed. */
  xlim: [number, number];
  ylim: [number, number];
  xscale: 'linear' | 'log';
  yscale: 'linear' | 'log';
  grid_lines: boolean;
  legend: { loc: string; fontsize: number } | null;
  /** Fixed ticks (set_xticks, bar labels); null: automatic. */
  xticks: FigureTicks | null;
  yticks: FigureTicks | null;
  aspect: 'auto' | 'equal';
  axisOn: boolean;
  /** A colorbar beside the axes: colour `colors[i]` between `bounds[i]` and `bounds[i + 1]`. */
  colorbar: { bounds: Float32Array; colors: string[]; label: string } | null;
  artists: FigureArtist[];
  /** A 3-D Axes (projection='3d'): its box; the artists are already projected. Absent or null for 2-D. */
  frame3d?: FigureFrame3d | null;
}

export interface FigureData {
  /** plt's figure number. */
  number: number;
  /** Inches, as figsize. */
  width: number;
  height: number;
  dpi: number;
  /** suptitle ('' for none). */
  title: string;
  /** tight_layout() was called. */
  tight: boolean;
  axes: FigureAxes[];
}

export interface FigureEvent extends FigureData {
  type: 'figure';
  runId: number;
}
