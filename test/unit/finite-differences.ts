// The float64 gradient check the op tests share: backward's gradients against central differences of
// L = sum(fn(...inputs) * r) for random weights r, with fn run in float64 mode (as the bridge runs an op whose
// operands are float64). gradcheck-float64.test.ts keeps its own, stricter fourth-order check.
import assert from 'node:assert/strict';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { setFloat64Mode } from '../../src/engine/buffers';

/** fn in float64 mode. */
export function inDouble<T>(fn: () => T): T {
  const previous = setFloat64Mode(true);
  try {
    return fn();
  } finally {
    setFloat64Mode(previous);
  }
}

export interface GradcheckOptions {
  /** Random numbers in [0, 1): the weights r. */
  rnd: () => number;
  /** The central difference's step (default 1e-3). */
  step?: number;
  /** The relative tolerance (default 1e-7). */
  tolerance?: number;
  /** Elements exempt from the check (input k, element i): a kink of the function there. */
  skip?: (k: number, i: number) => boolean;
}

export function gradcheck(
  name: string,
  inputs: Tensor[],
  fn: (...x: Tensor[]) => Tensor,
  { rnd, step = 1e-3, tolerance = 1e-7, skip }: GradcheckOptions,
): void {
  const out = inDouble(() => fn(...inputs));
  const r = Float64Array.from({ length: out.data.length }, () => rnd() * 2 - 1);
  inDouble(() => out.backward(new Tensor(Float64Array.from(r), out.shape, 'float64')));
  const loss = (): number => {
    const o = torch.noGrad(() => inDouble(() => fn(...inputs)));
    let l = 0;
    for (let k = 0; k < r.length; k++) l += o.data[k] * r[k];
    return l;
  };
  inputs.forEach((x, k) => {
    const analytic = x.grad;
    assert.ok(analytic, `${name}: input ${k} got no gradient`);
    for (let i = 0; i < x.data.length; i++) {
      if (skip?.(k, i)) continue;
      const orig = x.data[i];
      x.data[i] = orig + step;
      const up = loss();
      x.data[i] = orig - step;
      const down = loss();
      x.data[i] = orig;
      const numeric = (up - down) / (2 * step);
      assert.ok(
        Math.abs(analytic.data[i] - numeric) <= tolerance * Math.max(1, Math.abs(numeric)),
        `${name}: d/dx${k}[${i}] analytic ${analytic.data[i]} vs numeric ${numeric}`,
      );
    }
  });
}
