// Multi-layer RNN, LSTM and GRU over a packed sequence (torch._VF.rnn_tanh / lstm / gru with batch_sizes, as
// PyTorch 1.13's PackedLayer and ReversedPackedLayer in aten/src/ATen/native/RNN.cpp run them on CPU): the
// packed data is [sum(batch_sizes), features], time step t holding the first batch_sizes[t] sequences
// (longest first). Per layer and direction the input projection covers all rows at once; forward, each step
// narrows the state to the sequences still running and keeps the finished rows aside (their final state);
// reverse, it starts from the shortest batch and widens the state with the initial rows of the sequences that
// join. Step outputs are concatenated (CatBackward0), so the output is packed data again.
import { pyError } from '../errors';
import { Node, isGradEnabled } from '../autograd';
import { Tensor, allocate, floats, isFloatDType } from '../tensor';
import { cat, stack } from '../ops/view';
import { narrow } from '../ops/indexing';
import { unbind } from '../ops/misc';
import { dropout } from './functional';
import { CellParams, CellState, RnnMode, cellStep, inputProjection } from './rnnCells';
import { RnnOptions, RnnResult, checkDtypes, groupParams, hasProjections } from './rnn';

const slice = (s: CellState, start: number, end: number): CellState => s.map((t) => narrow(t, 0, start, end - start));
const concat = (parts: CellState[]): CellState =>
  parts[0].map((_, k) =>
    cat(
      parts.map((p) => p[k]),
      0,
    ),
  );

/** PackedLayer: forward over the steps, finished sequences' rows set aside as their final state. */
function packedForward(mode: RnnMode, data: Tensor, sizes: readonly number[], start: CellState, p: CellParams) {
  const xw = inputProjection(data, p);
  const outputs: Tensor[] = [];
  const finished: CellState[] = [];
  let offset = 0;
  let last = sizes[0];
  let state = start;
  for (const size of sizes) {
    const step = narrow(xw, 0, offset, size);
    offset += size;
    if (last > size) {
      finished.push(slice(state, size, last));
      state = slice(state, 0, size);
    }
    last = size;
    state = cellStep(mode, step, state, p);
    outputs.push(state[0]);
  }
  finished.push(state);
  finished.reverse();
  return { output: cat(outputs, 0), final: concat(finished) };
}

/** ReversedPackedLayer: backward over the steps, the state widened as longer sequences join. */
function packedReverse(mode: RnnMode, data: Tensor, sizes: readonly number[], start: CellState, p: CellParams) {
  const xw = inputProjection(data, p);
  const outputs: Tensor[] = [];
  let offset = data.shape[0];
  let last = sizes[sizes.length - 1];
  let state = slice(start, 0, last);
  for (let i = sizes.length - 1; i >= 0; i--) {
    const size = sizes[i];
    if (size > last) state = concat([state, slice(start, last, size)]);
    const step = narrow(xw, 0, offset - size, size);
    offset -= size;
    last = size;
    state = cellStep(mode, step, state, p);
    outputs.push(state[0]);
  }
  outputs.reverse();
  return { output: cat(outputs, 0), final: state };
}

/**
 * @param data the packed rows, [sum(batchSizes), features]
 * @param batchSizes how many sequences run at each step (non-increasing)
 * @param hx [h0] or (LSTM) [h0, c0], each [layers * directions, batchSizes[0], hidden] (h0 of an LSTM with
 *   projections: proj_size features; its weights then end each layer-direction with weight_hr)
 */
