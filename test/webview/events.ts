// Reading RunEvents recorded by `dist/cli.js run FILE --events OUT.jsonl`.
import type { RunEvent } from '../../src/protocol';
import { reviveConceptEvent } from '../../src/shared/conceptState';
import { reviveFigure } from '../../src/shared/figureState';
import { reviveScalarPoints } from '../../src/shared/scalarState';

/** Typed arrays were written to the .jsonl as plain arrays; turn them back. */
export function reviveEvent(e: any): RunEvent {
  // JSON has no inf/NaN: JSON.stringify wrote them as null, read back as NaN (not as 0).
  const f = (a: (number | null)[] | null) => (a ? Float32Array.from(a, (v) => v ?? NaN) : null);
  const params = (ps: any[]) => ps.map((p) => ({ ...p, value: f(p.value), grad: f(p.grad) }));
  switch (e.type) {
    case 'steps': {
      const out = { ...e, losses: f(e.losses), lrs: e.lrs.map(f) };
      if (e.gradNorms) out.gradNorms = { names: e.gradNorms.names, norms: e.gradNorms.norms.map(f) };
      if (e.updateRatios) out.updateRatios = { names: e.updateRatios.names, ratios: e.updateRatios.ratios.map(f) };
      return out;
    }
    case 'params':
      return { ...e, params: params(e.params) };
    case 'paused': {
      const out = { ...e, params: params(e.params), before: e.before ? e.before.map(f) : null };
      const values = (t: any) => (t ? { ...t, values: f(t.values) } : null);
      if (e.forward) out.forward = { prediction: values(e.forward.prediction), target: values(e.forward.target) };
      if (e.update) out.update = { ...e.update, amounts: e.update.amounts ? e.update.amounts.map(f) : null };
      return out;
    }
    case 'activations':
      return { ...e, outputs: e.outputs.map((o: any) => ({ ...o, data: f(o.data) })) };
    case 'prediction':
    case 'landscape':
    case 'graph':
    case 'activationInputs':
    case 'batch':
      return reviveConceptEvent(e);
    case 'figure':
      return reviveFigure(e);
    case 'scalars':
      return { ...e, series: reviveScalarPoints(e.series) };
    default:
      return e;
  }
}

export function parseEventsJsonl(text: string): RunEvent[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => reviveEvent(JSON.parse(line)));
}
