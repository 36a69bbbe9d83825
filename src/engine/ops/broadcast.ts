// Broadcasting binary ops and the reverse step every one of them needs: summing a gradient back down to
// the shape of an input that was broadcast.
import { Shape, broadcastShapes, broadcastStrides, numel, sameShape, stridesOf } from '../shape';

/** out[i] = f(a[ia], b[ib]) over the broadcast shape. Fast paths for equal shapes and scalar operands. */
export function broadcastMap(
  a: ArrayLike<number>,
  aShape: Shape,
  b: ArrayLike<number>,
  bShape: Shape,
  op: string,
  f: (x: number, y: number) => number,
  out?: Float32Array,
): { data: Float32Array; shape: number[] } {
  if (sameShape(aShape, bShape)) {
    const n = a.length;
    const data = out ?? new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = f(a[i], b[i]);
    return { data, shape: aShape.slice() };
  }
  const shape = broadcastShapes(aShape, bShape, op);
  const n = numel(shape);
  const data = out ?? new Float32Array(n);
  if (b.length === 1 && a.length === n) {
    const y = b[0];
    for (let i = 0; i < n; i++) data[i] = f(a[i], y);
    return { data, shape };
  }
  if (a.length === 1 && b.length === n) {
    const x = a[0];
    for (let i = 0; i < n; i++) data[i] = f(x, b[i]);
    return { data, shape };
  }
  const sa = broadcastStrides(aShape, shape);
  const sb = broadcastStrides(bShape, shape);
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  let ia = 0;
  let ib = 0;
  for (let i = 0; i < n; i++) {
    data[i] = f(a[ia], b[ib]);
    // Odometer increment over the output index, moving both input offsets along.
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      ia += sa[d];
      ib += sb[d];
      if (idx[d] < shape[d]) break;
      ia -= sa[d] * shape[d];
      ib -= sb[d] * shape[d];
      idx[d] = 0;
    }
  }
  return { data, shape };
}

/** Sums `grad` (of shape `from`) over the dims that broadcasting expanded, giving a gradient of shape `to`. */
export function sumToShape(grad: Float32Array, from: Shape, to: Shape): Float32Array {
  if (sameShape(from, to)) return grad;
  const out = new Float32Array(numel(to));
  if (out.length === 1) {
    let s = 0;
    for (let i = 0; i < grad.length; i++) s += grad[i];
    out[0] = s;
    return out;
  }
  const st = broadcastStrides(to, from);
  const nd = from.length;
  const idx = new Array<number>(nd).fill(0);
  let o = 0;
  for (let i = 0; i < grad.length; i++) {
    out[o] += grad[i];
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      o += st[d];
      if (idx[d] < from[d]) break;
      o -= st[d] * from[d];
      idx[d] = 0;
    }
  }
  return out;
}

export { stridesOf };
