// 2-D convolution (F.conv2d, nn.Conv2d) and its three gradients, in the summation order of the oneDNN
// (mkldnn) kernels PyTorch 1.13's CPU build runs for float32 (measured against Debian's torch 1.13.1 on an
// AVX-512 machine; test/unit/conv-pool.test.ts checks every case bit for bit):
//  - oneDNN's direct (jit) kernel: input channels are taken in blocks of 16; per block, every output gets
//    one chain of fused multiply-adds over (kh, kw, channel) starting from 0, added to the output, which
//    starts at the bias. The input gradient is the same over blocks of 16 output channels; the weight
//    gradient is one chain over (batch, oh, ow); the bias gradient a running sum over (batch, oh, ow).
//  - oneDNN's im2col + gemm fallback, taken for grouped convolutions and for padding as wide as the kernel:
//    the forward chains over (input channel, kh, kw); the input gradient is col2im's: per (kh, kw) a chain
//    over output channels, the columns then added in (kh, kw) order. Its weight and bias gradients (a
//    blocked sgemm) can differ in the last bit.
// Each chain accumulates in a buffer of the output's width, so a float32 buffer rounds after every step as
// the kernel's registers do (a float64 buffer keeps double precision throughout). Direct loops rather than the
// gemm kernels: those add in another order, and LeNet-sized convolutions are small; every innermost loop is
// conv1d runs as conv2d over a height of 1 (PyTorch's view1d_as_2d); the loops are in convKernels.ts.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { DType, Tensor } from '../tensor';
import { floats, isFloatDType } from '../buffers';
import { fmtShape } from '../shape';
import { dtypeName } from './util';
import { squeeze, unsqueeze } from './view';
import { convolutionDiff } from './convDiff';
import {
  type Geometry,
  type Pair,
  channelSums,
  forwardLoops,
  inputGrad,
  inputGradCol2im,
  weightGrad,
  withRanges,
} from './convKernels';

export type { Pair } from './convKernels';

export interface Conv2dOptions {
  stride: Pair;
  /** Symmetric zero padding per side, or 'same' / 'valid' as PyTorch accepts them. */
  padding: Pair | 'same' | 'valid';
  dilation: Pair;
  groups: number;
}

export interface Conv1dOptions {
  stride: number;
  padding: number | 'same' | 'valid';
  dilation: number;
  groups: number;
}

/** 1 for conv1d (run as 2-D with height 1), 2 for conv2d. */
export type SpatialDims = 1 | 2;

/** A shape as the 2-D problem runs it: [n, c, l] as [n, c, 1, l] (weights [o, c, k] as [o, c, 1, k]). */
export function as2d(shape: readonly number[], dims: SpatialDims): number[] {
  return dims === 1 ? [...shape.slice(0, -1), 1, shape[shape.length - 1]] : [...shape];
}

/** PyTorch's words for a pair: only the last value of a 1-D problem's lifted pair. */
function spatial(p: Pair, dims: SpatialDims, sep = ', '): string {
  return (dims === 1 ? [p[1]] : p).join(sep);
}

function positive(values: Pair, what: string): void {
  if (values[0] <= 0 || values[1] <= 0) throw pyError('RuntimeError', `non-positive ${what} is not supported`);
}

/** C++'s type names, as PyTorch 1.13's 2-D convolution names the input's and bias's dtypes. */
const CPP_TYPE_NAMES: Partial<Record<DType, string>> = {
  float32: 'float',
  float64: 'double',
  int64: 'long int',
  int32: 'int',
  int16: 'short int',
  int8: 'signed char',
  uint8: 'unsigned char',
  bool: 'bool',
};

/**
 * The dtype check every convolution makes first. A 2-D convolution with a bias checks the bias against the
 * input first, in other words (a uint8 image into Conv2d: 'Input type (unsigned char) and bias type (float)
 * should be the same'); the others, and Conv2d without a bias, say 'expected scalar type ...'.
 */
