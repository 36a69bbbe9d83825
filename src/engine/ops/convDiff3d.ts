// The differentiable backward form (Node.diff, for create_graph=True) of conv3d (conv3d.ts), as convDiff.ts
// writes conv1d/conv2d's: the convolution as a product with the input's patches (vol2col), cols = x gathered
// into [n, groups, cg * kd * kh * kw, od * oh * ow] (zero where a patch reaches into the padding), so its three
// gradients are recorded gathers, scatters and matmuls, each differentiable again (a gradient penalty on a 3-D
// CNN). Only taken under create_graph; the plain backward keeps the ordered loops of convKernels3d.ts.
import type { DiffBackwardFn } from '../autograd';
import { Tensor, floats } from '../tensor';
import { mul } from './arith';
import { gatherOffsets, scatterOffsets } from './gradOps';
import { matmul } from './matmul';
import { sum } from './reduce';
import { reshape, transpose } from './view';
import type { Geometry3 } from './convKernels3d';

/** The vol2col offsets of `g` and the [ck, L] mask of patch elements inside the input. */
function patches(g: Geometry3, dtype: Tensor['dtype']): { offsets: Int32Array; inside: Tensor } {
  const [d, h, w] = g.size;
  const [kd, kh, kw] = g.kernel;
  const [od, oh, ow] = g.out;
  const ck = g.cg * kd * kh * kw;
  const l = od * oh * ow;
  const offsets = new Int32Array(g.n * g.groups * ck * l);
  const inside = floats(ck * l);
  const at = (a: number, o: number, k: number): number => o * g.stride[a] - g.pad[a] + k * g.dilation[a];
  let p = 0;
  for (let b = 0; b < g.n; b++)
    for (let grp = 0; grp < g.groups; grp++)
      for (let ci = 0; ci < g.cg; ci++) {
        const volume = (b * g.c + grp * g.cg + ci) * d;
        for (let a = 0; a < kd; a++)
          for (let i = 0; i < kh; i++)
            for (let j = 0; j < kw; j++) {
              const row = ((ci * kd + a) * kh + i) * kw + j;
              let q = 0;
              for (let t = 0; t < od; t++) {
                const id = at(0, t, a);
                for (let r = 0; r < oh; r++) {
                  const ih = at(1, r, i);
                  for (let col = 0; col < ow; col++, q++) {
                    const iw = at(2, col, j);
                    const ok = id >= 0 && id < d && ih >= 0 && ih < h && iw >= 0 && iw < w;
                    offsets[p++] = ok ? ((volume + id) * h + ih) * w + iw : 0;
                    inside[row * l + q] = ok ? 1 : 0;
                  }
                }
              }
            }
      }
  return { offsets, inside: new Tensor(inside, [ck, l], dtype) };
}

/** ConvolutionBackward0's gradients for create_graph: grad_x = col2vol(W^T G), grad_w = Σ_n G cols^T, grad_b. */
export function conv3dDiff(x: Tensor, weight: Tensor, bias: Tensor | null, g: Geometry3): DiffBackwardFn {
  return (grad) => {
    const { offsets, inside } = patches(g, x.dtype);
    const ck = g.cg * g.kernel[0] * g.kernel[1] * g.kernel[2];
    const l = g.out[0] * g.out[1] * g.out[2];
    const gOut = reshape(grad, [g.n, g.groups, g.og, l]);
    const w = reshape(weight, [g.groups, g.og, ck]);
    let gx: Tensor | null = null;
    let gw: Tensor | null = null;
    if (x.requiresGrad) gx = scatterOffsets(mul(matmul(transpose(w, 1, 2), gOut), inside), offsets, x.shape);
    if (weight.requiresGrad) {
      const cols = mul(gatherOffsets(x, offsets, [g.n, g.groups, ck, l]), inside);
      gw = reshape(sum(matmul(gOut, transpose(cols, 2, 3)), 0), weight.shape.slice());
    }
    const gb = bias && bias.requiresGrad ? sum(reshape(grad, [g.n, g.o, l]), [0, 2]) : null;
    return [gx, gw, gb];
  };
}
