// Building blocks of the differentiable backward forms (Node.diff, used by create_graph=True): gradient
// maps written with the engine's own recorded ops, so that a gradient computed through them has a graph of
// its own and can be differentiated again.
import { DiffBackwardFn, Node, isGradEnabled, noGrad } from '../autograd';
import { mul } from './arith';
import { Tensor } from '../tensor';
import { sameShape } from '../shape';
import { floats } from '../buffers';
import { pyError } from '../errors';
import { reduceThrough } from './util';
import { sum } from './reduce';
import { reshape, expand, transpose, unsqueeze } from './view';
import { matmul } from './matmul';

/** `g` summed over the dims it was broadcast along, down to `shape` (the reverse of broadcasting). */
export function sumTo(g: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(g.shape, shape)) return g;
  const lead = g.ndim - shape.length;
  const dims: number[] = [];
  for (let i = 0; i < g.ndim; i++) if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) dims.push(i);
  const s = dims.length > 0 ? sum(g, dims, true) : g;
  return sameShape(s.shape, shape) ? s : reshape(s, shape.slice());
}

/** The reverse of a reduction over `dims` of `inShape`: g (reduced, keepdim or not) expanded back. */
export function expandBack(g: Tensor, inShape: readonly number[], dims: readonly number[]): Tensor {
  const kept = inShape.map((s, i) => (dims.includes(i) ? 1 : s));
  const k = sameShape(g.shape, kept) ? g : reshape(g, kept);
  return sameShape(k.shape, inShape) ? k : expand(k, inShape.slice());
}

/** A constant (no graph) tensor of `x`'s shape and dtype from per-element values. */
export function constantLike(x: Tensor, values: (i: number) => number): Tensor {
  const r = floats(x.data.length);
  for (let i = 0; i < r.length; i++) r[i] = values(i);
  return new Tensor(x.dtype === 'float64' ? Float64Array.from(r) : Float32Array.from(r), x.shape, x.dtype);
}

/**
 * Gradients of matmul(a, b) (any ranks, batch broadcasting) for output gradient g, as recorded ops:
 * G B^T and A^T G, with 1-D operands treated as a row (a) or column (b) and batch dims summed back.
 */
export function matmulGrads(a: Tensor, b: Tensor, g: Tensor, needA: boolean, needB: boolean): (Tensor | null)[] {
  const a2 = a.ndim === 1 ? unsqueeze(a, 0) : a;
  const b2 = b.ndim === 1 ? unsqueeze(b, 1) : b;
  let g2 = g;
  if (b.ndim === 1) g2 = unsqueeze(g2, g2.ndim);
  if (a.ndim === 1) g2 = unsqueeze(g2, g2.ndim - 1);
  const back = (full: Tensor, like: Tensor, own: Tensor) => {
    const r = sumTo(full, like.shape);
    return sameShape(r.shape, own.shape) ? r : reshape(r, own.shape.slice());
  };
  return [
    needA ? back(matmul(g2, transpose(b2, -1, -2)), a2, a) : null,
    needB ? back(matmul(transpose(a2, -1, -2), g2), b2, b) : null,
  ];
}

/**
 * out[i] = x[offsets[i]] in `shape`: a gather by flat offsets, recorded so that its gradient (a scatter-add
 * through the same offsets) is differentiable in turn. The reverse of `scatterOffsets`.
 */
export function gatherOffsets(x: Tensor, offsets: Int32Array, shape: readonly number[]): Tensor {
  const out = floats(offsets.length);
  for (let i = 0; i < offsets.length; i++) out[i] = x.data[offsets[i]];
  const size = x.data.length;
  const node =
    x.requiresGrad && isGradEnabled()
      ? new Node(
          'IndexBackward0',
          [x],
          (g) => [reduceThrough(g, offsets, size)],
          (g) => [scatterOffsets(g, offsets, x.shape)],
        )
      : null;
  return Tensor.result(out, shape, node);
}

/**
 * out (of `shape`) with out[offsets[i]] += g[i]: the gradient of a gather, itself differentiable. A pooling's
 * max_pool2d_with_indices_backward passes its node `name` and its input `self`, an input of that node whose
 * gradient is zeros (derivatives.yaml: `self: zeros_like(self)`), so the graph has PyTorch's edges.
 */
