// Loss layers: Modules over the functional losses, holding `reduction` (and class weights as buffers, as
// PyTorch's _WeightedLoss does). Constructors take PyTorch's keyword arguments as one options object.
import { Tensor } from '../tensor';
import * as L from '../ops/loss';
import { Module } from './module';

export type Reduction = L.Reduction;

export interface LossOptions {
  reduction?: Reduction;
  /** Deprecated PyTorch arguments, mapped to `reduction` as _Reduction.legacy_get_string does. */
  size_average?: boolean | null;
  reduce?: boolean | null;
}

function reductionOf(o: LossOptions): Reduction {
  if ((o.size_average ?? null) !== null || (o.reduce ?? null) !== null) {
    const sizeAverage = o.size_average ?? true;
    const reduce = o.reduce ?? true;
    return sizeAverage && reduce ? 'mean' : reduce ? 'sum' : 'none';
  }
  return o.reduction ?? 'mean';
}

abstract class Loss extends Module {
  readonly reduction: Reduction;
  constructor(options: LossOptions = {}) {
    super();
    this.reduction = reductionOf(options);
  }
  abstract override forward(input: Tensor, target: Tensor): Tensor;
}

abstract class WeightedLoss extends Loss {
  declare weight: Tensor | null;
  constructor(options: LossOptions & { weight?: Tensor | null } = {}) {
    super(options);
    this.register_buffer('weight', options.weight ?? null);
  }
}

export class MSELoss extends Loss {
  override forward(input: Tensor, target: Tensor): Tensor {
    return L.mse_loss(input, target, this.reduction);
  }
}

export class L1Loss extends Loss {
  override forward(input: Tensor, target: Tensor): Tensor {
    return L.l1_loss(input, target, this.reduction);
  }
}

export class SmoothL1Loss extends Loss {
  readonly beta: number;
  constructor(options: LossOptions & { beta?: number } = {}) {
    super(options);
    this.beta = options.beta ?? 1.0;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return L.smooth_l1_loss(input, target, this.reduction, this.beta);
  }
}

export class HuberLoss extends Loss {
  readonly delta: number;
  constructor(options: LossOptions & { delta?: number } = {}) {
    super(options);
    this.delta = options.delta ?? 1.0;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return L.huber_loss(input, target, this.reduction, this.delta);
  }
}

export class BCELoss extends WeightedLoss {
  override forward(input: Tensor, target: Tensor): Tensor {
    return L.binary_cross_entropy(input, target, this.weight, this.reduction);
  }
}

export class BCEWithLogitsLoss extends Loss {
  declare weight: Tensor | null;
  declare pos_weight: Tensor | null;
  constructor(options: LossOptions & { weight?: Tensor | null; pos_weight?: Tensor | null } = {}) {
    super(options);
    this.register_buffer('weight', options.weight ?? null);
    this.register_buffer('pos_weight', options.pos_weight ?? null);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return L.binary_cross_entropy_with_logits(input, target, this.weight, this.reduction, this.pos_weight);
  }
}

export class CrossEntropyLoss extends WeightedLoss {
  readonly ignore_index: number;
  readonly label_smoothing: number;
  constructor(options: LossOptions & { weight?: Tensor | null; ignore_index?: number; label_smoothing?: number } = {}) {
    super(options);
    this.ignore_index = options.ignore_index ?? -100;
    this.label_smoothing = options.label_smoothing ?? 0.0;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return L.cross_entropy(input, target, this.weight, this.ignore_index, this.reduction, this.label_smoothing);
  }
}

export class NLLLoss extends WeightedLoss {
  readonly ignore_index: number;
  constructor(options: LossOptions & { weight?: Tensor | null; ignore_index?: number } = {}) {
    super(options);
    this.ignore_index = options.ignore_index ?? -100;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return L.nll_loss(input, target, this.weight, this.ignore_index, this.reduction);
  }
}
