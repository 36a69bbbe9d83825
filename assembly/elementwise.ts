// Element-wise float32 kernels, four lanes at a time: the binary arithmetic of a training step (x + y,
// x - alpha * y, x * y, with y a tensor of the same size, one scalar, or a row repeated over the leading
// dims, e.g. a bias) and relu with its derivative. Each lane computes exactly the float32 operation the
// TypeScript loops compute (one rounding per operation, x - alpha * y fused as PyTorch's fmadd), so results
// are bit-identical to them.
// Pointers are byte addresses of float32 arrays in this module's memory; n is the element count.

export const EW_ADD: i32 = 0; // c = a + b
export const EW_SUB_SCALED: i32 = 1; // c = a + alpha * b, fused (one rounding; sub is alpha = -1)
export const EW_MUL: i32 = 2; // c = a * b

/** b's layout: the same n elements, one value (scalar), or `m` values repeated (a row broadcast over rows). */
export const B_FULL: i32 = 0;
export const B_SCALAR: i32 = 1;
export const B_ROW: i32 = 2;

// @ts-ignore: decorator
@inline function apply(op: i32, a: v128, b: v128, alpha: v128): v128 {
  if (op == EW_ADD) return f32x4.add(a, b);
  if (op == EW_MUL) return f32x4.mul(a, b);
  // fmadd(b, alpha, a) as PyTorch's AVX2 kernel: the float32 product is exact in a double, the sum rounds once.
  const lo = fusedLow(a, b, alpha);
  const hi = fusedLow(i32x4.shuffle(a, a, 2, 3, 0, 1), i32x4.shuffle(b, b, 2, 3, 0, 1), alpha);
  return i64x2.shuffle(lo, hi, 0, 2);
}

/** a + alpha * b for the two low lanes, in double then rounded once to float32 (in the low lanes). */
// @ts-ignore: decorator
@inline function fusedLow(a: v128, b: v128, alpha: v128): v128 {
  const product = f64x2.mul(f64x2.promote_low_f32x4(alpha), f64x2.promote_low_f32x4(b));
  return f32x4.demote_f64x2_zero(f64x2.add(f64x2.promote_low_f32x4(a), product));
}

// @ts-ignore: decorator
@inline function apply1(op: i32, a: f32, b: f32, alpha: f32): f32 {
  if (op == EW_ADD) return a + b;
  if (op == EW_MUL) return a * b;
  return <f32>(<f64>a + <f64>alpha * <f64>b);
}

/** c[i] = a[i] op b[i] over a contiguous run of `n` (b advancing with a). */
// @ts-ignore: decorator
@inline function run(op: i32, n: i32, a: usize, b: usize, c: usize, alpha: f32): void {
  const va = f32x4.splat(alpha);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(c + o, apply(op, v128.load(a + o), v128.load(b + o), va));
  }
  for (; i < n; i++) {
    const o = (<usize>i) << 2;
    store<f32>(c + o, apply1(op, load<f32>(a + o), load<f32>(b + o), alpha));
  }
}

/** c[i] = a[i] op s for one scalar s. */
// @ts-ignore: decorator
@inline function runScalar(op: i32, n: i32, a: usize, s: f32, c: usize, alpha: f32): void {
  const va = f32x4.splat(alpha);
  const vs = f32x4.splat(s);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(c + o, apply(op, v128.load(a + o), vs, va));
  }
  for (; i < n; i++) {
    const o = (<usize>i) << 2;
    store<f32>(c + o, apply1(op, load<f32>(a + o), s, alpha));
  }
}

function binaryOp(op: i32, layout: i32, n: i32, m: i32, a: usize, b: usize, c: usize, alpha: f32): void {
  if (layout == B_FULL) run(op, n, a, b, c, alpha);
  else if (layout == B_SCALAR) runScalar(op, n, a, load<f32>(b), c, alpha);
  else {
    for (let r = 0; r + m <= n; r += m) {
      const o = (<usize>r) << 2;
      run(op, m, a + o, b, c + o, alpha);
    }
  }
}

/** c = a op b (op EW_*, b laid out as B_*; m is the row length for B_ROW). */
export function ewBinary(op: i32, layout: i32, n: i32, m: i32, a: usize, b: usize, c: usize, alpha: f32): void {
  // One specialised loop per op: the op test then folds away inside each.
  if (op == EW_ADD) binaryOp(EW_ADD, layout, n, m, a, b, c, alpha);
  else if (op == EW_MUL) binaryOp(EW_MUL, layout, n, m, a, b, c, alpha);
  else binaryOp(EW_SUB_SCALED, layout, n, m, a, b, c, alpha);
}

/**
 * y = relu(x) as PyTorch's clamp_min(x, 0), std::max(x, 0): +0 where x < 0, else x (so -0 and NaN stay). The
 * same bits as the TypeScript reluBits.
 */
export function ewRelu(n: i32, x: usize, y: usize): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (<usize>i) << 2;
    const v = v128.load(x + o);
    v128.store(y + o, v128.andnot(v, f32x4.lt(v, zero)));
  }
  for (; i < n; i++) {
    const o = (<usize>i) << 2;
    const v = load<f32>(x + o);
    store<f32>(y + o, v < 0 ? 0 : v);
  }
}

/** r = y <= 0 ? +0 : g (PyTorch's threshold_backward from relu's output: a NaN passes the gradient, -0 not). */
export function ewReluBackward(n: i32, y: usize, g: usize, r: usize): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(r + o, v128.andnot(v128.load(g + o), f32x4.le(v128.load(y + o), zero)));
  }
  for (; i < n; i++) {
    const o = (<usize>i) << 2;
    store<f32>(r + o, load<f32>(y + o) <= 0 ? 0 : load<f32>(g + o));
  }
}
