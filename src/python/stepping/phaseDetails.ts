// What each phase pause shows beyond the parameters: after forward the model's predictions beside the
// targets, after the loss its value and how it was computed (from the loss function and its reduction, or
// read off the autograd graph of a loss written by hand), after an update the rule the optimizer applied.
import type { Tensor } from '../../engine/tensor';
import type { Optimizer } from '../../engine/optim';
import { explainStep } from '../../engine/optim/explain';
import {
  PHASE_VALUES,
  type ForwardDetail,
  type LossDetail,
  type TensorValues,
  type UpdateDetail,
} from '../../protocol';
import { findComparison } from '../concepts/graphWalk';
import type { NamedTensor } from './stepMetrics';

export function tensorValues(t: Tensor, name: string | null): TensorValues {
  const n = Math.min(PHASE_VALUES, t.data.length);
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) values[i] = Number(t.data[i]);
  return { name, shape: t.shape.slice(), values };
}

export function forwardDetail(
  prediction: Tensor,
  target: Tensor | null,
  names: (ts: Tensor[]) => (string | null)[],
): ForwardDetail {
  const [pn, tn] = names(target ? [prediction, target] : [prediction]);
  return { prediction: tensorValues(prediction, pn ?? null), target: target ? tensorValues(target, tn ?? null) : null };
}

/** The model's output and the target of a loss's graph (for a loss written by hand), or null. */
export function comparisonOf(root: Tensor): { prediction: Tensor; target: Tensor } | null {
  const cmp = findComparison({ root, order: [], params: [] });
  return cmp ? { prediction: cmp.prediction, target: cmp.target } : null;
}

const LOSS_KINDS: Record<string, LossDetail['kind']> = {
  mse_loss: 'mse',
  l1_loss: 'l1',
  smooth_l1_loss: 'smooth_l1',
  huber_loss: 'huber',
  binary_cross_entropy: 'bce',
  binary_cross_entropy_with_logits: 'bce_logits',
  cross_entropy: 'cross_entropy',
  nll_loss: 'nll',
};

/** The bridge's loss functions that a loss pause describes. */
export const LOSS_FUNCTIONS = Object.keys(LOSS_KINDS);

function reductionOf(r: string | null): LossDetail['reduction'] {
  return r === 'mean' || r === 'sum' || r === 'none' ? r : null;
}

export function libraryLoss(fn: string, reduction: string | null, loss: Tensor): LossDetail {
  return {
    value: Number(loss.data[0]),
    kind: LOSS_KINDS[fn] ?? 'graph',
    reduction: reductionOf(reduction),
    handWritten: false,
    ops: [],
  };
}

/** Whether node `t` squares its input: `d ** 2` (PowBackward0 whose values are the squares) or `d * d`. */
function squares(t: Tensor): boolean {
  const node = t.gradFn;
  const input = node?.inputs[0];
  if (!node || !input) return false;
  if (node.name === 'MulBackward0') return node.inputs[0] === node.inputs[1];
  if (node.name !== 'PowBackward0' || input.data.length !== t.data.length) return false;
  const n = Math.min(8, t.data.length);
  for (let i = 0; i < n; i++) {
    const x = Number(input.data[i]);
    if (Math.abs(Number(t.data[i]) - x * x) > 1e-5 * Math.max(1, x * x)) return false;
  }
  return true;
}

/**
 * A loss written out: `((pred - y) ** 2).mean()` is recognised as the mean of squared differences (and
 * `.sum()`, `abs()` likewise); anything else is named by its autograd nodes from the loss back.
 */
export function handWrittenLoss(root: Tensor): LossDetail {
  const value = Number(root.data[0]);
  const ops: string[] = [];
  for (let t: Tensor | null = root; t?.gradFn && ops.length < 6;) {
    ops.push(t.gradFn.name);
    t = t.gradFn.inputs.find((i) => i?.requiresGrad) ?? null;
  }
  const reduceNode = root.gradFn;
  const inner = reduceNode?.inputs[0];
  const reduction = reduceNode?.name === 'MeanBackward0' ? 'mean' : reduceNode?.name === 'SumBackward0' ? 'sum' : null;
  const diff = inner?.gradFn?.inputs[0];
  const isDiff = diff?.gradFn?.name === 'SubBackward0';
  if (reduction && inner && isDiff) {
    if (squares(inner)) return { value, kind: 'mse', reduction, handWritten: true, ops };
    if (inner.gradFn?.name === 'AbsBackward0') return { value, kind: 'l1', reduction, handWritten: true, ops };
  }
  return { value, kind: 'graph', reduction, handWritten: true, ops };
}

/** An optimizer step's rule and amounts, from the values before it (`before[i]` of `params[i]`). */
export function optimizerUpdate(
  optimizer: Optimizer<any>,
  params: readonly NamedTensor[],
  before: readonly Float32Array[] | null,
): UpdateDetail {
  let rule: UpdateDetail['rule'] = 'other';
  let hyper: Record<string, number> = { lr: optimizer.param_groups[0]?.lr ?? NaN };
  const amounts = params.map((p, i) => {
    const b = before?.[i];
    if (!b) return null;
    const e = explainStep(optimizer, p.tensor, b);
    if (e.amount) {
      rule = e.rule;
      hyper = e.hyper;
    }
    return e.amount;
  });
  return { optimizer: optimizer.name, rule, hyper, amounts: before ? amounts : null };
}

export function manualUpdate(): UpdateDetail {
  return { optimizer: '', rule: 'manual', hyper: {}, amounts: null };
}
