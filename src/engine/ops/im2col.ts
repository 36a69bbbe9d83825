// F.unfold (im2col) and F.fold (col2im) as PyTorch 1.13's Im2Col.cpp / Col2Im.cpp: row c * kh * kw + i * kw + j
// of the [N, C * kh * kw, L] columns holds channel c at kernel offset (i, j) for each of the L block positions
// (row-major over the blocks), zero where the block reaches into the padding. unfold is a gather, fold adds the
// columns back into the image in that same row-major column order (ATen's col2im loop), and each is the
// other's backward pass, so values and gradients take PyTorch's float32 additions.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor } from '../tensor';
import { floats, isFloatDType } from '../buffers';
import { dtypeName } from './util';

export type Pair = [number, number];
export interface Im2ColArgs {
  kernel: Pair;
  dilation: Pair;
  padding: Pair;
  stride: Pair;
}

const pairText = (p: Pair): string => `(${p[0]}, ${p[1]})`;
const shapeList = (s: readonly number[]): string => `[${s.join(', ')}]`;
/** C++ integer division (truncation toward zero), as ATen's block count. */
const blocks = (size: number, k: number, d: number, p: number, s: number): number =>
  Math.trunc((size + 2 * p - (d * (k - 1) + 1)) / s) + 1;

function checkArgs(a: Im2ColArgs, withPadding: boolean): void {
  const [k, d, p, s] = [a.kernel, a.dilation, a.padding, a.stride];
  if (k[0] <= 0 || k[1] <= 0) {
    throw pyError(
      'RuntimeError',
      `kernel size should be greater than zero, but got kernel_height: ${k[0]} kernel_width: ${k[1]}`,
    );
  }
  if (d[0] <= 0 || d[1] <= 0) {
    throw pyError(
      'RuntimeError',
      `dilation should be greater than zero, but got dilation_height: ${d[0]} dilation_width: ${d[1]}`,
    );
  }
  if (withPadding && (p[0] < 0 || p[1] < 0)) {
    throw pyError('RuntimeError', `padding should be non-negative, but got pad_height: ${p[0]} pad_width: ${p[1]}`);
  }
  if (s[0] <= 0 || s[1] <= 0) {
    throw pyError(
      'RuntimeError',
      `stride should be greater than zero, but got stride_height: ${s[0]} stride_width: ${s[1]}`,
    );
  }
}

/** For each element of one image's columns, its offset in that [C, H, W] image, or -1 inside the padding. */
function columnOffsets(C: number, H: number, W: number, a: Im2ColArgs, oh: number, ow: number): Int32Array {
  const [kh, kw] = a.kernel;
  const L = oh * ow;
  const off = new Int32Array(C * kh * kw * L);
  let o = 0;
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        for (let bh = 0; bh < oh; bh++) {
          const h = bh * a.stride[0] - a.padding[0] + i * a.dilation[0];
          for (let bw = 0; bw < ow; bw++) {
            const w = bw * a.stride[1] - a.padding[1] + j * a.dilation[1];
            off[o++] = h >= 0 && h < H && w >= 0 && w < W ? (c * H + h) * W + w : -1;
          }
        }
      }
    }
  }
  return off;
}

/** out[n, k] = X[n, off[k]] (zero where off is -1), n over `batch` images of `inSize` values. */
function gatherCols(X: Float32Array, off: Int32Array, batch: number, inSize: number): Float32Array {
  const out = floats(batch * off.length);
  for (let n = 0; n < batch; n++) {
    for (let k = 0; k < off.length; k++) if (off[k] >= 0) out[n * off.length + k] = X[n * inSize + off[k]];
  }
  return out;
}

/** The reverse: out[n, off[k]] += G[n, k], in column order. */
function scatterCols(G: Float32Array, off: Int32Array, batch: number, outSize: number): Float32Array {
  const out = floats(batch * outSize);
  for (let n = 0; n < batch; n++) {
    for (let k = 0; k < off.length; k++) if (off[k] >= 0) out[n * outSize + off[k]] += G[n * off.length + k];
  }
  return out;
}

function checkFloat(x: Tensor, name: string): void {
  if (!isFloatDType(x.dtype)) throw pyError('RuntimeError', `"${name}" not implemented for '${dtypeName(x.dtype)}'`);
}

