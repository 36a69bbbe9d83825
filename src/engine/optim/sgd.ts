// SGD as in PyTorch 1.13 (torch/optim/sgd.py, single-tensor path), per element, float32 rounding at each
// tensor op PyTorch performs:
//   g = grad (+ weight_decay * p)                  (negated first when maximize)
//   buf = g on the first step, else momentum * buf + (1 - dampening) * g
//   g = g + momentum * buf if nesterov, else buf   (only when momentum != 0)
//   p = p - lr * g
// Each "x + alpha * y" is one single-rounding FMA, as PyTorch 1.13's AVX2 add kernel computes it.
import { pyError } from '../errors';
import { Tensor } from '../tensor';
import { Optimizer, ParamGroup, ParamsInput, withDefaults } from './optimizer';

export interface SGDOptions {
  lr: number;
  momentum: number;
  dampening: number;
  weight_decay: number;
  nesterov: boolean;
  maximize: boolean;
  foreach: boolean | null;
  differentiable: boolean;
}

export class SGD extends Optimizer<SGDOptions> {
  constructor(params: ParamsInput<SGDOptions>, options: Partial<SGDOptions> = {}) {
    const defaults = withDefaults<SGDOptions>(
      {
        lr: NaN,
        momentum: 0,
        dampening: 0,
        weight_decay: 0,
        nesterov: false,
        maximize: false,
        foreach: null,
        differentiable: false,
      },
      options,
    );
    if (options.lr !== undefined && options.lr < 0) throw pyError('ValueError', `Invalid learning rate: ${options.lr}`);
    if (defaults.momentum < 0) throw pyError('ValueError', `Invalid momentum value: ${defaults.momentum}`);
    if (defaults.weight_decay < 0) throw pyError('ValueError', `Invalid weight_decay value: ${defaults.weight_decay}`);
    if (defaults.nesterov && (defaults.momentum <= 0 || defaults.dampening !== 0)) {
      throw pyError('ValueError', 'Nesterov momentum requires a momentum and zero dampening');
    }
    // lr has no default in PyTorch's SGD: a group without one is an error (NaN marks "not given").
    super(params, defaults, options.lr === undefined ? ['lr'] : []);
  }

  get name(): string {
    return 'SGD';
  }

  protected updateParam(p: Tensor, w: Float32Array, g: Float32Array, group: ParamGroup<SGDOptions>): void {
    const { f32, fmaf } = this.rounding();
    const lr = f32(group.lr);
    const wd = f32(group.weight_decay);
    const sign = group.maximize ? -1 : 1;
    const n = w.length;
    if (group.momentum === 0) {
      this.stateOf(p); // PyTorch records momentum_buffer = None for every stepped parameter (its state_dict shows it)
      for (let i = 0; i < n; i++) {
        const d = wd === 0 ? sign * g[i] : fmaf(w[i], wd, sign * g[i]);
        w[i] = fmaf(d, -lr, w[i]);
      }
      return;
    }
    const momentum = f32(group.momentum);
    const keep = f32(1 - group.dampening);
    const nesterov = group.nesterov;
    const state = this.stateOf(p);
    const prev = state.momentum_buffer;
    const first = prev === undefined || typeof prev === 'number' || prev.length !== n;
    const buf = this.buffer(state, 'momentum_buffer', n);
    for (let i = 0; i < n; i++) {
      const d = wd === 0 ? sign * g[i] : fmaf(w[i], wd, sign * g[i]);
      // The buffer starts as a copy of the first gradient (no dampening on that step).
      const b = first ? d : fmaf(d, keep, f32(buf[i] * momentum));
      buf[i] = b;
      const u = nesterov ? fmaf(b, momentum, d) : b;
      w[i] = fmaf(u, -lr, w[i]);
    }
  }
}
