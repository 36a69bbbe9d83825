// Merges the worker's events between two posts to a webview, so a run making thousands of steps a second
// costs the views a few messages a second: consecutive `steps` become one (no loss dropped), only the newest
// `params`/`activations` are kept, and consecutive output on one stream is joined. Order is kept for the
// rest (started, paused, error, finished ...). Pure (no vscode import).
import type { RunEvent } from '../protocol';
import { isConceptEvent } from '../shared/conceptState';

type StepsEvent = Extract<RunEvent, { type: 'steps' }>;

function concat(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function mergeSteps(a: StepsEvent, b: StepsEvent): StepsEvent | null {
  if (a.runId !== b.runId || a.firstStep + a.losses.length !== b.firstStep || a.lrs.length !== b.lrs.length)
    return null;
  const losses = concat(a.losses, b.losses);
  const merged: StepsEvent = { ...b, firstStep: a.firstStep, losses, lrs: a.lrs.map((l, k) => concat(l, b.lrs[k])) };
  // The Python backend's step times merge too (the newest maxMemory is kept by the spread of `b`).
  if (a.stepMs && b.stepMs) merged.stepMs = concat(a.stepMs, b.stepMs);
  else delete merged.stepMs;
  // Every step's gradient norms and update ratios: merged per parameter when both carry the same names.
  const sameNames = (x?: { names: string[] }, y?: { names: string[] }) =>
    !!x && !!y && x.names.length === y.names.length && x.names.every((n, k) => n === y.names[k]);
  if (a.gradNorms && b.gradNorms && sameNames(a.gradNorms, b.gradNorms))
    merged.gradNorms = {
      names: b.gradNorms.names,
      norms: a.gradNorms.norms.map((v, k) => concat(v, b.gradNorms!.norms[k])),
    };
  else if (a.gradNorms || b.gradNorms) return null;
  if (a.updateRatios && b.updateRatios && sameNames(a.updateRatios, b.updateRatios))
    merged.updateRatios = {
      names: b.updateRatios.names,
      ratios: a.updateRatios.ratios.map((v, k) => concat(v, b.updateRatios!.ratios[k])),
    };
  else if (a.updateRatios || b.updateRatios) return null;
  return merged;
}

export class EventBatcher {
  private pending: RunEvent[] = [];

  get size(): number {
    return this.pending.length;
  }

  push(event: RunEvent): void {
    const last = this.pending[this.pending.length - 1];
    if (event.type === 'steps' && last?.type === 'steps') {
      const merged = mergeSteps(last, event);
      if (merged) {
        this.pending[this.pending.length - 1] = merged;
        return;
      }
    }
    if (
      event.type === 'output' &&
      last?.type === 'output' &&
      last.stream === event.stream &&
      last.runId === event.runId
    ) {
      this.pending[this.pending.length - 1] = { ...last, text: last.text + event.text };
      return;
    }
    if (event.type === 'params' || event.type === 'activations' || isConceptEvent(event)) {
      // A newer snapshot replaces an older one not yet sent, unless a state change sits between them.
      const i = this.pending.findIndex((e) => e.type === event.type && 'runId' in e && e.runId === event.runId);
      if (i >= 0 && !this.pending.slice(i + 1).some(isStateChange)) this.pending.splice(i, 1);
    }
    this.pending.push(event);
  }

  /** Takes everything pending. */
  take(): RunEvent[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}

/** Events a view should see without waiting for the next batch: the run's state changed. */
export function isStateChange(e: RunEvent): boolean {
  return (
    e.type === 'started' ||
    e.type === 'paused' ||
    e.type === 'resumed' ||
    e.type === 'error' ||
    e.type === 'finished' ||
    e.type === 'model'
  );
}
