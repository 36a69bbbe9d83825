// Argument conversion from Python to the engine: Python passes engine tensors (JsProxies unwrap to the JS
// objects), numbers, None (undefined) and lists/dicts (PyProxies, converted here with toJs). Nothing here
// computes tensor values: that is the engine's job.
import { Tensor } from '../../engine/tensor';
import type { IndexItem } from '../../engine/ops/indexing';
import type { Generator } from '../../engine/random';

/** A Python operand: an engine tensor or a Python number/bool. */
export type Scalar = Tensor | number | boolean;

interface PyProxyLike {
  toJs(options?: Record<string, unknown>): unknown;
}

export function isPyProxy(x: unknown): x is PyProxyLike {
  return typeof x === 'object' && x !== null && typeof (x as PyProxyLike).toJs === 'function' && !(x instanceof Tensor);
}

/** A Python list/tuple/dict argument as plain JS (engine tensors inside stay JS objects). */
export function js<T>(x: unknown): T {
  return (isPyProxy(x) ? x.toJs({ dict_converter: Object.fromEntries }) : x) as T;
}

/**
 * A flat list of numbers: a Python array.array('d') is read through its buffer in one copy (toJs of a list
 * converts element by element, microseconds a value for a dataset-sized list); anything else as js().
 */
export function numbers(x: unknown): ArrayLike<number> {
  const buffered = x as { getBuffer?: (type?: string) => { data: Float64Array; release(): void } };
  if (isPyProxy(x) && typeof buffered.getBuffer === 'function') {
    const view = buffered.getBuffer('f64');
    try {
      return view.data.slice();
    } finally {
      view.release();
    }
  }
  return js<number[]>(x);
}

/** A dims argument: undefined (all), a number, or a list. */
export function dims(d: unknown): number | number[] | undefined {
  if (d === undefined || d === null) return undefined;
  return js<number | number[]>(d);
}

/** A generator argument: None means the default generator. */
export function gen(g: Generator | undefined | null): Generator | undefined {
  return g ?? undefined;
}

/** A (values, indices) result as the pair Python unpacks. */
export function valuesIndices(r: { values: Tensor; indices: Tensor }): [Tensor, Tensor] {
  return [r.values, r.indices];
}

/**
 * An index key as Python encodes it (ints, [start, stop, step] for slices, None, '...', tensors) in the
 * engine's form (Slice records, null, 'ellipsis').
 */
export function indexSpec(key: unknown): IndexItem[] {
  const items = js<unknown[]>(key);
  return items.map((k): IndexItem => {
    if (k === undefined || k === null) return null;
    if (k === '...') return 'ellipsis';
    if (Array.isArray(k)) return { start: k[0] ?? null, stop: k[1] ?? null, step: k[2] ?? null };
    return k as IndexItem;
  });
}

/** The named functions of an engine module, checked to exist (a typo fails at start-up, not mid-run). */
export function pick<T extends Record<string, unknown>>(mod: T, names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) {
    if (typeof mod[n] !== 'function') throw new Error(`internal: engine has no ${n}`);
    out[n] = mod[n];
  }
  return out;
}
