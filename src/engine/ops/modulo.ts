// Integer-style division: div with a rounding mode, floor_divide (`//`), remainder (`%`) and fmod. Their
// values are piecewise constant in the dividend, so the gradients are simple (zero, or g passed through),
// and PyTorch records no derivative at all for some overloads: those get its NotImplemented node, which
// prints as `grad_fn=<NotImplemented>` and fails when backward reaches it.
import { pyError } from '../errors';
import { Node, isGradEnabled } from '../autograd';
import { Tensor, DType, floats, isFloatDType } from '../tensor';
import {
  BinaryPlan,
  TensorLike,
  asTensor,
  binaryMap,
  binaryPlan,
  indexA,
  indexB,
  isScalarOperand,
  reduceTo,
  promoteOperands,
} from './util';

function recording(A: Tensor, B: Tensor): boolean {
  return isGradEnabled() && (A.requiresGrad || B.requiresGrad);
}

/**
 * PyTorch's node for an op without a derivative formula: backward through it raises. Ops that derivatives.yaml
 * marks not_implemented name themselves without the `aten::` an op missing from it gets (channel_shuffle).
 */
export function notImplemented(op: string, inputs: Tensor[], namespace = 'aten::'): Node {
  return new Node('NotImplemented', inputs, () => {
    throw pyError('RuntimeError', `derivative for ${namespace}${op} is not implemented`);
  });
}

/** The result dtype of an integer-style op; PyTorch has no bool kernels for them. */
function resultDType(A: Tensor, B: Tensor, kernel: string): DType {
  const dtype = promoteOperands(A, B);
  if (dtype === 'bool') throw pyError('RuntimeError', `"${kernel}_cpu" not implemented for 'Bool'`);
  return dtype;
}

function checkIntDivisor(dtype: DType, y: number): void {
  if (!isFloatDType(dtype) && y === 0) throw pyError('RuntimeError', 'ZeroDivisionError');
}

/** Gradients of an op whose derivative is g for the dividend and -g * q(a, b) for the divisor. */
function dividendNode(
  name: string,
  A: Tensor,
  B: Tensor,
  p: BinaryPlan,
  quotient: ((x: number, y: number) => number) | null,
): Node {
  return new Node(name, [A, B], (g) => {
    const ga = A.requiresGrad ? reduceTo(g, p.shape, A.shape) : null;
    let gb: Float32Array | null = null;
    if (B.requiresGrad && quotient) {
      const f = floats(g.length);
      for (let i = 0; i < g.length; i++) f[i] = -g[i] * quotient(A.data[indexA(p, i)], B.data[indexB(p, i)]);
      gb = reduceTo(f, p.shape, B.shape);
    }
    return [ga, gb];
  });
}

/** `div(a, b, rounding_mode=...)`: the quotient rounded toward zero or down; DivBackward2, a zero gradient. */
export function roundedDiv(a: TensorLike, b: TensorLike, mode: 'trunc' | 'floor'): Tensor {
  return rounded(asTensor(a, b), asTensor(b, a), mode, 'DivBackward2');
}

/** Python's `//` (torch.floor_divide): PyTorch has no derivative for it. */
export function floor_divide(a: TensorLike, b: TensorLike): Tensor {
  return rounded(asTensor(a, b), asTensor(b, a), 'floor', 'NotImplemented');
}

function rounded(A: Tensor, B: Tensor, mode: 'trunc' | 'floor', name: string): Tensor {
  const dtype = resultDType(A, B, `div_${mode}`);
  const f = mode === 'trunc' ? Math.trunc : Math.floor;
  const out = binaryMap(A, B, 'div', dtype, (x, y) => {
    checkIntDivisor(dtype, y);
    return f(x / y);
  });
  if (!isFloatDType(dtype) || !recording(A, B)) return out;
  const node =
    name === 'NotImplemented'
      ? notImplemented('floor_divide', [A, B])
      : new Node(name, [A, B], () => [
          A.requiresGrad ? floats(A.data.length) : null,
          B.requiresGrad ? floats(B.data.length) : null,
        ]);
  return Tensor.result(out.data as Float32Array, out.shape, node);
}

/**
 * Python's `%` (torch.remainder): the result takes the sign of the divisor. RemainderBackward0 with a scalar
 * divisor (gradient g), RemainderBackward1 with a tensor one (and -g * floor(a / b) for it); a scalar
 * dividend (`2 % x`) has no derivative in PyTorch.
 */
export function remainder(a: TensorLike, b: TensorLike): Tensor {
  const A = asTensor(a, b);
  const B = asTensor(b, a);
  const dtype = resultDType(A, B, 'remainder');
  const out = binaryMap(A, B, 'remainder', dtype, (x, y) => {
    checkIntDivisor(dtype, y);
    const r = x % y;
    return r !== 0 && r < 0 !== y < 0 ? r + y : r;
  });
  if (!isFloatDType(dtype) || !recording(A, B)) return out;
  const p = binaryPlan(A.shape, B.shape, 'remainder');
  let node: Node;
  if (isScalarOperand(a)) node = notImplemented('remainder', [A, B]);
  else if (isScalarOperand(b)) node = dividendNode('RemainderBackward0', A, B, p, null);
  else node = dividendNode('RemainderBackward1', A, B, p, (x, y) => Math.floor(x / y));
  return Tensor.result(out.data as Float32Array, out.shape, node);
}

/**
 * torch.fmod: remainder with the sign of the dividend (C's fmod). FmodBackward0 with a scalar divisor,
 * FmodBackward1 with a tensor one (-g * trunc(a / b) for it).
 */
export function fmod(a: Tensor, b: TensorLike): Tensor {
  const B = asTensor(b, a);
  const dtype = resultDType(a, B, 'fmod');
  const out = binaryMap(a, B, 'fmod', dtype, (x, y) => {
    checkIntDivisor(dtype, y);
    return x % y;
  });
  if (!isFloatDType(dtype) || !recording(a, B)) return out;
  const p = binaryPlan(a.shape, B.shape, 'fmod');
  const node = isScalarOperand(b)
    ? dividendNode('FmodBackward0', a, B, p, null)
    : dividendNode('FmodBackward1', a, B, p, (x, y) => Math.trunc(x / y));
  return Tensor.result(out.data as Float32Array, out.shape, node);
}
