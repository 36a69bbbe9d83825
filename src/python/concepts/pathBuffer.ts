// The optimizer's path through parameter space, one fixed-width record per kept step. However long the run,
// at most `capacity` records are kept: when full, every other one is dropped and from then on only every
// second step (then fourth, ...) is recorded, so the path always spans the whole run evenly.

export class PathBuffer {
  private data: Float32Array;
  private stepsOf: Float64Array;
  length = 0;
  /** Record every `stride`-th step only. */
  private stride = 1;
  private first = -1;

  constructor(
    readonly width: number,
    private readonly capacity = 600,
  ) {
    this.data = new Float32Array(width * capacity);
    this.stepsOf = new Float64Array(capacity);
  }

  /** Whether a record of `step` would be kept (callers skip computing one that would not). */
  wants(step: number): boolean {
    return this.first < 0 || (step - this.first) % this.stride === 0;
  }

  /** Appends a record of `step` (call only when `wants(step)`) and returns its `width` numbers to fill in. */
  push(step: number): Float32Array {
    if (this.length === this.capacity) this.halve();
    if (this.first < 0) this.first = step;
    this.stepsOf[this.length] = step;
    return this.data.subarray(this.length * this.width, ++this.length * this.width);
  }

  record(i: number): Float32Array {
    return this.data.subarray(i * this.width, (i + 1) * this.width);
  }

  step(i: number): number {
    return this.stepsOf[i];
  }

  get lastStep(): number {
    return this.length > 0 ? this.stepsOf[this.length - 1] : -1;
  }

  private halve(): void {
    let j = 0;
    for (let i = 0; i < this.length; i += 2) {
      this.data.copyWithin(j * this.width, i * this.width, (i + 1) * this.width);
      this.stepsOf[j++] = this.stepsOf[i];
    }
    this.length = j;
    this.stride *= 2;
  }
}
