// The matplotlib figures of a run as the panel shows them: the latest `figure` event of each figure number
// (a figure shown again inside a training loop replaces itself), in the order first shown, at most
// MAX_FIGURES (a script that makes a new figure every epoch keeps its latest ones).
import type { FigureEvent } from '../protocol';

export const MAX_FIGURES = 12;

export function foldFigure(figures: FigureEvent[], event: FigureEvent): FigureEvent[] {
  const i = figures.findIndex((f) => f.number === event.number);
  if (i >= 0) return figures.map((f, k) => (k === i ? event : f));
  const out = [...figures, event];
  return out.length > MAX_FIGURES ? out.slice(out.length - MAX_FIGURES) : out;
}

/** A `figure` event read back from JSON (an `--events` file: typed arrays were written as lists). */
export function reviveFigure(e: FigureEvent): FigureEvent {
  const f = (a: unknown) => Float32Array.from(a as (number | null)[], (v) => v ?? NaN);
  const numeric = ['x', 'y', 'z', 'w', 'h', 'sizes', 'levels'];
  return {
    ...e,
    axes: e.axes.map((ax) => ({
      ...ax,
      xticks: ax.xticks ? { ...ax.xticks, values: f(ax.xticks.values) } : null,
      yticks: ax.yticks ? { ...ax.yticks, values: f(ax.yticks.values) } : null,
      colorbar: ax.colorbar ? { ...ax.colorbar, bounds: f(ax.colorbar.bounds) } : null,
      artists: ax.artists.map((a) => {
        const out: Record<string, unknown> = { ...a };
        if (a.kind !== 'text') for (const k of numeric) if (Array.isArray(out[k])) out[k] = f(out[k]);
        if (a.kind === 'image') out.rgba = Uint8Array.from(a.rgba as unknown as number[]);
        return out as unknown as (typeof ax.artists)[number];
      }),
    })),
  };
}
