// Adagrad as in PyTorch 1.13 (torch/optim/adagrad.py, single-tensor path), per element:
//   step += 1
//   g = grad + weight_decay * p
//   clr = lr / (1 + (step - 1) * lr_decay)
//   sum = sum + g * g                         (sum starts at initial_accumulator_value)
//   p = p - clr * g / (sqrt(sum) + eps)
// add-with-alpha and addcmul are single-rounding FMAs, as PyTorch 1.13's AVX2 kernels compute them.
import { pyError } from '../errors';
import { Tensor } from '../tensor';
import { Optimizer, ParamGroup, ParamsInput, withExtras } from './optimizer';
import { bumpVersion } from './sgd';
import { fmaf } from '../random';

export interface AdagradOptions {
  lr: number;
  lr_decay: number;
  weight_decay: number;
  initial_accumulator_value: number;
  eps: number;
  foreach: boolean | null;
  maximize: boolean;
}

const f32 = Math.fround;

export class Adagrad extends Optimizer<AdagradOptions> {
  constructor(params: ParamsInput<AdagradOptions>, options: Partial<AdagradOptions> = {}) {
    const d: AdagradOptions = {
      lr: options.lr ?? 1e-2,
      lr_decay: options.lr_decay ?? 0,
      weight_decay: options.weight_decay ?? 0,
      initial_accumulator_value: options.initial_accumulator_value ?? 0,
      eps: options.eps ?? 1e-10,
      foreach: options.foreach ?? null,
      maximize: options.maximize ?? false,
    };
    if (!(d.lr >= 0)) throw pyError('ValueError', `Invalid learning rate: ${d.lr}`);
    if (!(d.lr_decay >= 0)) throw pyError('ValueError', `Invalid lr_decay value: ${d.lr_decay}`);
    if (!(d.weight_decay >= 0)) throw pyError('ValueError', `Invalid weight_decay value: ${d.weight_decay}`);
    if (!(d.initial_accumulator_value >= 0)) {
      throw pyError('ValueError', `Invalid initial_accumulator_value value: ${d.initial_accumulator_value}`);
    }
    if (!(d.eps >= 0)) throw pyError('ValueError', `Invalid epsilon value: ${d.eps}`);
    // PyTorch creates Adagrad's state eagerly, for every parameter (see add_param_group).
    super(params, withExtras(d, options));
  }

  get name(): string {
    return 'Adagrad';
  }

  private initState(p: Tensor, group: ParamGroup<AdagradOptions>): void {
    const state = this.stateOf(p);
    if (typeof state.step !== 'number') state.step = 0;
    this.buffer(state, 'sum', p.data.length, group.initial_accumulator_value);
  }

  override add_param_group(group: Parameters<Optimizer<AdagradOptions>['add_param_group']>[0]): void {
    super.add_param_group(group);
    const added = this.param_groups[this.param_groups.length - 1];
    for (const p of added.params) this.initState(p, added);
  }

  protected updateGroup(group: ParamGroup<AdagradOptions>): void {
    const eps = f32(group.eps);
    const wd = f32(group.weight_decay);
    const sign = group.maximize ? -1 : 1;
    for (const p of group.params) {
      if (p.grad === null) continue;
      const w = p.data as Float32Array;
      const g = p.grad.data as Float32Array;
      const n = w.length;
      const state = this.stateOf(p);
      const step = (typeof state.step === 'number' ? state.step : 0) + 1;
      state.step = step;
      const sum = this.buffer(state, 'sum', n, group.initial_accumulator_value);
      const clr = f32(group.lr / (1 + (step - 1) * group.lr_decay));
      for (let i = 0; i < n; i++) {
        let gi = sign * g[i];
        if (wd !== 0) gi = fmaf(w[i], wd, gi);
        const s = fmaf(gi, gi, sum[i]);
        sum[i] = s;
        const std = f32(f32(Math.sqrt(s)) + eps);
        w[i] = w[i] - f32(f32(clr * gi) / std);
      }
      bumpVersion(p);
    }
  }
}
