// Rprop as in PyTorch 1.13 (torch/optim/rprop.py, single-tensor path), per element:
//   g = grad                                   (negated when maximize)
//   factor = etaplus if g * prev > 0, etaminus if < 0, else 1
//   step_size = clamp(step_size * factor, step_size_min, step_size_max)    (starts at lr)
//   g = 0 where the sign flipped (factor == etaminus)
//   p = p - sign(g) * step_size;  prev = g
// Only signs and the per-element step sizes matter: the gradient's size never enters the update.
import { pyError } from '../errors';
import { Tensor } from '../tensor';
import { Optimizer, ParamGroup, ParamsInput, checkNonNegative, withDefaults } from './optimizer';

export interface RpropOptions {
  lr: number;
  etas: [number, number];
  step_sizes: [number, number];
  foreach: boolean | null;
  maximize: boolean;
}

export class Rprop extends Optimizer<RpropOptions> {
  constructor(params: ParamsInput<RpropOptions>, options: Partial<RpropOptions> = {}) {
    const d = withDefaults<RpropOptions>(
      { lr: 1e-2, etas: [0.5, 1.2], step_sizes: [1e-6, 50], foreach: null, maximize: false },
      options,
    );
    d.etas = [d.etas[0], d.etas[1]];
    d.step_sizes = [d.step_sizes[0], d.step_sizes[1]];
    checkNonNegative(d.lr, 'learning rate');
    if (!(d.etas[0] > 0 && d.etas[0] < 1 && d.etas[1] > 1))
      throw pyError('ValueError', `Invalid eta values: ${d.etas[0]}, ${d.etas[1]}`);
    super(params, d);
  }

  get name(): string {
    return 'Rprop';
  }

  protected updateParam(p: Tensor, w: Float32Array, g: Float32Array, group: ParamGroup<RpropOptions>): void {
    const { f32 } = this.rounding();
    const etaminus = f32(group.etas[0]);
    const etaplus = f32(group.etas[1]);
    const lo = f32(group.step_sizes[0]);
    const hi = f32(group.step_sizes[1]);
    const sign = group.maximize ? -1 : 1;
    const n = w.length;
    const state = this.stateOf(p);
    if (typeof state.step !== 'number') state.step = 0;
    const prev = this.buffer(state, 'prev', n);
    const fresh = !(state.step_size instanceof (this.double ? Float64Array : Float32Array));
    const sizes = this.buffer(state, 'step_size', n, fresh ? f32(group.lr) : 0);
    state.step = (state.step as number) + 1;
    for (let i = 0; i < n; i++) {
      let gi = sign * g[i];
      const s = Math.sign(f32(gi * prev[i]));
      const factor = s > 0 ? etaplus : s < 0 ? etaminus : s === 0 ? 1 : s;
      let size = f32(sizes[i] * factor);
      // clamp_(min, max): max first, then min, NaN kept.
      if (size < lo) size = lo;
      if (size > hi) size = hi;
      sizes[i] = size;
      if (factor === etaminus) gi = 0;
      w[i] = f32(w[i] - Math.sign(gi) * size);
      prev[i] = gi;
    }
  }
}
