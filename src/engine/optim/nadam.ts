// NAdam as in PyTorch 1.13 (torch/optim/nadam.py, single-tensor path), per element:
//   step += 1
//   g = grad (+ weight_decay * p)
//   mu = beta1 * (1 - 0.5 * 0.96^(step * momentum_decay)),  mu_next the same at step + 1    (Python floats)
//   mu_product = mu_product * mu                   (a float32 scalar tensor in PyTorch's state)
//   exp_avg = beta1 * exp_avg + (1 - beta1) * g;  exp_avg_sq = beta2 * exp_avg_sq + (1 - beta2) * g * g
//   denom = sqrt(exp_avg_sq / (1 - beta2^step)) + eps
//   p = p - lr * (1 - mu) / (1 - mu_product) * g / denom
//   p = p - lr * mu_next / (1 - mu_product * mu_next) * exp_avg / denom
import { Tensor } from '../tensor';
import { pow } from '../pymath';
import { Optimizer, ParamGroup, ParamsInput } from './optimizer';
import { adamFamilyConstants, adamFamilyDefaults } from './adamFamily';
import { pyError } from '../errors';

export interface NAdamOptions {
  lr: number;
  betas: [number, number];
  eps: number;
  weight_decay: number;
  momentum_decay: number;
  foreach: boolean | null;
}

export class NAdam extends Optimizer<NAdamOptions> {
  constructor(params: ParamsInput<NAdamOptions>, options: Partial<NAdamOptions> = {}) {
    const d = adamFamilyDefaults<NAdamOptions>(
      { lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, momentum_decay: 4e-3, foreach: null },
      options,
    );
    if (!(d.momentum_decay >= 0)) throw pyError('ValueError', `Invalid momentum_decay value: ${d.momentum_decay}`);
    super(params, d);
  }

  get name(): string {
    return 'NAdam';
  }

  protected updateParam(p: Tensor, w: Float32Array, g: Float32Array, group: ParamGroup<NAdamOptions>): void {
    const { f32, fmaf } = this.rounding();
    const { beta1, beta2, b1, b2, oneMinusB1, oneMinusB2, eps, wd } = adamFamilyConstants(group, f32);
    const n = w.length;
    const state = this.stateOf(p);
    const step = this.nextStep(state);
    if (typeof state.mu_product !== 'number') state.mu_product = 1;
    const m = this.buffer(state, 'exp_avg', n);
    const v = this.buffer(state, 'exp_avg_sq', n);
    const bc2 = f32(1 - pow(beta2, step));
    const md = group.momentum_decay;
    const mu = beta1 * (1 - 0.5 * pow(0.96, step * md));
    const muNext = beta1 * (1 - 0.5 * pow(0.96, (step + 1) * md));
    // mu_product is a float32 tensor (torch.tensor(1.)) whatever the parameter's dtype.
    const muProduct = Math.fround((state.mu_product as number) * Math.fround(mu));
    state.mu_product = muProduct;
    const muProductNext = Math.fround(Math.fround(muProduct * Math.fround(mu)) * Math.fround(muNext));
    const gradScale = f32((-group.lr * (1 - mu)) / (1 - muProduct));
    const avgScale = f32((-group.lr * muNext) / (1 - muProductNext));
    for (let i = 0; i < n; i++) {
      let gi = g[i];
      if (wd !== 0) gi = fmaf(w[i], wd, gi);
      const mi = fmaf(gi, oneMinusB1, f32(m[i] * b1));
      m[i] = mi;
      const vi = fmaf(f32(oneMinusB2 * gi), gi, f32(v[i] * b2));
      v[i] = vi;
      const denom = f32(f32(Math.sqrt(f32(vi / bc2))) + eps);
      const w1 = f32(w[i] + f32(f32(gradScale * gi) / denom));
      w[i] = f32(w1 + f32(f32(avgScale * mi) / denom));
    }
  }
}
