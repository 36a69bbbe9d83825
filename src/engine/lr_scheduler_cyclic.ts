// The schedulers of PyTorch 1.13 (torch/optim/lr_scheduler.py) that move the lr up and down within a run:
// PolynomialLR, CosineAnnealingWarmRestarts, CyclicLR and OneCycleLR (the last two also cycle the momentum,
// or Adam's beta1). Arithmetic in double in PyTorch's order, so the lrs equal PyTorch's Python floats.
// SequentialLR and ChainedScheduler only call other schedulers: they live in the Python package.
import { pyError } from './errors';
import { cos, pow } from './pymath';
import { LRScheduler, epochText, fmtE4, pyMod, schedulerOutput } from './lr_scheduler';
import type { Optimizer } from './optim/optimizer';

/** PyTorch's `_format_param`: one value per group, from a number or a list of one per group. */
function perGroup<T>(optimizer: Optimizer<any>, name: string, value: T | T[]): T[] {
  const n = optimizer.param_groups.length;
  if (!Array.isArray(value)) return new Array<T>(n).fill(value);
  if (value.length !== n) throw pyError('ValueError', `expected ${n} values for ${name}, got ${value.length}`);
  return value.slice();
}

/** Decays the lr to 0 over total_iters epochs as (1 - t / total_iters)^power. */
export class PolynomialLR extends LRScheduler {
  constructor(
    optimizer: Optimizer<any>,
    readonly total_iters = 5,
    readonly power = 1.0,
    last_epoch = -1,
    verbose = false,
  ) {
    super(optimizer, last_epoch, verbose);
    this.initialStep();
  }

  get_lr(): number[] {
    const { last_epoch: t, total_iters: T } = this;
    if (t === 0 || t > T) return this.groupLrs();
    const factor = pow((1.0 - t / T) / (1.0 - (t - 1) / T), this.power);
    return this.groupLrs().map((lr) => lr * factor);
  }

  protected override closedFormLr(): number[] {
    const { last_epoch: t, total_iters: T } = this;
    return this.base_lrs.map((base) => base * pow(1.0 - Math.min(T, t) / T, this.power));
  }
}

/** SGDR: cosine from the initial lr to eta_min over T_i epochs, then a restart with T_i *= T_mult. */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  T_i: number;
  T_cur: number;

  constructor(
    optimizer: Optimizer<any>,
    readonly T_0: number,
    readonly T_mult = 1,
    readonly eta_min = 0,
    last_epoch = -1,
    verbose = false,
  ) {
    if (!(T_0 > 0) || !Number.isInteger(T_0))
      throw pyError('ValueError', `Expected positive integer T_0, but got ${T_0}`);
    if (!(T_mult >= 1) || !Number.isInteger(T_mult))
      throw pyError('ValueError', `Expected integer T_mult >= 1, but got ${T_mult}`);
    super(optimizer, last_epoch, verbose);
    this.T_i = T_0;
    this.T_cur = last_epoch;
    this.initialStep();
  }

  get_lr(): number[] {
    const { eta_min: lo, T_cur, T_i } = this;
    return this.base_lrs.map((base) => lo + ((base - lo) * (1 + cos((Math.PI * T_cur) / T_i))) / 2);
  }

  /** PyTorch's own step (no chainable form; `_step_count` is never bumped): epoch may be fractional. */
  override step(epoch?: number): void {
    if (epoch === undefined && this.last_epoch < 0) epoch = 0;
    if (epoch === undefined) {
      epoch = this.last_epoch + 1;
      this.T_cur += 1;
      if (this.T_cur >= this.T_i) {
        this.T_cur -= this.T_i;
        this.T_i *= this.T_mult;
      }
    } else {
      if (epoch < 0) throw pyError('ValueError', `Expected non-negative epoch, but got ${epoch}`);
      if (epoch >= this.T_0) {
        if (this.T_mult === 1) this.T_cur = pyMod(epoch, this.T_0);
        else {
          const n = Math.trunc(Math.log((epoch / this.T_0) * (this.T_mult - 1) + 1) / Math.log(this.T_mult));
          this.T_cur = epoch - (this.T_0 * (pow(this.T_mult, n) - 1)) / (this.T_mult - 1);
          this.T_i = this.T_0 * pow(this.T_mult, n);
        }
      } else {
        this.T_i = this.T_0;
        this.T_cur = epoch;
      }
    }
    this.last_epoch = Math.floor(epoch);
    const values = this.get_lr();
    this.optimizer.param_groups.forEach((group, i) => {
      group.lr = values[i];
      if (this.verbose) {
        const at = epochText(epoch as number);
        schedulerOutput.print(`Epoch ${at}: adjusting learning rate of group ${i} to ${fmtE4(values[i])}.`);
      }
    });
    this._last_lr = this.groupLrs();
  }
}