/** F.unfold(x, kernel_size, dilation, padding, stride) on [N, C, H, W] or [C, H, W] input. */
export function unfold2d(x: Tensor, a: Im2ColArgs): Tensor {
  // ATen reads sizes 1 to 3 before any check, so fewer dims fail as an index out of range.
  if (x.ndim < 3) {
    throw pyError(
      'IndexError',
      `Dimension out of range (expected to be in range of [${-x.ndim}, ${x.ndim - 1}], but got ${x.ndim})`,
    );
  }
  checkArgs(a, true);
  if (x.ndim !== 3 && x.ndim !== 4) {
    throw pyError(
      'RuntimeError',
      `Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: ${shapeList(x.shape)}`,
    );
  }
  const [C, H, W] = x.shape.slice(x.ndim - 3);
  const oh = blocks(H, a.kernel[0], a.dilation[0], a.padding[0], a.stride[0]);
  const ow = blocks(W, a.kernel[1], a.dilation[1], a.padding[1], a.stride[1]);
  if (oh < 1 || ow < 1) {
    // ATen's message names the input height twice.
    throw pyError(
      'RuntimeError',
      `Given input with spatial size (${H}, ${H}), kernel_size=${pairText(a.kernel)}, dilation=${pairText(a.dilation)}, padding=${pairText(a.padding)}, calculated shape of the array of sliding blocks as (${oh}, ${ow}), but its components must be at least one.`,
    );
  }
  checkFloat(x, 'im2col_out_cpu');
  const batch = x.ndim === 4 ? x.shape[0] : 1;
  const off = columnOffsets(C, H, W, a, oh, ow);
  const inSize = C * H * W;
  const out = gatherCols(x.data as Float32Array, off, batch, inSize);
  const shape = [...x.shape.slice(0, x.ndim - 3), C * a.kernel[0] * a.kernel[1], oh * ow];
  if (!needsGrad(x)) return Tensor.result(out, shape, null);
  const node = new Node(
    'Im2ColBackward0',
    [x],
    (g) => [scatterCols(g, off, batch, inSize)],
    (g) => [fold2d(g, [H, W], a)],
  );
  return Tensor.result(out, shape, node);
}

/** F.fold(cols, output_size, kernel_size, dilation, padding, stride) on [N, C * kh * kw, L] or unbatched input. */
export function fold2d(x: Tensor, outputSize: Pair, a: Im2ColArgs): Tensor {
  checkArgs(a, false);
  if ((x.ndim !== 2 && x.ndim !== 3) || x.shape.slice(x.ndim - 2).some((s) => s === 0)) {
    throw pyError(
      'RuntimeError',
      `Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions for input, but got: ${shapeList(x.shape)}`,
    );
  }
  const [rows, L] = x.shape.slice(x.ndim - 2);
  const kk = a.kernel[0] * a.kernel[1];
  if (rows % kk !== 0) {
    throw pyError(
      'RuntimeError',
      `Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)=${rows} and kernel_size=${pairText(a.kernel)}.`,
    );
  }
  const [H, W] = outputSize;
  const oh = blocks(H, a.kernel[0], a.dilation[0], a.padding[0], a.stride[0]);
  const ow = blocks(W, a.kernel[1], a.dilation[1], a.padding[1], a.stride[1]);
  const given = `Given output_size=${pairText(outputSize)}, kernel_size=${pairText(a.kernel)}, dilation=${pairText(a.dilation)}, padding=${pairText(a.padding)}, stride=${pairText(a.stride)}`;
  if (oh * ow !== L) {
    throw pyError(
      'RuntimeError',
      `${given}, expected size of input's dimension 2 to match the calculated number of sliding blocks ${oh} * ${ow} = ${oh * ow}, but got input.size(2)=${L}.`,
    );
  }
  if (oh < 1 || ow < 1) {
    throw pyError(
      'RuntimeError',
      `${given}, calculated shape of the array of sliding blocks as (${oh}, ${ow}), which is too small (non-positive)`,
    );
  }
  checkFloat(x, 'col2im_out_cpu');
  const C = rows / kk;
  const batch = x.ndim === 3 ? x.shape[0] : 1;
  const off = columnOffsets(C, H, W, a, oh, ow);
  const outSize = C * H * W;
  const out = scatterCols(x.data as Float32Array, off, batch, outSize);
  const shape = [...x.shape.slice(0, x.ndim - 2), C, H, W];
  if (!needsGrad(x)) return Tensor.result(out, shape, null);
  const node = new Node(
    'Col2ImBackward0',
    [x],
    (g) => [gatherCols(g, off, batch, outSize)],
    (g) => [unfold2d(g, a)],
  );
  return Tensor.result(out, shape, node);
}
