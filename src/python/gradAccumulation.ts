// Notices the learner's classic slip of leaving out `optimizer.zero_grad()`: `.backward()` adds into `.grad`,
// so without zeroing, each step's update uses the sum of every gradient so far. The sign is a backward pass
// that starts while the parameters still hold gradients and their values have changed since the previous
// backward (an update happened in between, by an optimizer or by hand). Gradient accumulation on purpose
// (several backwards, then one step and a zero_grad) never updates with gradients left in place, so it is
// not flagged. Cheap on the hot path: a few leading values of each parameter are compared, and at most
// SCAN_LIMIT gradient values are read per step.
import type { Tensor } from '../engine/tensor';

/** Leading values kept per parameter to notice that an update changed it. */
const FINGERPRINT = 8;
/** Most gradient values read per step when looking for one that is not zero. */
const SCAN_LIMIT = 4096;

function sameStart(data: ArrayLike<number>, fingerprint: Float32Array): boolean {
  for (let i = 0; i < fingerprint.length; i++) if (!Object.is(Math.fround(data[i]), fingerprint[i])) return false;
  return true;
}

export class GradAccumulationCheck {
  private fingerprints: Float32Array[] | null = null;
  private reported = false;

  /** Called as a backward pass starts; true (once per run) when gradients of an earlier step are still there. */
  beforeBackward(params: readonly Tensor[]): boolean {
    const prints = this.fingerprints;
    if (this.reported || !prints || prints.length !== params.length) return false;
    if (params.every((p, i) => sameStart(p.data, prints[i]))) return false; // no update since the last backward
    let budget = SCAN_LIMIT;
    for (const p of params) {
      const g = p.grad?.data;
      if (!g) continue;
      const n = Math.min(g.length, budget);
      for (let i = 0; i < n; i++) {
        if (g[i] !== 0) {
          this.reported = true;
          return true;
        }
      }
      budget -= n;
      if (budget <= 0) break;
    }
    return false;
  }

  /** Called after a backward pass: remembers where the parameters are, to notice the update that follows. */
  afterBackward(params: readonly Tensor[]): void {
    this.fingerprints = params.map((p) => Float32Array.from(p.data.subarray(0, FINGERPRINT), Number));
  }
}
