// F.embedding: a lookup table. The forward copies row `indices[i]` of the weight for every index (indices of
// any shape; the result has shape [...indices.shape, embedding_dim]); the backward adds each output row's
// gradient into the weight row it came from, in index order as PyTorch's CPU kernel does, skipping the
// padding row (its gradient stays zero). scale_grad_by_freq divides each row's gradient by how often its
// index occurs in the batch.
import { pyError } from '../errors';
import { Node, isGradEnabled } from '../autograd';
import { Tensor, allocate, floats } from '../tensor';
import { tensorTypeName } from './util';

/** Checks the indices as at::embedding does and returns them as row numbers. */
function rowsOf(weight: Tensor, indices: Tensor): Int32Array {
  if (indices.dtype !== 'int64' && indices.dtype !== 'int32') {
    throw pyError(
      'RuntimeError',
      `Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; ` +
        `but got ${tensorTypeName(indices.dtype)} instead (while checking arguments for embedding)`,
    );
  }
  if (weight.ndim !== 2) throw pyError('RuntimeError', "'weight' must be 2-D");
  const count = weight.shape[0];
  const rows = new Int32Array(indices.data.length);
  for (let i = 0; i < rows.length; i++) {
    const k = indices.data[i];
    if (!(k >= 0 && k < count)) throw pyError('IndexError', 'index out of range in self');
    rows[i] = k;
  }
  return rows;
}

/**
 * @param paddingIdx the row that gets no gradient (already normalised to 0..num_embeddings-1), or null
 * @param scaleGradByFreq divide each row's gradient by the number of times its index occurs
 */
export function embedding(
  weight: Tensor,
  indices: Tensor,
  paddingIdx: number | null = null,
  scaleGradByFreq = false,
): Tensor {
  const rows = rowsOf(weight, indices);
  const dim = weight.shape[1];
  const w = weight.data;
  const out = allocate(weight.dtype, rows.length * dim) as Float32Array;
  for (let i = 0; i < rows.length; i++) out.set(w.subarray(rows[i] * dim, rows[i] * dim + dim), i * dim);
  const shape = [...indices.shape, dim];
  if (!(weight.requiresGrad && isGradEnabled())) return new Tensor(out, shape, weight.dtype);
  const n = weight.data.length;
  const node = new Node('EmbeddingBackward0', [weight], (g) => {
    const gw = floats(n);
    const counts = scaleGradByFreq ? countRows(rows, weight.shape[0]) : null;
    // The scaled gradient is a float32 (or float64) tensor before it is added.
    const round = gw instanceof Float32Array ? Math.fround : (v: number) => v;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r === paddingIdx) continue;
      const scale = counts ? 1 / counts[r] : 1;
      const to = r * dim;
      const from = i * dim;
      // grad_weight[r] += scale * grad[i], one rounding per step as the CPU kernel's index_add.
      if (scale === 1) for (let j = 0; j < dim; j++) gw[to + j] += g[from + j];
      else for (let j = 0; j < dim; j++) gw[to + j] += round(scale * g[from + j]);
    }
    return [gw];
  });
  return Tensor.result(out, shape, node);
}

function countRows(rows: Int32Array, count: number): Int32Array {
  const counts = new Int32Array(count);
  for (const r of rows) counts[r]++;
  return counts;
}
