// `_bl_engine` functions for convolution and pooling: each converts its arguments (Python tuples to
// [h, w] pairs or [d, h, w] triples, None to null) and calls the engine op (src/engine/ops/conv.ts, conv3d.ts,
// convTranspose.ts, convTranspose3d.ts, pool.ts, pool3d.ts, fractionalMaxPool.ts, channelShuffle.ts). The Python side (torch/nn/functional.py) has
// already expanded ints to pairs or triples and applied PyTorch's defaults.
import type { Tensor } from '../../engine/tensor';
import * as conv from '../../engine/ops/conv';
import * as convT from '../../engine/ops/convTranspose';
import * as pool from '../../engine/ops/pool';
import * as pool3d from '../../engine/ops/pool3d';
import { conv3d, type Triple } from '../../engine/ops/conv3d';
import { conv_transpose3d } from '../../engine/ops/convTranspose3d';
import * as up from '../../engine/ops/upsample';
import { adaptive_max_pool2d } from '../../engine/ops/adaptiveMaxPool';
import { fractional_max_pool2d, fractional_max_pool3d } from '../../engine/ops/fractionalMaxPool';
import { channel_shuffle } from '../../engine/ops/channelShuffle';
import { padMode, type PadMode } from '../../engine/ops/padModes';
import { fold2d, unfold2d } from '../../engine/ops/im2col';
import * as upNd from '../../engine/ops/upsampleNd';
import { group_norm } from '../../engine/ops/groupnorm';
import { js, valuesIndices } from './convert';

const pairOf = (v: unknown): conv.Pair => {
  const p = js<number[]>(v);
  return [Number(p[0]), Number(p[1])];
};

const tripleOf = (v: unknown): Triple => {
  const p = js<number[]>(v);
  return [Number(p[0]), Number(p[1]), Number(p[2])];
};

const intsOf = (v: unknown): number[] => js<number[]>(v).map(Number);

/** Python's (scale_h, scale_w) or None: the scale factors F.interpolate was given. */
const scalesOf = (v: unknown): up.Scales2 => {
  const p = js<(number | null | undefined)[] | null | undefined>(v);
  return p ? [p[0] ?? null, p[1] ?? null] : [null, null];
};

/** Python's per-dim scale factors or None, one entry (or null) per spatial dim of `x`. */
const scalesList = (v: unknown, x: Tensor): (number | null)[] => {
  const p = js<(number | null | undefined)[] | null | undefined>(v);
  return x.shape.slice(2).map((_, d) => (p ? (p[d] ?? null) : null));
};

