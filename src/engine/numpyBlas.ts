// numpy's float64 matrix products in OpenBLAS 0.3.21's summation orders (the x86-64 AVX-512 build Debian's numpy
// 1.24 links), for our numpy package: numpy/_linalg.py and numpy/_blas_order.py describe each order and keep
// the Python form; these are the same orders over Float64Arrays, one engine call a product instead of a
// Python loop of math.fma calls (a 1000x100 @ 100x100 product took 11 s there). OpenBLAS's kernels fuse their
// multiply-adds, so every fused step here is the C library's fma (the runtime hands over Pyodide's, the one
// Python's math.fma calls): exact, where JavaScript has no fma of its own.

type Fma = (a: number, b: number, c: number) => number;

let fma: Fma = () => {
  throw new Error("internal: numpy's matrix products called before the C library's fma was set");
};

export function setLibmFma(f: Fma): void {
  fma = f;
}

/** The fma the loops use (numpySvml.ts's too). */
export function libmFma(): Fma {
  return fma;
}

/** OpenBLAS's DGEMM_DEFAULT_Q (Haswell kernels, which it also runs on AVX-512 machines). */
const GEMM_Q = 256;

/** The k ranges of OpenBLAS's level-3 driver: 256, or a remainder under 512 halved and rounded up to 4s. */
function kBlocks(k: number): [number, number][] {
  const blocks: [number, number][] = [];
  let start = 0;
  while (start < k) {
    let size = k - start;
    if (size >= 2 * GEMM_Q) size = GEMM_Q;
    else if (size > GEMM_Q) size = Math.floor((Math.floor(size / 2) + 3) / 4) * 4;
    blocks.push([start, start + size]);
    start += size;
  }
  return blocks;
}

/** OpenBLAS's threads on the machine the references come from (one per core of its two). */
const THREADS = 2;
/** interface/gemm.c: a product of m * n * k up to SMP_THRESHOLD_MIN (65536) * GEMM_MULTITHREAD_THRESHOLD (4) runs
 * on one thread. */
const GEMM_THREADED_ABOVE = 65536 * 4;
/** level3_thread.c's SWITCH_RATIO: a thread's range of columns is at least this wide. */
const SWITCH_RATIO = 32;

/** Ranges splitting `total` into `parts` as gemm_driver does (each the rest divided by the parts left, rounded up). */
function split(total: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let left = total;
  for (let i = 0; i < parts && left > 0; i++) {
    const width = Math.floor((left + parts - i - 1) / (parts - i));
    out.push([start, start + width]);
    start += width;
    left -= width;
  }
  return out;
}

/**
 * How a threaded dgemm lays out a numpy product (n x k) @ (k x m), which OpenBLAS computes as the column-major
 * C^T = B^T A^T (its M is our m, its N our n): the column ranges its M threads take, and the runs of rows its
 * kernel is called on (N split over all threads, each part in DIVIDE_RATE = 2 halves). A run of odd length
 * ends in a row the kernel's one-column path computes (oddRow). One thread: one run, one range.
 */
function gemmLayout(n: number, k: number, m: number): { rowRuns: [number, number][]; colParts: [number, number][] } {
  if (n * k * m <= GEMM_THREADED_ABOVE) return { rowRuns: [[0, n]], colParts: [[0, m]] };
  // Every thread takes part (measured: a 30 x 784 @ 784 x 30 product splits its 30 rows in two), in as many
  // column ranges as the columns allow.
  let threadsM = m < 2 * SWITCH_RATIO ? 1 : THREADS;
  while (threadsM > 1 && m < threadsM * SWITCH_RATIO) threadsM = Math.floor(threadsM / 2);
  const threads = THREADS;
  const rowRuns: [number, number][] = [];
  for (const [s, e] of split(n, threads)) {
    const half = Math.ceil((e - s) / 2);
    for (let r = s; r < e; r += half) rowRuns.push([r, Math.min(r + half, e)]);
  }
  return { rowRuns, colParts: split(m, threadsM) };
}

/**
 * out = a (n x k) @ b (k x m), C order, as dgemm adds it: each element one chain of fused multiply-adds in k
 * order per k block (the first a plain product), the blocks' chains added to the result from +0.0; the last
 * row of a run of odd length as the kernel's one-column path adds it (numpy/_linalg.py's _odd_row), whose
 * columns in whole 4s are counted within each thread's range of columns. Measured bit for bit against Debian's
 * numpy (test/numpy/packed_float64.py) for k up to 256 with at least 64 columns; with fewer columns the
 * one-column path's last columns, and k from 257 to 511, can still differ in the last bit.
 */
export function gemmF64(a: Float64Array, b: Float64Array, n: number, k: number, m: number, out: Float64Array): void {
  const blocks = kBlocks(k);
  const { rowRuns, colParts } = gemmLayout(n, k, m);
  for (const [rs, re] of rowRuns) {
    const evenEnd = (re - rs) & 1 ? re - 1 : re;
    for (let i = rs; i < evenEnd; i++) {
      for (let j = 0; j < m; j++) {
        let total = 0;
        for (const [s, e] of blocks) {
          let acc = a[i * k + s] * b[s * m + j];
          for (let p = s + 1; p < e; p++) acc = fma(a[i * k + p], b[p * m + j], acc);
          total = total + acc;
        }
        out[i * m + j] = total;
      }
    }
    if (evenEnd < re) for (const [cs, ce] of colParts) oddRow(a, b, re - 1, k, m, cs, ce, blocks, out);
  }
}

