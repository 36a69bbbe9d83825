// Adagrad as in PyTorch 1.13 (torch/optim/adagrad.py, single-tensor path), per element:
//   step += 1
//   g = grad + weight_decay * p
//   clr = lr / (1 + (step - 1) * lr_decay)
//   sum = sum + g * g                         (sum starts at initial_accumulator_value)
//   p = p - clr * g / (sqrt(sum) + eps)
// add-with-alpha and addcmul are single-rounding FMAs, as PyTorch 1.13's AVX2 kernels compute them.
import { Tensor } from '../tensor';
import { Optimizer, ParamGroup, ParamsInput, checkNonNegative, withDefaults } from './optimizer';

export interface AdagradOptions {
  lr: number;
  lr_decay: number;
  weight_decay: number;
  initial_accumulator_value: number;
  eps: number;
  foreach: boolean | null;
  maximize: boolean;
}

export class Adagrad extends Optimizer<AdagradOptions> {
  constructor(params: ParamsInput<AdagradOptions>, options: Partial<AdagradOptions> = {}) {
    const d = withDefaults<AdagradOptions>(
      {
        lr: 1e-2,
        lr_decay: 0,
        eps: 1e-10,
        weight_decay: 0,
        initial_accumulator_value: 0,
        foreach: null,
        maximize: false,
      },
      options,
    );
    checkNonNegative(d.lr, 'learning rate');
    checkNonNegative(d.lr_decay, 'lr_decay value');
    checkNonNegative(d.weight_decay, 'weight_decay value');
    checkNonNegative(d.initial_accumulator_value, 'initial_accumulator_value value');
    checkNonNegative(d.eps, 'epsilon value');
    // PyTorch creates Adagrad's state eagerly, for every parameter (see add_param_group).
    super(params, d);
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

  protected updateParam(p: Tensor, w: Float32Array, g: Float32Array, group: ParamGroup<AdagradOptions>): void {
    const { f32, fmaf } = this.rounding();
    const eps = f32(group.eps);
    const wd = f32(group.weight_decay);
    const sign = group.maximize ? -1 : 1;
    const n = w.length;
    const state = this.stateOf(p);
    const step = this.nextStep(state);
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
  }
}