export function checkConvDTypes(x: Tensor, weight: Tensor, bias: Tensor | null, dims = 0): void {
  if (dims === 2 && bias && bias.dtype !== x.dtype) {
    throw pyError(
      'RuntimeError',
      `Input type (${CPP_TYPE_NAMES[x.dtype] ?? x.dtype}) and bias type (${CPP_TYPE_NAMES[bias.dtype] ?? bias.dtype}) should be the same`,
    );
  }
  if (!isFloatDType(x.dtype) || x.dtype !== weight.dtype || (bias && bias.dtype !== x.dtype)) {
    const other = x.dtype !== weight.dtype ? weight.dtype : (bias?.dtype ?? x.dtype);
    throw pyError('RuntimeError', `expected scalar type ${dtypeName(x.dtype)} but found ${dtypeName(other)}`);
  }
}

/** PyTorch's rank, stride, dilation and groups checks, shared with the transposed convolutions. */
export function checkRanks(x: Tensor, weight: Tensor, opts: Conv2dOptions, dims: SpatialDims, op: string): void {
  if (weight.ndim !== dims + 2) {
    throw pyError(
      'RuntimeError',
      `expected stride to be a single integer value or a list of ${weight.ndim - 2} values to match the convolution dimensions, but got stride=[${spatial(opts.stride, dims)}]`,
    );
  }
  if (x.ndim !== dims + 2) {
    throw pyError(
      'RuntimeError',
      `Expected ${dims + 1}D (unbatched) or ${dims + 2}D (batched) input to ${op}, but got input of size: ${fmtShape(x.shape)}`,
    );
  }
  positive(opts.stride, 'stride');
  positive(opts.dilation, 'dilation');
  if (opts.groups <= 0) throw pyError('RuntimeError', 'non-positive groups is not supported');
  if (weight.shape[0] % opts.groups !== 0) {
    throw pyError(
      'RuntimeError',
      `Given groups=${opts.groups}, expected weight to be divisible by ${opts.groups} at dimension 0, but got weight of size [${fmtShape(weight.shape)}] instead`,
    );
  }
}

/** PyTorch's channel and bias checks ('Given transposed=1, ...' for the transposed convolutions). */
export function checkChannels(
  x: Tensor,
  weight: Tensor,
  bias: Tensor | null,
  groups: number,
  transposed: boolean,
): void {
  const expected = transposed ? weight.shape[0] : weight.shape[1] * groups;
  const outChannels = transposed ? weight.shape[1] * groups : weight.shape[0];
  const given = transposed ? 'Given transposed=1' : `Given groups=${groups}`;
  if (x.shape[1] !== expected) {
    throw pyError(
      'RuntimeError',
      `${given}, weight of size ${fmtShape(weight.shape)}, expected input${fmtShape(x.shape)} to have ${expected} channels, but got ${x.shape[1]} channels instead`,
    );
  }
  if (bias && (bias.ndim !== 1 || bias.shape[0] !== outChannels)) {
    throw pyError(
      'RuntimeError',
      `${transposed ? 'Given transposed=1, weight' : 'Given weight'} of size ${fmtShape(weight.shape)}, expected bias to be 1-dimensional with ${outChannels} elements, but got bias of size ${fmtShape(bias.shape)} instead`,
    );
  }
}

/** PyTorch's checks, in its order, with its messages (they name the weight's and the input's shapes). */
function geometry(x: Tensor, weight: Tensor, bias: Tensor | null, opts: Conv2dOptions, dims: SpatialDims): Geometry {
  checkRanks(x, weight, opts, dims, `conv${dims}d`);
  checkChannels(x, weight, bias, opts.groups, false);
  const [n, c, h, w] = as2d(x.shape, dims);
  const [o, cg, kh, kw] = as2d(weight.shape, dims);
  const [dh, dw] = opts.dilation;
  const [sh, sw] = opts.stride;
  const [ph, pw, padH, padW] = resolvePadding(opts, kh, kw, dh, dw);
  const effH = dh * (kh - 1) + 1;
  const effW = dw * (kw - 1) + 1;
  if (h + padH < effH || w + padW < effW) {
    throw pyError(
      'RuntimeError',
      `Calculated padded input size per channel: (${spatial([h + padH, w + padW], dims, ' x ')}). Kernel size: (${spatial([effH, effW], dims, ' x ')}). Kernel size can't be greater than actual input size`,
    );
  }
  const oh = Math.floor((h + padH - effH) / sh) + 1;
  const ow = Math.floor((w + padW - effW) / sw) + 1;
  const groups = opts.groups;
  const gemmPath = groups > 1 || ph >= effH || pw >= effW;
  return withRanges({ n, c, h, w, o, kh, kw, oh, ow, sh, sw, ph, pw, dh, dw, groups, cg, og: o / groups, gemmPath });
}

