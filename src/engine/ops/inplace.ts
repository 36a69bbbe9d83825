// In-place ops (add_, sub_, mul_, div_, clamp_, ...). The new values are written into the tensor's own
// buffer, so aliases (views, x[0]) see them. Under no_grad (the optimizer's `w -= lr * w.grad`) that is
// all; when autograd records, the tensor's history is rebased as PyTorch does: a stand-in takes over the
// old values and history and the tensor gets a node whose input is that stand-in.
// Every write bumps the tensor's version (shared with its views and detach()); a node that saved the tensor
// for backward (exp's result, mul's operands: savedVersions.ts) then raises PyTorch's "modified by an
// inplace operation" error instead of reading the new values. The stand-in is a private copy, so an in-place
// op that needs the old values (mul_, div_, sin_) never trips it: PyTorch saves a clone of self there too.
// Limitation of a graph keyed by tensor objects: earlier nodes that used this tensor without saving it route
// their gradient through the new node (exact for add_/sub_, which pass gradients through unchanged).
import { pyError } from '../errors';
import { refused } from '../inference';
import { BackwardFn, Node, isGradEnabled, notifyUntrackedInplace } from '../autograd';
import { copySlices } from './copySlices';
import { Tensor, isFloatDType } from '../tensor';
import { broadcastShapes, fmtShape, sameShape } from '../shape';
import * as A from './arith';
import * as U from './unary';
import * as Act from './activation';
import { TensorLike, castStorage, dtypeName, promote } from './util';
import { expand } from './view';
import { masked_fill } from './compare';

/**
 * Makes `t` the output of a new node: `backward` gets the gradient of t and returns [grad of t's old value,
 * ...grads of `others`].
 */
export function rebaseHistory(t: Tensor, name: string, others: readonly (Tensor | null)[], backward: BackwardFn): void {
  const old = new Tensor(t.data, t.shape, t.dtype, false, null);
  old.requiresGrad = t.requiresGrad;
  old.gradFn = t.gradFn;
  (old as { retainsGrad: boolean }).retainsGrad = false;
  t.gradFn = new Node(name, [old, ...others], backward);
  t.requiresGrad = true;
}

/**
 * Runs `op` (the out-of-place version) and writes its result into t. When autograd records, the op runs on a
 * stand-in holding a copy of t's old values and history, so its backward sees the values it was computed
 * from (mul_, div_, clamp_ need them), and t becomes the op's output.
 */
export function commit(
  t: Tensor,
  others: readonly TensorLike[],
  op: (self: Tensor, same: (o: TensorLike) => TensorLike) => Tensor,
): Tensor {
  const recording =
    isGradEnabled() &&
    isFloatDType(t.dtype) &&
    (t.requiresGrad || others.some((o) => o instanceof Tensor && o.requiresGrad));
  let r: Tensor;
  if (recording) {
    const base = t.viewBase;
    if (base !== null && base.isLeaf && base.requiresGrad && t.requiresGrad) {
      throw pyError(
        'RuntimeError',
        'a view of a leaf Variable that requires grad is being used in an in-place operation.',
      );
    }
    t.checkInplace();
    const old = new Tensor(t.data.slice(), t.shape, t.dtype, false, null);
    old.requiresGrad = t.requiresGrad;
    old.gradFn = t.gradFn;
    r = op(old, (o) => (o === t ? old : o));
    check(t, r);
    // A refused inference tensor: PyTorch writes the values and raises before recording the op.
    if (refused.tensor === t) {
      t.data.set(r.data);
      t.wrote();
    }
    // A saved result (exp_, sigmoid_, relu_) is t itself, as written now.
    r.gradFn?.retargetOutput(r, t);
    if (!copySlices(t, r.gradFn, old, rebaseHistory)) {
      t.gradFn = r.gradFn;
      t.requiresGrad = r.requiresGrad;
    }
  } else {
    if (isFloatDType(t.dtype)) notifyUntrackedInplace(t, false);
    r = op(t, (o) => o);
    check(t, r);
    t.checkInplace();
  }
  if (r.data !== t.data) t.data.set(r.data);
  t.wrote();
  if (!recording && isFloatDType(t.dtype)) notifyUntrackedInplace(t, true);
  return t;
}

function check(t: Tensor, r: Tensor): void {
  if (!sameShape(r.shape, t.shape)) {
    throw pyError(
      'RuntimeError',
      `output with shape ${fmtShape(t.shape)} doesn't match the broadcast shape ${fmtShape(r.shape)}`,
    );
  }
  if (promote(r.dtype, t.dtype) !== t.dtype) {
    throw pyError(
      'RuntimeError',
      `result type ${dtypeName(r.dtype)} can't be cast to the desired output type ${dtypeName(t.dtype)}`,
    );
  }
}

