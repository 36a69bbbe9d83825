// nn.Embedding, nn.RNN, nn.LSTM and nn.GRU for the engine's TypeScript API (benchmarks, tests): the same
// parameters, names, order and initialisation as PyTorch 1.13 (Embedding: N(0, 1) with the padding row
// zeroed; the recurrent layers: every parameter U(-1/sqrt(hidden), 1/sqrt(hidden)) in registration order,
// an LSTM's weight_hr after each layer-direction's biases), so after manual_seed they hold PyTorch's
// numbers. The Python package has its own modules with PyTorch's Python behaviour; both call the same
// engine functions.
import { pyError } from '../errors';
import { Tensor } from '../tensor';
import { noGrad } from '../autograd';
import { normal_, uniform_ } from '../init';
import { embedding } from '../ops/embedding';
import { zeros } from '../ops/create';
import { RnnMode, rnn } from './rnn';
import { Module } from './module';
import { Parameter, emptyParameter } from './parameter';

export class Embedding extends Module {
  declare weight: Parameter;

  constructor(
    readonly num_embeddings: number,
    readonly embedding_dim: number,
    readonly padding_idx: number | null = null,
  ) {
    super();
    if (padding_idx !== null && padding_idx < 0) this.padding_idx = num_embeddings + padding_idx;
    this.register_parameter('weight', emptyParameter([num_embeddings, embedding_dim]));
    normal_(this.weight);
    const row = this.padding_idx;
    if (row !== null) noGrad(() => this.weight.data.fill(0, row * embedding_dim, (row + 1) * embedding_dim));
  }

  override forward(indices: Tensor): Tensor {
    return embedding(this.weight, indices, this.padding_idx);
  }

  override extraRepr(): string {
    const pad = this.padding_idx === null ? '' : `, padding_idx=${this.padding_idx}`;
    return `${this.num_embeddings}, ${this.embedding_dim}${pad}`;
  }
}

export interface RecurrentOptions {
  numLayers?: number;
  bias?: boolean;
  batchFirst?: boolean;
  dropout?: number;
  bidirectional?: boolean;
  /** LSTM only: project each hidden state to this many features (0: no projections). */
  projSize?: number;
}

/** nn.RNNBase's checks of proj_size, with PyTorch's messages. */
function checkProjSize(mode: RnnMode, projSize: number, hiddenSize: number): void {
  if (projSize !== 0 && mode !== 'LSTM') {
    throw pyError('ValueError', 'proj_size argument is only supported for LSTM, not RNN or GRU');
  }
  if (projSize < 0)
    throw pyError('ValueError', 'proj_size should be a positive integer or zero to disable projections');
  if (projSize >= hiddenSize) throw pyError('ValueError', 'proj_size has to be smaller than hidden_size');
}

/** What RNN, LSTM and GRU share: their parameters and the call into the engine's rnn(). */
class RecurrentBase extends Module {
  readonly num_layers: number;
  readonly bias: boolean;
  readonly batch_first: boolean;
  readonly dropout: number;
  readonly bidirectional: boolean;
  readonly proj_size: number;
  readonly flatWeightNames: string[] = [];