/** [before H, before W, total H, total W]: 'same' pads (total)/2 before and the rest after, as PyTorch. */
function resolvePadding(opts: Conv2dOptions, kh: number, kw: number, dh: number, dw: number): number[] {
  const p = opts.padding;
  if (p === 'valid') return [0, 0, 0, 0];
  if (p === 'same') {
    if (opts.stride[0] !== 1 || opts.stride[1] !== 1) {
      throw pyError('RuntimeError', "padding='same' is not supported for strided convolutions");
    }
    const totalH = dh * (kh - 1);
    const totalW = dw * (kw - 1);
    return [totalH >> 1, totalW >> 1, totalH, totalW];
  }
  if (typeof p === 'string') throw pyError('RuntimeError', `Invalid padding string: '${String(p)}'`);
  if (p[0] < 0 || p[1] < 0) throw pyError('RuntimeError', 'negative padding is not supported');
  return [p[0], p[1], 2 * p[0], 2 * p[1]];
}

/** F.conv2d(input, weight, bias, stride, padding, dilation, groups); 3-D input is one unbatched image. */
export function conv2d(x: Tensor, weight: Tensor, bias: Tensor | null, opts: Conv2dOptions): Tensor {
  return convNd(x, weight, bias, opts, 2);
}

/** F.conv1d(input, weight, bias, stride, padding, dilation, groups); 2-D input is one unbatched signal. */
export function conv1d(x: Tensor, weight: Tensor, bias: Tensor | null, opts: Conv1dOptions): Tensor {
  const p = opts.padding;
  return convNd(
    x,
    weight,
    bias,
    {
      stride: [1, opts.stride],
      padding: typeof p === 'string' ? p : [0, p],
      dilation: [1, opts.dilation],
      groups: opts.groups,
    },
    1,
  );
}

/**
 * Runs `batched` on x, or on an unbatched x (one dim short of the weight's) as PyTorch does: unsqueeze,
 * convolve, squeeze (the result's grad_fn is SqueezeBackward1).
 */
export function unbatched(x: Tensor, weight: Tensor, batched: (x: Tensor) => Tensor): Tensor {
  if (x.ndim === weight.ndim - 1 && weight.ndim >= 3) return squeeze(batched(unsqueeze(x, 0)), 0);
  return batched(x);
}

function convNd(x: Tensor, weight: Tensor, bias: Tensor | null, opts: Conv2dOptions, dims: SpatialDims): Tensor {
  checkConvDTypes(x, weight, bias, dims);
  return unbatched(x, weight, (xb) => batchedConv(xb, weight, bias, opts, dims));
}

function batchedConv(x: Tensor, weight: Tensor, bias: Tensor | null, opts: Conv2dOptions, dims: SpatialDims): Tensor {
  const g = geometry(x, weight, bias, opts, dims);
  const X = x.data as Float32Array;
  const W = weight.data as Float32Array;
  const out = floats(g.n * g.o * g.oh * g.ow);
  forwardLoops(X, W, bias ? (bias.data as Float32Array) : null, out, g);
  const shape = dims === 1 ? [g.n, g.o, g.ow] : [g.n, g.o, g.oh, g.ow];
  if (!needsGrad(x, weight, bias)) return Tensor.result(out, shape, null);
  const node = new Node('ConvolutionBackward0', [x, weight, bias], (grad) => [
    x.requiresGrad ? (g.gemmPath ? inputGradCol2im(grad, W, g) : inputGrad(grad, W, g)) : null,
    weight.requiresGrad ? weightGrad(grad, X, g) : null,
    bias && bias.requiresGrad ? channelSums(grad, g.n, g.o, g.oh * g.ow) : null,
  ]);
  node.diff = convolutionDiff(x, weight, bias, g);
  return Tensor.result(out, shape, node);
}
