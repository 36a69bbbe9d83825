// F.pad's 'reflect', 'replicate' and 'circular' modes as PyTorch 1.13 (PadNd.cpp, ReflectionPad.cpp,
// ReplicationPadding.cpp): the last pads.length / 2 dims padded, each output element a copy of one input
// element, so the op is a gather whose backward pass adds each output's gradient into its source in output
// order, as ATen's backward kernels do. Negative amounts crop. The checks and their (irregular) messages are
// PyTorch's, per mode and per 1-D / 2-D / 3-D kernel.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor } from '../tensor';
import { floats, isFloatDType } from '../buffers';
import { dtypeName } from './util';
import { scatterOffsets } from './gradOps';
import { gatherOp } from './upsample';

export type PadMode = 'reflect' | 'replicate' | 'circular';

const shapeList = (s: readonly number[]): string => `[${s.join(', ')}]`;
const floatTensorName = (x: Tensor): string =>
  `[ torch.${x.dtype === 'float64' ? 'Double' : 'Float'}Tensor{${x.shape.join(',')}} ]`;

/** Source index along one dim for output index j (ATen's formulas, negative pads included). */
function sourceIndex(mode: PadMode, j: number, size: number, left: number, right: number): number {
  if (mode === 'circular') {
    // PyTorch copies the (cropped) core first and wraps the pads around that core, not the whole input.
    const start = Math.max(0, -left);
    const core = size - start - Math.max(0, -right);
    return start + ((((j - Math.max(0, left)) % core) + core) % core);
  }
  let ip: number;
  if (mode === 'reflect') ip = j < left ? 2 * left - j : j < size + left ? j : 2 * (size + left - 1) - j;
  else ip = j < left ? left : j < size + left ? j : size + left - 1;
  return ip - Math.max(0, left) + Math.max(0, -left);
}

function checkKernel(x: Tensor, pads: readonly number[], mode: PadMode, k: number): void {
  const nd = x.ndim;
  if (mode === 'circular') {
    if (pads.length + 4 !== nd * 2) {
      throw pyError('RuntimeError', `Invalid padding size, expected ${(nd - 2) * 2} but got ${pads.length}`);
    }
    for (let i = 0; i < k; i++) {
      const size = x.shape[nd - 1 - i];
      const [l, r] = [pads[2 * i], pads[2 * i + 1]];
      if (l > size || r > size) throw pyError('RuntimeError', 'Padding value causes wrapping around more than once.');
      if (size + l + r < 0) {
        throw pyError('RuntimeError', 'Negative padding value is resulting in an empty dimension');
      }
    }
    return;
  }
  const kernel = `${mode === 'reflect' ? 'reflection' : 'replication'}_pad${k}d`;
  if (!isFloatDType(x.dtype)) {
    throw pyError(
      'RuntimeError',
      `"${kernel}${mode === 'replicate' ? '_cpu' : ''}" not implemented for '${dtypeName(x.dtype)}'`,
    );
  }
  if (x.shape.slice(1).some((s) => s === 0)) {
    const dims = `${k + 1}D or ${k + 2}D (batch mode) tensor`;
    throw pyError(
      'RuntimeError',
      mode === 'reflect'
        ? `${dims} expected for input, but got: ${floatTensorName(x)}`
        : `Expected ${dims} with possibly 0 batch size and other non-zero dimensions for input, but got: ${shapeList(x.shape)}`,
    );
  }
  for (let i = 0; i < k; i++) {
    const dim = nd - 1 - i;
    const size = x.shape[dim];
    const [l, r] = [pads[2 * i], pads[2 * i + 1]];
    if (mode === 'reflect' && (l >= size || r >= size)) {
      const of = k === 2 ? String(nd) : shapeList(x.shape);
      throw pyError(
        'RuntimeError',
        `Argument #${4 + 2 * i}: Padding size should be less than the corresponding input dimension, but got: padding (${l}, ${r}) at dimension ${dim} of input ${of}`,
      );
    }
    // Only the 1-D kernels refuse an empty output (the reflection message is PyTorch's, as printed).
    if (k === 1 && size + l + r < 1) {
      const lead = mode === 'reflect' ? '2input' : 'input';
      const gap = mode === 'reflect' ? '' : ' ';
      throw pyError('RuntimeError', `${lead} (W: ${size})${gap}is too small. Calculated output W: ${size + l + r}`);
    }
  }
}

