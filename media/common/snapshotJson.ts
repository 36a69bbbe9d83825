// A RunSnapshot as plain JSON (typed arrays as number arrays) for vscode.setState, so a panel restored after
// a window reload can still show the run it showed before (the new extension host has no run yet).
// Large runs are not kept: the state is stored with the window and must stay small.
import type { ParamSnapshot, RunSnapshot } from '../../src/protocol';
import { conceptsFromJson, conceptsToJson, emptyConcepts } from '../../src/shared/conceptState';
import { reviveScalarPoints } from '../../src/shared/scalarState';

/** Most numbers a saved snapshot may hold (losses, lrs, parameter values and gradients together). */
export const SAVED_NUMBERS_LIMIT = 200_000;

type Json = Record<string, unknown>;

const arr = (a: Float32Array) => Array.from(a);
const f32 = (a: unknown) => Float32Array.from(a as number[]);

type Named = { steps: Float32Array; ratios: Record<string, Float32Array> };

function namedToJson(h: Named): Json {
  return { steps: arr(h.steps), ratios: Object.fromEntries(Object.entries(h.ratios).map(([k, v]) => [k, arr(v)])) };
}

function namedFromJson(j: Json): Named {
  const h = j as unknown as { steps: unknown; ratios: Record<string, unknown> };
  return { steps: f32(h.steps), ratios: Object.fromEntries(Object.entries(h.ratios).map(([k, v]) => [k, f32(v)])) };
}

function countNumbers(s: RunSnapshot): number {
  let n = s.losses.length + s.lrs.reduce((a, l) => a + l.length, 0);
  for (const p of s.params) n += p.value.length + (p.grad?.length ?? 0);
  n += s.gradNorms.steps.length * (1 + Object.keys(s.gradNorms.norms).length);
  if (s.ratioHistory) n += s.ratioHistory.steps.length * (1 + Object.keys(s.ratioHistory.ratios).length);
  for (const c of s.scalars ?? []) n += 2 * c.steps.length;
  return n;
}

/** The snapshot without typed arrays and without the pause (a restored run is never paused), or null if too big. */
export function snapshotToJson(s: RunSnapshot): Json | null {
  if (countNumbers(s) > SAVED_NUMBERS_LIMIT) return null;
  // The concept views are kept when they fit beside the rest.
  const concepts = conceptsToJson(s.concepts ?? emptyConcepts());
  const params = (ps: ParamSnapshot[]) =>
    ps.map((p) => ({ ...p, value: arr(p.value), grad: p.grad ? arr(p.grad) : null }));
  return {
    ...s,
    status: s.status === 'paused' || s.status === 'running' || s.status === 'starting' ? 'stopped' : s.status,
    losses: arr(s.losses),
    lrs: s.lrs.map(arr),
    params: params(s.params),
    gradNorms: {
      steps: arr(s.gradNorms.steps),
      norms: Object.fromEntries(Object.entries(s.gradNorms.norms).map(([k, v]) => [k, arr(v)])),
    },
    ...(s.ratioHistory ? { ratioHistory: namedToJson(s.ratioHistory) } : {}),
    paused: null,
    activations: null, // large and only of the latest step: not kept across a reload
    figures: [], // matplotlib figures hold typed arrays and images: not kept across a reload
    scalars: (s.scalars ?? []).map((c) => ({ ...c, steps: arr(c.steps), values: arr(c.values) })),
    concepts: countNumbers(s) + concepts.numbers <= SAVED_NUMBERS_LIMIT ? concepts.json : null,
  };
}

export function snapshotFromJson(j: Json): RunSnapshot {
  const s = j as unknown as RunSnapshot & {
    losses: unknown;
    lrs: unknown[];
    gradNorms: { steps: unknown; norms: Record<string, unknown> };
  };
  return {
    ...s,
    losses: f32(s.losses),
    lrs: s.lrs.map(f32),
    params: (s.params as unknown as Json[]).map((p) => ({
      ...(p as unknown as ParamSnapshot),
      value: f32(p.value),
      grad: p.grad ? f32(p.grad) : null,
    })),
    gradNorms: {
      steps: f32(s.gradNorms.steps),
      norms: Object.fromEntries(Object.entries(s.gradNorms.norms).map(([k, v]) => [k, f32(v)])),
    },
    ...(s.ratioHistory ? { ratioHistory: namedFromJson(s.ratioHistory as unknown as Json) } : {}),
    activations: null,
    concepts: conceptsFromJson(s.concepts as unknown as Json | null),
    scalars: reviveScalarPoints(s.scalars ?? []),
  };
}
