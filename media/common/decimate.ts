// Keeps a long series drawable: a chart gets at most `maxPoints` points however many steps a run makes.
// Values are folded into buckets of `bucketSize` consecutive steps; when there are too many buckets, pairs
// are merged and the bucket size doubles, so old points are decimated and appending stays O(1) amortised.
// Each bucket keeps its minimum and maximum with their steps, so spikes (a diverging loss) stay visible.

export interface Point {
  x: number;
  y: number;
}

interface Bucket {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export class MinMaxDecimator {
  private buckets: Bucket[] = [];
  private bucketSize = 1;
  private count = 0;
  private firstX = 0;

  constructor(private readonly maxPoints: number) {
    if (maxPoints < 4) throw new RangeError('maxPoints must be at least 4');
  }

  /** Number of values appended so far. */
  get length(): number {
    return this.count;
  }

  /** Clears the series; the next value appended has step `firstX`. */
  reset(firstX = 0): void {
    this.buckets = [];
    this.bucketSize = 1;
    this.count = 0;
    this.firstX = firstX;
  }

  /** Appends values for consecutive steps. Non-finite values are skipped (they would break the scale). */
  push(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.pushOne(values[i]);
  }

  pushOne(y: number): void {
    const x = this.firstX + this.count;
    this.count++;
    if (!Number.isFinite(y)) return;
    const index = Math.floor((x - this.firstX) / this.bucketSize);
    const last = this.buckets[this.buckets.length - 1];
    if (last && this.bucketIndex(last) === index) {
      if (y < last.minY) {
        last.minY = y;
        last.minX = x;
      }
      if (y > last.maxY) {
        last.maxY = y;
        last.maxX = x;
      }
      return;
    }
    this.buckets.push({ minX: x, minY: y, maxX: x, maxY: y });
    // Two points per bucket are drawn, so `maxPoints / 2` buckets fill the budget.
    if (this.buckets.length > this.maxPoints / 2) this.halve();
  }

  private bucketIndex(b: Bucket): number {
    return Math.floor((b.minX - this.firstX) / this.bucketSize);
  }

  private halve(): void {
    this.bucketSize *= 2;
    const merged: Bucket[] = [];
    for (const b of this.buckets) {
      const last = merged[merged.length - 1];
      if (last && this.bucketIndex(last) === this.bucketIndex(b)) {
        if (b.minY < last.minY) {
          last.minY = b.minY;
          last.minX = b.minX;
        }
        if (b.maxY > last.maxY) {
          last.maxY = b.maxY;
          last.maxX = b.maxX;
        }
      } else {
        merged.push({ ...b });
      }
    }
    this.buckets = merged;
  }

  /** The points to draw, in step order: each bucket's minimum and maximum (one point if they coincide). */
  points(): Point[] {
    const out: Point[] = [];
    for (const b of this.buckets) {
      if (b.minX === b.maxX) out.push({ x: b.minX, y: b.minY });
      else if (b.minX < b.maxX) out.push({ x: b.minX, y: b.minY }, { x: b.maxX, y: b.maxY });
      else out.push({ x: b.maxX, y: b.maxY }, { x: b.minX, y: b.minY });
    }
    return out;
  }
}

/**
 * Exponential moving average as TensorBoard draws it (debiased, so the first points are not pulled to 0).
 * `weight` 0 returns the values unchanged.
 */
export class Smoother {
  private last = 0;
  private n = 0;
  constructor(readonly weight: number) {}

  next(y: number): number {
    if (this.weight <= 0 || !Number.isFinite(y)) return y;
    this.last = this.last * this.weight + (1 - this.weight) * y;
    this.n++;
    return this.last / (1 - Math.pow(this.weight, this.n));
  }
}
