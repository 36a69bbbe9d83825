// What a training step fed the model and the loss: the model's input x (the data the prediction is computed
// from), the target y the loss compares the prediction with, how the prediction is read as a class (from the
// loss: BCELoss reads a probability, CrossEntropyLoss logits, ...), and a way to compute the model's output
// for other inputs (a grid) by replaying the graph. Also the points shown over the boundary and the curve:
// all of a full-batch training's data, or the latest mini-batches'.
import { Tensor } from '../../engine/tensor';
import type { OutputReadout } from '../../protocol';
import { findComparison, findModelInput, type LossGraph } from './graphWalk';
import { closeTo, leafLike, type Program } from './replay';

export interface ModelData {
  prediction: Tensor;
  target: Tensor;
  input: Tensor;
  /** Input features: 1 (x is [n] or [n, 1]) or 2 ([n, 2]); 0 for other inputs. */
  features: number;
  /** Output columns per row. */
  outputs: number;
  readout: OutputReadout;
  /** Classes (2 for one output column read as a probability); 0 for regression. */
  classes: number;
}

function isBinary(data: ArrayLike<number>, a: number, b: number): boolean {
  if (data.length === 0) return false;
  for (let i = 0; i < data.length; i++) if (data[i] !== a && data[i] !== b) return false;
  return true;
}

function readoutOf(nodeName: string, prediction: Tensor, target: Tensor): OutputReadout {
  if (nodeName === 'BinaryCrossEntropyBackward0') return 'probability';
  if (nodeName === 'BinaryCrossEntropyWithLogitsBackward0') return 'logit';
  if (nodeName === 'NllLossBackward0')
    return prediction.gradFn?.name === 'LogSoftmaxBackward0' ? 'logSoftmax' : 'softmax';
  if (target.dtype !== 'float32') return 'value';
  if (isBinary(target.data, 0, 1)) return 'score01';
  if (isBinary(target.data, -1, 1)) return 'scorePm1';
  return 'value';
}

/** The model's input, target and output at this step, or null when the loss compares no model output with data. */
export function modelData(graph: LossGraph): ModelData | null {
  const cmp = findComparison(graph);
  if (!cmp) return null;
  const { prediction, target } = cmp;
  const input = findModelInput(prediction, target);
  if (!input || prediction.shape.length === 0) return null;
  const n = prediction.shape[0];
  const features = input.shape.length === 1 ? 1 : input.shape[1] <= 2 ? input.shape[1] : 0;
  const outputs = prediction.data.length / n;
  const readout = readoutOf(cmp.nodeName, prediction, target);
  let classes = 0;
  if (readout === 'softmax' || readout === 'logSoftmax') classes = outputs;
  else if (readout !== 'value') classes = outputs === 1 ? 2 : outputs;
  return { prediction, target, input, features, outputs, readout, classes };
}

/** A one-column output read as the probability of class 1. */
function probability(v: number, readout: OutputReadout): number {
  if (readout === 'logit') return 1 / (1 + Math.exp(-v));
  if (readout === 'scorePm1') return (Math.max(-1, Math.min(1, v)) + 1) / 2;
  return Math.max(0, Math.min(1, v));
}

/**
 * Each row of model outputs (rows x outputs) read as a class: the predicted class (argmax, or probability >=
 * 0.5 for one column) into `classes`, and that class's probability into `confidence`.
 */
export function classify(
  out: Float32Array,
  outputs: number,
  readout: OutputReadout,
  classes: Float32Array,
  confidence: Float32Array,
): void {
  const rows = classes.length;
  if (outputs === 1) {
    for (let r = 0; r < rows; r++) {
      const p = probability(out[r], readout);
      classes[r] = p >= 0.5 ? 1 : 0;
      confidence[r] = p >= 0.5 ? p : 1 - p;
    }
    return;
  }
  for (let r = 0; r < rows; r++) {
    const o = r * outputs;
    let best = 0;
    for (let c = 1; c < outputs; c++) if (out[o + c] > out[o + best]) best = c;
    classes[r] = best;
    if (readout === 'softmax') {
      let s = 0;
      for (let c = 0; c < outputs; c++) s += Math.exp(out[o + c] - out[o + best]);
      confidence[r] = 1 / s;
    } else if (readout === 'logSoftmax') confidence[r] = Math.exp(out[o + best]);
    else confidence[r] = Math.max(0, Math.min(1, out[o + best]));
  }
}