export const convolutions: Record<string, unknown> = {
  conv2d: (
    x: Tensor,
    w: Tensor,
    b: Tensor | undefined,
    stride: unknown,
    padding: unknown,
    dilation: unknown,
    groups: number,
  ) =>
    conv.conv2d(x, w, b ?? null, {
      stride: pairOf(stride),
      padding: padding === 'same' || padding === 'valid' ? padding : pairOf(padding),
      dilation: pairOf(dilation),
      groups,
    }),
  conv1d: (
    x: Tensor,
    w: Tensor,
    b: Tensor | undefined,
    stride: number,
    padding: unknown,
    dilation: number,
    groups: number,
  ) =>
    conv.conv1d(x, w, b ?? null, {
      stride,
      padding: padding === 'same' || padding === 'valid' ? padding : Number(padding),
      dilation,
      groups,
    }),
  conv_transpose2d: (
    x: Tensor,
    w: Tensor,
    b: Tensor | undefined,
    stride: unknown,
    padding: unknown,
    outputPadding: unknown,
    groups: number,
    dilation: unknown,
  ) =>
    convT.conv_transpose2d(x, w, b ?? null, {
      stride: pairOf(stride),
      padding: pairOf(padding),
      outputPadding: pairOf(outputPadding),
      groups,
      dilation: pairOf(dilation),
    }),
  conv_transpose1d: (
    x: Tensor,
    w: Tensor,
    b: Tensor | undefined,
    stride: number,
    padding: number,
    outputPadding: number,
    groups: number,
    dilation: number,
  ) => convT.conv_transpose1d(x, w, b ?? null, { stride, padding, outputPadding, groups, dilation }),
  conv3d: (
    x: Tensor,
    w: Tensor,
    b: Tensor | undefined,
    stride: unknown,
    padding: unknown,
    dilation: unknown,
    groups: number,
  ) =>
    conv3d(x, w, b ?? null, {
      stride: tripleOf(stride),
      padding: padding === 'same' || padding === 'valid' ? padding : tripleOf(padding),
      dilation: tripleOf(dilation),
      groups,
    }),
  conv_transpose3d: (
    x: Tensor,
    w: Tensor,
    b: Tensor | undefined,
    stride: unknown,
    padding: unknown,
    outputPadding: unknown,
    groups: number,
    dilation: unknown,
  ) =>
    conv_transpose3d(x, w, b ?? null, {
      stride: tripleOf(stride),
      padding: tripleOf(padding),
      outputPadding: tripleOf(outputPadding),
      groups,
      dilation: tripleOf(dilation),
    }),
  max_pool3d_with_indices: (x: Tensor, k: unknown, s: unknown, p: unknown, d: unknown, ceil: boolean) =>
    valuesIndices(
      pool3d.max_pool3d_with_indices(x, {
        kernel: tripleOf(k),
        stride: tripleOf(s),
        padding: tripleOf(p),
        dilation: tripleOf(d),
        ceilMode: !!ceil,
      }),
    ),
  avg_pool3d: (x: Tensor, k: unknown, s: unknown, p: unknown, ceil: boolean, includePad: boolean, divisor?: number) =>
    pool3d.avg_pool3d(x, {
      kernel: tripleOf(k),
      stride: tripleOf(s),
      padding: tripleOf(p),
      ceilMode: !!ceil,
      countIncludePad: !!includePad,
      divisorOverride: divisor ?? null,
    }),
  adaptive_avg_pool3d: (x: Tensor, size: unknown) => pool3d.adaptive_avg_pool3d(x, tripleOf(size)),
  max_pool2d_with_indices: (x: Tensor, k: unknown, s: unknown, p: unknown, d: unknown, ceil: boolean) =>
    valuesIndices(
      pool.max_pool2d_with_indices(x, {
        kernel: pairOf(k),
        stride: pairOf(s),
        padding: pairOf(p),
        dilation: pairOf(d),
        ceilMode: !!ceil,
      }),
    ),
  avg_pool2d: (x: Tensor, k: unknown, s: unknown, p: unknown, ceil: boolean, includePad: boolean, divisor?: number) =>
    pool.avg_pool2d(x, {
      kernel: pairOf(k),
      stride: pairOf(s),
      padding: pairOf(p),
      ceilMode: !!ceil,
      countIncludePad: !!includePad,
      divisorOverride: divisor ?? null,
    }),
  adaptive_avg_pool2d: (x: Tensor, size: unknown) => pool.adaptive_avg_pool2d(x, pairOf(size)),
  max_unpool2d: (x: Tensor, indices: Tensor, size: unknown) => up.max_unpool2d(x, indices, pairOf(size)),
  upsample_nearest2d: (x: Tensor, size: unknown, scales: unknown) =>
    up.upsample_nearest2d(x, pairOf(size), scalesOf(scales)),
  upsample_bilinear2d: (x: Tensor, size: unknown, alignCorners: boolean, scales: unknown) =>
    up.upsample_bilinear2d(x, pairOf(size), !!alignCorners, scalesOf(scales)),
  pixel_shuffle: (x: Tensor, r: number) => up.pixel_shuffle(x, r),
  adaptive_max_pool2d: (x: Tensor, size: unknown) => valuesIndices(adaptive_max_pool2d(x, pairOf(size))),
  // Sizes as the lists Python passed: the engine checks their length, as PyTorch's kernel does.
  fractional_max_pool2d: (x: Tensor, k: unknown, size: unknown, samples: Tensor) =>
    valuesIndices(fractional_max_pool2d(x, intsOf(k), intsOf(size), samples)),
  fractional_max_pool3d: (x: Tensor, k: unknown, size: unknown, samples: Tensor) =>
    valuesIndices(fractional_max_pool3d(x, intsOf(k), intsOf(size), samples)),
  channel_shuffle: (x: Tensor, groups: number) => channel_shuffle(x, Number(groups)),
  group_norm: (x: Tensor, groups: number, w: Tensor | undefined, b: Tensor | undefined, eps: number) =>
    group_norm(x, groups, w ?? null, b ?? null, eps),
  pixel_unshuffle: (x: Tensor, r: number) => up.pixel_unshuffle(x, r),
  pad_mode: (x: Tensor, pads: unknown, mode: PadMode) => padMode(x, js<number[]>(pads).map(Number), mode),
  upsample_nearest_nd: (x: Tensor, size: unknown, scales: unknown, exact: boolean) =>
    upNd.upsampleNearestNd(x, js<number[]>(size).map(Number), scalesList(scales, x), !!exact),
  upsample_linear_nd: (x: Tensor, size: unknown, alignCorners: boolean, scales: unknown) =>
    upNd.upsampleLinearNd(x, js<number[]>(size).map(Number), !!alignCorners, scalesList(scales, x)),
  upsample_bicubic2d: (x: Tensor, size: unknown, alignCorners: boolean, scales: unknown) =>
    upNd.upsampleBicubic2d(x, js<number[]>(size).map(Number), !!alignCorners, scalesList(scales, x)),
  im2col: (x: Tensor, k: unknown, d: unknown, p: unknown, s: unknown) =>
    unfold2d(x, { kernel: pairOf(k), dilation: pairOf(d), padding: pairOf(p), stride: pairOf(s) }),
  col2im: (x: Tensor, size: unknown, k: unknown, d: unknown, p: unknown, s: unknown) =>
    fold2d(x, pairOf(size), { kernel: pairOf(k), dilation: pairOf(d), padding: pairOf(p), stride: pairOf(s) }),
};
