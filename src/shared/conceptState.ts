// The concept views' part of a run's state: the latest event of each kind (prediction, landscape, autograd
// graph, activation inputs, batch), folded in by RunState and kept in its snapshot, so a panel shown again
// draws them at once. Also their typed arrays to and from plain JSON: the CLI's --events lines and the
// webview's saved state hold plain arrays. Shared code (src/shared): the host, the webviews and tests.
import type { ConceptEvent, ConceptSnapshot, RunEvent } from '../protocol';

export function emptyConcepts(): ConceptSnapshot {
  return { prediction: null, landscape: null, graph: null, activationInputs: null, batch: null };
}

const CONCEPT_TYPES = new Set(['prediction', 'landscape', 'graph', 'activationInputs', 'batch']);

export function isConceptEvent(e: RunEvent): e is ConceptEvent {
  return CONCEPT_TYPES.has(e.type);
}

/** Keeps `e` as the latest of its kind. */
export function foldConcept(c: ConceptSnapshot, e: ConceptEvent): void {
  switch (e.type) {
    case 'prediction':
      c.prediction = e;
      break;
    case 'landscape':
      c.landscape = e;
      break;
    case 'graph':
      c.graph = e;
      break;
    case 'activationInputs':
      c.activationInputs = e;
      break;
    case 'batch':
      c.batch = e;
      break;
  }
}

type Json = Record<string, any>;
const f32 = (a: unknown): Float32Array =>
  Float32Array.from((a as (number | null)[]).map((v) => (v === null ? NaN : v)));

/** A concept event read from JSON (a --events line): its number arrays back to Float32Arrays. */
export function reviveConceptEvent(e: Json): ConceptEvent {
  switch (e.type) {
    case 'prediction': {
      const out: Json = { ...e, points: f32(e.points), targets: f32(e.targets) };
      for (const k of ['cellClass', 'cellConfidence', 'predicted', 'xs', 'ys', 'fitted'])
        if (k in e) out[k] = f32(e[k]);
      return out as ConceptEvent;
    }
    case 'landscape':
      return {
        ...e,
        values: f32(e.values),
        path: f32(e.path),
        pathSteps: f32(e.pathSteps),
        earlier: e.earlier.map(f32),
      } as ConceptEvent;
    case 'activationInputs':
      return { ...e, items: e.items.map((i: Json) => ({ ...i, counts: f32(i.counts) })) } as ConceptEvent;
    case 'batch': {
      const rows = (r: Json | null) => (r ? { ...r, rows: f32(r.rows) } : null);
      return { ...e, input: rows(e.input), target: rows(e.target), output: rows(e.output) } as ConceptEvent;
    }
    default:
      return e as ConceptEvent;
  }
}

/** The concepts as plain JSON (typed arrays as number arrays; NaN as null) and how many numbers they hold. */
export function conceptsToJson(c: ConceptSnapshot): { json: Json; numbers: number } {
  let numbers = 0;
  const json = JSON.parse(
    JSON.stringify(c, (_k, v) => {
      if (v instanceof Float32Array) {
        numbers += v.length;
        return Array.from(v);
      }
      return v;
    }),
  ) as Json;
  return { json, numbers };
}

export function conceptsFromJson(j: Json | null | undefined): ConceptSnapshot {
  const c = emptyConcepts();
  if (!j) return c;
  for (const k of Object.keys(c) as (keyof ConceptSnapshot)[]) {
    if (j[k]) foldConcept(c, reviveConceptEvent(j[k]));
  }
  return c;
}
