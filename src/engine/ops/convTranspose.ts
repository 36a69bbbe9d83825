// Transposed convolutions (F.conv_transpose2d, F.conv_transpose1d, nn.ConvTranspose2d/1d): the input
// gradient of a convolution, run with the loops of conv.ts (convKernels.ts). PyTorch 1.13's CPU build runs
// them through ATen's slow_conv_transpose2d (measured against Debian's torch 1.13.1): per input image, a gemm
// makes the columns weight^T x (one chain over input channels per (output channel, kh, kw)), col2im adds them
// into the output in (kh, kw) order, then the bias is added: exactly the im2col + gemm input gradient of the
// convolution that maps the output's shape back to the input's. Its input gradient is that convolution
// (im2col then one gemm chain over (channel, kh, kw)), its weight gradient per image one chain over (h, w)
// added to the sum, its bias gradient a sum as at::sum. OpenBLAS blocks some larger gemms (more than 16
// channels in; strided, padded gradients) in another order: those differ in the last bits.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor } from '../tensor';
import { floats } from '../buffers';
import { type Geometry, type Pair, forwardLoops, inputGradCol2im, weightGrad, withRanges } from './convKernels';
import { type SpatialDims, as2d, checkChannels, checkConvDTypes, checkRanks, unbatched } from './conv';
import { sum } from './reduce';

export interface ConvTranspose2dOptions {
  stride: Pair;
  /** Zero padding removed from each side of the full output. */
  padding: Pair;
  /** Extra rows / columns added after the last one (to pick among the sizes a strided conv maps together). */
  outputPadding: Pair;
  groups: number;
  dilation: Pair;
}

export interface ConvTranspose1dOptions {
  stride: number;
  padding: number;
  outputPadding: number;
  groups: number;
  dilation: number;
}

const describe = (names: string[], values: number[]): string => names.map((n, i) => `${n}: ${values[i]}`).join(' ');

/** PyTorch's checks and messages, then the convolution (output -> input) whose input gradient this is. */
function geometry(
  x: Tensor,
  weight: Tensor,
  bias: Tensor | null,
  opts: ConvTranspose2dOptions,
  dims: SpatialDims,
): Geometry {
  checkRanks(x, weight, opts, dims, `conv_transpose${dims}d`);
  checkChannels(x, weight, bias, opts.groups, true);
  const [n, o, h, w] = as2d(x.shape, dims);
  const [, cg, kh, kw] = as2d(weight.shape, dims);
  const [sh, sw] = opts.stride;
  const [dh, dw] = opts.dilation;
  const [ph, pw] = opts.padding;
  const [oph, opw] = opts.outputPadding;
  if (ph < 0 || pw < 0) throw pyError('RuntimeError', 'negative padding is not supported');
  if (oph < 0 || opw < 0) throw pyError('RuntimeError', 'negative output_padding is not supported');
  if ((oph >= sh && oph >= dh) || (opw >= sw && opw >= dw)) {
    const axes = dims === 1 ? ['width'] : ['height', 'width'];
    const pick = (p: Pair): number[] => (dims === 1 ? [p[1]] : p);
    throw pyError(
      'RuntimeError',
      `output padding must be smaller than either stride or dilation, but got ${describe(
        [
          ...axes.map((a) => `output_padding_${a}`),
          ...axes.map((a) => `stride_${a}`),
          ...axes.map((a) => `dilation_${a}`),
        ],
        [...pick(opts.outputPadding), ...pick(opts.stride), ...pick(opts.dilation)],
      )}`,
    );
  }
  const outH = (h - 1) * sh - 2 * ph + dh * (kh - 1) + oph + 1;
  const outW = (w - 1) * sw - 2 * pw + dw * (kw - 1) + opw + 1;
  if (outH < 1 || outW < 1) {
    const size = (a: number, b: number): string => (dims === 1 ? `${b}` : `${a} x ${b}`);
    throw pyError(
      'RuntimeError',
      `Given input size per channel: (${size(h, w)}). Calculated output size per channel: (${size(outH, outW)}). Output size is too small`,
    );
  }
  const groups = opts.groups;
  // The convolution from the output [n, cg * groups, outH, outW] to the input [n, o, h, w] with this weight.
  return withRanges({
    n,
    c: cg * groups,
    h: outH,
    w: outW,
    o,
    kh,
    kw,
    oh: h,
    ow: w,
    sh,
    sw,
    ph,
    pw,
    dh,
    dw,
    groups,
    cg,
    og: o / groups,
    gemmPath: true,
  });
}

/** F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation). */
export function conv_transpose2d(x: Tensor, weight: Tensor, bias: Tensor | null, opts: ConvTranspose2dOptions): Tensor {
  checkConvDTypes(x, weight, bias);
  return unbatched(x, weight, (xb) => batchedTranspose(xb, weight, bias, opts, 2));
}

/** F.conv_transpose1d(input, weight, bias, stride, padding, output_padding, groups, dilation). */
export function conv_transpose1d(x: Tensor, weight: Tensor, bias: Tensor | null, opts: ConvTranspose1dOptions): Tensor {
  checkConvDTypes(x, weight, bias);
  const lifted: ConvTranspose2dOptions = {
    stride: [1, opts.stride],
    padding: [0, opts.padding],
    outputPadding: [0, opts.outputPadding],
    groups: opts.groups,
    dilation: [1, opts.dilation],
  };
  return unbatched(x, weight, (xb) => batchedTranspose(xb, weight, bias, lifted, 1));
}

function batchedTranspose(
  x: Tensor,
  weight: Tensor,
  bias: Tensor | null,
  opts: ConvTranspose2dOptions,
  dims: SpatialDims,
): Tensor {
  const g = geometry(x, weight, bias, opts, dims);
  const X = x.data as Float32Array;
  const W = weight.data as Float32Array;
  const out = inputGradCol2im(X, W, g);
  const plane = g.h * g.w;
  if (bias) {
    const B = bias.data;
    for (let b = 0; b < g.n; b++) {
      for (let ch = 0; ch < g.c; ch++) {
        const o0 = (b * g.c + ch) * plane;
        for (let i = 0; i < plane; i++) out[o0 + i] += B[ch];
      }
    }
  }
  const shape = dims === 1 ? [g.n, g.c, g.w] : [g.n, g.c, g.h, g.w];
  if (!needsGrad(x, weight, bias)) return Tensor.result(out, shape, null);
  const node = new Node('ConvolutionBackward0', [x, weight, bias], (grad) => {
    let gx: Float32Array | null = null;
    if (x.requiresGrad) {
      gx = floats(g.n * g.o * g.oh * g.ow);
      forwardLoops(grad, W, null, gx, g);
    }
    return [
      gx,
      weight.requiresGrad ? weightGrad(X, grad, g, true) : null,
      bias && bias.requiresGrad ? biasGrad(grad, g, dims) : null,
    ];
  });
  return Tensor.result(out, shape, node);
}

/** dL/db = dL/dy summed over (batch, h, w), as at::sum adds them. */
function biasGrad(grad: Float32Array, g: Geometry, dims: SpatialDims): Float32Array {
  const shape = dims === 1 ? [g.n, g.c, g.w] : [g.n, g.c, g.h, g.w];
  const dimsToSum = dims === 1 ? [0, 2] : [0, 2, 3];
  return sum(Tensor.result(grad, shape, null), dimsToSum).data as Float32Array;
}
