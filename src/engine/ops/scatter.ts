// scatter / scatter_add (out of place; the in-place forms are in inplace.ts) and bincount, with PyTorch's
// rules: out[..., index[i][j], ...] (at `dim`) takes src[i][j] (or a scalar value), every other coordinate
// of the position being the index element's own. The Korean labs make one-hot targets this way:
// `torch.zeros(n, 10).scatter_(1, y.unsqueeze(1), 1)`.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor, allocate, isFloatDType } from '../tensor';
import { fmtShape, numel, stridesOf } from '../shape';
import { dtypeName } from './util';
import { commit } from './inplace';

type Reduce = 'add' | 'multiply' | null;

/** For every element of index: the output offset it writes (`to`) and the src offset it reads (`from`). */
export function plan(op: string, self: Tensor, dim: number, index: Tensor, src: Tensor | null) {
  const nd = Math.max(self.ndim, 1);
  const d = dim < 0 ? dim + nd : dim;
  if (d < 0 || d >= nd) {
    throw pyError(
      'IndexError',
      `Dimension out of range (expected to be in range of [${-nd}, ${nd - 1}], but got ${dim})`,
    );
  }
  if (index.dtype !== 'int64') throw pyError('RuntimeError', `${op}(): Expected dtype int64 for index`);
  if (Math.max(index.ndim, 1) !== nd || (src && Math.max(src.ndim, 1) !== nd)) {
    throw pyError('RuntimeError', 'Index tensor must have the same number of dimensions as self tensor');
  }
  const selfShape = self.ndim ? self.shape : [1];
  const ishape = index.ndim ? index.shape : [1];
  const sshape = src ? (src.ndim ? src.shape : [1]) : null;
  for (let k = 0; k < nd; k++) {
    if ((k !== d && ishape[k] > selfShape[k]) || (sshape && ishape[k] > sshape[k])) {
      throw pyError(
        'RuntimeError',
        `Expected index ${fmtShape(index.shape)} to be smaller than self ${fmtShape(self.shape)} apart from ` +
          `dimension ${d}${sshape ? ` and to be smaller size than src ${fmtShape(src!.shape)}` : ''}`,
      );
    }
  }
  const selfStrides = stridesOf(selfShape);
  const srcStrides = sshape ? stridesOf(sshape) : selfStrides;
  const istrides = stridesOf(ishape);
  const n = numel(ishape);
  const to = new Int32Array(n);
  const from = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let rem = i;
    let o = 0;
    let s = 0;
    for (let k = 0; k < nd; k++) {
      const c = Math.floor(rem / istrides[k]);
      rem -= c * istrides[k];
      let at = c;
      if (k === d) {
        at = index.data[i];
        if (at < -selfShape[d] || at >= selfShape[d]) {
          throw pyError('RuntimeError', `index ${at} is out of bounds for dimension ${d} with size ${selfShape[d]}`);
        }
        if (at < 0) at += selfShape[d];
      }
      o += at * selfStrides[k];
      s += c * srcStrides[k];
    }
    to[i] = o;
    from[i] = s;
  }
  return { to, from };
}

function checkSrc(op: string, self: Tensor, src: Tensor | number): void {
  if (src instanceof Tensor && src.dtype !== self.dtype) {
    throw pyError(
      'RuntimeError',
      `${op}(): Expected self.dtype to be equal to src.dtype (got ${dtypeName(self.dtype)} and ${dtypeName(src.dtype)})`,
    );
  }
}

/** The values: self's, with the src values (or `value`) written, added or multiplied at the planned places. */
function scattered(self: Tensor, p: { to: Int32Array; from: Int32Array }, src: Tensor | number, reduce: Reduce) {
  const out = self.data.slice();
  const values = src instanceof Tensor ? src.data : null;
  // A Python number takes self's dtype (an int64 tensor truncates 1.5 to 1, as PyTorch's cast does).
  const value = isFloatDType(self.dtype)
    ? Number(src)
    : self.dtype === 'bool'
      ? Number(!!src)
      : Math.trunc(Number(src));
  for (let i = 0; i < p.to.length; i++) {
    const v = values ? values[p.from[i]] : value;
    if (reduce === 'add') out[p.to[i]] += v;
    else if (reduce === 'multiply') out[p.to[i]] *= v;
    else out[p.to[i]] = v;
  }
  return out;
}

