// Reading RunEvents recorded by `dist/cli.js run FILE --events OUT.jsonl`.
import type { RunEvent } from '../../src/protocol';
import { reviveConceptEvent } from '../../src/shared/conceptState';

/** Typed arrays were written to the .jsonl as plain arrays; turn them back. */
export function reviveEvent(e: any): RunEvent {
  const f = (a: number[] | null) => (a ? Float32Array.from(a) : null);
  const params = (ps: any[]) => ps.map((p) => ({ ...p, value: f(p.value), grad: f(p.grad) }));
  switch (e.type) {
    case 'steps':
      return { ...e, losses: f(e.losses), lrs: e.lrs.map(f) };
    case 'params':
      return { ...e, params: params(e.params) };
    case 'paused':
      return { ...e, params: params(e.params), before: e.before ? e.before.map(f) : null };
    case 'activations':
      return { ...e, outputs: e.outputs.map((o: any) => ({ ...o, data: f(o.data) })) };
    case 'prediction':
    case 'landscape':
    case 'graph':
    case 'activationInputs':
    case 'batch':
      return reviveConceptEvent(e);
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
