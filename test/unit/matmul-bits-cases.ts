// The matmul-bits fixture (matmul-bits-torch113.json, made by matmul-bits-fixture.py) and its inputs, shared
// by matmul-bits.test.ts and the relaxed-SIMD child (gemm-relaxed-child.ts). Not a test file itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GemmFn } from './gemm-cases';
import { firstDifference, floats, type Encoded } from './float32-bits';

/** An input the fixture script made from a seed: see lcgFloats. */
export interface Input {
  seed: number;
  shape: number[];
}

export interface Fixture {
  mm: { a: Input; b: Input; out: Encoded }[];
  linear: { x: Input; w: Input; b: Input; gy: Input; y: Encoded; nobias: Encoded; gx: Encoded; gw: Encoded }[];
  matmul: { a: Input; b: Input; out: Encoded }[];
  dot: { a: Input; b: Input; out: Encoded }[];
  /** F.linear on x of each rank (`transposed`: x.transpose(0, 1), a non-contiguous 3-D input). */
  linearRanks: { x: Input; transposed: boolean; w: Input; b: Input; y: Encoded }[];
  /** Matrix @ vector (BLAS sgemv's order), and a 3-D @ 1-D matmul. */
  mv: { a: Input; b: Input; out: Encoded }[];
}

export const fixture = JSON.parse(readFileSync(join(__dirname, 'matmul-bits-torch113.json'), 'utf8')) as Fixture;

/** The fixture script's inputs: a 32-bit LCG's top 24 bits as values in [-1, 1), exact in float32. */
export function lcgFloats(input: Input): Float32Array {
  const n = input.shape.reduce((p, d) => p * d, 1);
  const out = new Float32Array(n);
  let s = input.seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s >>> 8) / 2 ** 23 - 1;
  }
  return out;
}

/** Every fixture mm, and Linear's three products (x W^T, G W, G^T X), through one kernel: the mismatches. */
export function checkKernelBits(fn: GemmFn): string[] {
  const failures: string[] = [];
  const check = (got: Float32Array, want: Encoded, what: string) => {
    const i = firstDifference(got, floats(want));
    if (i >= 0) failures.push(`${what}: first difference at ${i}`);
  };
  for (const c of fixture.mm) {
    const [m, k] = c.a.shape;
    const n = c.b.shape[1];
    const out = new Float32Array(m * n);
    fn(false, false, m, n, k, lcgFloats(c.a), 0, lcgFloats(c.b), 0, out, 0, false);
    check(out, c.out, `mm ${m}x${k} @ ${k}x${n}`);
  }
  for (const c of fixture.linear) {
    const [rows, inF] = c.x.shape;
    const outF = c.w.shape[0];
    const x = lcgFloats(c.x);
    const w = lcgFloats(c.w);
    const g = lcgFloats(c.gy);
    const y = new Float32Array(rows * outF);
    fn(false, true, rows, outF, inF, x, 0, w, 0, y, 0, false);
    check(y, c.nobias, `x W^T ${rows}x${inF}x${outF}`);
    const bias = lcgFloats(c.b);
    for (let r = 0; r < rows; r++) y.set(bias, r * outF);
    fn(false, true, rows, outF, inF, x, 0, w, 0, y, 0, true);
    check(y, c.y, `bias + x W^T ${rows}x${inF}x${outF}`);
    const gx = new Float32Array(rows * inF);
    fn(false, false, rows, inF, outF, g, 0, w, 0, gx, 0, false);
    check(gx, c.gx, `G W ${rows}x${inF}x${outF}`);
    const gw = new Float32Array(outF * inF);
    fn(true, false, outF, inF, rows, g, 0, x, 0, gw, 0, false);
    check(gw, c.gw, `G^T X ${rows}x${inF}x${outF}`);
  }
  return failures;
}
