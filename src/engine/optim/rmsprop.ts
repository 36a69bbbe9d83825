// RMSprop as in PyTorch 1.13 (torch/optim/rmsprop.py, single-tensor path), per element:
//   g = grad + weight_decay * p
//   sq = alpha * sq + (1 - alpha) * g * g
//   centered: ga = alpha * ga + (1 - alpha) * g;  avg = sqrt(sq - ga * ga) + eps
//   else:     avg = sqrt(sq) + eps
//   momentum > 0: buf = momentum * buf + g / avg;  p = p - lr * buf     (buf starts at zeros)
//   else:         p = p - lr * g / avg
// add-with-alpha and addcmul are single-rounding FMAs, as PyTorch 1.13's AVX2 kernels compute them.
import { pyError } from '../errors';
import { Optimizer, ParamGroup, ParamsInput, withExtras } from './optimizer';
import { bumpVersion } from './sgd';
import { fmaf } from '../random';

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

const f32 = Math.fround;

export class RMSprop extends Optimizer<RMSpropOptions> {
  constructor(params: ParamsInput<RMSpropOptions>, options: Partial<RMSpropOptions> = {}) {
    const d: RMSpropOptions = {
      lr: options.lr ?? 1e-2,
      alpha: options.alpha ?? 0.99,
      eps: options.eps ?? 1e-8,
      weight_decay: options.weight_decay ?? 0,
      momentum: options.momentum ?? 0,
      centered: options.centered ?? false,
      foreach: options.foreach ?? null,
      maximize: options.maximize ?? false,
      differentiable: options.differentiable ?? false,
    };
    if (!(d.lr >= 0)) throw pyError('ValueError', `Invalid learning rate: ${d.lr}`);
    if (!(d.eps >= 0)) throw pyError('ValueError', `Invalid epsilon value: ${d.eps}`);
    if (!(d.momentum >= 0)) throw pyError('ValueError', `Invalid momentum value: ${d.momentum}`);
    if (!(d.weight_decay >= 0)) throw pyError('ValueError', `Invalid weight_decay value: ${d.weight_decay}`);
    if (!(d.alpha >= 0)) throw pyError('ValueError', `Invalid alpha value: ${d.alpha}`);
    super(params, withExtras(d, options));
  }

  get name(): string {
    return 'RMSprop';
  }

  protected updateGroup(group: ParamGroup<RMSpropOptions>): void {
    const lr = f32(group.lr);
    const alpha = f32(group.alpha);
    const oneMinusAlpha = f32(1 - group.alpha);
    const eps = f32(group.eps);
    const wd = f32(group.weight_decay);
    const momentum = f32(group.momentum);
    const sign = group.maximize ? -1 : 1;
    for (const p of group.params) {
      if (p.grad === null) continue;
      const w = p.data as Float32Array;
      const g = p.grad.data as Float32Array;
      const n = w.length;
      const state = this.stateOf(p);
      state.step = (typeof state.step === 'number' ? state.step : 0) + 1;
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
      bumpVersion(p);
    }
  }
}
