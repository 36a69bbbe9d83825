// The values SummaryWriter logged and not yet sent, per curve (chart, label), taken as one `scalars` event.
// A loop logging every step costs an append here; the reporter sends the batch with the steps.
import type { ScalarPoints, ScalarsEvent } from '../protocol';
import { SeriesBuffer } from './stepping/stepMetrics';

interface Pending {
  chart: string;
  label: string;
  steps: SeriesBuffer;
  values: SeriesBuffer;
}

export class ScalarLog {
  private readonly pending = new Map<string, Pending>();

  add(chart: string, label: string, step: number, value: number): void {
    const key = JSON.stringify([chart, label]);
    let p = this.pending.get(key);
    if (!p) {
      p = { chart, label, steps: new SeriesBuffer(), values: new SeriesBuffer() };
      this.pending.set(key, p);
    }
    p.steps.push(step);
    p.values.push(value);
  }

  /** The pending points as an event (null when there are none); the log starts empty again. */
  take(runId: number): ScalarsEvent | null {
    const series: ScalarPoints[] = [];
    for (const p of this.pending.values()) {
      const n = p.steps.length;
      if (n > 0) series.push({ chart: p.chart, label: p.label, steps: p.steps.take(n), values: p.values.take(n) });
    }
    this.pending.clear();
    return series.length ? { type: 'scalars', runId, series } : null;
  }
}
