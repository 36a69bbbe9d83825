// A per-step history of one number per parameter (update/weight ratios), folded from `steps` events that
// carry every step's values. Beyond `limit` entries every other one is dropped, so a long run keeps an even
// sample. Shared code (src/shared): RunState uses it on both sides.
import type { SeriesEvent } from '../protocol';

export class NamedHistory {
  private steps: number[] = [];
  private readonly values = new Map<string, number[]>();

  constructor(private readonly limit: number) {}

  static from(
    saved: { steps: ArrayLike<number>; ratios: Record<string, ArrayLike<number>> } | undefined,
    limit: number,
  ): NamedHistory {
    const h = new NamedHistory(limit);
    if (!saved) return h;
    h.steps = Array.from(saved.steps);
    for (const [name, v] of Object.entries(saved.ratios)) h.values.set(name, Array.from(v));
    return h;
  }

  /** Appends steps firstStep, firstStep + 1, ...: `arrays[k][i]` is `names[k]`'s value at step firstStep + i. */
  append(firstStep: number, names: readonly string[], arrays: readonly ArrayLike<number>[]): void {
    const n = arrays[0]?.length ?? 0;
    for (let i = 0; i < n; i++) {
      const index = this.steps.length;
      this.steps.push(firstStep + i);
      names.forEach((name, k) => {
        let v = this.values.get(name);
        if (!v) this.values.set(name, (v = []));
        while (v.length < index) v.push(NaN);
        v.push(arrays[k][i]);
      });
    }
    for (const v of this.values.values()) while (v.length < this.steps.length) v.push(NaN);
    if (this.steps.length > this.limit) this.halve();
  }

  /** The latest value of each name that is a number (NaN entries are steps without one). */
  latest(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, v] of this.values) {
      for (let i = v.length - 1; i >= 0; i--)
        if (!Number.isNaN(v[i])) {
          out[name] = v[i];
          break;
        }
    }
    return out;
  }

  get size(): number {
    return this.steps.length;
  }

  view(): { steps: Float32Array; ratios: Record<string, Float32Array> } {
    const ratios: Record<string, Float32Array> = {};
    for (const [name, v] of this.values) ratios[name] = Float32Array.from(v);
    return { steps: Float32Array.from(this.steps), ratios };
  }

  private halve(): void {
    const keep = (a: number[]) => a.filter((_v, i) => i % 2 === 0);
    this.steps = keep(this.steps);
    for (const [name, v] of this.values) this.values.set(name, keep(v));
  }
}

/** Folds a `series` event: a new series is added, one sent again (a better label) replaces its entry. */
export function foldSeries(series: readonly SeriesEvent[], event: SeriesEvent): SeriesEvent[] {
  const out = series.filter((s) => s.index !== event.index);
  out.push(event);
  return out.sort((a, b) => a.index - b.index);
}
