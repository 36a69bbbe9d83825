// Adam and AdamW as in PyTorch 1.13 (torch/optim/adam.py and adamw.py, single-tensor path), per element:
//   step += 1
//   Adam:  g = grad + weight_decay * p          AdamW: p = p * (1 - lr * weight_decay)   (decoupled)
//   m = beta1 * m + (1 - beta1) * g
//   v = beta2 * v + (1 - beta2) * g * g
//   vmax = max(vmax, v) when amsgrad, and it replaces v below
//   denom = sqrt(v) / sqrt(1 - beta2^step) + eps          (eps added after the bias correction)
//   p = p - (lr / (1 - beta1^step)) * m / denom
// PyTorch's CPU kernels (AVX2 here) compute add-with-alpha as fma(g, alpha, x) and addcmul as
// fma(value * g, g, x): one rounding each, which fmaf reproduces.
import { AdamHyperparameters, adamStepWasm } from '../kernels/adam';
import { Tensor } from '../tensor';
import { pow } from '../pymath';
import { Optimizer, ParamGroup, ParamsInput } from './optimizer';
import { adamFamilyConstants, adamFamilyDefaults } from './adamFamily';

export interface AdamOptions {
  lr: number;
  betas: [number, number];
  eps: number;
  weight_decay: number;
  amsgrad: boolean;
  foreach: boolean | null;
  maximize: boolean;
  capturable: boolean;
  differentiable: boolean;
  fused: boolean;
}

// Each group's keys in PyTorch 1.13's order (param_groups and state_dict() list them so): AdamW has no
// `differentiable` or `fused` in 1.13, and puts `foreach` before `maximize`.
const ADAM_TABLE: AdamOptions = {
  lr: 1e-3,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weight_decay: 0,
  amsgrad: false,
  maximize: false,
  foreach: null,
  capturable: false,
  differentiable: false,
  fused: false,
};
const ADAMW_TABLE = {
  lr: 1e-3,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weight_decay: 1e-2,
  amsgrad: false,
  foreach: null,
  maximize: false,
  capturable: false,
} as unknown as AdamOptions;

function adamDefaults(options: Partial<AdamOptions>, table: AdamOptions): AdamOptions {
  return adamFamilyDefaults(table, options);
}

export class Adam extends Optimizer<AdamOptions> {
  /** AdamW shrinks the weights directly instead of adding weight_decay * p to the gradient. */
  protected readonly decoupled: boolean = false;

  constructor(params: ParamsInput<AdamOptions>, options: Partial<AdamOptions> = {}) {
    super(params, adamDefaults(options, (new.target as { defaultsTable?: AdamOptions }).defaultsTable ?? ADAM_TABLE));
  }

  get name(): string {
    return 'Adam';
  }

  /** Reused for every call into the WebAssembly kernel (no allocation per step). */
  private readonly hyper: AdamHyperparameters = {
    lr: 0,
    beta1: 0,
    beta2: 0,
    eps: 0,
    weightDecay: 0,
    amsgrad: false,
    maximize: false,
    decoupled: false,
    // Single-rounding multiply-adds as PyTorch 1.13's AVX2 kernels, like the TypeScript loop below: both
    // paths are bit-identical to real PyTorch (test/unit/optim-torch.test.ts).
    fused: true,
  };

  protected updateParam(p: Tensor, w: Float32Array, g: Float32Array, group: ParamGroup<AdamOptions>): void {
    const { f32, fmaf } = this.rounding();
    const { beta1, beta2, b1, b2, oneMinusB1, oneMinusB2, eps, wd } = adamFamilyConstants(group, f32);
    const decay = this.decoupled ? f32(1 - group.lr * group.weight_decay) : 1;
    const sign = group.maximize ? -1 : 1;
    const n = w.length;
    const state = this.stateOf(p);
    const step = this.nextStep(state);
    const m = this.buffer(state, 'exp_avg', n);
    const v = this.buffer(state, 'exp_avg_sq', n);
    const vmax = group.amsgrad ? this.buffer(state, 'max_exp_avg_sq', n) : v;
    // Python-float scalars, computed in double as PyTorch does, then used as float32 in the kernels.
    const bc1 = 1 - pow(beta1, step);
    const bc2Sqrt = f32(Math.sqrt(1 - pow(beta2, step)));
    const stepSize = f32(group.lr / bc1);
    const h = this.hyper;
    h.lr = group.lr;
    h.beta1 = beta1;
    h.beta2 = beta2;
    h.eps = group.eps;
    h.weightDecay = group.weight_decay;
    h.amsgrad = group.amsgrad;
    h.maximize = group.maximize;
    h.decoupled = this.decoupled;
    // Large tensors go through the bit-identical SIMD kernel; it declines small ones (and missing SIMD).
    if (!this.double && adamStepWasm(w, g, m, v, group.amsgrad ? vmax : null, step, h)) return;
    for (let i = 0; i < n; i++) {
      let gi = sign * g[i];
      if (this.decoupled) {
        if (group.weight_decay !== 0) w[i] = w[i] * decay;
      } else if (wd !== 0) gi = fmaf(w[i], wd, gi);
      const mi = fmaf(gi, oneMinusB1, f32(m[i] * b1));
      m[i] = mi;
      const vi = fmaf(f32(oneMinusB2 * gi), gi, f32(v[i] * b2));
      v[i] = vi;
      let s = vi;
      if (group.amsgrad) {
        s = vmax[i] > vi ? vmax[i] : vi;
        vmax[i] = s;
      }
      const denom = f32(f32(f32(Math.sqrt(s)) / bc2Sqrt) + eps);
      w[i] = w[i] - f32(f32(stepSize * mi) / denom);
    }
  }
}

export class AdamW extends Adam {
  static readonly defaultsTable = ADAMW_TABLE;
  protected override readonly decoupled: boolean = true;

  constructor(params: ParamsInput<AdamOptions>, options: Partial<AdamOptions> = {}) {
    super(params, options);
  }

  override get name(): string {
    return 'AdamW';
  }
}
