// Learning-rate schedulers as in PyTorch 1.13 (torch/optim/lr_scheduler.py). Each keeps `last_epoch` and,
// on `step()`, writes new values into `optimizer.param_groups[i].lr`. The recursive forms (each lr computed
// from the group's current lr) are PyTorch's own, so the float64 values match what PyTorch produces.
import { pyError } from './errors';
import { cos, pow } from './pymath';
import type { Optimizer } from './optim/optimizer';

/** Where `verbose` schedulers print (the runtime routes it to the script's stdout). */
export const schedulerOutput: { print: (line: string) => void } = { print: (line) => console.log(line) };

/** Python's `'{:.4e}'.format(x)`. */
export function fmtE4(x: number): string {
  const [mant, exp] = x.toExponential(4).split('e');
  const e = Number(exp);
  return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** How PyTorch's print_lr shows an explicit epoch: `"%.5d"` for an int (00003), `"%.2f"` for a float. */
export function epochText(epoch: number): string {
  if (!Number.isInteger(epoch)) return epoch.toFixed(2);
  return (epoch < 0 ? '-' : '') + String(Math.abs(epoch)).padStart(5, '0');
}

/** Python's `%`: the result takes the sign of the divisor. */
export function pyMod(a: number, m: number): number {
  return ((a % m) + m) % m;
}

export abstract class LRScheduler {
  readonly optimizer: Optimizer<any>;
  base_lrs: number[];
  last_epoch: number;
  verbose: boolean;
  _step_count = 0;
  protected _last_lr: number[] = [];

  constructor(optimizer: Optimizer<any>, last_epoch = -1, verbose = false) {
    this.optimizer = optimizer;
    if (last_epoch === -1) {
      for (const group of optimizer.param_groups) if (group.initial_lr === undefined) group.initial_lr = group.lr;
    } else {
      optimizer.param_groups.forEach((group, i) => {
        if (group.initial_lr === undefined) {
          throw pyError(
            'KeyError',
            `param 'initial_lr' is not specified in param_groups[${i}] when resuming an optimizer`,
          );
        }
      });
    }
    this.base_lrs = optimizer.param_groups.map((g) => g.initial_lr as number);
    this.last_epoch = last_epoch;
    this.verbose = verbose;
  }

  /**
   * PyTorch's `_initial_step`: subclasses call it at the end of their constructor (fields are set by then);
   * SequentialLR calls it again on its first scheduler.
   */
  initialStep(): void {
    this.optimizer._step_count = 0;
    this._step_count = 0;
    this.step();
  }

  /** The lrs for the current `last_epoch`, from the groups' current lrs (the recursive form). */
  abstract get_lr(): number[];

  /** The closed form, used when `step(epoch)` jumps to an explicit epoch; defaults to get_lr. */
  protected closedFormLr(): number[] {
    return this.get_lr();
  }

  get_last_lr(): number[] {
    return this._last_lr.slice();
  }

  step(epoch?: number): void {
    this._step_count++;
    let values: number[];
    if (epoch === undefined) {
      this.last_epoch++;
      values = this.get_lr();
    } else {
      this.last_epoch = epoch;
      values = this.closedFormLr();
    }
    this.optimizer.param_groups.forEach((group, i) => {
      group.lr = values[i];
      if (this.verbose) {
        schedulerOutput.print(
          epoch === undefined
            ? `Adjusting learning rate of group ${i} to ${fmtE4(values[i])}.`
            : `Epoch ${epochText(epoch)}: adjusting learning rate of group ${i} to ${fmtE4(values[i])}.`,
        );
      }
    });
    this._last_lr = this.optimizer.param_groups.map((g) => g.lr);
  }

  /**
   * Every field but the optimizer, in the order PyTorch's `__dict__` has them: the subclass's own fields (set
   * before the base constructor runs there), then the base's, with 1.13's `_get_lr_called_within_step`.
   */
  state_dict(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const base = ['base_lrs', 'last_epoch', 'verbose', '_step_count', '_last_lr'];
    const skip = ['optimizer', '_get_lr_called_within_step'];
    const entries = Object.entries(this).filter(([k, v]) => !skip.includes(k) && typeof v !== 'function');
    for (const [k, v] of entries) if (!base.includes(k)) out[k] = v;
    const own = Object.fromEntries(entries);
    for (const k of base) {
      if (k === '_last_lr') out._get_lr_called_within_step = false;
      if (k in own) out[k] = own[k];
    }
    return out;
  }

  load_state_dict(state: Record<string, unknown>): void {
    Object.assign(this, state);
  }

  protected groupLrs(): number[] {
    return this.optimizer.param_groups.map((g) => g.lr);
  }
}

/** PyTorch 1.13's name for the base class. */
export { LRScheduler as _LRScheduler };

type LrLambda = (epoch: number) => number;

/** LambdaLR and MultiplicativeLR take one function for every group or a list with one per group. */
function lambdaPerGroup(optimizer: Optimizer<any>, lr_lambda: LrLambda | LrLambda[]): LrLambda[] {
  const n = optimizer.param_groups.length;
  if (!Array.isArray(lr_lambda)) return new Array(n).fill(lr_lambda);
  if (lr_lambda.length !== n) throw pyError('ValueError', `Expected ${n} lr_lambdas, but got ${lr_lambda.length}`);
  return lr_lambda.slice();
}

/** The schedulers driven by user functions (one per group); the functions are not part of the state_dict. */
abstract class LambdaScheduler extends LRScheduler {
  readonly lr_lambdas: LrLambda[];

  constructor(optimizer: Optimizer<any>, lr_lambda: LrLambda | LrLambda[], last_epoch = -1, verbose = false) {
    super(optimizer, last_epoch, verbose);
    this.lr_lambdas = lambdaPerGroup(optimizer, lr_lambda);
    this.initialStep();
  }

  override state_dict(): Record<string, unknown> {
    const { lr_lambdas: _omit, ...rest } = super.state_dict();
    return rest;
  }
}

/** lr = initial lr * lr_lambda(epoch); one function for all groups or one per group. */
export class LambdaLR extends LambdaScheduler {
  get_lr(): number[] {
    return this.base_lrs.map((base, i) => base * this.lr_lambdas[i](this.last_epoch));
  }
}

/** Multiplies the lr by gamma every step_size epochs. */
export class StepLR extends LRScheduler {
  constructor(
    optimizer: Optimizer<any>,
    readonly step_size: number,
    readonly gamma = 0.1,
    last_epoch = -1,
    verbose = false,
  ) {
    super(optimizer, last_epoch, verbose);
    this.initialStep();
  }

  get_lr(): number[] {
    if (this.last_epoch === 0 || this.last_epoch % this.step_size !== 0) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.base_lrs.map((base) => base * pow(this.gamma, Math.floor(this.last_epoch / this.step_size)));
  }
}

/** Multiplies the lr by gamma at each milestone epoch (by gamma^k when a milestone is listed k times). */
export class MultiStepLR extends LRScheduler {
  readonly milestones: Map<number, number>;

  constructor(
    optimizer: Optimizer<any>,
    milestones: number[],
    readonly gamma = 0.1,
    last_epoch = -1,
    verbose = false,
  ) {
    super(optimizer, last_epoch, verbose);
    this.milestones = new Map();
    for (const m of milestones) this.milestones.set(m, (this.milestones.get(m) ?? 0) + 1);
    this.initialStep();
  }

  get_lr(): number[] {
    const count = this.milestones.get(this.last_epoch);
    if (count === undefined) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * pow(this.gamma, count));
  }

  protected override closedFormLr(): number[] {
    let passed = 0;
    for (const [m, count] of this.milestones) if (m <= this.last_epoch) passed += count;
    return this.base_lrs.map((base) => base * pow(this.gamma, passed));
  }
}