export function rnnPacked(
  data: Tensor,
  batchSizes: readonly number[],
  hx: readonly Tensor[],
  weights: readonly Tensor[],
  o: RnnOptions,
): RnnResult {
  const params = groupParams(weights, o, hasProjections(o.mode, hx));
  checkDtypes(data, weights, false);
  const directions = o.bidirectional ? 2 : 1;
  if (params.length !== o.numLayers * directions) {
    throw pyError('RuntimeError', `expected ${o.numLayers * directions} sets of RNN weights, got ${params.length}`);
  }
  const starts = hx.map((t) => unbind(t, 0));
  let layerInput = data;
  const finals: CellState[] = [];
  for (let l = 0; l < o.numLayers; l++) {
    const outputs: Tensor[] = [];
    for (let d = 0; d < directions; d++) {
      const at = l * directions + d;
      const start = starts.map((s) => s[at]);
      const run = (d === 1 ? packedReverse : packedForward)(o.mode, layerInput, batchSizes, start, params[at]);
      outputs.push(run.output);
      finals.push(run.final);
    }
    layerInput = outputs.length === 1 ? outputs[0] : cat(outputs, 1);
    if (o.dropout !== 0 && o.training && l < o.numLayers - 1) layerInput = dropout(layerInput, o.dropout, true);
  }
  const hidden = hx.map((_, k) =>
    stack(
      finals.map((f) => f[k]),
      0,
    ),
  );
  return { output: layerInput, hidden };
}

/**
 * torch._VF._pack_padded_sequence: the rows of a padded [steps, batch, *] input (batch first: [batch, steps,
 * *]) that `lengths` (non-increasing) covers, step by step, and how many sequences each step holds. The
 * gradient puts each row back in its place, zeros in the padding (PackPaddedSequenceBackward0).
 */
export function packPaddedSequence(input: Tensor, lengths: readonly number[], batchFirst: boolean): [Tensor, Tensor] {
  if (input.numel() === 0) throw pyError('RuntimeError', 'Cannot pack empty tensors.');
  const [steps, batch] = batchFirst ? [input.shape[1], input.shape[0]] : [input.shape[0], input.shape[1]];
  if (lengths.length !== batch) {
    throw pyError(
      'RuntimeError',
      `Expected \`len(lengths)\` to be equal to batch_size, but got ${lengths.length} (batch_size=${batch})`,
    );
  }
  if (lengths[batch - 1] <= 0) {
    throw pyError(
      'RuntimeError',
      "Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0",
    );
  }
  for (let i = 1; i < batch; i++) {
    if (lengths[i] > lengths[i - 1]) {
      throw pyError(
        'RuntimeError',
        '`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can pass ' +
          '`enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep this requirement ' +
          'if you do not need ONNX exportability.',
      );
    }
  }
  if (lengths[0] > steps) {
    throw pyError('RuntimeError', `start (0) + length (${lengths[0]}) exceeds dimension size (${steps}).`);
  }
  const row = input.shape.slice(2).reduce((a, b) => a * b, 1);
  const sizes: number[] = [];
  for (let t = 0; t < lengths[0]; t++) sizes.push(lengths.filter((l) => l > t).length);
  const rows = sizes.reduce((a, b) => a + b, 0);
  const offs = new Int32Array(rows * row);
  let k = 0;
  sizes.forEach((size, t) => {
    for (let b = 0; b < size; b++) {
      const base = (batchFirst ? b * steps + t : t * batch + b) * row;
      for (let j = 0; j < row; j++) offs[k++] = base + j;
    }
  });
  const out = allocate(input.dtype, offs.length);
  for (let i = 0; i < offs.length; i++) out[i] = input.data[offs[i]];
  const shape = [rows, ...input.shape.slice(2)];
  const node =
    isFloatDType(input.dtype) && input.requiresGrad && isGradEnabled()
      ? new Node('PackPaddedSequenceBackward0', [input], (g) => {
          const r = floats(input.data.length);
          for (let i = 0; i < offs.length; i++) r[offs[i]] = g[i];
          return [r];
        })
      : null;
  const data = node ? Tensor.result(out as Float32Array, shape, node) : new Tensor(out, shape, input.dtype);
  return [data, new Tensor(Float64Array.from(sizes), [sizes.length], 'int64')];
}
