// 3-D convolution (F.conv3d, nn.Conv3d) over [N, C, D, H, W] (or unbatched [C, D, H, W]) and its three
// gradients, with PyTorch 1.13's checks and messages and the summation orders of its oneDNN kernels
// (convKernels3d.ts). A batch of one with a small kernel goes through ATen's vol2col + BLAS there (the same
// sums in another order: the last bits can differ), as for 2-D (conv.ts).
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor } from '../tensor';
import { floats } from '../buffers';
import { fmtShape } from '../shape';
import { checkChannels, checkConvDTypes, unbatched } from './conv';
import { channelSums } from './convKernels';
import { conv3dDiff } from './convDiff3d';
import {
  type Geometry3,
  type Triple,
  forwardLoops3,
  inputGrad3,
  inputGradCol2vol,
  weightGrad3,
  withRanges3,
} from './convKernels3d';

export type { Triple } from './convKernels3d';

export interface Conv3dOptions {
  stride: Triple;
  /** Symmetric zero padding per side, or 'same' / 'valid' as PyTorch accepts them. */
  padding: Triple | 'same' | 'valid';
  dilation: Triple;
  groups: number;
}

/** PyTorch's rank, stride, dilation and groups checks for a 3-D convolution. */
export function checkRanks3(
  x: Tensor,
  weight: Tensor,
  stride: Triple,
  dilation: Triple,
  groups: number,
  op = 'conv3d',
): void {
  if (weight.ndim !== 5) {
    throw pyError(
      'RuntimeError',
      `expected stride to be a single integer value or a list of ${weight.ndim - 2} values to match the convolution dimensions, but got stride=[${stride.join(', ')}]`,
    );
  }
  if (x.ndim !== 5) {
    throw pyError(
      'RuntimeError',
      `Expected 4D (unbatched) or 5D (batched) input to ${op}, but got input of size: ${fmtShape(x.shape)}`,
    );
  }
  if (stride.some((s) => s <= 0)) throw pyError('RuntimeError', 'non-positive stride is not supported');
  if (dilation.some((d) => d <= 0)) throw pyError('RuntimeError', 'non-positive dilation is not supported');
  if (groups <= 0) throw pyError('RuntimeError', 'non-positive groups is not supported');
  if (weight.shape[0] % groups !== 0) {
    throw pyError(
      'RuntimeError',
      `Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got weight of size [${fmtShape(weight.shape)}] instead`,
    );
  }
}

/** [before, total] padding per axis: 'same' pads total / 2 before and the rest after, as PyTorch. */
function resolvePadding(opts: Conv3dOptions, kernel: Triple): { before: Triple; total: Triple } {
  const p = opts.padding;
  if (p === 'valid') return { before: [0, 0, 0], total: [0, 0, 0] };
  if (p === 'same') {
    if (opts.stride.some((s) => s !== 1)) {
      throw pyError('RuntimeError', "padding='same' is not supported for strided convolutions");
    }
    const total = kernel.map((k, a) => opts.dilation[a] * (k - 1)) as Triple;
    return { before: total.map((t) => t >> 1) as Triple, total };
  }
  if (typeof p === 'string') throw pyError('RuntimeError', `Invalid padding string: '${String(p)}'`);
  if (p.some((v) => v < 0)) throw pyError('RuntimeError', 'negative padding is not supported');
  return { before: [...p], total: p.map((v) => 2 * v) as Triple };
}

function geometry(x: Tensor, weight: Tensor, bias: Tensor | null, opts: Conv3dOptions): Geometry3 {
  checkRanks3(x, weight, opts.stride, opts.dilation, opts.groups);
  checkChannels(x, weight, bias, opts.groups, false);
  const [n, c, ...size] = x.shape;
  const [o, cg, ...kernel] = weight.shape;
  const { before, total } = resolvePadding(opts, kernel as Triple);
  const eff = kernel.map((k, a) => opts.dilation[a] * (k - 1) + 1);
  if (size.some((s, a) => s + total[a] < eff[a])) {
    throw pyError(
      'RuntimeError',
      `Calculated padded input size per channel: (${size.map((s, a) => s + total[a]).join(' x ')}). Kernel size: (${eff.join(' x ')}). Kernel size can't be greater than actual input size`,
    );
  }
  const out = size.map((s, a) => Math.floor((s + total[a] - eff[a]) / opts.stride[a]) + 1) as Triple;
  const groups = opts.groups;
  return withRanges3({
    n,
    c,
    o,
    groups,
    cg,
    og: o / groups,
    size: size as Triple,
    kernel: kernel as Triple,
    out,
    stride: opts.stride,
    pad: before,
    dilation: opts.dilation,
    gemmPath: groups > 1 || before.some((p, a) => p >= eff[a]),
  });
}

/** F.conv3d(input, weight, bias, stride, padding, dilation, groups); 4-D input is one unbatched volume. */
export function conv3d(x: Tensor, weight: Tensor, bias: Tensor | null, opts: Conv3dOptions): Tensor {
  checkConvDTypes(x, weight, bias);
  return unbatched(x, weight, (xb) => batchedConv3d(xb, weight, bias, opts));
}

function batchedConv3d(x: Tensor, weight: Tensor, bias: Tensor | null, opts: Conv3dOptions): Tensor {
  const g = geometry(x, weight, bias, opts);
  const X = x.data as Float32Array;
  const W = weight.data as Float32Array;
  const vol = g.out[0] * g.out[1] * g.out[2];
  const out = floats(g.n * g.o * vol);
  forwardLoops3(X, W, bias ? (bias.data as Float32Array) : null, out, g);
  const shape = [g.n, g.o, ...g.out];
  if (!needsGrad(x, weight, bias)) return Tensor.result(out, shape, null);
  const node = new Node('ConvolutionBackward0', [x, weight, bias], (grad) => [
    x.requiresGrad ? (g.gemmPath ? inputGradCol2vol(grad, W, g) : inputGrad3(grad, W, g)) : null,
    weight.requiresGrad ? weightGrad3(grad, X, g) : null,
    bias && bias.requiresGrad ? channelSums(grad, g.n, g.o, vol) : null,
  ]);
  node.diff = conv3dDiff(x, weight, bias, g);
  return Tensor.result(out, shape, node);
}
