// F.prelu, F.threshold and F.rrelu: relu's relatives whose negative side is a parameter, a
// constant or a fixed slope. Each records PyTorch's grad_fn and computes its derivative below it.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor } from '../tensor';
import { floats } from '../buffers';
import { floatData, requireFloat } from './util';
import { unaryFloat } from './unary';
import { leaky_relu } from './activation';
import { sum } from './reduce';
import { defaultGen } from '../random';

/**
 * F.prelu(input, weight): x where x > 0, else weight[c] * x, with c the channel (dim 1; one weight shared by
 * all when weight has one element). The weight's gradient is ATen's: the products x * g of the negative
 * side, zero elsewhere, then summed over every dim but the channel's (at::sum).
 */
export function prelu(x: Tensor, weight: Tensor): Tensor {
  requireFloat(x, 'prelu');
  const channels = x.ndim > 1 ? x.shape[1] : 1;
  const count = weight.numel();
  if (count !== 1 && count !== channels) {
    throw pyError(
      'RuntimeError',
      `Mismatch of parameter numbers and input channel size. Found parameter numbers = ${count} and channel size = ${channels}.`,
    );
  }
  const X = floatData(x);
  const W = floatData(weight);
  const inner = x.ndim > 2 ? x.shape.slice(2).reduce((a, b) => a * b, 1) : 1;
  const channelOf = (i: number): number => (count === 1 ? 0 : Math.floor(i / inner) % channels);
  const y = floats(X.length);
  for (let i = 0; i < X.length; i++) y[i] = X[i] > 0 ? X[i] : W[channelOf(i)] * X[i];
  if (!needsGrad(x, weight)) return Tensor.result(y, x.shape, null);
  const node = new Node('PreluBackward0', [x, weight], (g) => {
    let gx: Float32Array | null = null;
    if (x.requiresGrad) {
      gx = floats(X.length);
      for (let i = 0; i < X.length; i++) gx[i] = X[i] > 0 ? g[i] : W[channelOf(i)] * g[i];
    }
    let gw: Float32Array | null = null;
    if (weight.requiresGrad) {
      const products = floats(X.length);
      for (let i = 0; i < X.length; i++) products[i] = X[i] > 0 ? 0 : X[i] * g[i];
      const all = Tensor.result(products, x.shape, null);
      const rest = x.shape.map((_, d) => d).filter((d) => d !== 1);
      gw = (count === 1 || x.ndim < 2 ? sum(all) : sum(all, rest)).data as Float32Array;
    }
    return [gx, gw];
  });
  node.save(x).save(weight);
  return Tensor.result(y, x.shape, node);
}

/**
 * F.threshold(input, threshold, value): value where x <= threshold, else x (compared in float32), so a NaN stays
 * and its gradient passes, as PyTorch's threshold and threshold_backward compare.
 */
export function threshold(x: Tensor, thresholdValue: number, value: number): Tensor {
  requireFloat(x, 'threshold');
  const t = Math.fround(thresholdValue);
  const v = Math.fround(value);
  return unaryFloat(
    x,
    'ThresholdBackward0',
    (a) => (a <= t ? v : a),
    (a) => (a <= t ? 0 : 1),
  );
}

/**
 * F.rrelu(input, lower, upper, training): in eval mode leaky_relu with the mean slope (lower + upper) / 2, as
 * ATen's rrelu_with_noise (its grad_fn is RreluWithNoiseBackward0); in training mode, per element in order,
 * a slope drawn for each non-positive input from uniform_real_distribution<double>(lower, upper) of the
 * global generator (lower and upper first rounded to float32), the gradient scaled by the same slope.
 */
export function rrelu(x: Tensor, lower: number, upper: number, training = false): Tensor {
  if (!training) {
    const y = leaky_relu(x, (lower + upper) / 2);
    if (y.gradFn) {
      const inner = y.gradFn;
      const renamed = new Node('RreluWithNoiseBackward0', inner.inputs, inner.backward, inner.diff);
      renamed.saved = inner.saved;
      renamed.savedVersions = inner.savedVersions;
      y.gradFn = renamed;
    }
    return y;
  }
  requireFloat(x, 'rrelu_with_noise');
  const X = floatData(x);
  const lo = Math.fround(lower);
  const range = Math.fround(upper) - lo;
  const gen = defaultGen();
  const noise = floats(X.length);
  const y = floats(X.length);
  for (let i = 0; i < X.length; i++) {
    noise[i] = X[i] <= 0 ? gen.uniformDouble() * range + lo : 1;
    y[i] = X[i] * noise[i];
  }
  if (!needsGrad(x)) return Tensor.result(y, x.shape, null);
  const node = new Node('RreluWithNoiseBackward0', [x], (g) => {
    const gx = floats(X.length);
    for (let i = 0; i < X.length; i++) gx[i] = g[i] * noise[i];
    return [gx];
  });
  node.save(x);
  return Tensor.result(y, x.shape, node);
}
