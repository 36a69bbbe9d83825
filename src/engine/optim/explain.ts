// What an optimizer step did to one parameter, as the optimizer's own rule states it: for SGD `lr x grad`,
// with momentum `lr x velocity` (the momentum buffer), for Adam `lr x m_hat / (sqrt(v_hat) + eps)`, plus
// weight decay. Computed after the step from the gradient, the values before the step and the state the
// step left (the buffers it used), so that a learner can check `before - amount = after` element by element
// (up to float32 rounding). Used by the runtime's update pauses; the math of the update itself stays in the
// optimizer classes.
import type { Tensor } from '../tensor';
import type { Optimizer, ParamGroup, ParamState } from './optimizer';

export type UpdateRule =
  | 'sgd'
  | 'momentum'
  | 'nesterov'
  | 'adam'
  | 'adamw'
  | 'rmsprop'
  | 'adagrad'
  | 'adadelta'
  | 'adamax'
  | 'nadam'
  | 'radam'
  | 'rprop'
  | 'asgd'
  | 'lbfgs'
  | 'other';

export interface StepExplanation {
  rule: UpdateRule;
  /** The group's numbers the rule uses: lr, momentum, dampening, beta1, beta2, eps, weight_decay, step. */
  hyper: Record<string, number>;
  /** What the rule subtracted from each element; null when the rule is not one of the above. */
  amount: Float32Array | null;
}

function groupOf(optimizer: Optimizer<any>, p: Tensor): ParamGroup | null {
  for (const g of optimizer.param_groups) if (g.params.includes(p)) return g;
  return null;
}

function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' ? v : fallback;
}

function buf(state: ParamState | undefined, key: string, n: number): Float32Array | null {
  const b = state?.[key];
  return b instanceof Float32Array && b.length === n ? b : null;
}

/** The gradient the rule used: grad (negated when maximizing) plus weight_decay x the value before. */
function effectiveGrad(g: Float32Array, before: Float32Array, group: ParamGroup, coupledDecay: boolean): Float32Array {
  const sign = group.maximize ? -1 : 1;
  const wd = coupledDecay ? num(group.weight_decay) : 0;
  const out = new Float32Array(g.length);
  for (let i = 0; i < g.length; i++) out[i] = sign * g[i] + wd * before[i];
  return out;
}

function explainSgd(group: ParamGroup, state: ParamState | undefined, d: Float32Array): StepExplanation {
  const lr = group.lr;
  const momentum = num(group.momentum);
  const hyper = { lr, momentum, dampening: num(group.dampening), weight_decay: num(group.weight_decay) };
  const amount = new Float32Array(d.length);
  if (momentum === 0) {
    for (let i = 0; i < d.length; i++) amount[i] = lr * d[i];
    return { rule: 'sgd', hyper, amount };
  }
  const velocity = buf(state, 'momentum_buffer', d.length);
  if (!velocity) return { rule: 'other', hyper, amount: null };
  const nesterov = group.nesterov === true;
  for (let i = 0; i < d.length; i++) amount[i] = lr * (nesterov ? d[i] + momentum * velocity[i] : velocity[i]);
  return { rule: nesterov ? 'nesterov' : 'momentum', hyper, amount };
}

function explainAdam(
  group: ParamGroup,
  state: ParamState | undefined,
  before: Float32Array,
  decoupled: boolean,
): StepExplanation {
  const [beta1, beta2] = (group.betas as [number, number] | undefined) ?? [0.9, 0.999];
  const step = num(state?.step);
  const hyper = { lr: group.lr, beta1, beta2, eps: num(group.eps), weight_decay: num(group.weight_decay), step };
  const n = before.length;
  const m = buf(state, 'exp_avg', n);
  const v = group.amsgrad ? buf(state, 'max_exp_avg_sq', n) : buf(state, 'exp_avg_sq', n);
  if (!m || !v || step === 0) return { rule: 'other', hyper, amount: null };
  const bc1 = 1 - beta1 ** step;
  const bc2 = 1 - beta2 ** step;
  const decay = decoupled ? group.lr * hyper.weight_decay : 0;
  const amount = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const mHat = m[i] / bc1;
    const vHat = v[i] / bc2;
    amount[i] = decay * before[i] + (group.lr * mHat) / (Math.sqrt(vHat) + hyper.eps);
  }
  return { rule: decoupled ? 'adamw' : 'adam', hyper, amount };
}