function oddRow(
  a: Float64Array,
  b: Float64Array,
  i: number,
  k: number,
  m: number,
  colFrom: number,
  colTo: number,
  blocks: [number, number][],
  out: Float64Array,
): void {
  const quadsEnd = colFrom + ((colTo - colFrom) & ~3);
  const row = i * k;
  for (let j = colFrom; j < colTo; j++) {
    let total = 0;
    for (const [s, e] of blocks) {
      const c = [0, 0, 0, 0];
      const main = j < quadsEnd ? s + Math.floor((e - s) / 8) * 8 : s;
      for (let p = s; p < main; p++) c[(p - s) & 3] = fma(a[row + p], b[p * m + j], c[(p - s) & 3]);
      for (let p = main; p < e; p++) c[0] = fma(a[row + p], b[p * m + j], c[0]);
      total += c[0] + c[1] + (c[2] + c[3]);
    }
    out[i * m + j] = total;
  }
}

/** dgemv_t's body chunks: 2048 elements while a whole 2048 of the body is left, then the rest of the body. */
const NBMAX = 2048;

/** [row . x for each row of a (n x k)] in dgemv_t's order (numpy/_blas_order.py's gemv_t). */
export function gemvTF64(a: Float64Array, x: Float64Array, n: number, k: number, y: Float64Array): void {
  const groups = n & ~3;
  const pairEnd = n & 2 ? groups + 2 : groups;
  y.fill(0);
  const body = k - (k & 3);
  for (let lo = 0; lo < body; lo += NBMAX) {
    const hi = Math.min(lo + NBMAX, body);
    for (let j = 0; j < n; j++) {
      const r = j * k;
      let t: number;
      if (j < groups) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let i = lo; i < hi; i += 4) {
          s0 = fma(a[r + i], x[i], s0);
          s1 = fma(a[r + i + 1], x[i + 1], s1);
          s2 = fma(a[r + i + 2], x[i + 2], s2);
          s3 = fma(a[r + i + 3], x[i + 3], s3);
        }
        t = s0 + s2 + (s1 + s3);
      } else if (j < pairEnd) {
        let s0 = 0;
        let s1 = 0;
        for (let i = lo; i < hi; i += 2) {
          s0 = s0 + a[r + i] * x[i];
          s1 = s1 + a[r + i + 1] * x[i + 1];
        }
        t = s0 + s1;
      } else {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let i = lo; i < hi; i += 4) {
          s0 = s0 + a[r + i] * x[i];
          s1 = s1 + a[r + i + 1] * x[i + 1];
          s2 = s2 + a[r + i + 2] * x[i + 2];
          s3 = s3 + a[r + i + 3] * x[i + 3];
        }
        t = s0 + s2 + (s1 + s3);
      }
      y[j] = y[j] + t;
    }
  }
  const tail = k & 3;
  if (!tail) return;
  const b = k - tail;
  for (let j = 0; j < n; j++) {
    const r = j * k;
    if (tail === 1) {
      y[j] = fma(a[r + b], x[b], y[j]);
      continue;
    }
    let t = fma(a[r + b], x[b], a[r + b + 1] * x[b + 1]);
    if (tail === 3) t = fma(a[r + b + 2], x[b + 2], t);
    y[j] = y[j] + t;
  }
}

/** [row . x for each row of a (n x k)] in dgemv_n's order (numpy/_blas_order.py's gemv_n). */
export function gemvNF64(
  a: Float64Array,
  x: Float64Array,
  n: number,
  k: number,
  packed: boolean,
  y: Float64Array,
): void {
  const body = n - (n & 3);
  const quads = k & ~3;
  for (let i = 0; i < n; i++) {
    const r = i * k;
    if (i < body) {
      let s = 0;
      for (let c = 0; c < quads; c += 4) {
        s = s + (fma(a[r + c + 2], x[c + 2], a[r + c] * x[c]) + fma(a[r + c + 3], x[c + 3], a[r + c + 1] * x[c + 1]));
      }
      let c = quads;
      if (k - c >= 2) {
        s = s + (a[r + c] * x[c] + a[r + c + 1] * x[c + 1]);
        c += 2;
      }
      if (c < k) s = s + a[r + c] * x[c];
      y[i] = s;
      continue;
    }
    let t = 0;
    let c = 0;
    if (packed) {
      for (c = 0; c < quads; c += 4) {
        t = t + (a[r + c] * x[c] + a[r + c + 1] * x[c + 1]);
        t = t + (a[r + c + 2] * x[c + 2] + a[r + c + 3] * x[c + 3]);
      }
      c = quads;
    }
    for (; c < k; c++) t = t + a[r + c] * x[c];
    y[i] = 0 + t;
  }
}

/** x . y in ddot's order (the Haswell kernel: 16 fused accumulators, then the rest unfused). */
export function ddotF64(x: Float64Array, y: Float64Array, n: number): number {
  const body = n & -16;
  let dot = 0;
  if (body) {
    const regs = new Float64Array(16);
    for (let i = 0; i < body; i += 16) {
      for (let q = 0; q < 16; q++) regs[q] = fma(x[i + q], y[i + q], regs[q]);
    }
    const h = (r: number, lane: number) => regs[4 * r + lane] + regs[4 * r + lane + 2];
    const lo = h(0, 0) + h(1, 0) + (h(2, 0) + h(3, 0));
    const hi = h(0, 1) + h(1, 1) + (h(2, 1) + h(3, 1));
    dot = lo + hi;
  }
  for (let i = body; i < n; i++) dot = dot + y[i] * x[i];
  return dot;
}