/** F.pad(x, pads, mode) for a non-constant mode; `pads` as Python gives them (last dim first). */
export function padMode(x: Tensor, pads: readonly number[], mode: PadMode): Tensor {
  if (pads.length % 2 !== 0) throw pyError('RuntimeError', 'Padding length must be divisible by 2');
  if (pads.length / 2 > x.ndim) throw pyError('RuntimeError', 'Padding length too large');
  const k = pads.length / 2;
  if (k < 1 || k > 3 || (x.ndim !== k + 1 && x.ndim !== k + 2)) {
    throw pyError('NotImplementedError', 'Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now');
  }
  checkKernel(x, pads, mode, k);
  const nd = x.ndim;
  const outShape = x.shape.slice();
  for (let i = 0; i < k; i++) outShape[nd - 1 - i] = x.shape[nd - 1 - i] + pads[2 * i] + pads[2 * i + 1];
  // Per-dim source offsets (index times the input stride), combined over the output in row-major order.
  const inStrides: number[] = new Array<number>(nd);
  let s = 1;
  for (let d = nd - 1; d >= 0; d--) {
    inStrides[d] = s;
    s *= x.shape[d];
  }
  const perDim: Int32Array[] = outShape.map((n, d) => {
    const off = new Int32Array(n);
    const padded = d >= nd - k;
    const left = padded ? pads[2 * (nd - 1 - d)] : 0;
    const right = padded ? pads[2 * (nd - 1 - d) + 1] : 0;
    for (let j = 0; j < n; j++) {
      off[j] = (padded ? sourceIndex(mode, j, x.shape[d], left, right) : j) * inStrides[d];
    }
    return off;
  });
  let total = 1;
  for (const n of outShape) total *= n;
  const offsets = new Int32Array(total);
  if (total > 0) {
    const idx = new Array<number>(nd).fill(0);
    for (let o = 0; o < total; o++) {
      let at = 0;
      for (let d = 0; d < nd; d++) at += perDim[d][idx[d]];
      offsets[o] = at;
      for (let d = nd - 1; d >= 0; d--) {
        if (++idx[d] < outShape[d]) break;
        idx[d] = 0;
      }
    }
  }
  if (mode === 'circular') return circularResult(x, offsets, outShape, pads);
  return gatherOp(x, offsets, outShape, `${mode === 'reflect' ? 'Reflection' : 'Replication'}Pad${k}DBackward0`);
}

/**
 * Circular padding's result. PyTorch builds it from slice copies (grad_fn CopySlices): the core, then per
 * spatial dim the left pad copied from the core's end and the right pad from its start. Its backward pass
 * undoes those copies last first, adding each pad's gradient into the slice it came from, which fixes the
 * order of the float32 additions kept here.
 */
function circularResult(x: Tensor, offsets: Int32Array, outShape: number[], pads: readonly number[]): Tensor {
  const X = x.data;
  const out = floats(offsets.length);
  for (let o = 0; o < offsets.length; o++) out[o] = X[offsets[o]];
  if (!needsGrad(x)) return Tensor.result(out, outShape, null);
  const nd = outShape.length;
  const backward = (g: Float32Array): Float32Array[] => {
    const G = floats(g.length);
    G.set(g);
    let inner = 1;
    for (let d = nd - 1; d >= 2; d--) {
      const n = outShape[d];
      let outer = 1;
      for (let e = 0; e < d; e++) outer *= outShape[e];
      const [l, r] = [pads[2 * (nd - 1 - d)], pads[2 * (nd - 1 - d) + 1]];
      const L = Math.max(0, l);
      const R = Math.max(0, r);
      // Moves the gradient of slice `from` along dim d into slice `to`.
      const fold = (from: number, to: number): void => {
        for (let a = 0; a < outer; a++) {
          for (let b = 0; b < inner; b++) {
            const src = (a * n + from) * inner + b;
            G[(a * n + to) * inner + b] += G[src];
            G[src] = 0;
          }
        }
      };
      for (let q = 0; q < R; q++) fold(n - R + q, L + q);
      for (let q = 0; q < L; q++) fold(q, n - L - R + q);
      inner *= n;
    }
    // What is left sits on the core (the pads now hold zeros), each element a copy of one input element.
    const gx = floats(X.length);
    for (let o = 0; o < offsets.length; o++) gx[offsets[o]] += G[o];
    return [gx];
  };
  const node = new Node('CopySlices', [x], backward, (g) => [scatterOffsets(g, offsets, x.shape)]);
  return Tensor.result(out, outShape, node);
}
