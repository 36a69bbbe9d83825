// F.adaptive_max_pool2d over [N, C, H, W] (or [C, H, W]) as PyTorch 1.13's CPU kernel: output (i, j) takes
// the largest value of rows [floor(i * H / OH), ceil((i + 1) * H / OH)) and the matching columns (the first
// of equal maxima, a NaN always), its flat index in the plane kept; the backward pass routes each output's
// gradient to that position.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { scatterOffsets } from './gradOps';
import { Tensor } from '../tensor';
import { floats, isFloatDType } from '../buffers';
import { dtypeName } from './util';

export function adaptive_max_pool2d(x: Tensor, size: [number, number]): { values: Tensor; indices: Tensor } {
  if (!isFloatDType(x.dtype)) {
    throw pyError('RuntimeError', `"adaptive_max_pool2d" not implemented for '${dtypeName(x.dtype)}'`);
  }
  if ((x.ndim !== 3 && x.ndim !== 4) || x.data.length === 0) {
    throw pyError('RuntimeError', `adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: [${x.shape.join(', ')}]`);
  }
  const h = x.shape[x.ndim - 2];
  const w = x.shape[x.ndim - 1];
  const [oh, ow] = size;
  const planes = x.data.length / (h * w);
  const X = x.data;
  const out = floats(planes * oh * ow);
  const idx = new Float64Array(planes * oh * ow);
  const dest = new Int32Array(planes * oh * ow);
  let k = 0;
  for (let pl = 0; pl < planes; pl++) {
    for (let r = 0; r < oh; r++) {
      const r0 = Math.floor((r * h) / oh);
      const r1 = Math.ceil(((r + 1) * h) / oh);
      for (let c = 0; c < ow; c++, k++) {
        const c0 = Math.floor((c * w) / ow);
        const c1 = Math.ceil(((c + 1) * w) / ow);
        let at = r0 * w + c0;
        let best = -Infinity;
        for (let i = r0; i < r1; i++) {
          for (let j = c0; j < c1; j++) {
            const v = X[pl * h * w + i * w + j];
            if (v > best || Number.isNaN(v)) {
              best = v;
              at = i * w + j;
            }
          }
        }
        out[k] = best;
        idx[k] = at;
        dest[k] = pl * h * w + at;
      }
    }
  }
  const shape = [...x.shape.slice(0, -2), oh, ow];
  const indices = new Tensor(idx, shape, 'int64');
  if (!needsGrad(x)) return { values: Tensor.result(out, shape, null), indices };
  const node = new Node(
    'AdaptiveMaxPool2DBackward0',
    [x],
    (g) => {
      const gx = floats(X.length);
      for (let i = 0; i < dest.length; i++) gx[dest[i]] += g[i];
      return [gx];
    },
    (g) => [scatterOffsets(g, dest, x.shape, 'AdaptiveMaxPool2DBackwardBackward0', x)],
  );
  return { values: Tensor.result(out, shape, node), indices };
}
