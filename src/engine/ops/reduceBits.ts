// Float32 steps of reductions whose PyTorch 1.13 results are compositions of float32 ops (each rounding):
// var's and std's input gradient (var_backward, FunctionsManual.cpp) and logsumexp (ReduceOps.cpp's
// logsumexp_out_impl). reduce.ts uses them for float32 tensors; float64 keeps its double arithmetic there.
import { floats } from '../tensor';
import { cascadeSumDims } from './cascadeSum';
import { expf } from './sleefExp';
import { logf } from './sleefLog';

const f = Math.fround;

/**
 * var's (and std's) input gradient ((2 / dof) g) (x - mean(x)): the float32 mean (a sum in PyTorch's order, then
 * divided), 2 / dof cast to float32; std first turns g into g / (2 std), 0 where std is 0. `map` gives each input
 * element's output slot (null: a full reduction), `dims` the reduced dims of `shape`.
 */
export function varianceGradF32(
  g: ArrayLike<number>,
  x: Float32Array,
  shape: readonly number[],
  dims: readonly number[],
  map: Int32Array | null,
  denom: number,
  std: Float32Array | null,
): Float32Array {
  const n = x.length;
  let outN = 1;
  for (let d = 0; d < shape.length; d++) if (!dims.includes(d)) outN *= shape[d];
  const means = new Float32Array(outN);
  cascadeSumDims(x, shape, dims, means);
  const count = n / outN;
  for (let o = 0; o < outN; o++) means[o] = means[o] / count;
  const scale = f(2 / denom);
  const coef = new Float32Array(outN);
  for (let o = 0; o < outN; o++) {
    const go = std === null ? g[o] : std[o] === 0 ? 0 : f(g[o] / f(std[o] * 2));
    coef[o] = scale * go;
  }
  const r = floats(n);
  for (let i = 0; i < n; i++) {
    const o = map ? map[i] : 0;
    r[i] = f(coef[o] * f(x[i] - means[o]));
  }
  return r;
}

/**
 * logsumexp into `out`: exp(x - max) with SLEEF's expf (the max replaced by 0 where infinite), summed in
 * PyTorch's order (cascadeSum.ts), SLEEF's logf of the sum, plus the max. `mx` holds each slot's max.
 */
export function logsumexpF32(
  x: Float32Array,
  shape: readonly number[],
  dims: readonly number[],
  map: Int32Array | null,
  mx: Float64Array,
  out: Float32Array,
): void {
  const shift = (o: number) => (Math.abs(mx[o]) === Infinity ? 0 : mx[o]);
  const e = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) e[i] = expf(f(x[i] - shift(map ? map[i] : 0)));
  out.fill(0);
  cascadeSumDims(e, shape, dims, out);
  for (let o = 0; o < out.length; o++) out[o] = logf(out[o]) + shift(o);
}