function explainRmsprop(group: ParamGroup, state: ParamState | undefined, d: Float32Array): StepExplanation {
  const momentum = num(group.momentum);
  const hyper = {
    lr: group.lr,
    alpha: num(group.alpha),
    eps: num(group.eps),
    momentum,
    weight_decay: num(group.weight_decay),
  };
  const n = d.length;
  const sq = buf(state, 'square_avg', n);
  if (!sq || group.centered) return { rule: 'other', hyper, amount: null };
  const amount = new Float32Array(n);
  const velocity = momentum > 0 ? buf(state, 'momentum_buffer', n) : null;
  if (momentum > 0 && !velocity) return { rule: 'other', hyper, amount: null };
  for (let i = 0; i < n; i++)
    amount[i] = velocity ? group.lr * velocity[i] : (group.lr * d[i]) / (Math.sqrt(sq[i]) + hyper.eps);
  return { rule: 'rmsprop', hyper, amount };
}

function explainAdagrad(group: ParamGroup, state: ParamState | undefined, d: Float32Array): StepExplanation {
  const step = num(state?.step);
  const lrDecay = num(group.lr_decay);
  const hyper = { lr: group.lr, lr_decay: lrDecay, eps: num(group.eps), weight_decay: num(group.weight_decay), step };
  const sum = buf(state, 'sum', d.length);
  if (!sum || step === 0) return { rule: 'other', hyper, amount: null };
  const clr = group.lr / (1 + (step - 1) * lrDecay);
  const amount = new Float32Array(d.length);
  for (let i = 0; i < d.length; i++) amount[i] = (clr * d[i]) / (Math.sqrt(sum[i]) + hyper.eps);
  return { rule: 'adagrad', hyper, amount };
}

/**
 * The rules whose amount the state cannot give back exactly (Adadelta's delta uses the accumulator before the
 * step, NAdam and RAdam mix several terms, Rprop and LBFGS move by step sizes and directions): the amount is
 * then what the step changed, `before - after`, with the rule's numbers beside it.
 */
const BY_CHANGE: Record<string, { rule: UpdateRule; keys: string[] }> = {
  Adadelta: { rule: 'adadelta', keys: ['lr', 'rho', 'eps', 'weight_decay'] },
  Adamax: { rule: 'adamax', keys: ['lr', 'betas', 'eps', 'weight_decay'] },
  NAdam: { rule: 'nadam', keys: ['lr', 'betas', 'eps', 'weight_decay', 'momentum_decay'] },
  RAdam: { rule: 'radam', keys: ['lr', 'betas', 'eps', 'weight_decay'] },
  Rprop: { rule: 'rprop', keys: ['lr', 'etas', 'step_sizes'] },
  ASGD: { rule: 'asgd', keys: ['lr', 'lambd', 'alpha', 't0', 'weight_decay'] },
  LBFGS: { rule: 'lbfgs', keys: ['lr', 'max_iter', 'history_size'] },
};

function explainByChange(
  name: string,
  group: ParamGroup,
  state: ParamState | undefined,
  p: Tensor,
  before: Float32Array,
): StepExplanation | null {
  const known = BY_CHANGE[name];
  if (!known) return null;
  const hyper: Record<string, number> = {};
  for (const key of known.keys) {
    const v = (group as Record<string, unknown>)[key];
    if (typeof v === 'number') hyper[key] = v;
    else if (Array.isArray(v)) v.forEach((x, i) => typeof x === 'number' && (hyper[`${key}[${i}]`] = x));
  }
  if (typeof state?.step === 'number') hyper.step = state.step;
  const after = p.data;
  if (after.length !== before.length) return { rule: 'other', hyper, amount: null };
  const amount = new Float32Array(before.length);
  for (let i = 0; i < before.length; i++) amount[i] = before[i] - after[i];
  return { rule: known.rule, hyper, amount };
}

/**
 * The step `optimizer` just took on `p`, whose values were `before` and gradient `grad` (the one the step
 * used). Call right after `optimizer.step()`, before anything else changes the state.
 */
export function explainStep(optimizer: Optimizer<any>, p: Tensor, before: Float32Array): StepExplanation {
  const group = groupOf(optimizer, p);
  const grad = p.grad?.data;
  if (!group || !(grad instanceof Float32Array) || grad.length !== before.length)
    return { rule: 'other', hyper: {}, amount: null };
  const state = optimizer.state.get(p);
  switch (optimizer.name) {
    case 'SGD':
      return explainSgd(group, state, effectiveGrad(grad, before, group, true));
    case 'Adam':
      return explainAdam(group, state, before, false);
    case 'AdamW':
      return explainAdam(group, state, before, true);
    case 'RMSprop':
      return explainRmsprop(group, state, effectiveGrad(grad, before, group, true));
    case 'Adagrad':
      return explainAdagrad(group, state, effectiveGrad(grad, before, group, true));
    default:
      return (
        explainByChange(optimizer.name, group, state, p, before) ?? {
          rule: 'other',
          hyper: { lr: group.lr },
          amount: null,
        }
      );
  }
}
