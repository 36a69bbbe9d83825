// Adamax as in PyTorch 1.13 (torch/optim/adamax.py, single-tensor path), per element:
//   step += 1
//   g = grad (+ weight_decay * p)                      (negated first when maximize)
//   exp_avg = beta1 * exp_avg + (1 - beta1) * g
//   exp_inf = max(beta2 * exp_inf, |g| + eps)          (torch.amax of the two, NaN propagating)
//   p = p - (lr / (1 - beta1^step)) * exp_avg / exp_inf      (addcdiv: (value * exp_avg) / exp_inf)
import { Tensor } from '../tensor';
import { pow } from '../pymath';
import { Optimizer, ParamGroup, ParamsInput } from './optimizer';
import { adamFamilyConstants, adamFamilyDefaults } from './adamFamily';

export interface AdamaxOptions {
  lr: number;
  betas: [number, number];
  eps: number;
  weight_decay: number;
  foreach: boolean | null;
  maximize: boolean;
}

export class Adamax extends Optimizer<AdamaxOptions> {
  constructor(params: ParamsInput<AdamaxOptions>, options: Partial<AdamaxOptions> = {}) {
    const d = adamFamilyDefaults<AdamaxOptions>(
      { lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, foreach: null, maximize: false },
      options,
    );
    super(params, d);
  }

  get name(): string {
    return 'Adamax';
  }

  protected updateParam(p: Tensor, w: Float32Array, g: Float32Array, group: ParamGroup<AdamaxOptions>): void {
    const { f32, fmaf } = this.rounding();
    const { beta1, b1, b2, oneMinusB1, eps, wd } = adamFamilyConstants(group, f32);
    const sign = group.maximize ? -1 : 1;
    const n = w.length;
    const state = this.stateOf(p);
    const step = this.nextStep(state);
    const m = this.buffer(state, 'exp_avg', n);
    const u = this.buffer(state, 'exp_inf', n);
    // clr is a Python float (double); addcdiv uses it as float32.
    const negClr = f32(-(group.lr / (1 - pow(beta1, step))));
    for (let i = 0; i < n; i++) {
      let gi = sign * g[i];
      if (wd !== 0) gi = fmaf(w[i], wd, gi);
      const mi = fmaf(gi, oneMinusB1, f32(m[i] * b1));
      m[i] = mi;
      const a = f32(u[i] * b2);
      const b = f32(Math.abs(gi) + eps);
      const ui = a > b || a !== a ? a : b;
      u[i] = ui;
      w[i] = f32(w[i] + f32(f32(negClr * mi) / ui));
    }
  }
}
