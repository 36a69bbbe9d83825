// RAdam as in PyTorch 1.13 (torch/optim/radam.py, single-tensor path), per element:
//   step += 1
//   g = grad (+ weight_decay * p)
//   exp_avg = beta1 * exp_avg + (1 - beta1) * g;  exp_avg_sq = beta2 * exp_avg_sq + (1 - beta2) * g * g
//   m_hat = exp_avg / (1 - beta1^step)
//   rho_inf = 2 / (1 - beta2) - 1;  rho_t = rho_inf - 2 step beta2^step / (1 - beta2^step)     (Python floats)
//   rho_t > 5: rect = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))
//              adaptive_lr = sqrt(1 - beta2^step) / (sqrt(exp_avg_sq) + eps)   (Python's x / tensor is
//              tensor.reciprocal() * x)
//              p = p - m_hat * lr * adaptive_lr * rect                          (left to right, float32)
//   otherwise: p = p - m_hat * lr                                               (plain momentum SGD early on)
import { Tensor } from '../tensor';
import { pow } from '../pymath';
import { Optimizer, ParamGroup, ParamsInput } from './optimizer';
import { adamFamilyConstants, adamFamilyDefaults } from './adamFamily';

export interface RAdamOptions {
  lr: number;
  betas: [number, number];
  eps: number;
  weight_decay: number;
  foreach: boolean | null;
}

export class RAdam extends Optimizer<RAdamOptions> {
  constructor(params: ParamsInput<RAdamOptions>, options: Partial<RAdamOptions> = {}) {
    const d = adamFamilyDefaults<RAdamOptions>(
      { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, foreach: null },
      options,
    );
    super(params, d);
  }

  get name(): string {
    return 'RAdam';
  }

  protected updateParam(p: Tensor, w: Float32Array, g: Float32Array, group: ParamGroup<RAdamOptions>): void {
    const { f32, fmaf } = this.rounding();
    const { beta1, beta2, b1, b2, oneMinusB1, oneMinusB2, eps, wd } = adamFamilyConstants(group, f32);
    const lr = f32(group.lr);
    const n = w.length;
    const state = this.stateOf(p);
    const step = this.nextStep(state);
    const m = this.buffer(state, 'exp_avg', n);
    const v = this.buffer(state, 'exp_avg_sq', n);
    const bc1 = f32(1 - pow(beta1, step));
    const bc2 = 1 - pow(beta2, step);
    const rhoInf = 2 / (1 - beta2) - 1;
    const rhoT = rhoInf - (2 * step * pow(beta2, step)) / bc2;
    const rectified = rhoT > 5;
    const rect = rectified
      ? f32(Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT)))
      : 0;
    const bc2Sqrt = f32(Math.sqrt(bc2));
    for (let i = 0; i < n; i++) {
      let gi = g[i];
      if (wd !== 0) gi = fmaf(w[i], wd, gi);
      const mi = fmaf(gi, oneMinusB1, f32(m[i] * b1));
      m[i] = mi;
      const vi = fmaf(f32(oneMinusB2 * gi), gi, f32(v[i] * b2));
      v[i] = vi;
      const mHatLr = f32(f32(mi / bc1) * lr);
      if (rectified) {
        const adaptive = f32(f32(1 / f32(f32(Math.sqrt(vi)) + eps)) * bc2Sqrt);
        w[i] = f32(w[i] - f32(f32(mHatLr * adaptive) * rect));
      } else {
        w[i] = f32(w[i] - mHatLr);
      }
    }
  }
}
