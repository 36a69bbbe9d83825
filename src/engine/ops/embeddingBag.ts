// torch.embedding_bag (nn.EmbeddingBag, F.embedding_bag) as PyTorch 1.13 computes it on CPU: bag b holds the
// indices from offsets[b] up to the next offset (the last bag to the end, or to the last offset with
// include_last_offset). 'sum' adds the bag's rows one after another in float32 (caffe2's EmbeddingLookupIdx:
// a fused multiply-add per row, by 1 or by the per-sample weight), 'mean' divides that sum by the number of
// rows that are not padding (empty bags give zeros), 'max' keeps each column's largest value (the first one
// on ties) and sends its gradient to that row. The gradient of sum/mean goes through the indices in sorted
// order, each adding scale * grad[bag] into its weight row with one rounding (BLAS axpy's fused step).
import { pyError } from '../errors';
import { Node, isGradEnabled } from '../autograd';
import { Tensor, allocate, floats } from '../tensor';
import { tensorTypeName } from './util';

export type BagMode = 'sum' | 'mean' | 'max';

/** fma(a, b, c) rounded once to float32 (a * b of two float32 values is exact in a double). */
const fma32 = (a: number, b: number, c: number): number => Math.fround(a * b + c);

/** at::embedding_bag's argument checks, in its order and words; returns the indices and offsets as numbers. */
function checkArgs(weight: Tensor, indices: Tensor, offsets: Tensor): { idx: number[]; offs: number[] } {
  for (const [t, arg] of [
    [indices, "#1 'indices'"],
    [offsets, "#1 'offsets'"],
  ] as const) {
    if (t.dtype !== 'int64' && t.dtype !== 'int32') {
      throw pyError(
        'RuntimeError',
        `Expected tensor for argument ${arg} to have one of the following scalar types: Long, Int; ` +
          `but got ${tensorTypeName(t.dtype)} instead (while checking arguments for embedding_bag)`,
      );
    }
  }
  if (weight.ndim !== 2) throw pyError('RuntimeError', "'weight' must be 2-D");
  const idx = Array.from(indices.data as ArrayLike<number>);
  const offs = Array.from(offsets.data as ArrayLike<number>);
  if (offs.length > 0 && offs[0] !== 0) {
    throw pyError(
      'RuntimeError',
      'offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from position 0. ' +
        `However, got ${offs[0]}\n[ torch.LongTensor{} ]`,
    );
  }
  if (offs.length > 0 && offs[offs.length - 1] > idx.length) {
    throw pyError(
      'RuntimeError',
      `offsets[-1] can not be greater than input's length ${idx.length} but got offsets[-1] of ${offs[offs.length - 1]}`,
    );
  }
  const rows = weight.shape[0];
  idx.forEach((r, i) => {
    if (!(r >= 0 && r < rows)) {
      throw pyError(
        'RuntimeError',
        `[enforce fail at embedding_lookup_idx.cc:214] 0 <= idx && idx < data_size. Index ${i} is out of ` +
          `bounds: ${r}, range 0 to ${rows}`,
      );
    }
  });
  return { idx, offs };
}

/** What the forward leaves for the backward: each index's bag (-1: none), each bag's size, max's rows. */
interface Bags {
  idx: number[];
  bagOf: Int32Array;
  bagSize: Int32Array;
  argmax: Int32Array | null;
}

function forward(
  w: Float32Array,
  dim: number,
  b: { idx: number[]; offs: number[]; bags: number },
  mode: BagMode,
  psw: ArrayLike<number> | null,
  paddingIdx: number | null,
  out: Float32Array,
): Bags {
  const { idx, offs, bags } = b;
  const round = out instanceof Float32Array ? Math.fround : (v: number) => v;
  const fma = out instanceof Float32Array ? fma32 : (x: number, y: number, z: number) => x * y + z;
  const bagOf = new Int32Array(idx.length).fill(-1);
  const bagSize = new Int32Array(bags);
  const argmax = mode === 'max' ? new Int32Array(bags * dim).fill(-1) : null;
  for (let k = 0; k < bags; k++) {
    const o = k * dim;
    const end = k + 1 < offs.length ? offs[k + 1] : idx.length;
    for (let i = offs[k]; i < end; i++) {
      bagOf[i] = k;
      const r = idx[i];
      if (r === paddingIdx) continue;
      const from = r * dim;
      if (argmax) {
        for (let j = 0; j < dim; j++) {
          if (bagSize[k] === 0 || w[from + j] > out[o + j]) {
            out[o + j] = w[from + j];
            argmax[o + j] = r;
          }
        }
      } else {
        const s = psw ? psw[i] : 1;
        for (let j = 0; j < dim; j++) out[o + j] = fma(s, w[from + j], out[o + j]);
      }
      bagSize[k]++;
    }
    if (mode === 'mean' && bagSize[k] > 1) for (let j = 0; j < dim; j++) out[o + j] = round(out[o + j] / bagSize[k]);
  }
  return { idx, bagOf, bagSize, argmax };
}

