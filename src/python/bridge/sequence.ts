// `_bl_engine` functions for sequence models: embedding lookups and the recurrent layers. Each converts
// Python's arguments (None, lists of tensors) and calls the engine, which computes the values and records
// their gradients.
import type { Tensor } from '../../engine/tensor';
import { embedding } from '../../engine/ops/embedding';
import { BagMode, embeddingBag } from '../../engine/ops/embeddingBag';
import { CellParams, RnnMode, cellStep, inputProjection, rnn } from '../../engine/nn/rnn';
import { packPaddedSequence, rnnPacked } from '../../engine/nn/rnnPacked';
import { js } from './convert';

export const sequence: Record<string, unknown> = {
  embedding: (weight: Tensor, indices: Tensor, paddingIdx: number | undefined, scaleGradByFreq: boolean) =>
    embedding(weight, indices, paddingIdx ?? null, !!scaleGradByFreq),
  /** torch.embedding_bag's output (the bags' sums, means or maxima). */
  embedding_bag: (
    weight: Tensor,
    indices: Tensor,
    offsets: Tensor,
    mode: BagMode,
    scaleGradByFreq: boolean,
    perSampleWeights: Tensor | undefined,
    includeLastOffset: boolean,
    paddingIdx: number | undefined,
  ) =>
    embeddingBag(
      weight,
      indices,
      offsets,
      mode,
      !!scaleGradByFreq,
      perSampleWeights ?? null,
      !!includeLastOffset,
      paddingIdx ?? null,
    ),
  /** torch._VF.rnn_tanh / rnn_relu / lstm / gru on a dense input: [output, h_n] or [output, h_n, c_n]. */
  rnn: (
    mode: RnnMode,
    input: Tensor,
    hx: unknown,
    weights: unknown,
    hasBiases: boolean,
    numLayers: number,
    dropout: number,
    training: boolean,
    bidirectional: boolean,
    batchFirst: boolean,
  ) => {
    const r = rnn(input, js<Tensor[]>(hx), js<Tensor[]>(weights), {
      mode,
      hasBiases: !!hasBiases,
      numLayers,
      dropout,
      training: !!training,
      bidirectional: !!bidirectional,
      batchFirst: !!batchFirst,
    });
    return [r.output, ...r.hidden];
  },
  /** The same over a packed sequence's data and batch sizes: [output data, h_n] or [output data, h_n, c_n]. */
  rnn_packed: (
    mode: RnnMode,
    data: Tensor,
    batchSizes: unknown,
    hx: unknown,
    weights: unknown,
    hasBiases: boolean,
    numLayers: number,
    dropout: number,
    training: boolean,
    bidirectional: boolean,
  ) => {
    const r = rnnPacked(data, js<number[]>(batchSizes), js<Tensor[]>(hx), js<Tensor[]>(weights), {
      mode,
      hasBiases: !!hasBiases,
      numLayers,
      dropout,
      training: !!training,
      bidirectional: !!bidirectional,
      batchFirst: false,
    });
    return [r.output, ...r.hidden];
  },
  /** torch._VF._pack_padded_sequence: [data, batch_sizes]. */
  pack_padded_sequence: (input: Tensor, lengths: unknown, batchFirst: boolean) =>
    packPaddedSequence(input, js<number[]>(lengths), !!batchFirst),
  /** torch.rnn_tanh_cell / rnn_relu_cell / lstm_cell / gru_cell: the new [h] or [h, c]. */
  rnn_cell: (
    mode: RnnMode,
    input: Tensor,
    hx: unknown,
    wIh: Tensor,
    wHh: Tensor,
    bIh: Tensor | undefined,
    bHh: Tensor | undefined,
  ) => {
    const p: CellParams = { wIh, wHh, bIh: bIh ?? null, bHh: bHh ?? null };
    return cellStep(mode, inputProjection(input, p), js<Tensor[]>(hx), p);
  },
};
