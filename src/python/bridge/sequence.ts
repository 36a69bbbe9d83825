// `_bl_engine` functions for sequence models: embedding lookups and the recurrent layers. Each converts
// Python's arguments (None, lists of tensors) and calls the engine, which computes the values and records
// their gradients.
import type { Tensor } from '../../engine/tensor';
import { embedding } from '../../engine/ops/embedding';
import { CellParams, RnnMode, cellStep, inputProjection, rnn } from '../../engine/nn/rnn';
import { js } from './convert';

export const sequence: Record<string, unknown> = {
  embedding: (weight: Tensor, indices: Tensor, paddingIdx: number | undefined, scaleGradByFreq: boolean) =>
    embedding(weight, indices, paddingIdx ?? null, !!scaleGradByFreq),
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
