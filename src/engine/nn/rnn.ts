// Multi-layer RNN, LSTM and GRU over a whole sequence (what torch._VF.rnn_tanh / rnn_relu / lstm / gru do
// for a dense CPU tensor in PyTorch 1.13, aten/src/ATen/native/RNN.cpp): per layer and direction the input
// projection is computed for all steps at once, the cell runs step by step, the step outputs are stacked
// (StackBackward0); a bidirectional layer runs the reverse direction over the reversed steps and concatenates
// both along the features; dropout (training only) falls between layers; h_n (and c_n) stack every layer's
// final state. The input is [seq, batch, features], or [batch, seq, features] with batchFirst; unbatched
// input is the Python module's business (it adds and removes the batch dimension). An LSTM whose h0 has
// fewer features than its c0 has projections (ATen's test): each layer-direction's weights end with
// weight_hr, and h, the output and the next layer's input have proj_size features.
import { pyError } from '../errors';
import { Tensor } from '../tensor';
import { cat, stack, transpose } from '../ops/view';
import { unbind } from '../ops/misc';
import { dtypeName } from '../ops/util';
import { dropout } from './functional';
import { CellParams, CellState, RnnMode, cellStep, gateCount, inputProjection } from './rnnCells';

export type { RnnMode, CellParams } from './rnnCells';
export { cellStep, inputProjection } from './rnnCells';

export interface RnnOptions {
  mode: RnnMode;
  /** Whether `weights` holds bias_ih and bias_hh after each weight pair. */
  hasBiases: boolean;
  numLayers: number;
  dropout: number;
  training: boolean;
  bidirectional: boolean;
  batchFirst: boolean;
}

export interface RnnResult {
  output: Tensor;
  /**
   * [h_n] for RNN and GRU, [h_n, c_n] for LSTM; each [layers * directions, batch, hidden] (h_n of an LSTM with
   * projections: [layers * directions, batch, proj_size]).
   */
  hidden: Tensor[];
}

/**
 * @param hx the initial state, [h0] or (LSTM) [h0, c0], each [layers * directions, batch, hidden] (h0 of an
 *   LSTM with projections: [layers * directions, batch, proj_size])
 * @param weights the module's flat weights in PyTorch's order (weight_ih_l0, weight_hh_l0, bias_ih_l0,
 *   bias_hh_l0, weight_hr_l0 with projections, then the _reverse ones, then layer 1, ...)
 */
export function rnn(input: Tensor, hx: readonly Tensor[], weights: readonly Tensor[], o: RnnOptions): RnnResult {
  const params = groupParams(weights, o, hasProjections(o.mode, hx));
  checkDtypes(input, weights, o.batchFirst);
  const directions = o.bidirectional ? 2 : 1;
  if (params.length !== o.numLayers * directions) {
    throw pyError('RuntimeError', `expected ${o.numLayers * directions} sets of RNN weights, got ${params.length}`);
  }
  // Per layer-direction initial states: hx.unbind(0) (and cx.unbind(0)).
  const starts = hx.map((t) => unbind(t, 0));
  let layerInput = o.batchFirst ? transpose(input, 0, 1) : input;
  if (layerInput.shape[0] === 0) throw pyError('RuntimeError', 'Expected sequence length to be larger than 0 in RNN');
  const finals: CellState[] = [];
  for (let l = 0; l < o.numLayers; l++) {
    const outputs: Tensor[] = [];
    for (let d = 0; d < directions; d++) {
      const at = l * directions + d;
      const run = runDirection(
        o.mode,
        layerInput,
        starts.map((s) => s[at]),
        params[at],
        d === 1,
      );
      outputs.push(run.output);
      finals.push(run.final);
    }
    layerInput = outputs.length === 1 ? outputs[0] : cat(outputs, outputs[0].ndim - 1);
    if (o.dropout !== 0 && o.training && l < o.numLayers - 1) layerInput = dropout(layerInput, o.dropout, true);
  }
  let output = layerInput;
  if (o.batchFirst) {
    output = transpose(output, 0, 1);
    // at::native's RNN/GRU path transposes back in place (TransposeBackward1); its LSTM path takes a
    // transposed view (TransposeBackward0), the name transpose gives already.
    if (output.gradFn && o.mode !== 'LSTM') (output.gradFn as { name: string }).name = 'TransposeBackward1';
  }
  const hidden = hx.map((_, k) =>
    stack(
      finals.map((f) => f[k]),
      0,
    ),
  );
  return { output, hidden };
}