export type ScaleFn = (x: number) => number;

export interface CyclicLROptions {
  step_size_up: number;
  step_size_down: number | null;
  mode: 'triangular' | 'triangular2' | 'exp_range';
  gamma: number;
  scale_fn: ScaleFn | null;
  scale_mode: 'cycle' | 'iterations';
  cycle_momentum: boolean;
  base_momentum: number | number[];
  max_momentum: number | number[];
  last_epoch: number;
  verbose: boolean;
}

/** Sets the groups' starting lr (and momentum) before the base class reads them, as PyTorch's __init__ does. */
function cyclicStart(optimizer: Optimizer<any>, base_lr: number | number[], o: Partial<CyclicLROptions>): number[] {
  const baseLrs = perGroup(optimizer, 'base_lr', base_lr);
  const fresh = (o.last_epoch ?? -1) === -1;
  if (fresh) optimizer.param_groups.forEach((g, i) => (g.lr = baseLrs[i]));
  if (o.cycle_momentum ?? true) {
    if (!('momentum' in optimizer.defaults))
      throw pyError('ValueError', 'optimizer must support momentum with `cycle_momentum` option enabled');
    const m = perGroup(optimizer, 'base_momentum', o.base_momentum ?? 0.8);
    if (fresh) optimizer.param_groups.forEach((g, i) => (g.momentum = m[i]));
  }
  return baseLrs;
}

/** Cycles the lr between base_lr and max_lr (triangle waves), batch by batch; momentum the opposite way. */
export class CyclicLR extends LRScheduler {
  readonly max_lrs: number[];
  readonly total_size: number;
  readonly step_ratio: number;
  readonly mode: string;
  readonly gamma: number;
  readonly scale_mode: string;
  readonly cycle_momentum: boolean;
  readonly base_momentums: number[] = [];
  readonly max_momentums: number[] = [];
  private readonly customScale: ScaleFn | null;

  constructor(
    optimizer: Optimizer<any>,
    base_lr: number | number[],
    max_lr: number | number[],
    options: Partial<CyclicLROptions> = {},
  ) {
    const baseLrs = cyclicStart(optimizer, base_lr, options);
    super(optimizer, options.last_epoch ?? -1, options.verbose ?? false);
    this.max_lrs = perGroup(optimizer, 'max_lr', max_lr);
    const up = options.step_size_up ?? 2000;
    const down = options.step_size_down ?? up;
    this.total_size = up + down;
    this.step_ratio = up / this.total_size;
    this.mode = options.mode ?? 'triangular';
    this.customScale = options.scale_fn ?? null;
    if (!['triangular', 'triangular2', 'exp_range'].includes(this.mode) && this.customScale === null)
      throw pyError('ValueError', 'mode is invalid and scale_fn is None');
    this.gamma = options.gamma ?? 1.0;
    this.scale_mode = this.customScale
      ? (options.scale_mode ?? 'cycle')
      : this.mode === 'exp_range'
        ? 'iterations'
        : 'cycle';
    this.cycle_momentum = options.cycle_momentum ?? true;
    if (this.cycle_momentum) {
      this.base_momentums = optimizer.param_groups.map((g) => g.momentum as number);
      this.max_momentums = perGroup(optimizer, 'max_momentum', options.max_momentum ?? 0.9);
    }
    this.initialStep();
    this.base_lrs = baseLrs;
  }