  constructor(
    readonly mode: RnnMode,
    readonly input_size: number,
    readonly hidden_size: number,
    o: RecurrentOptions,
  ) {
    super();
    this.num_layers = o.numLayers ?? 1;
    this.bias = o.bias ?? true;
    this.batch_first = o.batchFirst ?? false;
    this.dropout = o.dropout ?? 0;
    this.bidirectional = o.bidirectional ?? false;
    this.proj_size = o.projSize ?? 0;
    checkProjSize(mode, this.proj_size, hidden_size);
    const gates = (mode === 'LSTM' ? 4 : mode === 'GRU' ? 3 : 1) * hidden_size;
    const dirs = this.bidirectional ? 2 : 1;
    // What h (and so the output and the next layer's input) holds per direction.
    const real = this.proj_size > 0 ? this.proj_size : hidden_size;
    for (let l = 0; l < this.num_layers; l++) {
      for (let d = 0; d < dirs; d++) {
        const suffix = `_l${l}${d === 1 ? '_reverse' : ''}`;
        const shapes: [string, number[]][] = [
          ['weight_ih', [gates, l === 0 ? input_size : real * dirs]],
          ['weight_hh', [gates, real]],
        ];
        if (this.bias) shapes.push(['bias_ih', [gates]], ['bias_hh', [gates]]);
        if (this.proj_size > 0) shapes.push(['weight_hr', [this.proj_size, hidden_size]]);
        for (const [name, shape] of shapes) {
          this.register_parameter(name + suffix, emptyParameter(shape));
          this.flatWeightNames.push(name + suffix);
        }
      }
    }
    const stdv = hidden_size > 0 ? 1 / Math.sqrt(hidden_size) : 0;
    for (const p of this.parameters()) uniform_(p, -stdv, stdv);
  }

  /** The whole sequence: [output, h_n] or (LSTM) [output, h_n, c_n]; zero initial states when none given. */
  protected run(input: Tensor, states: Tensor[] | null): Tensor[] {
    const count = this.mode === 'LSTM' ? 2 : 1;
    const batch = input.shape[this.batch_first ? 0 : 1];
    const layers = this.num_layers * (this.bidirectional ? 2 : 1);
    // h0 has proj_size features with projections, c0 always hidden_size.
    const size = (k: number) => (k === 0 && this.proj_size > 0 ? this.proj_size : this.hidden_size);
    const hx =
      states ?? Array.from({ length: count }, (_, k) => zeros([layers, batch, size(k)], { dtype: input.dtype }));
    const params = this as unknown as Record<string, Tensor>;
    const r = rnn(
      input,
      hx,
      this.flatWeightNames.map((n) => params[n]),
      {
        mode: this.mode,
        hasBiases: this.bias,
        numLayers: this.num_layers,
        dropout: this.dropout,
        training: this.training,
        bidirectional: this.bidirectional,
        batchFirst: this.batch_first,
      },
    );
    return [r.output, ...r.hidden];
  }

  override extraRepr(): string {
    let s = `${this.input_size}, ${this.hidden_size}`;
    if (this.proj_size !== 0) s += `, proj_size=${this.proj_size}`;
    if (this.num_layers !== 1) s += `, num_layers=${this.num_layers}`;
    if (!this.bias) s += ', bias=False';
    if (this.batch_first) s += ', batch_first=True';
    if (this.dropout !== 0) s += `, dropout=${this.dropout}`;
    if (this.bidirectional) s += ', bidirectional=True';
    return s;
  }
}

export class RNN extends RecurrentBase {
  constructor(inputSize: number, hiddenSize: number, o: RecurrentOptions & { nonlinearity?: 'tanh' | 'relu' } = {}) {
    super(o.nonlinearity === 'relu' ? 'RNN_RELU' : 'RNN_TANH', inputSize, hiddenSize, o);
  }

  override forward(input: Tensor, h0: Tensor | null = null): [Tensor, Tensor] {
    const [output, h] = this.run(input, h0 ? [h0] : null);
    return [output, h];
  }
}

export class GRU extends RecurrentBase {
  constructor(inputSize: number, hiddenSize: number, o: RecurrentOptions = {}) {
    super('GRU', inputSize, hiddenSize, o);
  }

  override forward(input: Tensor, h0: Tensor | null = null): [Tensor, Tensor] {
    const [output, h] = this.run(input, h0 ? [h0] : null);
    return [output, h];
  }
}

export class LSTM extends RecurrentBase {
  constructor(inputSize: number, hiddenSize: number, o: RecurrentOptions = {}) {
    super('LSTM', inputSize, hiddenSize, o);
  }

  override forward(input: Tensor, state: [Tensor, Tensor] | null = null): [Tensor, [Tensor, Tensor]] {
    const [output, h, c] = this.run(input, state ? [state[0], state[1]] : null);
    return [output, [h, c]];
  }
}
