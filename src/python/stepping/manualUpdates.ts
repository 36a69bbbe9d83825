// Hand-written updates: `with torch.no_grad(): w -= lr * w.grad` (or `p.data -= ...`, `p.copy_(...)`). An
// in-place write that autograd does not record, into a parameter's values, after a backward and before the
// next forward, is an update. The first such write snapshots every parameter (the values before); the
// group ends once every parameter has been written, when gradients are recorded again (the `no_grad` block
// ends), at the next forward or backward, or at the end of the run; the whole group is one update.
import type { Tensor } from '../../engine/tensor';
import type { SourcePos } from '../../protocol';
import type { NamedTensor } from './stepMetrics';

export interface ManualUpdate {
  before: Float32Array[];
  /** The line of the group's last write (the update the learner wrote). */
  pos: SourcePos | null;
  /** Indices of the parameters written. */
  updated: number[];
}

export class ManualUpdateTracker {
  /** A backward happened and no update has closed the step yet. */
  private armed = false;
  private group: ManualUpdate | null = null;

  /** A backward pass completed: the next in-place write into a parameter is an update. */
  afterBackward(): void {
    this.armed = true;
    this.group = null;
  }

  /** An optimizer stepped: the step is updated; later writes (clipping, say) are not another update. */
  optimizerStepped(): void {
    this.armed = false;
    this.group = null;
  }

  get active(): boolean {
    return this.group !== null;
  }

  /** An untracked in-place write into `target` is about to happen. */
  write(target: Tensor, params: readonly NamedTensor[], pos: () => SourcePos | null): void {
    if (!this.armed || params.length === 0) return;
    const k = params.findIndex((p) => p.tensor === target || p.tensor.data === target.data);
    if (k < 0) return;
    if (!this.group) {
      const before = params.map((p) => Float32Array.from(p.tensor.data));
      this.group = { before, pos: null, updated: [] };
    }
    if (!this.group.updated.includes(k)) this.group.updated.push(k);
    this.group.pos = pos();
  }

  /** Whether the open group has written every one of `count` parameters. */
  covers(count: number): boolean {
    return this.group !== null && this.group.updated.length >= count;
  }

  /** Ends the group: the update it made (null when none is open). */
  close(): ManualUpdate | null {
    const g = this.group;
    if (!g) return null;
    this.group = null;
    this.armed = false;
    return g;
  }
}