/** Multiplies the lr by gamma every epoch. */
export class ExponentialLR extends LRScheduler {
  constructor(
    optimizer: Optimizer<any>,
    readonly gamma: number,
    last_epoch = -1,
    verbose = false,
  ) {
    super(optimizer, last_epoch, verbose);
    this.initialStep();
  }

  get_lr(): number[] {
    if (this.last_epoch === 0) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.base_lrs.map((base) => base * pow(this.gamma, this.last_epoch));
  }
}

/** Cosine from the initial lr down to eta_min over T_max epochs, then back up (SGDR without restarts). */
export class CosineAnnealingLR extends LRScheduler {
  constructor(
    optimizer: Optimizer<any>,
    readonly T_max: number,
    readonly eta_min = 0,
    last_epoch = -1,
    verbose = false,
  ) {
    super(optimizer, last_epoch, verbose);
    this.initialStep();
  }

  get_lr(): number[] {
    const { T_max, eta_min, last_epoch } = this;
    if (last_epoch === 0) return this.groupLrs();
    if (this._step_count === 1 && last_epoch > 0) {
      return this.base_lrs.map((base) => eta_min + ((base - eta_min) * (1 + cos((last_epoch * Math.PI) / T_max))) / 2);
    }
    if (pyMod(last_epoch - 1 - T_max, 2 * T_max) === 0) {
      return this.groupLrs().map((lr, i) => lr + ((this.base_lrs[i] - eta_min) * (1 - cos(Math.PI / T_max))) / 2);
    }
    return this.groupLrs().map(
      (lr) =>
        ((1 + cos((Math.PI * last_epoch) / T_max)) / (1 + cos((Math.PI * (last_epoch - 1)) / T_max))) * (lr - eta_min) +
        eta_min,
    );
  }

