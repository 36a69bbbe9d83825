// The mean and biased variance of one row as PyTorch 1.13's CPU LayerNorm computes them
// (aten/src/ATen/native/cpu/moments_utils.h, RowwiseMoments): a Welford update per vector lane over chunks
// of 16 vectors, chunks merged pairwise on a small stack (a cascade, so only partial results of similar
// size meet), the tail elements in a scalar Welford, then the lanes merged into it one by one. Every step
// rounds to the element type, so layer_norm's outputs equal PyTorch's bit for bit (checked against Debian's
// torch 1.13.1 for rows of 3 to 1000 elements).
import { ceilLog2 } from './cascadeSum';

const CHUNK = 16;

interface Moments {
  n: number;
  m1: Float64Array;
  m2: Float64Array;
}

/** AddMomentsVec: merges (n, m1, m2) into `into`, lane by lane. */
function merge(n: number, m1: Float64Array, m2: Float64Array, into: Moments, round: (v: number) => number): void {
  const total = into.n + n;
  const c = total === 0 ? 0 : round(n / total);
  for (let k = 0; k < m1.length; k++) {
    const delta = round(m1[k] - into.m1[k]);
    into.m1[k] = round(into.m1[k] + round(c * delta));
    into.m2[k] = round(into.m2[k] + round(m2[k] + round(round(round(delta * delta) * c) * into.n)));
  }
  into.n = total;
}

/**
 * [mean, variance] (biased) of data[start, start + len), in float32 (`round` = Math.fround, 8 lanes as AVX2)
 * or float64 (identity, 4 lanes).
 */
export function rowMoments(
  data: ArrayLike<number>,
  start: number,
  len: number,
  round: (v: number) => number,
  lanes: number,
): [number, number] {
  const vectors = Math.floor(len / lanes);
  const chunks = Math.ceil(vectors / CHUNK);
  const depth = ceilLog2(chunks);
  const stack: Moments[] = [];
  for (let d = 0; d < depth; d++) stack.push({ n: 0, m1: new Float64Array(lanes), m2: new Float64Array(lanes) });
  const m1 = new Float64Array(lanes);
  const m2 = new Float64Array(lanes);
  for (let i = 0; i < chunks; i++) {
    const count = Math.min(CHUNK, vectors - i * CHUNK);
    m1.fill(0);
    m2.fill(0);
    for (let j = 0; j < count; j++) {
      const base = start + (i * CHUNK + j) * lanes;
      const inv = round(1 / (j + 1));
      for (let k = 0; k < lanes; k++) {
        const x = data[base + k];
        const delta = round(x - m1[k]);
        m1[k] = round(m1[k] + round(delta * inv));
        m2[k] = round(m2[k] + round(delta * round(x - m1[k])));
      }
    }
    merge(count, m1, m2, stack[0], round);
    let mask = i + 1;
    for (let d = 1; d < depth && (mask & 1) === 0; d++) {
      const below = stack[d - 1];
      merge(below.n, below.m1, below.m2, stack[d], round);
      stack[d - 1] = { n: 0, m1: new Float64Array(lanes), m2: new Float64Array(lanes) };
      mask >>= 1;
    }
  }
  for (let d = 1; d < depth; d++) merge(stack[d].n, stack[d].m1, stack[d].m2, stack[0], round);
  // The tail in a scalar Welford, then each lane (vectors elements each) merged into it.
  let n = 0;
  let mean = 0;
  let sq = 0;
  for (let i = vectors * lanes; i < len; i++) {
    const x = data[start + i];
    const delta = round(x - mean);
    n++;
    mean = round(mean + round(delta / n));
    sq = round(sq + round(delta * round(x - mean)));
  }
  for (let k = 0; k < lanes; k++) {
    const total = n + vectors;
    const c = total === 0 ? 0 : round(vectors / total);
    const delta = round(stack[0].m1[k] - mean);
    mean = round(mean + round(c * delta));
    sq = round(sq + round(stack[0].m2[k] + round(round(round(delta * delta) * c) * n)));
    n = total;
  }
  return [mean, round(sq / len)];
}
