// RMSprop as in PyTorch 1.13 (torch/optim/rmsprop.py, single-tensor path), per element:
//   g = grad + weight_decay * p
//   sq = alpha * sq + (1 - alpha) * g * g
//   centered: ga = alpha * ga + (1 - alpha) * g;  avg = sqrt(sq - ga * ga) + eps
//   else:     avg = sqrt(sq) + eps
//   momentum > 0: buf = momentum * buf + g / avg;  p = p - lr * buf     (buf starts at zeros)
//   else:         p = p - lr * g / avg
// add-with-alpha and addcmul are single-rounding FMAs, as PyTorch 1.13's AVX2 kernels compute them.
import { Tensor } from '../tensor';
import { Optimizer, ParamGroup, ParamsInput, checkNonNegative, withDefaults } from './optimizer';

export interface RMSpropOptions {
  lr: number;
  alpha: number;
  eps: number;
  weight_decay: number;
  momentum: number;
  centered: boolean;
  foreach: boolean | null;
  maximize: boolean;
  differentiable: boolean;
}

export class RMSprop extends Optimizer<RMSpropOptions> {
  constructor(params: ParamsInput<RMSpropOptions>, options: Partial<RMSpropOptions> = {}) {
    const d = withDefaults<RMSpropOptions>(
      {
        lr: 1e-2,
        momentum: 0,
        alpha: 0.99,
        eps: 1e-8,
        centered: false,
        weight_decay: 0,
        foreach: null,
        maximize: false,
        differentiable: false,
      },
      options,
    );
    checkNonNegative(d.lr, 'learning rate');
    checkNonNegative(d.eps, 'epsilon value');
    checkNonNegative(d.momentum, 'momentum value');
    checkNonNegative(d.weight_decay, 'weight_decay value');
    checkNonNegative(d.alpha, 'alpha value');
    super(params, d);
  }

  get name(): string {
    return 'RMSprop';
  }

  protected updateParam(p: Tensor, w: Float32Array, g: Float32Array, group: ParamGroup<RMSpropOptions>): void {
    const { f32, fmaf } = this.rounding();
    const lr = f32(group.lr);
    const alpha = f32(group.alpha);
    const oneMinusAlpha = f32(1 - group.alpha);
    const eps = f32(group.eps);
    const wd = f32(group.weight_decay);
    const momentum = f32(group.momentum);
    const sign = group.maximize ? -1 : 1;
    const n = w.length;
    const state = this.stateOf(p);
    this.nextStep(state);
    const sq = this.buffer(state, 'square_avg', n);
    const buf = group.momentum > 0 ? this.buffer(state, 'momentum_buffer', n) : sq;
    const ga = group.centered ? this.buffer(state, 'grad_avg', n) : sq;
    for (let i = 0; i < n; i++) {
      let gi = sign * g[i];
      if (wd !== 0) gi = fmaf(w[i], wd, gi);
      const s = fmaf(f32(oneMinusAlpha * gi), gi, f32(sq[i] * alpha));
      sq[i] = s;
      let avg: number;
      if (group.centered) {
        const a = fmaf(gi, oneMinusAlpha, f32(ga[i] * alpha));
        ga[i] = a;
        avg = f32(f32(Math.sqrt(fmaf(-a, a, s))) + eps);
      } else {
        avg = f32(f32(Math.sqrt(s)) + eps);
      }
      if (group.momentum > 0) {
        const b = f32(f32(buf[i] * momentum) + f32(gi / avg));
        buf[i] = b;
        w[i] = fmaf(b, -lr, w[i]);
      } else {
        w[i] = w[i] - f32(f32(lr * gi) / avg);
      }
    }
  }
}