  protected override closedFormLr(): number[] {
    return this.base_lrs.map(
      (base) => this.eta_min + ((base - this.eta_min) * (1 + cos((Math.PI * this.last_epoch) / this.T_max))) / 2,
    );
  }
}

/** Multiplies the lr by lr_lambda(epoch) each epoch (one function for all groups or one per group). */
export class MultiplicativeLR extends LambdaScheduler {
  get_lr(): number[] {
    if (this.last_epoch > 0) return this.groupLrs().map((lr, i) => lr * this.lr_lambdas[i](this.last_epoch));
    return this.groupLrs();
  }
}

/** lr = initial lr * factor until epoch total_iters, then the initial lr. */
export class ConstantLR extends LRScheduler {
  constructor(
    optimizer: Optimizer<any>,
    readonly factor = 1.0 / 3,
    readonly total_iters = 5,
    last_epoch = -1,
    verbose = false,
  ) {
    if (factor > 1.0 || factor < 0)
      throw pyError('ValueError', 'Constant multiplicative factor expected to be between 0 and 1.');
    super(optimizer, last_epoch, verbose);
    this.initialStep();
  }

  get_lr(): number[] {
    if (this.last_epoch === 0) return this.groupLrs().map((lr) => lr * this.factor);
    if (this.last_epoch > this.total_iters || this.last_epoch !== this.total_iters) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * (1.0 / this.factor));
  }

  protected override closedFormLr(): number[] {
    const done = this.last_epoch >= this.total_iters ? 1 : 0;
    return this.base_lrs.map((base) => base * (this.factor + done * (1 - this.factor)));
  }
}

/** lr ramps linearly from initial lr * start_factor to initial lr * end_factor over total_iters epochs. */
export class LinearLR extends LRScheduler {
  constructor(
    optimizer: Optimizer<any>,
    readonly start_factor = 1.0 / 3,
    readonly end_factor = 1.0,
    readonly total_iters = 5,
    last_epoch = -1,
    verbose = false,
  ) {
    if (start_factor > 1.0 || start_factor <= 0) {
      throw pyError(
        'ValueError',
        'Starting multiplicative factor expected to be greater than 0 and less or equal to 1.',
      );
    }
    if (end_factor > 1.0 || end_factor < 0)
      throw pyError('ValueError', 'Ending multiplicative factor expected to be between 0 and 1.');
    super(optimizer, last_epoch, verbose);
    this.initialStep();
  }

  get_lr(): number[] {
    const { start_factor: s, end_factor: e, total_iters: T, last_epoch: t } = this;
    if (t === 0) return this.groupLrs().map((lr) => lr * s);
    if (t > T) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * (1 + (e - s) / (T * s + (t - 1) * (e - s))));
  }

  protected override closedFormLr(): number[] {
    const { start_factor: s, end_factor: e, total_iters: T, last_epoch: t } = this;
    return this.base_lrs.map((base) => base * (s + ((e - s) * Math.min(T, t)) / T));
  }
}

export interface ReduceLROnPlateauOptions {
  mode: 'min' | 'max';
  factor: number;
  patience: number;
  threshold: number;
  threshold_mode: 'rel' | 'abs';
  cooldown: number;
  min_lr: number | number[];
  eps: number;
  verbose: boolean;
}

