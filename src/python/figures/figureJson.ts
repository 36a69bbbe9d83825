// A figure as our matplotlib describes it (JSON from src/python/matplotlib/_figure.py: plain lists, null for
// NaN, images as base64) turned into the typed `FigureData` of src/protocol.ts: number lists become
// Float32Arrays, image pixels a Uint8Array.
import type { FigureArtist, FigureAxes, FigureData } from '../../protocol';

const NUMERIC_KEYS = ['x', 'y', 'z', 'w', 'h', 'sizes', 'levels'] as const;

function floats(list: unknown): Float32Array {
  const a = (list ?? []) as (number | null)[];
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] === null ? NaN : (a[i] as number);
  return out;
}

function artist(raw: Record<string, unknown>): FigureArtist {
  const out: Record<string, unknown> = { ...raw };
  if (raw.kind !== 'text') for (const k of NUMERIC_KEYS) if (Array.isArray(raw[k])) out[k] = floats(raw[k]);
  if (raw.kind === 'image') out.rgba = new Uint8Array(Buffer.from(raw.rgba as string, 'base64'));
  return out as unknown as FigureArtist;
}

function axes(raw: Record<string, unknown>): FigureAxes {
  const ticks = (t: unknown) =>
    t ? { values: floats((t as { values: unknown }).values), labels: (t as { labels: string[] | null }).labels } : null;
  const cb = raw.colorbar as { bounds: unknown; colors: string[]; label: string } | null;
  return {
    ...(raw as unknown as FigureAxes),
    xticks: ticks(raw.xticks),
    yticks: ticks(raw.yticks),
    colorbar: cb ? { bounds: floats(cb.bounds), colors: cb.colors, label: cb.label } : null,
    artists: (raw.artists as Record<string, unknown>[]).map(artist),
  };
}

export function figureFromJson(json: string): FigureData {
  const raw = JSON.parse(json) as Record<string, unknown>;
  return { ...(raw as unknown as FigureData), axes: (raw.axes as Record<string, unknown>[]).map(axes) };
}
