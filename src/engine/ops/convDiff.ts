// The differentiable backward form (Node.diff, used by create_graph=True) of the convolutions in conv.ts:
// the convolution written as a product with the input's patches (im2col), cols = x gathered into
// [n, groups, cg * kh * kw, oh * ow] (zero where a patch reaches into the padding), so that its three
// gradients are recorded gathers, scatters and matmuls, each differentiable again (a gradient penalty on a
// CNN, a Hessian-vector product through a convolution). Only taken under create_graph; the plain backward
// keeps the oneDNN-ordered loops of convKernels.ts.
import type { DiffBackwardFn } from '../autograd';
import { Tensor, floats } from '../tensor';
import { mul } from './arith';
import { gatherOffsets, scatterOffsets } from './gradOps';
import { matmul } from './matmul';
import { sum } from './reduce';
import { reshape, transpose } from './view';
import type { Geometry } from './convKernels';

interface Patches {
  /** For each (n, group, channel-in-group * kh * kw, oh * ow): the flat offset of its input element. */
  offsets: Int32Array;
  /** [cg * kh * kw, oh * ow]: 1 where the patch element lies inside the input, 0 in the padding. */
  inside: Tensor;
}

/** The im2col offsets of the 2-D problem `g` (conv1d runs as height 1), for an input of `dtype`. */
function patches(g: Geometry, dtype: Tensor['dtype']): Patches {
  const ck = g.cg * g.kh * g.kw;
  const l = g.oh * g.ow;
  const offsets = new Int32Array(g.n * g.groups * ck * l);
  const inside = floats(ck * l);
  let p = 0;
  for (let b = 0; b < g.n; b++) {
    for (let grp = 0; grp < g.groups; grp++) {
      for (let ci = 0; ci < g.cg; ci++) {
        for (let i = 0; i < g.kh; i++) {
          for (let j = 0; j < g.kw; j++) {
            const plane = (b * g.c + grp * g.cg + ci) * g.h;
            const row = (ci * g.kh + i) * g.kw + j;
            for (let r = 0; r < g.oh; r++) {
              const ih = r * g.sh - g.ph + i * g.dh;
              for (let col = 0; col < g.ow; col++) {
                const iw = col * g.sw - g.pw + j * g.dw;
                const ok = ih >= 0 && ih < g.h && iw >= 0 && iw < g.w;
                offsets[p++] = ok ? (plane + ih) * g.w + iw : 0;
                inside[row * l + r * g.ow + col] = ok ? 1 : 0;
              }
            }
          }
        }
      }
    }
  }
  return { offsets, inside: new Tensor(inside, [ck, l], dtype) };
}

/**
 * ConvolutionBackward0's gradients for create_graph, with W = weight as [groups, og, ck] and G = grad as
 * [n, groups, og, oh * ow]: grad_x = col2im(W^T G) (a scatter-add of the patches' gradients), grad_w =
 * Σ_n G cols^T, grad_b = grad summed over batch and positions.
 */
export function convolutionDiff(x: Tensor, weight: Tensor, bias: Tensor | null, g: Geometry): DiffBackwardFn {
  return (grad) => {
    const { offsets, inside } = patches(g, x.dtype);
    const ck = g.cg * g.kh * g.kw;
    const l = g.oh * g.ow;
    const gOut = reshape(grad, [g.n, g.groups, g.og, l]);
    const w = reshape(weight, [g.groups, g.og, ck]);
    let gx: Tensor | null = null;
    let gw: Tensor | null = null;
    if (x.requiresGrad) {
      const gCols = mul(matmul(transpose(w, 1, 2), gOut), inside);
      gx = scatterOffsets(gCols, offsets, x.shape);
    }
    if (weight.requiresGrad) {
      const cols = mul(gatherOffsets(x, offsets, [g.n, g.groups, ck, l]), inside);
      gw = reshape(sum(matmul(gOut, transpose(cols, 2, 3)), 0), weight.shape.slice());
    }
    const gb = bias && bias.requiresGrad ? sum(reshape(grad, [g.n, g.o, l]), [0, 2]) : null;
    return [gx, gw, gb];
  };
}