/** The gradient of src: the output gradient at the places each src element went (0 where none went). */
function srcGrad(g: Float32Array, p: { to: Int32Array; from: Int32Array }, src: Tensor): Float32Array {
  const gs = allocate(src.dtype, src.data.length) as Float32Array;
  for (let i = 0; i < p.to.length; i++) gs[p.from[i]] = g[p.to[i]];
  return gs;
}

/** torch.scatter(self, dim, index, src or value, reduce=None): ScatterBackward0 (src) / ScatterBackward1 (value). */
export function scatter(self: Tensor, dim: number, index: Tensor, src: Tensor | number, reduce: Reduce = null): Tensor {
  checkSrc('scatter', self, src);
  const s = src instanceof Tensor ? src : null;
  const p = plan('scatter', self, dim, index, s);
  const out = scattered(self, p, src, reduce);
  if (!isFloatDType(self.dtype) || !needsGrad(self, s)) return new Tensor(out, self.shape, self.dtype);
  if (reduce !== null) {
    throw pyError('NotImplementedError', `the derivative of scatter with reduce='${reduce}' is not implemented`);
  }
  const node = new Node(s ? 'ScatterBackward0' : 'ScatterBackward1', s ? [self, s] : [self], (g) => {
    const gSelf = g.slice();
    for (let i = 0; i < p.to.length; i++) gSelf[p.to[i]] = 0;
    return s ? [gSelf, srcGrad(g, p, s)] : [gSelf];
  });
  return new Tensor(out, self.shape, self.dtype, true, node);
}

/** torch.scatter_add(self, dim, index, src): ScatterAddBackward0 (self's gradient passes through). */
export function scatter_add(self: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  checkSrc('scatter_add', self, src);
  const p = plan('scatter_add', self, dim, index, src);
  const out = scattered(self, p, src, 'add');
  if (!isFloatDType(self.dtype) || !needsGrad(self, src)) return new Tensor(out, self.shape, self.dtype);
  const node = new Node('ScatterAddBackward0', [self, src], (g) => [g, srcGrad(g, p, src)]);
  return new Tensor(out, self.shape, self.dtype, true, node);
}

/** t.scatter_(dim, index, src or value, reduce=None): in place (ScatterBackward0/1 when recording). */
export function scatter_(t: Tensor, dim: number, index: Tensor, src: Tensor | number, reduce: Reduce = null): Tensor {
  return commit(t, [src], (x, same) => scatter(x, dim, index, same(src) as Tensor | number, reduce));
}

/** t.scatter_add_(dim, index, src): in place (ScatterAddBackward0 when recording). */
export function scatter_add_(t: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  return commit(t, [src], (x, same) => scatter_add(x, dim, index, same(src) as Tensor));
}

/** torch.bincount(input, weights=None, minlength=0): counts (int64), or summed weights. */
export function bincount(input: Tensor, weights: Tensor | null, minlength: number): Tensor {
  if (input.ndim !== 1 || input.dtype === 'bool' || isFloatDType(input.dtype)) {
    throw pyError('RuntimeError', 'bincount only supports 1-d non-negative integral inputs.');
  }
  if (minlength < 0) throw pyError('RuntimeError', 'minlength should be >= 0');
  if (weights && (weights.ndim !== 1 || weights.shape[0] !== input.shape[0])) {
    throw pyError('RuntimeError', 'weights should be 1-d and have the same length as input');
  }
  let size = minlength;
  for (let i = 0; i < input.data.length; i++) {
    const v = input.data[i];
    if (v < 0) throw pyError('RuntimeError', 'bincount only supports 1-d non-negative integral inputs.');
    if (v + 1 > size) size = v + 1;
  }
  // float32 weights sum as float32; any other weights as float64 (PyTorch's rule).
  const dtype = weights ? (weights.dtype === 'float32' ? 'float32' : 'float64') : 'int64';
  const out = allocate(dtype, size);
  for (let i = 0; i < input.data.length; i++) out[input.data[i]] += weights ? Number(weights.data[i]) : 1;
  return new Tensor(out, [size], dtype);
}