/**
 * Input and weights of one dtype. ATen's message comes from the first product: addmm's when the (time-major)
 * input is contiguous, matmul's when batch_first made it a transposed view (size-1 dims keep it contiguous).
 */
export function checkDtypes(input: Tensor, weights: readonly Tensor[], batchFirst: boolean): void {
  const w = weights.find((t) => t.dtype !== input.dtype);
  if (!w) return;
  const strided = batchFirst && input.ndim === 3 && input.shape[0] > 1 && input.shape[1] > 1;
  throw pyError(
    'RuntimeError',
    strided
      ? `expected scalar type ${dtypeName(input.dtype)} but found ${dtypeName(w.dtype)}`
      : 'mat1 and mat2 must have the same dtype',
  );
}

/** One direction of one layer over the whole sequence: its stacked outputs and its final state. */
function runDirection(
  mode: RnnMode,
  input: Tensor,
  start: CellState,
  p: CellParams,
  reverse: boolean,
): { output: Tensor; final: CellState } {
  const steps = unbind(inputProjection(input, p), 0);
  if (reverse) steps.reverse();
  const outputs: Tensor[] = [];
  let state = start;
  for (const xw of steps) {
    state = cellStep(mode, xw, state, p);
    outputs.push(state[0]);
  }
  if (reverse) outputs.reverse();
  return { output: stack(outputs, 0), final: state };
}

/** ATen's test for an LSTM with projections: its h0 and c0 differ in their feature size. */
export function hasProjections(mode: RnnMode, hx: readonly Tensor[]): boolean {
  return mode === 'LSTM' && hx.length === 2 && hx[0].shape[2] !== hx[1].shape[2];
}

/** The flat weight list as one CellParams per layer and direction (weight_hr last in each, with projections). */
export function groupParams(weights: readonly Tensor[], o: RnnOptions, projections = false): CellParams[] {
  const per = (o.hasBiases ? 4 : 2) + (projections ? 1 : 0);
  if (weights.length % per !== 0) {
    throw pyError('RuntimeError', `got an incorrect number of RNN parameters (${weights.length})`);
  }
  const out: CellParams[] = [];
  const gates = gateCount(o.mode);
  for (let i = 0; i < weights.length; i += per) {
    const [wIh, wHh] = [weights[i], weights[i + 1]];
    const wHr = projections ? weights[i + per - 1] : null;
    // The gates stack hidden_size rows each; weight_hh reads h, which has proj_size features with projections.
    const hidden = wHr ? wHr.shape[1] : wHh.shape[1];
    const fits =
      wIh.ndim === 2 &&
      wHh.ndim === 2 &&
      wIh.shape[0] === gates * hidden &&
      wHh.shape[0] === wIh.shape[0] &&
      (wHr === null || (wHr.ndim === 2 && wHr.shape[0] === wHh.shape[1]));
    if (!fits) {
      const shapes = [wIh, wHh, ...(wHr ? [wHr] : [])].map((w) => `[${w.shape.join(', ')}]`);
      throw pyError('RuntimeError', `RNN weights have unexpected shapes ${shapes.join(' and ')}`);
    }
    out.push({ wIh, wHh, bIh: o.hasBiases ? weights[i + 2] : null, bHh: o.hasBiases ? weights[i + 3] : null, wHr });
  }
  return out;
}
