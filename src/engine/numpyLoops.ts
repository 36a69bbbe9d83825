// numpy's float64 loops for our numpy package (src/python/numpy), which keeps a large float64 array's values
// in a Python array('d') instead of a list of Python floats (numpy/_typed.py) and hands its memory over here:
// one call then does a whole `b * x` or `x.sum()` where the pure-Python loop cost 100-200 ns an element (the
// official "Learning PyTorch with Examples" numpy warm-up took 13 s). The results are numpy 1.24's bits: IEEE
// double arithmetic as numpy's loops do it, `x ** y` by the C library's pow (the runtime hands over its own,
// the one Python's math.pow calls), and sums in numpy's pairwise order. A loop that meets a non-finite result reports it instead of finishing, and the Python side redoes
// the operation its own way, with numpy's warnings (divide by zero, overflow, invalid value).

/** The binary loops, by the number the Python side passes (numpy/_typed.py). */
export const NP_ADD = 0;
export const NP_SUBTRACT = 1;
export const NP_MULTIPLY = 2;
export const NP_DIVIDE = 3;
export const NP_POWER = 4;

type Operand = Float64Array | number;

let libmPow: (x: number, y: number) => number = (x, y) => {
  throw new Error(`internal: numpy power of ${x} and ${y} before the C library's pow was set`);
};

/** The C library's pow (Pyodide's `_pow`): V8's Math.pow rounds about one x ** 3 in ten differently. */
export function setLibmPow(pow: (x: number, y: number) => number): void {
  libmPow = pow;
}

function apply(op: number, x: number, y: number): number {
  switch (op) {
    case NP_ADD:
      return x + y;
    case NP_SUBTRACT:
      return x - y;
    case NP_MULTIPLY:
      return x * y;
    case NP_DIVIDE:
      return x / y;
    default:
      // ndarray ** 2 never comes here: numpy/_methods.py makes it np.square, as numpy's fast_scalar_power does.
      return libmPow(x, y);
  }
}

/**
 * out[i] = a[i] <op> b[i] for n elements, either operand an array or one number. Returns false (out then
 * holds garbage) as soon as a result is not finite: the caller computes it again with numpy's warnings.
 */
export function npBinaryF64(op: number, a: Operand, b: Operand, out: Float64Array): boolean {
  const n = out.length;
  if (typeof a === 'number' && typeof b === 'number') throw new Error('internal: npBinaryF64 of two numbers');
  if (op === NP_MULTIPLY || op === NP_ADD || op === NP_SUBTRACT) {
    // The common loops written out: a switch per element would cost as much as the arithmetic.
    const xs = typeof a === 'number' ? null : a;
    const ys = typeof b === 'number' ? null : b;
    const xv = typeof a === 'number' ? a : 0;
    const yv = typeof b === 'number' ? b : 0;
    for (let i = 0; i < n; i++) {
      const x = xs === null ? xv : xs[i];
      const y = ys === null ? yv : ys[i];
      const r = op === NP_MULTIPLY ? x * y : op === NP_ADD ? x + y : x - y;
      if (r - r !== 0) return false; // inf or NaN
      out[i] = r;
    }
    return true;
  }
  for (let i = 0; i < n; i++) {
    const x = typeof a === 'number' ? a : a[i];
    const y = typeof b === 'number' ? b : b[i];
    const r = apply(op, x, y);
    if (r - r !== 0) return false;
    out[i] = r;
  }
  return true;
}

/** The unary loops the Python side hands over whole: -x, x * x, |x| (exact, so never warning). */
export function npUnaryF64(name: string, a: Float64Array, out: Float64Array): boolean {
  const n = a.length;
  if (name === 'negative') for (let i = 0; i < n; i++) out[i] = -a[i];
  else if (name === 'square') for (let i = 0; i < n; i++) out[i] = a[i] * a[i];
  else if (name === 'absolute') for (let i = 0; i < n; i++) out[i] = Math.abs(a[i]);
  else return false;
  return true;
}

/** numpy's DOUBLE_pairwise_sum of a[lo, lo + n): eight running sums in blocks of up to 128, halves above. */
function pairwise(a: Float64Array, lo: number, n: number): number {
  if (n < 8) {
    let res = -0;
    for (let i = lo; i < lo + n; i++) res += a[i];
    return res;
  }
  if (n <= 128) {
    const end = lo + n - (n % 8);
    let r0 = a[lo];
    let r1 = a[lo + 1];
    let r2 = a[lo + 2];
    let r3 = a[lo + 3];
    let r4 = a[lo + 4];
    let r5 = a[lo + 5];
    let r6 = a[lo + 6];
    let r7 = a[lo + 7];
    for (let i = lo + 8; i < end; i += 8) {
      r0 += a[i];
      r1 += a[i + 1];
      r2 += a[i + 2];
      r3 += a[i + 3];
      r4 += a[i + 4];
      r5 += a[i + 5];
      r6 += a[i + 6];
      r7 += a[i + 7];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (let j = end; j < lo + n; j++) res += a[j];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, lo, n2) + pairwise(a, lo + n2, n - n2);
}

/** Chunks of numpy's buffered reduce loop: the whole-array sum adds up its pairwise sums in this many. */
const NP_BUFSIZE = 8192;

/** np.sum of a whole contiguous float64 array, as numpy 1.24 adds it up (numpy/_reductions.py's order). */
export function npSumF64(a: Float64Array): number {
  let total = 0;
  for (let s = 0; s < a.length; s += NP_BUFSIZE) total = total + pairwise(a, s, Math.min(NP_BUFSIZE, a.length - s));
  return total;
}

/**
 * npBinaryF64 over operands broadcast to `shape`: each operand an array read at its element strides (0 on a
 * broadcast dimension, as numpy's broadcast_strides gives them) or one number; out in C order.
 */
export function npBinaryStridedF64(
  op: number,
  a: Operand,
  aStrides: readonly number[],
  b: Operand,
  bStrides: readonly number[],
  shape: readonly number[],
  out: Float64Array,
): boolean {
  const nd = shape.length;
  const index = new Int32Array(nd);
  let ia = 0;
  let ib = 0;
  for (let k = 0; k < out.length; k++) {
    const r = apply(op, typeof a === 'number' ? a : a[ia], typeof b === 'number' ? b : b[ib]);
    if (r - r !== 0) return false;
    out[k] = r;
    for (let d = nd - 1; d >= 0; d--) {
      index[d]++;
      ia += aStrides[d];
      ib += bStrides[d];
      if (index[d] < shape[d]) break;
      ia -= aStrides[d] * shape[d];
      ib -= bStrides[d] * shape[d];
      index[d] = 0;
    }
  }
  return true;
}

/**
 * np.sum of a C-ordered (rows x cols) float64 array over axis 0 (numpy adds whole rows into the outputs, one
 * after another, from 0) or axis 1 (each row's pairwise sum, as npSumF64).
 */
export function npSumAxisF64(a: Float64Array, rows: number, cols: number, axis: number, out: Float64Array): void {
  if (axis === 0) {
    out.fill(0);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j] = out[j] + a[i * cols + j];
    return;
  }
  for (let i = 0; i < rows; i++) out[i] = npSumF64(a.subarray(i * cols, (i + 1) * cols));
}
