// Activation layers: thin Modules over the functional activations, each with PyTorch's extra_repr text.
// `inplace` is accepted and printed as PyTorch does; the computation is always out of place (same values).
import { Tensor } from '../tensor';
import * as A from '../ops/activation';
import { Module, pyFloat } from './module';

/** A Python number as `'{}'.format(v)` prints it when the argument's default is an int (Softplus's beta). */
function pyNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : pyFloat(v);
}

export class ReLU extends Module {
  constructor(readonly inplace = false) {
    super();
  }
  override forward(input: Tensor): Tensor {
    return A.relu(input);
  }
  override extraRepr(): string {
    return this.inplace ? 'inplace=True' : '';
  }
}

export class Sigmoid extends Module {
  override forward(input: Tensor): Tensor {
    return A.sigmoid(input);
  }
}

export class Tanh extends Module {
  override forward(input: Tensor): Tensor {
    return A.tanh(input);
  }
}

export class LeakyReLU extends Module {
  constructor(
    readonly negative_slope = 0.01,
    readonly inplace = false,
  ) {
    super();
  }
  override forward(input: Tensor): Tensor {
    return A.leaky_relu(input, this.negative_slope);
  }
  override extraRepr(): string {
    return `negative_slope=${pyFloat(this.negative_slope)}${this.inplace ? ', inplace=True' : ''}`;
  }
}

export class ELU extends Module {
  constructor(
    readonly alpha = 1.0,
    readonly inplace = false,
  ) {
    super();
  }
  override forward(input: Tensor): Tensor {
    return A.elu(input, this.alpha);
  }
  override extraRepr(): string {
    return `alpha=${pyFloat(this.alpha)}${this.inplace ? ', inplace=True' : ''}`;
  }
}

export class GELU extends Module {
  constructor(readonly approximate: 'none' | 'tanh' = 'none') {
    super();
  }
  override forward(input: Tensor): Tensor {
    return A.gelu(input, this.approximate);
  }
  override extraRepr(): string {
    return `approximate='${this.approximate}'`;
  }
}

export class SiLU extends Module {
  constructor(readonly inplace = false) {
    super();
  }
  override forward(input: Tensor): Tensor {
    return A.silu(input);
  }
  override extraRepr(): string {
    return this.inplace ? 'inplace=True' : '';
  }
}

export class Softplus extends Module {
  constructor(
    readonly beta = 1,
    readonly threshold = 20,
  ) {
    super();
  }
  override forward(input: Tensor): Tensor {
    return A.softplus(input, this.beta, this.threshold);
  }
  override extraRepr(): string {
    return `beta=${pyNumber(this.beta)}, threshold=${pyNumber(this.threshold)}`;
  }
}

export class Softmax extends Module {
  constructor(readonly dim: number | null = null) {
    super();
  }
  override forward(input: Tensor): Tensor {
    return A.softmax(input, this.dim);
  }
  override extraRepr(): string {
    return `dim=${this.dim === null ? 'None' : this.dim}`;
  }
}

export class LogSoftmax extends Module {
  constructor(readonly dim: number | null = null) {
    super();
  }
  override forward(input: Tensor): Tensor {
    return A.log_softmax(input, this.dim);
  }
  override extraRepr(): string {
    return `dim=${this.dim === null ? 'None' : this.dim}`;
  }
}
