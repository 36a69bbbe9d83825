// How the phase pauses read in words: a loss's computation ("mean of squared differences"), an update's
// rule ("lr x m_hat / (sqrt(v_hat) + eps)"), an element's index ("weight[2, 1]"), and numbers with enough
// digits that a small update is not shown as none. Shared code: the panel's phase strip and paused table
// use it, and tests check it without a browser.
import type { LossDetail, PausedEvent, UpdateDetail } from '../protocol';
import { fmt, type StringKey, type Strings } from './strings';

const LOSS_TERMS: Record<Exclude<LossDetail['kind'], 'graph'>, StringKey> = {
  mse: 'lossTermMse',
  l1: 'lossTermL1',
  smooth_l1: 'lossTermSmoothL1',
  huber: 'lossTermHuber',
  bce: 'lossTermBce',
  bce_logits: 'lossTermBceLogits',
  cross_entropy: 'lossTermCrossEntropy',
  nll: 'lossTermNll',
};

/** "mean of squared differences", "sum of absolute differences (written by hand)", "computed by your code: ...". */
export function lossHow(s: Strings, loss: LossDetail): string {
  let text: string;
  if (loss.kind === 'graph') text = fmt(s.lossGraph, loss.ops.join(' ← '));
  else {
    const term = s[LOSS_TERMS[loss.kind]];
    const r = loss.reduction ?? 'mean';
    text = fmt(r === 'sum' ? s.lossOfSum : r === 'none' ? s.lossOfNone : s.lossOfMean, term);
  }
  return loss.handWritten && loss.kind !== 'graph' ? fmt(s.lossHandWritten, text) : text;
}

/**
 * A hand-written update's learning rate, read off the pause: the one factor r with after - before = -r x grad
 * for every element (to float32 precision), or null when the update is not of that form.
 */
export function impliedRate(paused: PausedEvent): number | null {
  let rate: number | null = null;
  for (let i = 0; i < paused.params.length; i++) {
    const p = paused.params[i];
    const before = paused.before?.[i];
    if (!before || !p.grad) return null;
    for (let k = 0; k < p.value.length; k++) {
      const g = p.grad[k];
      const change = before[k] - p.value[k];
      if (Math.abs(g) < 1e-12) continue;
      const r = change / g;
      if (rate === null) rate = r;
      else if (Math.abs(r - rate) > 1e-3 * Math.abs(rate) + 1e-6 * (Math.abs(before[k]) / Math.abs(g))) return null;
    }
  }
  return rate === null || rate === 0 ? null : Number(rate.toPrecision(4));
}

/** The rule's formula, the column header of what it subtracted (the update table). */
export function ruleFormula(s: Strings, update: UpdateDetail, line: number | null, rate: number | null = null): string {
  const decay = (update.hyper.weight_decay ?? 0) !== 0;
  switch (update.rule) {
    case 'sgd':
      return decay ? s.ruleSgdDecay : s.ruleSgd;
    case 'momentum':
      return s.ruleMomentum;
    case 'nesterov':
      return s.ruleNesterov;
    case 'adam':
      return s.ruleAdam;
    case 'adamw':
      return s.ruleAdamw;
    case 'rmsprop':
      return s.ruleRmsprop;
    case 'adagrad':
      return s.ruleAdagrad;
    case 'adadelta':
      return s.ruleAdadelta;
    case 'adamax':
      return s.ruleAdamax;
    case 'nadam':
      return s.ruleNadam;
    case 'radam':
      return s.ruleRadam;
    case 'rprop':
      return s.ruleRprop;
    case 'asgd':
      return s.ruleAsgd;
    case 'lbfgs':
      return s.ruleLbfgs;
    case 'manual':
      return rate === null ? fmt(s.ruleManual, line ?? '?') : fmt(s.ruleManualRate, line ?? '?', formatPrecise(rate));
    default:
      return s.ruleOther;
  }
}

/** The rule's numbers and what its symbols mean: "lr = 0.1, momentum = 0.9; velocity = ...". */
export function ruleDetails(s: Strings, update: UpdateDetail): string {
  const numbers = Object.entries(update.hyper)
    .filter(([k, v]) => k !== 'step' && !(k !== 'lr' && v === 0))
    .map(([k, v]) => `${k} = ${formatPrecise(v)}`)
    .join(', ');
  const help =
    update.rule === 'momentum' || update.rule === 'nesterov'
      ? fmt(s.ruleMomentumHelp, formatPrecise(update.hyper.momentum ?? 0))
      : ['adam', 'adamw', 'nadam', 'radam'].includes(update.rule)
        ? fmt(s.ruleAdamHelp, update.hyper.step ?? 0)
        : '';
  return [update.optimizer ? `${update.optimizer}: ${numbers}` : numbers, help].filter(Boolean).join('. ');
}

/** `weight[2, 1]` for element `flat` of a tensor of `shape` (row-major); `w` for a scalar. */
export function elementName(name: string, shape: readonly number[], flat: number): string {
  if (shape.length === 0) return name;
  const index: number[] = [];
  let rest = flat;
  for (let d = shape.length - 1; d >= 0; d--) {
    index.unshift(rest % shape[d]);
    rest = Math.floor(rest / shape[d]);
  }
  return `${name}[${index.join(', ')}]`;
}

/** A float32 value with all the digits it has (7 significant), so that a tiny update still shows. */
export function formatPrecise(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-4 || a >= 1e7) return v.toExponential(6).replace(/\.?0+e/, 'e');
  return String(Number(v.toPrecision(7)));
}

/** A difference of two float32 values, with 4 significant digits (exponent form when small). */
export function formatChange(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const text = a < 1e-3 || a >= 1e5 ? v.toExponential(3) : String(Number(v.toPrecision(4)));
  return v > 0 ? `+${text}` : text;
}
