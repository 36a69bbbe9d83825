// Part of src/protocol.ts (which re-exports everything here): the `paused` event with what each phase of a
// training step shows (predictions beside targets, how the loss was computed, the update's rule), and the
// `series` event of a file that trains several models or optimizers in turn. Kept apart only for size.
import type { ParamSnapshot, Phase, SourcePos, TensorRef } from './protocol';
// The engine names the rules its optimizers apply (a type only: nothing of the engine reaches a webview).
import type { UpdateRule } from './engine/optim/explain';

export interface PausedEvent {
  type: 'paused';
  runId: number;
  step: number;
  phase: Phase;
  pos: SourcePos | null;
  lrs: number[];
  params: ParamSnapshot[];
  before: Float32Array[] | null;
  series?: number;
  forward?: ForwardDetail;
  loss?: LossDetail;
  update?: UpdateDetail;
}

/** A tensor's name, shape and its first values (row-major, at most PHASE_VALUES of them). */
export interface TensorValues extends TensorRef {
  values: Float32Array;
}

/** Most values of a prediction/target tensor a phase pause carries. */
export const PHASE_VALUES = 256;

/** After forward: the model's output for the batch, and the targets the loss compares it with (when known). */
export interface ForwardDetail {
  prediction: TensorValues;
  target: TensorValues | null;
}

/**
 * How a loss was computed. `kind`: the loss function (`mse`, `l1`, `smooth_l1`, `huber`, `bce`,
 * `bce_logits`, `cross_entropy`, `nll`), or `graph` for a loss written by hand that is none of them (then
 * `ops` names the autograd nodes from the loss back, e.g. ['MeanBackward0', 'AbsBackward0', ...]).
 */
export interface LossDetail {
  value: number;
  kind: 'mse' | 'l1' | 'smooth_l1' | 'huber' | 'bce' | 'bce_logits' | 'cross_entropy' | 'nll' | 'graph';
  reduction: 'mean' | 'sum' | 'none' | null;
  /** Whether the loss was written out by hand (`((pred - y) ** 2).mean()`) rather than a library call. */
  handWritten: boolean;
  ops: string[];
}

/**
 * The rule an update applied. `rule`: plain SGD (lr x grad), SGD with momentum (lr x velocity, the
 * momentum buffer), Nesterov (lr x (grad + momentum x velocity)), Adam/AdamW (lr x m_hat / (sqrt(v_hat) +
 * eps)), RMSprop, Adagrad, Adadelta, Adamax, NAdam, RAdam, Rprop, ASGD, LBFGS, or `manual` (the learner's own code under no_grad: no rule is known).
 * `amounts[i]` is what the rule subtracted from parameter i, element by element (null where unknown), so
 * before - amount = after up to float32 rounding. `hyper`: lr, momentum, betas, eps, weight_decay, ...
 */
export interface UpdateDetail {
  optimizer: string;
  rule: UpdateRule | 'manual';
  hyper: Record<string, number>;
  amounts: (Float32Array | null)[] | null;
}

export interface SeriesEvent {
  type: 'series';
  runId: number;
  /** 0, 1, 2, ... in order of their first step. */
  index: number;
  firstStep: number;
  /** What distinguishes this series from the others: `lr=0.05`, `Tanh`, `no activation`, `w=-2`; else `run 2`. */
  label: string;
  /** The model's class (`Net`, `Sequential`, `Tensors` for plain tensors) and the optimizer's (null: by hand). */
  model: string;
  optimizer: string | null;
}