  scale_fn(x: number): number {
    if (this.customScale) return Number(this.customScale(x));
    if (this.mode === 'triangular2') return 1 / pow(2.0, x - 1);
    if (this.mode === 'exp_range') return pow(this.gamma, x);
    return 1.0;
  }

  get_lr(): number[] {
    const cycle = Math.floor(1 + this.last_epoch / this.total_size);
    const x = 1.0 + this.last_epoch / this.total_size - cycle;
    const scale = x <= this.step_ratio ? x / this.step_ratio : (x - 1) / (this.step_ratio - 1);
    const at = this.scale_mode === 'cycle' ? cycle : this.last_epoch;
    const lrs = this.base_lrs.map((base, i) => base + (this.max_lrs[i] - base) * scale * this.scale_fn(at));
    if (this.cycle_momentum) {
      this.optimizer.param_groups.forEach((g, i) => {
        const hi = this.max_momentums[i];
        g.momentum = hi - (hi - this.base_momentums[i]) * scale * this.scale_fn(at);
      });
    }
    return lrs;
  }

  override state_dict(): Record<string, unknown> {
    const { customScale: _omit, ...rest } = super.state_dict();
    return rest;
  }
}

export interface OneCycleLROptions {
  total_steps: number | null;
  epochs: number | null;
  steps_per_epoch: number | null;
  pct_start: number;
  anneal_strategy: 'cos' | 'linear';
  cycle_momentum: boolean;
  base_momentum: number | number[];
  max_momentum: number | number[];
  div_factor: number;
  final_div_factor: number;
  three_phase: boolean;
  last_epoch: number;
  verbose: boolean;
}

interface Phase {
  end_step: number;
  start_lr: string;
  end_lr: string;
  start_momentum: string;
  end_momentum: string;
}

function phase(end_step: number, lr: [string, string], momentum: [string, string]): Phase {
  return { end_step, start_lr: lr[0], end_lr: lr[1], start_momentum: momentum[0], end_momentum: momentum[1] };
}

function positiveInt(value: number | null | undefined, what: string): number {
  if (!(typeof value === 'number' && value > 0 && Number.isInteger(value)))
    throw pyError('ValueError', `Expected positive integer ${what}, but got ${value}`);
  return value;
}

function totalSteps(o: Partial<OneCycleLROptions>): number {
  const given = (v: number | null | undefined) => v !== null && v !== undefined;
  if (!given(o.total_steps) && !given(o.epochs) && !given(o.steps_per_epoch))
    throw pyError('ValueError', 'You must define either total_steps OR (epochs AND steps_per_epoch)');
  if (given(o.total_steps)) return positiveInt(o.total_steps, 'total_steps');
  return positiveInt(o.epochs, 'epochs') * positiveInt(o.steps_per_epoch, 'steps_per_epoch');
}

/** Writes OneCycleLR's per-group keys (initial_lr, max_lr, min_lr, momentum bounds) before the base class runs. */
function oneCycleStart(optimizer: Optimizer<any>, max_lr: number | number[], o: Partial<OneCycleLROptions>): boolean {
  const fresh = (o.last_epoch ?? -1) === -1;
  const maxLrs = perGroup(optimizer, 'max_lr', max_lr);
  if (fresh) {
    optimizer.param_groups.forEach((g, i) => {
      g.initial_lr = maxLrs[i] / (o.div_factor ?? 25.0);
      g.max_lr = maxLrs[i];
      g.min_lr = g.initial_lr / (o.final_div_factor ?? 1e4);
    });
  }
  if (!(o.cycle_momentum ?? true)) return false;
  if (!('momentum' in optimizer.defaults) && !('betas' in optimizer.defaults))
    throw pyError('ValueError', 'optimizer must support momentum with `cycle_momentum` option enabled');
  const useBeta1 = 'betas' in optimizer.defaults;
  const hi = perGroup(optimizer, 'max_momentum', o.max_momentum ?? 0.95);
  const lo = perGroup(optimizer, 'base_momentum', o.base_momentum ?? 0.85);
  if (fresh) {
    optimizer.param_groups.forEach((g, i) => {
      if (useBeta1) g.betas = [hi[i], ...(g.betas as number[]).slice(1)];
      else g.momentum = hi[i];
      g.max_momentum = hi[i];
      g.base_momentum = lo[i];
    });
  }
  return useBeta1;
}

