// The per-channel sums of batch_norm's float32 backward as PyTorch 1.13's contiguous CPU kernel
// (batch_norm_cpu_backward_contiguous_impl, for input [N, C, ...] with more than one value per plane) forms them:
// for each sample, one vectorised reduction over its H*W plane (vec::reduce_all for sum(dy), vec::map2_reduce_all
// for sum((x - mean) dy)), and the planes' float32 results added sample after sample in double (its accscalar_t).
import { fmaf } from '../random';

const f = Math.fround;

/**
 * sum(dy) and sum((x - mean) dy) over `len` values from `at`, as vec::reduce_all / map2_reduce_all on AVX2: under 8
 * values, one after another (each product rounded); else 8 lanes, lane l starting with value l and taking every
 * 8th further one (the product fused into the add, as GCC compiles the map into the reduction), the lanes met as
 * ((l0 + l4) + (l2 + l6)) + ((l1 + l5) + (l3 + l7)). Writes [sum, dotp] into `out`.
 */
function planeSums(x: Float32Array, dy: Float32Array, mean: number, at: number, len: number, out: Float64Array): void {
  if (len < 8) {
    let s = dy[at];
    let d = f(f(x[at] - mean) * dy[at]);
    for (let j = 1; j < len; j++) {
      s = f(s + dy[at + j]);
      d = f(d + f(f(x[at + j] - mean) * dy[at + j]));
    }
    out[0] = s;
    out[1] = d;
    return;
  }
  const s = SUM_LANES;
  const d = DOT_LANES;
  for (let l = 0; l < 8; l++) {
    s[l] = dy[at + l];
    d[l] = f(f(x[at + l] - mean) * dy[at + l]);
  }
  for (let j = 8; j < len; j++) {
    const l = j & 7;
    const g = dy[at + j];
    s[l] = f(s[l] + g);
    d[l] = fmaf(f(x[at + j] - mean), g, d[l]);
  }
  out[0] = f(f(f(s[0] + s[4]) + f(s[2] + s[6])) + f(f(s[1] + s[5]) + f(s[3] + s[7])));
  out[1] = f(f(f(d[0] + d[4]) + f(d[2] + d[6])) + f(f(d[1] + d[5]) + f(d[3] + d[7])));
}

const SUM_LANES = new Float64Array(8);
const DOT_LANES = new Float64Array(8);

/**
 * Per channel of float32 x [n, c, plane] and its output gradient dy: sum(dy) into `sums` and
 * sum((x - mean) dy) into `dots`, each sample's plane reduced first and the samples added in order in double.
 */
export function batchNormPlaneSums(
  x: Float32Array,
  dy: Float32Array,
  means: ArrayLike<number>,
  n: number,
  c: number,
  plane: number,
  sums: Float64Array,
  dots: Float64Array,
): void {
  const out = new Float64Array(2);
  for (let ch = 0; ch < c; ch++) {
    let sum = 0;
    let dotp = 0;
    for (let b = 0; b < n; b++) {
      planeSums(x, dy, means[ch], (b * c + ch) * plane, plane, out);
      sum += out[0];
      dotp += out[1];
    }
    sums[ch] = sum;
    dots[ch] = dotp;
  }
}
