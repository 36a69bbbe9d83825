// Shared checks for every matrix-multiply kernel: all four orientations, odd and edge sizes, offsets into
// larger buffers, overwrite and accumulate, against a float64 reference computed here from the definition.
// Used by gemm.test.ts, and by gemm-relaxed-child.ts in a Node started with relaxed SIMD enabled.

export type GemmFn = (
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  A: Float32Array,
  aOff: number,
  B: Float32Array,
  bOff: number,
  C: Float32Array,
  cOff: number,
  accumulate: boolean,
) => void;

// Sizes around the kernels' block edges (4 and 8), tiny ones, ones below and above the wasm threshold,
// and the shapes of the benchmark networks.
export const SIZES: [number, number, number][] = [
  [1, 1, 1],
  [1, 7, 3],
  [7, 1, 3],
  [3, 5, 7],
  [4, 4, 4],
  [4, 8, 1],
  [5, 9, 3],
  [8, 8, 8],
  [9, 7, 11],
  [17, 13, 31],
  [32, 8, 2],
  [33, 65, 19],
  [64, 16, 16],
  [63, 17, 40],
  [128, 10, 128],
  [40, 100, 70],
];

/**
 * Deterministic values in [-1, 1) with a few exact zeros (ReLU outputs are full of them), in a view that
 * starts inside a larger buffer, as the engine's pooled small tensors do.
 */
function fill(n: number, seed: number): Float32Array {
  const out = new Float32Array(n + 9).subarray(5, 5 + n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s % 7 === 0 ? 0 : s / 2 ** 31 - 1;
  }
  return out;
}

/**
 * Runs `fn` on one case and returns a description of the first wrong element, or null when all agree.
 * Tolerance: float32 rounding of k products and sums, relative to the sum of |a||b|.
 */
export function checkCase(
  fn: GemmFn,
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  accumulate: boolean,
): string | null {
  const aOff = 3,
    bOff = 5,
    cOff = 7,
    pad = 4;
  const A = fill(aOff + m * k + pad, m * 31 + k);
  const B = fill(bOff + k * n + pad, n * 17 + k + 1);
  const C = fill(cOff + m * n + pad, m + n + 2);
  const before = C.slice();
  fn(transA, transB, m, n, k, A, aOff, B, bOff, C, cOff, accumulate);
  for (let i = 0; i < C.length; i++) {
    if ((i < cOff || i >= cOff + m * n) && !Object.is(C[i], before[i])) return `wrote outside C at buffer index ${i}`;
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let exact = accumulate ? before[cOff + i * n + j] : 0;
      let magnitude = Math.abs(exact);
      for (let p = 0; p < k; p++) {
        const a = A[aOff + (transA ? p * m + i : i * k + p)];
        const b = B[bOff + (transB ? j * k + p : p * n + j)];
        exact += a * b;
        magnitude += Math.abs(a * b);
      }
      const got = C[cOff + i * n + j];
      const tol = (k + 2) * 2 ** -23 * magnitude + 1e-30;
      if (!(Math.abs(got - exact) <= tol)) {
        return `C[${i}][${j}] = ${got}, expected ${exact} (tolerance ${tol.toExponential(2)})`;
      }
    }
  }
  return null;
}

/**
 * Where two kernels' results differ in any bit, for every orientation x size x accumulate (the relaxed-SIMD
 * build must print what the plain one prints); returns the differences as readable lines.
 */
export function compareBits(fn: GemmFn, reference: GemmFn, sizes = SIZES): string[] {
  const differences: string[] = [];
  for (const [m, n, k] of sizes) {
    for (const [transA, transB, accumulate] of ORIENTATIONS) {
      const run = (f: GemmFn) => {
        const C = fill(m * n, m + n + 2);
        f(transA, transB, m, n, k, fill(m * k, m * 31 + k), 0, fill(k * n, n * 17 + k + 1), 0, C, 0, accumulate);
        return new Uint32Array(C.slice().buffer);
      };
      const got = run(fn);
      const want = run(reference);
      const at = got.findIndex((bits, i) => bits !== want[i]);
      if (at >= 0) differences.push(`m=${m} n=${n} k=${k} ${transA}/${transB}/${accumulate}: first at ${at}`);
    }
  }
  return differences;
}

const ORIENTATIONS: [boolean, boolean, boolean][] = [false, true].flatMap((a) =>
  [false, true].flatMap((b) => [false, true].map((acc): [boolean, boolean, boolean] => [a, b, acc])),
);

/** Every orientation x size x accumulate; returns the failures as readable lines. */
export function checkAll(fn: GemmFn, sizes = SIZES): string[] {
  const failures: string[] = [];
  for (const [m, n, k] of sizes) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const accumulate of [false, true]) {
          const err = checkCase(fn, transA, transB, m, n, k, accumulate);
          if (err)
            failures.push(
              `${transA ? 'T' : 'N'}${transB ? 'T' : 'N'} m=${m} n=${n} k=${k} accumulate=${accumulate}: ${err}`,
            );
        }
      }
    }
  }
  return failures;
}