/** Warm up from max_lr / div_factor to max_lr, then anneal to a tiny min_lr, once over total_steps batches. */
export class OneCycleLR extends LRScheduler {
  readonly total_steps: number;
  readonly _schedule_phases: Phase[];
  readonly anneal_strategy: 'cos' | 'linear';
  readonly cycle_momentum: boolean;
  readonly use_beta1: boolean;

  constructor(optimizer: Optimizer<any>, max_lr: number | number[], options: Partial<OneCycleLROptions> = {}) {
    const total = totalSteps(options);
    const pct = options.pct_start ?? 0.3;
    const phases = options.three_phase
      ? [
          phase(pct * total - 1, ['initial_lr', 'max_lr'], ['max_momentum', 'base_momentum']),
          phase(2 * pct * total - 2, ['max_lr', 'initial_lr'], ['base_momentum', 'max_momentum']),
          phase(total - 1, ['initial_lr', 'min_lr'], ['max_momentum', 'max_momentum']),
        ]
      : [
          phase(pct * total - 1, ['initial_lr', 'max_lr'], ['max_momentum', 'base_momentum']),
          phase(total - 1, ['max_lr', 'min_lr'], ['base_momentum', 'max_momentum']),
        ];
    if (pct < 0 || pct > 1) throw pyError('ValueError', `Expected float between 0 and 1 pct_start, but got ${pct}`);
    const strategy = options.anneal_strategy ?? 'cos';
    if (strategy !== 'cos' && strategy !== 'linear') {
      throw pyError('ValueError', `anneal_strategy must by one of 'cos' or 'linear', instead got ${String(strategy)}`);
    }
    const useBeta1 = oneCycleStart(optimizer, max_lr, options);
    super(optimizer, options.last_epoch ?? -1, options.verbose ?? false);
    this.total_steps = total;
    this._schedule_phases = phases;
    this.anneal_strategy = strategy;
    this.cycle_momentum = options.cycle_momentum ?? true;
    this.use_beta1 = useBeta1;
    this.initialStep();
  }

  private anneal(start: number, end: number, pct: number): number {
    if (this.anneal_strategy === 'linear') return (end - start) * pct + start;
    const cosOut = cos(Math.PI * pct) + 1;
    return end + ((start - end) / 2.0) * cosOut;
  }

  get_lr(): number[] {
    const stepNum = this.last_epoch;
    if (stepNum > this.total_steps) {
      throw pyError(
        'ValueError',
        `Tried to step ${stepNum + 1} times. The specified number of total steps is ${this.total_steps}`,
      );
    }
    return this.optimizer.param_groups.map((group) => {
      const g = group as Record<string, unknown>;
      let start = 0;
      let lr = NaN;
      let momentum = NaN;
      for (let i = 0; i < this._schedule_phases.length; i++) {
        const p = this._schedule_phases[i];
        if (stepNum <= p.end_step || i === this._schedule_phases.length - 1) {
          const pct = (stepNum - start) / (p.end_step - start);
          lr = this.anneal(g[p.start_lr] as number, g[p.end_lr] as number, pct);
          if (this.cycle_momentum)
            momentum = this.anneal(g[p.start_momentum] as number, g[p.end_momentum] as number, pct);
          break;
        }
        start = p.end_step;
      }
      if (this.cycle_momentum) {
        if (this.use_beta1) group.betas = [momentum, ...(group.betas as number[]).slice(1)];
        else group.momentum = momentum;
      }
      return lr;
    });
  }
}