/** The true class of each target row: a class index, a 0/1 (or -1/1) label, or a one-hot row's argmax. */
export function targetClasses(target: Tensor, data: ModelData): Float32Array {
  const n = data.prediction.shape[0];
  const per = target.data.length / n;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    if (per === 1) {
      const v = Number(target.data[i]);
      out[i] =
        data.readout === 'scorePm1'
          ? v > 0
            ? 1
            : 0
          : data.classes === 2 && target.dtype === 'float32'
            ? v >= 0.5
              ? 1
              : 0
            : v;
      continue;
    }
    let best = 0;
    for (let c = 1; c < per; c++) if (target.data[i * per + c] > target.data[i * per + best]) best = c;
    out[i] = best;
  }
  return out;
}

/**
 * Computes the model's output for other inputs: one replay with all rows when the model treats rows
 * independently (checked: two copies of the step's input give the step's output twice), else in chunks of
 * the step's batch size. Dropout is left out, as in `model.eval()`.
 */
export class ModelEvaluator {
  private readonly n: number;
  private readonly xSlot: number;
  private readonly predSlot: number;
  readonly batched: boolean;

  constructor(
    private readonly program: Program,
    private readonly data: ModelData,
  ) {
    this.n = data.prediction.shape[0];
    this.xSlot = program.slot(data.input)!;
    this.predSlot = program.slot(data.prediction)!;
    this.batched = this.rowsIndependent();
  }

  /** Model outputs (rows x outputs) for `rows` input rows given row-major in `x`. */
  evaluate(x: Float32Array, rows: number): Float32Array {
    const width = this.data.outputs;
    if (this.batched) return this.replay(x, rows).data as Float32Array;
    const out = new Float32Array(rows * width);
    const per = x.length / rows;
    for (let start = 0; start < rows; start += this.n) {
      const chunk = new Float32Array(this.n * per);
      chunk.set(x.subarray(start * per, Math.min(rows, start + this.n) * per));
      const got = this.replay(chunk, this.n).data as Float32Array;
      out.set(got.subarray(0, (Math.min(rows, start + this.n) - start) * width), start * width);
    }
    return out;
  }

  private replay(x: Float32Array, rows: number): Tensor {
    const shape = [rows, ...this.data.input.shape.slice(1)];
    const ctx = { batch: rows === this.n ? null : { from: this.n, to: rows }, eval: true };
    const values = this.program.run(new Map([[this.xSlot, leafLike(shape, x)]]), [this.predSlot], ctx);
    const out = values[this.predSlot];
    if (out.data.length !== rows * this.data.outputs) throw new Error('internal: replay gave another shape');
    return out;
  }

  private rowsIndependent(): boolean {
    try {
      const x = this.data.input.data as Float32Array;
      const once = this.replay(x, this.n);
      const twice = new Float32Array(x.length * 2);
      twice.set(x);
      twice.set(x, x.length);
      const both = this.replay(twice, this.n * 2);
      const half = once.data.length;
      return (
        closeTo(new Tensor((both.data as Float32Array).slice(0, half), once.shape), once) &&
        closeTo(new Tensor((both.data as Float32Array).slice(half), once.shape), once)
      );
    } catch {
      return false;
    }
  }
}

/** Most points kept for drawing (a full batch, or the latest mini-batches). */
export const MAX_POINTS = 400;

/** The training points drawn under the model: the step's inputs and targets, gathered over mini-batches. */
export class PointReservoir {
  private lastInput: Tensor | null = null;
  private lastVersion = -1;
  private x: number[] = [];
  private y: number[] = [];
  private features = 0;

  /** Adds the step's rows (a new batch) or takes them as all the data (the same tensor as before). */
  take(input: Tensor, labels: ArrayLike<number>, features: number): void {
    const n = labels.length;
    const sameData = input === this.lastInput && input.version === this.lastVersion;
    if (sameData && features === this.features) return;
    if (input === this.lastInput || features !== this.features) {
      this.x = [];
      this.y = [];
    }
    this.lastInput = input;
    this.lastVersion = input.version;
    this.features = features;
    for (let i = 0; i < n; i++) {
      for (let f = 0; f < features; f++) this.x.push(Number(input.data[i * features + f]));
      this.y.push(Number(labels[i]));
    }
    const excess = this.y.length - MAX_POINTS;
    if (excess > 0) {
      this.x.splice(0, excess * features);
      this.y.splice(0, excess);
    }
  }

  points(): Float32Array {
    return Float32Array.from(this.x);
  }

  targets(): Float32Array {
    return Float32Array.from(this.y);
  }

  get count(): number {
    return this.y.length;
  }
}
