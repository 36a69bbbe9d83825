// ASGD (averaged SGD) as in PyTorch 1.13 (torch/optim/asgd.py, single-tensor path), per element:
//   step += 1
//   g = grad (+ weight_decay * p)              (negated first when maximize)
//   p = p * (1 - lambd * eta);  p = p - eta * g
//   ax = ax + (p - ax) * mu  when mu != 1, else ax = p       (the running average of the weights)
//   eta = lr / (1 + lambd * lr * step)^alpha;  mu = 1 / max(1, step - t0)
// eta and mu are float32 scalar tensors in PyTorch's state (torch.tensor(lr)), read back with .item().
import { Tensor } from '../tensor';
import { pow } from '../pymath';
import { Optimizer, ParamGroup, ParamsInput, checkNonNegative, withDefaults } from './optimizer';

export interface ASGDOptions {
  lr: number;
  lambd: number;
  alpha: number;
  t0: number;
  weight_decay: number;
  foreach: boolean | null;
  maximize: boolean;
}

export class ASGD extends Optimizer<ASGDOptions> {
  constructor(params: ParamsInput<ASGDOptions>, options: Partial<ASGDOptions> = {}) {
    const d = withDefaults<ASGDOptions>(
      { lr: 1e-2, lambd: 1e-4, alpha: 0.75, t0: 1e6, weight_decay: 0, foreach: null, maximize: false },
      options,
    );
    checkNonNegative(d.lr, 'learning rate');
    checkNonNegative(d.weight_decay, 'weight_decay value');
    super(params, d);
  }

  get name(): string {
    return 'ASGD';
  }

  protected updateParam(p: Tensor, w: Float32Array, g: Float32Array, group: ParamGroup<ASGDOptions>): void {
    const { f32, fmaf } = this.rounding();
    const wd = f32(group.weight_decay);
    const sign = group.maximize ? -1 : 1;
    const n = w.length;
    const state = this.stateOf(p);
    if (typeof state.step !== 'number') {
      state.step = 0;
      state.eta = Math.fround(group.lr);
      state.mu = 1;
    }
    const ax = this.buffer(state, 'ax', n);
    const step = this.nextStep(state);
    const eta = state.eta as number;
    const mu = state.mu as number;
    const decay = f32(1 - group.lambd * eta);
    const negEta = f32(-eta);
    const muF = f32(mu);
    for (let i = 0; i < n; i++) {
      let gi = sign * g[i];
      if (wd !== 0) gi = fmaf(w[i], wd, gi);
      const wi = fmaf(gi, negEta, f32(w[i] * decay));
      w[i] = wi;
      ax[i] = mu !== 1 ? f32(ax[i] + f32(f32(wi - ax[i]) * muF)) : wi;
    }
    state.eta = Math.fround(group.lr / pow(1 + group.lambd * group.lr * step, group.alpha));
    state.mu = Math.fround(1 / Math.max(1, step - group.t0));
  }
}
