// F.conv_transpose3d / nn.ConvTranspose3d: the input gradient of a 3-D convolution, as PyTorch 1.13's CPU
// build runs it through ATen's slow_conv_transpose3d: per image a gemm makes the columns weight^T x (one
// chain over input channels per (output channel, kd, kh, kw)), col2vol adds them into the output tap by tap,
// then the bias is added. Its input gradient is that convolution (vol2col then one chain over (channel, kd,
// kh, kw)), its weight gradient per image one chain over the volume added to the sum, its bias gradient a
// sum as at::sum. OpenBLAS blocks larger gemms in another order: those can differ in the last bits.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor } from '../tensor';
import { floats } from '../buffers';
import { checkChannels, checkConvDTypes, unbatched } from './conv';
import { checkRanks3 } from './conv3d';
import {
  type Geometry3,
  type Triple,
  forwardLoops3,
  inputGradTapMajor,
  weightGrad3,
  withRanges3,
} from './convKernels3d';
import { sum } from './reduce';

export interface ConvTranspose3dOptions {
  stride: Triple;
  /** Zero padding removed from each side of the full output. */
  padding: Triple;
  /** Extra elements added after the last one per axis. */
  outputPadding: Triple;
  groups: number;
  dilation: Triple;
}

const AXES = ['depth', 'height', 'width'];

/** PyTorch's checks and messages, then the convolution (output -> input) whose input gradient this is. */
function geometry(x: Tensor, weight: Tensor, bias: Tensor | null, opts: ConvTranspose3dOptions): Geometry3 {
  checkRanks3(x, weight, opts.stride, opts.dilation, opts.groups, 'conv_transpose3d');
  checkChannels(x, weight, bias, opts.groups, true);
  const [n, o, ...size] = x.shape;
  const [, cg, ...kernel] = weight.shape;
  if (opts.padding.some((p) => p < 0)) throw pyError('RuntimeError', 'negative padding is not supported');
  if (opts.outputPadding.some((p) => p < 0)) throw pyError('RuntimeError', 'negative output_padding is not supported');
  if (opts.outputPadding.some((p, a) => p >= opts.stride[a] && p >= opts.dilation[a])) {
    const words = [
      ...AXES.map((a, i) => `output_padding_${a}: ${opts.outputPadding[i]}`),
      ...AXES.map((a, i) => `stride_${a}: ${opts.stride[i]}`),
      ...AXES.map((a, i) => `dilation_${a}: ${opts.dilation[i]}`),
    ];
    throw pyError(
      'RuntimeError',
      `output padding must be smaller than either stride or dilation, but got ${words.join(' ')}`,
    );
  }
  const full = size.map(
    (s, a) =>
      (s - 1) * opts.stride[a] - 2 * opts.padding[a] + opts.dilation[a] * (kernel[a] - 1) + opts.outputPadding[a] + 1,
  ) as Triple;
  if (full.some((v) => v < 1)) {
    throw pyError(
      'RuntimeError',
      `Given input size per channel: (${size.join(' x ')}). Calculated output size per channel: (${full.join(' x ')}). Output size is too small`,
    );
  }
  const groups = opts.groups;
  // The convolution from the output [n, cg * groups, ...full] to the input [n, o, ...size] with this weight.
  return withRanges3({
    n,
    c: cg * groups,
    o,
    groups,
    cg,
    og: o / groups,
    size: full,
    kernel: kernel as Triple,
    out: size as Triple,
    stride: opts.stride,
    pad: opts.padding,
    dilation: opts.dilation,
    gemmPath: true,
  });
}

/** F.conv_transpose3d(input, weight, bias, stride, padding, output_padding, groups, dilation). */
export function conv_transpose3d(x: Tensor, weight: Tensor, bias: Tensor | null, opts: ConvTranspose3dOptions): Tensor {
  checkConvDTypes(x, weight, bias);
  return unbatched(x, weight, (xb) => batchedTranspose3d(xb, weight, bias, opts));
}

function batchedTranspose3d(x: Tensor, weight: Tensor, bias: Tensor | null, opts: ConvTranspose3dOptions): Tensor {
  const g = geometry(x, weight, bias, opts);
  const X = x.data as Float32Array;
  const W = weight.data as Float32Array;
  const out = inputGradTapMajor(X, W, g);
  const vol = g.size[0] * g.size[1] * g.size[2];
  if (bias) {
    const B = bias.data;
    for (let b = 0; b < g.n; b++) {
      for (let ch = 0; ch < g.c; ch++) {
        const o0 = (b * g.c + ch) * vol;
        for (let i = 0; i < vol; i++) out[o0 + i] += B[ch];
      }
    }
  }
  const shape = [g.n, g.c, ...g.size];
  if (!needsGrad(x, weight, bias)) return Tensor.result(out, shape, null);
  const node = new Node('ConvolutionBackward0', [x, weight, bias], (grad) => {
    let gx: Float32Array | null = null;
    if (x.requiresGrad) {
      gx = floats(g.n * g.o * g.out[0] * g.out[1] * g.out[2]);
      forwardLoops3(grad, W, null, gx, g);
    }
    return [
      gx,
      weight.requiresGrad ? weightGrad3(X, grad, g, true) : null,
      bias && bias.requiresGrad ? (sum(Tensor.result(grad, shape, null), [0, 2, 3, 4]).data as Float32Array) : null,
    ];
  });
  return Tensor.result(out, shape, node);
}
