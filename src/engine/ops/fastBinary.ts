// Routes float32 binary arithmetic to the WebAssembly SIMD kernels (kernels/elementwise.ts) when the
// operands' layout is one they handle: same size, a scalar on either side (where the op commutes), or a
// row broadcast over leading dims such as `x @ w + b`. Bit-identical to the loops in arith.ts.
import { EW_SUB_SCALED, EW_WASM_MIN_ELEMENTS, ewBinaryWasm } from '../kernels/elementwise';
import { A_SCALAR, B_SCALAR, BinaryPlan, SAME } from './util';

export { EW_ADD, EW_MUL, EW_SUB_SCALED } from '../kernels/elementwise';

// Whether a cached plan's offset tables are "a in full, b a row repeated": checked once per table pair.
const rowPlans = new WeakMap<Int32Array, WeakMap<Int32Array, boolean>>();

function isRowBroadcast(ia: Int32Array, ib: Int32Array, bLength: number): boolean {
  let byB = rowPlans.get(ia);
  if (!byB) rowPlans.set(ia, (byB = new WeakMap()));
  let known = byB.get(ib);
  if (known === undefined) {
    known = true;
    for (let i = 0; i < ia.length && known; i++) if (ia[i] !== i || ib[i] !== i % bLength) known = false;
    byB.set(ib, known);
  }
  return known;
}

/** out = x op y (op EW_ADD, EW_SUB_SCALED with `alpha`, EW_MUL) in wasm; false when it does not apply. */
export function fastBinary(
  op: number,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  out: ArrayLike<number>,
  p: BinaryPlan,
  alpha = 1,
): boolean {
  if (out.length < EW_WASM_MIN_ELEMENTS) return false;
  if (!(out instanceof Float32Array && x instanceof Float32Array && y instanceof Float32Array)) return false;
  if (p.mode === SAME || p.mode === B_SCALAR) return ewBinaryWasm(op, x, y, alpha, out);
  if (p.mode === A_SCALAR) return op !== EW_SUB_SCALED && ewBinaryWasm(op, y, x, alpha, out);
  if (!p.ia || !p.ib || x.length !== out.length || out.length % y.length !== 0) return false;
  return isRowBroadcast(p.ia, p.ib, y.length) && ewBinaryWasm(op, x, y, alpha, out);
}