export function add_(t: Tensor, other: TensorLike, alpha = 1): Tensor {
  return commit(t, [other], (x, same) => A.add(x, same(other), alpha));
}
export function sub_(t: Tensor, other: TensorLike, alpha = 1): Tensor {
  return commit(t, [other], (x, same) => A.sub(x, same(other), alpha));
}
export function mul_(t: Tensor, other: TensorLike): Tensor {
  return commit(t, [other], (x, same) => A.mul(x, same(other)));
}
export function div_(t: Tensor, other: TensorLike, roundingMode: 'trunc' | 'floor' | null = null): Tensor {
  return commit(t, [other], (x, same) => A.div(x, same(other), roundingMode));
}
export function pow_(t: Tensor, e: TensorLike): Tensor {
  return commit(t, [e], (x, same) => A.pow(x, same(e)));
}
export function neg_(t: Tensor): Tensor {
  return commit(t, [], (x) => A.neg(x));
}
export function abs_(t: Tensor): Tensor {
  return commit(t, [], (x) => U.abs(x));
}
export function exp_(t: Tensor): Tensor {
  return commit(t, [], (x) => U.exp(x));
}
export function log_(t: Tensor): Tensor {
  return commit(t, [], (x) => U.log(x));
}
export function sqrt_(t: Tensor): Tensor {
  return commit(t, [], (x) => U.sqrt(x));
}
export function floor_(t: Tensor): Tensor {
  return commit(t, [], (x) => U.floor(x));
}
export function ceil_(t: Tensor): Tensor {
  return commit(t, [], (x) => U.ceil(x));
}
export function round_(t: Tensor, decimals = 0): Tensor {
  return commit(t, [], (x) => U.round(x, decimals));
}
export function clamp_(t: Tensor, min: number | null = null, max: number | null = null): Tensor {
  return commit(t, [], (x) => U.clamp(x, min, max));
}
export function clamp_min_(t: Tensor, min: number): Tensor {
  return commit(t, [], (x) => U.clamp(x, min, null));
}
export function clamp_max_(t: Tensor, max: number): Tensor {
  return commit(t, [], (x) => U.clamp(x, null, max));
}
export function relu_(t: Tensor): Tensor {
  return commit(t, [], (x) => Act.relu(x));
}
export function sigmoid_(t: Tensor): Tensor {
  return commit(t, [], (x) => Act.sigmoid(x));
}
export function tanh_(t: Tensor): Tensor {
  return commit(t, [], (x) => Act.tanh(x));
}
export function leaky_relu_(t: Tensor, negativeSlope = 0.01): Tensor {
  return commit(t, [], (x) => Act.leaky_relu(x, negativeSlope));
}

/**
 * In-place forms of the remaining unary ops (`x.sin_()`, `x.reciprocal_()`, ...): the op's values written into
 * x and, when autograd records, the op's own node (SinBackward0), as PyTorch's in-place kernels give.
 */
const UNARY_FOR_INPLACE = {
  sin: U.sin,
  cos: U.cos,
  tan: U.tan,
  asin: U.asin,
  acos: U.acos,
  atan: U.atan,
  sinh: U.sinh,
  cosh: U.cosh,
  erf: U.erf,
  erfinv: U.erfinv,
  exp2: U.exp2,
  expm1: U.expm1,
  frac: U.frac,
  log2: U.log2,
  log10: U.log10,
  log1p: U.log1p,
  reciprocal: U.reciprocal,
  rsqrt: U.rsqrt,
  sign: U.sign,
  sgn: U.sgn,
  trunc: U.trunc,
} satisfies Record<string, (t: Tensor) => Tensor>;

export const unaryInplace: Record<string, (t: Tensor) => Tensor> = Object.fromEntries(
  Object.entries(UNARY_FOR_INPLACE).map(([name, op]) => [`${name}_`, (t: Tensor) => commit(t, [], (x) => op(x))]),
);

/** `t.masked_fill_(mask, value)`: value where mask is true (MaskedFillBackward0 when recording). */
export function masked_fill_(t: Tensor, mask: Tensor, value: number | Tensor): Tensor {
  const shape = broadcastShapes(t.shape, mask.shape, 'masked_fill_');
  if (!sameShape(shape, t.shape)) {
    throw pyError(
      'RuntimeError',
      `output with shape ${fmtShape(t.shape)} doesn't match the broadcast shape ${fmtShape(shape)}`,
    );
  }
  return commit(t, [value], (x, same) => masked_fill(x, mask, same(value) as number | Tensor));
}

/** `t.copy_(src)`: broadcasts src to t's shape, casts to t's dtype; CopyBackwards when src requires grad. */
export function copy_(t: Tensor, src: Tensor): Tensor {
  let r: Tensor;
  try {
    r = expand(src, t.shape);
  } catch {
    throw pyError(
      'RuntimeError',
      `output with shape ${fmtShape(t.shape)} doesn't match the broadcast shape ${fmtShape(src.shape)}`,
    );
  }
  t.checkInplace();
  const recording = isGradEnabled() && r.gradFn !== null && isFloatDType(t.dtype);
  if (!recording && isFloatDType(t.dtype)) notifyUntrackedInplace(t, false);
  if (recording) {
    const expanded = r.gradFn!;
    rebaseHistory(t, 'CopyBackwards', [src], (g) => [null, expanded.backward(g)[0]]);
  }
  if (r.data !== t.data) {
    const d =
      t.dtype === 'int64' ? castStorage(r.data, 'int64') : t.dtype === 'bool' ? castStorage(r.data, 'bool') : r.data;
    t.data.set(d);
  }
  t.wrote();
  if (!recording && isFloatDType(t.dtype)) notifyUntrackedInplace(t, true);
  return t;
}
