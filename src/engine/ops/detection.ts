// torchvision 0.14's detection kernels (its C++ CPU ops, torch.ops.torchvision.*), for torchvision.ops:
// - nms: the boxes by score, highest first (a stable sort, so ties keep their order), each kept box
//   suppressing the later ones whose IoU with it exceeds the threshold; areas, overlaps and the IoU are
//   computed in the boxes' dtype, one rounding per operation as the C++ kernel does in float.
// - roi_pool: Fast R-CNN's RoI max pooling (d2l 14.8), each region's corners scaled by spatial_scale and
//   rounded, split into output_size bins by floor/ceil of float bin edges, clipped to the feature map; an empty
//   bin is 0 and passes no gradient. The backward pass routes each output's gradient to the input element that
//   was its maximum (torchvision's argmax), as its ROIPoolFunction does; it has no double backward there either.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor } from '../tensor';
import { allocate, isFloatDType } from '../buffers';
import { dtypeName, tensorTypeName } from './util';

function requireFloating(t: Tensor, kernel: string): void {
  if (!isFloatDType(t.dtype)) {
    throw pyError('RuntimeError', `"${kernel}" not implemented for '${dtypeName(t.dtype)}'`);
  }
}

/** torchvision.ops.nms(boxes, scores, iou_threshold): the kept indices (int64), by decreasing score. */
export function nms(boxes: Tensor, scores: Tensor, iouThreshold: number): Tensor {
  if (boxes.ndim !== 2) throw pyError('RuntimeError', `boxes should be a 2d tensor, got ${boxes.ndim}D`);
  if (boxes.shape[1] !== 4) {
    throw pyError('RuntimeError', `boxes should have 4 elements in dimension 1, got ${boxes.shape[1]}`);
  }
  if (scores.ndim !== 1) throw pyError('RuntimeError', `scores should be a 1d tensor, got ${scores.ndim}D`);
  const n = boxes.shape[0];
  if (scores.shape[0] !== n) {
    throw pyError(
      'RuntimeError',
      `boxes and scores should have same number of elements in dimension 0, got ${n} and ${scores.shape[0]}`,
    );
  }
  if (n === 0) return new Tensor(allocate('int64', 0), [0], 'int64');
  requireFloating(boxes, 'nms_kernel');
  const r = boxes.dtype === 'float64' ? (v: number) => v : Math.fround;
  const B = boxes.data;
  const S = scores.data;
  const area = new Float64Array(n);
  for (let i = 0; i < n; i++) area[i] = r(r(B[4 * i + 2] - B[4 * i]) * r(B[4 * i + 3] - B[4 * i + 1]));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (S[b] > S[a] ? 1 : S[b] < S[a] ? -1 : a - b));
  const suppressed = new Uint8Array(n);
  const keep: number[] = [];
  for (let p = 0; p < n; p++) {
    const i = order[p];
    if (suppressed[i]) continue;
    keep.push(i);
    const [ix1, iy1, ix2, iy2] = [B[4 * i], B[4 * i + 1], B[4 * i + 2], B[4 * i + 3]];
    for (let q = p + 1; q < n; q++) {
      const j = order[q];
      if (suppressed[j]) continue;
      const w = Math.max(0, r(Math.min(ix2, B[4 * j + 2]) - Math.max(ix1, B[4 * j])));
      const h = Math.max(0, r(Math.min(iy2, B[4 * j + 3]) - Math.max(iy1, B[4 * j + 1])));
      const inter = r(w * h);
      if (r(inter / r(r(area[i] + area[j]) - inter)) > iouThreshold) suppressed[j] = 1;
    }
  }
  return new Tensor(Float64Array.from(keep), [keep.length], 'int64');
}

/** C's round(): halves away from zero. */
function roundHalfAway(v: number): number {
  return Math.sign(v) * Math.round(Math.abs(v));
}

/**
 * torchvision.ops.roi_pool(input [N, C, H, W], rois [K, 5] of (batch index, x1, y1, x2, y2), spatial_scale,
 * pooled height, pooled width): [K, C, ph, pw].
 */
export function roi_pool(x: Tensor, rois: Tensor, spatialScale: number, ph: number, pw: number): Tensor {
  if (rois.dtype !== x.dtype) {
    throw pyError(
      'RuntimeError',
      `Expected tensor for argument #1 'input' to have the same type as tensor for argument #2 'rois'; but type ${tensorTypeName(x.dtype)} does not equal ${tensorTypeName(rois.dtype)} (while checking arguments for roi_pool_forward_kernel)`,
    );
  }
  requireFloating(x, 'roi_pool_forward_kernel');
  const [, C, H, W] = x.shape;
  const K = rois.shape[0];
  const r = x.dtype === 'float64' ? (v: number) => v : Math.fround;
  const scale = r(spatialScale);
  const X = x.data;
  const R = rois.data;
  const outN = K * C * ph * pw;
  const out = allocate(x.dtype, outN) as Float32Array;
  const from = new Int32Array(outN).fill(-1); // flat input offset of each output's maximum, -1 for none
  for (let k = 0; k < K; k++) {
    const batch = Math.trunc(R[5 * k]);
    const [sw, sh, ew, eh] = [1, 2, 3, 4].map((c) => roundHalfAway(r(R[5 * k + c] * scale)));
    const binH = r(Math.max(eh - sh + 1, 1) / ph);
    const binW = r(Math.max(ew - sw + 1, 1) / pw);
    const clip = (v: number, hi: number) => Math.min(Math.max(v, 0), hi);
    for (let i = 0; i < ph; i++) {
      const h0 = clip(Math.floor(r(i * binH)) + sh, H);
      const h1 = clip(Math.ceil(r((i + 1) * binH)) + sh, H);
      for (let j = 0; j < pw; j++) {
        const w0 = clip(Math.floor(r(j * binW)) + sw, W);
        const w1 = clip(Math.ceil(r((j + 1) * binW)) + sw, W);
        const empty = h1 <= h0 || w1 <= w0;
        for (let c = 0; c < C; c++) {
          const base = (batch * C + c) * H * W;
          let best = empty ? 0 : -3.4028234663852886e38;
          let at = -1;
          for (let h = h0; h < h1; h++) {
            for (let w = w0; w < w1; w++) {
              if (X[base + h * W + w] > best) {
                best = X[base + h * W + w];
                at = base + h * W + w;
              }
            }
          }
          const o = ((k * C + c) * ph + i) * pw + j;
          out[o] = best;
          from[o] = at;
        }
      }
    }
  }
  const shape = [K, C, ph, pw];
  if (!needsGrad(x)) return new Tensor(out, shape, x.dtype);
  const node = new Node('ROIPoolFunction>', [x], (g) => {
    const gx = allocate(x.dtype, X.length) as Float32Array;
    for (let o = 0; o < outN; o++) if (from[o] >= 0) gx[from[o]] += g[o];
    return [gx];
  });
  return new Tensor(out, shape, x.dtype, true, node);
}
