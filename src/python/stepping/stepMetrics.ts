// Every training step's gradient norm and update/weight ratio per parameter, recorded as cheaply as the
// losses (a pass over each parameter's values per step) and sent with the `steps` batches, so the charts
// draw every step instead of the throttled parameter snapshots.
import type { Tensor } from '../../engine/tensor';
import { l2Distance, l2Norm } from '../../shared/paramStats';

/** A growable Float32Array of the steps not sent yet, indexed from the first unsent step. */
export class SeriesBuffer {
  data = new Float32Array(256);
  length = 0;
  push(v: number): void {
    this.set(this.length, v);
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const bigger = new Float32Array(Math.max(i + 1, this.data.length * 2));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    if (i > this.length) this.data.fill(NaN, this.length, i);
    this.data[i] = v;
    this.length = Math.max(this.length, i + 1);
  }
  take(n: number): Float32Array {
    const out = new Float32Array(n);
    out.set(this.data.subarray(0, Math.min(n, this.length)));
    if (this.length < n) out.fill(NaN, this.length);
    this.length = 0;
    return out;
  }
}

export interface NamedTensor {
  name: string;
  tensor: Tensor;
}

export class StepMetrics {
  private names: string[] = [];
  private norms: SeriesBuffer[] = [];
  private ratios: SeriesBuffer[] = [];

  /** The parameters whose numbers are recorded from now on (a new model: the buffers start afresh). */
  track(params: readonly NamedTensor[]): void {
    this.names = params.map((p) => p.name);
    this.norms = params.map(() => new SeriesBuffer());
    this.ratios = params.map(() => new SeriesBuffer());
  }

  /** After a backward: each gradient's L2 norm at `index` (steps since the first unsent one). */
  recordGrads(params: readonly NamedTensor[], index: number): void {
    if (index < 0 || params.length !== this.norms.length) return;
    params.forEach((p, k) => this.norms[k].set(index, p.tensor.grad ? l2Norm(p.tensor.grad.data) : NaN));
  }

  /** After an update: |after - before| / |before| of each parameter at `index`. */
  recordUpdate(params: readonly NamedTensor[], before: readonly Float32Array[], index: number): void {
    if (index < 0 || params.length !== this.ratios.length || before.length !== params.length) return;
    params.forEach((p, k) => {
      const old = before[k];
      if (old.length !== p.tensor.data.length) return;
      const norm = l2Norm(old);
      const change = l2Distance(p.tensor.data, old);
      this.ratios[k].set(index, norm > 0 ? change / norm : change === 0 ? 0 : Infinity);
    });
  }

  /** The next `n` steps' numbers (NaN where a step recorded none); empties the buffers. */
  take(n: number): {
    gradNorms: { names: string[]; norms: Float32Array[] };
    updateRatios: { names: string[]; ratios: Float32Array[] };
  } | null {
    if (this.names.length === 0) return null;
    return {
      gradNorms: { names: this.names, norms: this.norms.map((b) => b.take(n)) },
      updateRatios: { names: this.names, ratios: this.ratios.map((b) => b.take(n)) },
    };
  }
}