/** Cuts the lr by `factor` when a metric has not improved for more than `patience` epochs. */
export class ReduceLROnPlateau {
  readonly optimizer: Optimizer<any>;
  readonly mode: 'min' | 'max';
  readonly factor: number;
  readonly patience: number;
  readonly threshold: number;
  readonly threshold_mode: 'rel' | 'abs';
  readonly cooldown: number;
  readonly min_lrs: number[];
  readonly eps: number;
  readonly verbose: boolean;
  best: number;
  num_bad_epochs = 0;
  cooldown_counter = 0;
  last_epoch = 0;
  readonly mode_worse: number;
  private _last_lr: number[];

  constructor(optimizer: Optimizer<any>, options: Partial<ReduceLROnPlateauOptions> = {}) {
    const factor = options.factor ?? 0.1;
    if (factor >= 1.0) throw pyError('ValueError', 'Factor should be < 1.0.');
    this.optimizer = optimizer;
    this.factor = factor;
    const n = optimizer.param_groups.length;
    const minLr = options.min_lr ?? 0;
    if (Array.isArray(minLr)) {
      if (minLr.length !== n) throw pyError('ValueError', `expected ${n} min_lrs, got ${minLr.length}`);
      this.min_lrs = minLr.slice();
    } else {
      this.min_lrs = new Array(n).fill(minLr);
    }
    this.mode = options.mode ?? 'min';
    this.threshold_mode = options.threshold_mode ?? 'rel';
    if (this.mode !== 'min' && this.mode !== 'max') throw pyError('ValueError', `mode ${this.mode} is unknown!`);
    if (this.threshold_mode !== 'rel' && this.threshold_mode !== 'abs') {
      throw pyError('ValueError', `threshold mode ${this.threshold_mode} is unknown!`);
    }
    this.patience = options.patience ?? 10;
    this.threshold = options.threshold ?? 1e-4;
    this.cooldown = options.cooldown ?? 0;
    this.eps = options.eps ?? 1e-8;
    this.verbose = options.verbose ?? false;
    this.mode_worse = this.mode === 'min' ? Infinity : -Infinity;
    this.best = this.mode_worse;
    this._last_lr = optimizer.param_groups.map((g) => g.lr);
  }

  get in_cooldown(): boolean {
    return this.cooldown_counter > 0;
  }

  is_better(a: number, best: number): boolean {
    if (this.mode === 'min' && this.threshold_mode === 'rel') return a < best * (1 - this.threshold);
    if (this.mode === 'min') return a < best - this.threshold;
    if (this.threshold_mode === 'rel') return a > best * (this.threshold + 1);
    return a > best + this.threshold;
  }

  step(metric: number, epoch?: number): void {
    const current = Number(metric);
    const e = epoch ?? this.last_epoch + 1;
    this.last_epoch = e;
    if (this.is_better(current, this.best)) {
      this.best = current;
      this.num_bad_epochs = 0;
    } else {
      this.num_bad_epochs++;
    }
    if (this.in_cooldown) {
      this.cooldown_counter--;
      this.num_bad_epochs = 0;
    }
    if (this.num_bad_epochs > this.patience) {
      this.reduceLr(e);
      this.cooldown_counter = this.cooldown;
      this.num_bad_epochs = 0;
    }
    this._last_lr = this.optimizer.param_groups.map((g) => g.lr);
  }

  get_last_lr(): number[] {
    return this._last_lr.slice();
  }

  /** Every field but the optimizer (as PyTorch's state_dict). */
  state_dict(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) if (k !== 'optimizer') out[k] = Array.isArray(v) ? v.slice() : v;
    return out;
  }

  load_state_dict(state: Record<string, unknown>): void {
    Object.assign(this, state);
  }

  private reduceLr(epoch: number): void {
    this.optimizer.param_groups.forEach((group, i) => {
      const oldLr = group.lr;
      const newLr = Math.max(oldLr * this.factor, this.min_lrs[i]);
      if (oldLr - newLr > this.eps) {
        group.lr = newLr;
        if (this.verbose) {
          const epochStr = Number.isInteger(epoch) ? String(epoch).padStart(5, '0') : epoch.toFixed(2);
          schedulerOutput.print(`Epoch ${epochStr}: reducing learning rate of group ${i} to ${fmtE4(newLr)}.`);
        }
      }
    });
  }
}
