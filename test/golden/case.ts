// Shared shape of a golden case and the comparisons every golden file uses.
import fs from 'node:fs';
import path from 'node:path';

export interface GoldenCase {
  name: string;
  /** Returns null when the engine reproduces PyTorch, else what differs. */
  check: () => string | null;
}

export interface GoldenTensor {
  shape: number[];
  data: number[];
  dtype?: 'int64';
}

export function readGolden<T>(dir: string, file: string): T {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;
}

/** First element where |actual - expected| > atol + rtol * |expected|, described; null when all are close. */
export function compareClose(
  what: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rtol: number,
  atol: number,
): string | null {
  if (actual.length !== expected.length) return `${what}: ${actual.length} values, expected ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (Number.isNaN(e) ? !Number.isNaN(a) : !(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
      return `${what}[${i}] = ${a}, expected ${e}`;
    }
  }
  return null;
}

export function compareShape(what: string, actual: readonly number[], expected: readonly number[]): string | null {
  return actual.length === expected.length && actual.every((d, i) => d === expected[i])
    ? null
    : `${what}: shape [${actual.join(', ')}], expected [${expected.join(', ')}]`;
}
