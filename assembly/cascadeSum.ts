// PyTorch 1.13's column sums of a row-major float32 matrix (SumKernel.cpp `vectorized_outer_sum` over whole
// blocks of 4 vectors): every column is its own running sum over the rows, carried up 4 levels every
// 2^levelPower rows (see src/engine/ops/cascadeSum.ts, which replays the same order in TypeScript and calls
// this for its widest blocks). Lanes here are columns, so each column sees exactly the float32 additions of
// the C++ kernel, in its order, whatever the grouping of columns into vectors. This is a bias gradient's
// sum over the batch, a few hundred thousand additions per training step of a full-batch model.

// @ts-ignore: decorator
@inline function rowAt(x: usize, row: i32, rowStride: i32): usize {
  return x + ((<usize>row * <usize>rowStride) << 2);
}

/**
 * res[c] = the cascade sum over `rows` rows of column c, for c in [0, cols); cols a multiple of 8.
 * x: byte address of row 0, column 0; rowStride in elements.
 */
export function columnCascadeSum(rows: i32, cols: i32, rowStride: i32, levelPower: i32, x: usize, res: usize): void {
  const levelStep = 1 << levelPower;
  const levelMask = levelStep - 1;
  const mask1 = levelMask << levelPower;
  const mask2 = levelMask << (2 * levelPower);
  const zero = f32x4.splat(0);
  for (let c = 0; c < cols; c += 8) {
    const base = x + ((<usize>c) << 2);
    let a0 = zero, b0 = zero, a1 = zero, b1 = zero, a2 = zero, b2 = zero, a3 = zero, b3 = zero;
    let i = 0;
    while (i + levelStep <= rows) {
      for (let j = 0; j < levelStep; j++, i++) {
        const p = rowAt(base, i, rowStride);
        a0 = f32x4.add(a0, v128.load(p));
        b0 = f32x4.add(b0, v128.load(p, 16));
      }
      a1 = f32x4.add(a1, a0);
      b1 = f32x4.add(b1, b0);
      a0 = zero;
      b0 = zero;
      if ((i & mask1) != 0) continue;
      a2 = f32x4.add(a2, a1);
      b2 = f32x4.add(b2, b1);
      a1 = zero;
      b1 = zero;
      if ((i & mask2) != 0) continue;
      a3 = f32x4.add(a3, a2);
      b3 = f32x4.add(b3, b2);
      a2 = zero;
      b2 = zero;
    }
    for (; i < rows; i++) {
      const p = rowAt(base, i, rowStride);
      a0 = f32x4.add(a0, v128.load(p));
      b0 = f32x4.add(b0, v128.load(p, 16));
    }
    a0 = f32x4.add(f32x4.add(f32x4.add(a0, a1), a2), a3);
    b0 = f32x4.add(f32x4.add(f32x4.add(b0, b1), b2), b3);
    const out = res + ((<usize>c) << 2);
    v128.store(out, a0);
    v128.store(out, b0, 16);
  }
}