/** The gradients of the weight (and of the per-sample weights) from the output's gradient `g`. */
function backward(
  g: Float32Array,
  weight: Tensor,
  bags: Bags,
  mode: BagMode,
  scaleGradByFreq: boolean,
  perSampleWeights: Tensor | null,
  paddingIdx: number | null,
): (Float32Array | null)[] {
  const w = weight.data;
  const dim = weight.shape[1];
  const { idx, bagOf, bagSize, argmax } = bags;
  const gw = floats(w.length);
  if (argmax) {
    for (let k = 0; k < argmax.length; k++) if (argmax[k] >= 0) gw[argmax[k] * dim + (k % dim)] += g[k];
    return [gw, null];
  }
  const round = gw instanceof Float32Array ? Math.fround : (v: number) => v;
  const fma = gw instanceof Float32Array ? fma32 : (x: number, y: number, z: number) => x * y + z;
  const psw = perSampleWeights?.data ?? null;
  const counts = new Int32Array(weight.shape[0]);
  if (scaleGradByFreq) for (const r of idx) counts[r]++;
  // Indices in sorted order (stable), as the CPU backward sorts them first.
  const order = idx.map((_, i) => i).sort((a, b) => idx[a] - idx[b] || a - b);
  for (const i of order) {
    const r = idx[i];
    const b = bagOf[i];
    if (r === paddingIdx || b < 0) continue;
    let scale = 1;
    if (scaleGradByFreq) scale = round(scale / counts[r]);
    if (mode === 'mean' && bagSize[b] !== 0) scale = round(scale / bagSize[b]);
    if (psw) scale = round(scale * psw[i]);
    for (let j = 0; j < dim; j++) gw[r * dim + j] = fma(scale, g[b * dim + j], gw[r * dim + j]);
  }
  let gp: Float32Array | null = null;
  if (psw && perSampleWeights?.requiresGrad) {
    gp = floats(idx.length);
    for (let i = 0; i < idx.length; i++) {
      const b = bagOf[i];
      if (idx[i] === paddingIdx || b < 0) continue;
      let dot = 0;
      for (let j = 0; j < dim; j++) dot = fma(g[b * dim + j], w[idx[i] * dim + j], dot);
      gp[i] = dot;
    }
  }
  return [weight.requiresGrad ? gw : null, gp];
}

/**
 * @param offsets where each bag starts in `indices` (offsets[0] must be 0)
 * @param paddingIdx the row left out of every bag (normalised to 0..rows-1), or null
 * @param perSampleWeights one weight per index (mode 'sum' only), or null
 */
export function embeddingBag(
  weight: Tensor,
  indices: Tensor,
  offsets: Tensor,
  mode: BagMode,
  scaleGradByFreq: boolean,
  perSampleWeights: Tensor | null,
  includeLastOffset: boolean,
  paddingIdx: number | null,
): Tensor {
  const { idx, offs } = checkArgs(weight, indices, offsets);
  const dim = weight.shape[1];
  const count = includeLastOffset ? Math.max(offs.length - 1, 0) : offs.length;
  const out = allocate(weight.dtype, count * dim) as Float32Array;
  const psw = perSampleWeights?.data ?? null;
  const bags = forward(weight.data as Float32Array, dim, { idx, offs, bags: count }, mode, psw, paddingIdx, out);
  const wantGrad = weight.requiresGrad || (perSampleWeights?.requiresGrad ?? false);
  if (!(wantGrad && isGradEnabled())) return new Tensor(out, [count, dim], weight.dtype);
  const node = new Node('EmbeddingBagBackward0', [weight, perSampleWeights], (g) =>
    backward(g, weight, bags, mode, scaleGradByFreq, perSampleWeights, paddingIdx),
  );
  return Tensor.result(out, [count, dim], node);
}
