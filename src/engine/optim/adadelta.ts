// Adadelta as in PyTorch 1.13 (torch/optim/adadelta.py, single-tensor path), per element, float32 rounding at
// each tensor op PyTorch performs:
//   g = grad (+ weight_decay * p)                      (negated first when maximize)
//   square_avg = rho * square_avg + (1 - rho) * g * g
//   std = sqrt(square_avg + eps)
//   delta = sqrt(acc_delta + eps) / std * g
//   acc_delta = rho * acc_delta + (1 - rho) * delta * delta
//   p = p - lr * delta
// add-with-alpha and addcmul are single-rounding FMAs, as PyTorch 1.13's AVX2 kernels compute them.
import { pyError } from '../errors';
import { Tensor } from '../tensor';
import { Optimizer, ParamGroup, ParamsInput, checkNonNegative, withDefaults } from './optimizer';

export interface AdadeltaOptions {
  lr: number;
  rho: number;
  eps: number;
  weight_decay: number;
  maximize: boolean;
  foreach: boolean | null;
}

export class Adadelta extends Optimizer<AdadeltaOptions> {
  constructor(params: ParamsInput<AdadeltaOptions>, options: Partial<AdadeltaOptions> = {}) {
    const d = withDefaults<AdadeltaOptions>(
      { lr: 1.0, rho: 0.9, eps: 1e-6, weight_decay: 0, maximize: false, foreach: null },
      options,
    );
    checkNonNegative(d.lr, 'learning rate');
    if (!(d.rho >= 0 && d.rho <= 1)) throw pyError('ValueError', `Invalid rho value: ${d.rho}`);
    checkNonNegative(d.eps, 'epsilon value');
    checkNonNegative(d.weight_decay, 'weight_decay value');
    super(params, d);
  }

  get name(): string {
    return 'Adadelta';
  }

  protected updateParam(p: Tensor, w: Float32Array, g: Float32Array, group: ParamGroup<AdadeltaOptions>): void {
    const { f32, fmaf } = this.rounding();
    const lr = f32(group.lr);
    const rho = f32(group.rho);
    const oneMinusRho = f32(1 - group.rho);
    const eps = f32(group.eps);
    const wd = f32(group.weight_decay);
    const sign = group.maximize ? -1 : 1;
    const n = w.length;
    const state = this.stateOf(p);
    if (typeof state.step !== 'number') state.step = 0; // PyTorch creates 'step' first, then the buffers
    const sq = this.buffer(state, 'square_avg', n);
    const acc = this.buffer(state, 'acc_delta', n);
    state.step = (state.step as number) + 1;
    for (let i = 0; i < n; i++) {
      let gi = sign * g[i];
      if (wd !== 0) gi = fmaf(w[i], wd, gi);
      const s = fmaf(f32(oneMinusRho * gi), gi, f32(sq[i] * rho));
      sq[i] = s;
      const std = f32(Math.sqrt(f32(s + eps)));
      const delta = f32(f32(f32(Math.sqrt(f32(acc[i] + eps))) / std) * gi);
      acc[i] = fmaf(f32(oneMinusRho * delta), delta, f32(acc[i] * rho));
      w[i] = fmaf(delta, -lr, w[i]);
    }
  }
}