export function scatterOffsets(
  g: Tensor,
  offsets: Int32Array,
  shape: readonly number[],
  name = 'IndexPutBackward0',
  self: Tensor | null = null,
): Tensor {
  let size = 1;
  for (const s of shape) size *= s;
  const out = reduceThrough(g.data, offsets, size);
  const zeroForSelf = self !== null && self.requiresGrad;
  const node =
    (g.requiresGrad || zeroForSelf) && isGradEnabled()
      ? new Node(
          name,
          self === null ? [g] : [g, self],
          (gg) => {
            const r = floats(offsets.length);
            for (let i = 0; i < offsets.length; i++) r[i] = gg[offsets[i]];
            return [g.requiresGrad ? r : null, ...(zeroForSelf ? [floats(self.data.length)] : [])];
          },
          (gg) => [
            g.requiresGrad ? gatherOffsets(gg, offsets, g.shape) : null,
            ...(zeroForSelf ? [constantLike(self, () => 0)] : []),
          ],
        )
      : null;
  return Tensor.result(out, shape, node);
}

/** The differentiable backward of a view or reshape of `t`: the gradient in t's shape. */
export function viewDiff(t: Tensor): (g: Tensor) => Tensor[] {
  return (g) => [sameShape(g.shape, t.shape) ? g : reshape(g, t.shape.slice())];
}

/** Derivatives of an elementwise function as plain numbers: derivs[k](x) is the (k + 1)-th derivative. */
export type Derivatives = readonly ((x: number) => number)[];

/**
 * g * f'(x) as one recorded op over (g, x), PyTorch's XBackwardBackward0 (leaky_relu_backward, elu_backward,
 * softplus_backward...): linear in g, and its x-gradient gg * g * f''(x) is the same op one derivative
 * higher, so each order is differentiable while `derivs` has the next derivative.
 */
export function elementwiseBackward(name: string, g: Tensor, x: Tensor, derivs: Derivatives, order = 0): Tensor {
  const d = derivative(derivs, order, name);
  const scaled = (gs: ArrayLike<number>, df: (x: number) => number) => {
    const xs = x.data;
    const r = floats(gs.length);
    for (let i = 0; i < r.length; i++) r[i] = gs[i] * df(xs[i]);
    return r;
  };
  const node =
    isGradEnabled() && (g.requiresGrad || x.requiresGrad)
      ? new Node(
          name,
          [g, x],
          (gg) => {
            const gx = x.requiresGrad ? scaled(gg, derivative(derivs, order + 1, name)) : null;
            if (gx) for (let i = 0; i < gx.length; i++) gx[i] *= g.data[i];
            return [g.requiresGrad ? scaled(gg, d) : null, gx];
          },
          (gg) => [
            g.requiresGrad ? elementwiseBackward(name, gg, x, derivs, order) : null,
            x.requiresGrad ? elementwiseBackward(name, mul(gg, g), x, derivs, order + 1) : null,
          ],
        )
      : null;
  return Tensor.result(scaled(g.data, d), x.shape, node);
}

function derivative(derivs: Derivatives, k: number, name: string): (x: number) => number {
  const d = derivs[k];
  if (!d) throw pyError('NotImplementedError', `a derivative of order ${k + 2} through ${name} is not supported`);
  return d;
}

/** Flat offsets of `outer` blocks of `len` elements, block o starting at o * stride + start (a slab of a dim). */
export function blockOffsets(outer: number, stride: number, start: number, len: number): Int32Array {
  const offs = new Int32Array(outer * len);
  for (let o = 0; o < outer; o++) for (let j = 0; j < len; j++) offs[o * len + j] = o * stride + start + j;
  return offs;
}

/**
 * `t`, computed by recorded ops, under the grad_fn name PyTorch prints for the one fused op they compose
 * (LogSoftmaxBackwardDataBackward0...): learners print the grad_fn of a first derivative.
 */
export function named(t: Tensor, name: string): Tensor {
  const node = t.gradFn;
  if (node) t.gradFn = new Node(name, node.inputs, node.backward, node.diff);
  return t;
}

/**
 * `out` (computed without recording) as the output of one node `name` over `inputs`, whose gradients are the
 * recorded ops of `diff`: the first-order backward runs the same maps with recording off. For ops whose
 * backward is a few tensor ops (the fused products, the NaN-aware reductions, median).
 */
export function diffNode(name: string, inputs: readonly Tensor[], out: Tensor, diff: DiffBackwardFn): Tensor {
  if (!(isGradEnabled() && inputs.some((t) => t.requiresGrad))) return out;
  const node = new Node(
    name,
    inputs,
    (g) => noGrad(() => diff(new Tensor(g, out.shape, out.dtype)).map((t) => (t ? (t.data as Float32Array) : null))),
    diff,
  );
  return new Tensor(out.data, out.shape, out.dtype, true, node);
}
