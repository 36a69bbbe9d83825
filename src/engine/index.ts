// The engine's public API: a `torch`-like namespace (`import * as torch from './engine'`) of free
// functions with PyTorch's names, plus the tensor class, autograd switches and the subsystems.
// Conventions: arguments follow PyTorch's positional order without the deprecated ones (e.g.
// cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing)); a JS number stands for a
// Python scalar (an integer-valued number counts as int, so pass dtype where Python had a float like 1.0);
// errors carry the Python exception class in `name` (RuntimeError, IndexError, ValueError, TypeError) and
// PyTorch's message text, sometimes preceded by the op and shapes.
export { Tensor, allocate } from './tensor';
export { pyError, runtimeError } from './errors';
export type { PyErrorKind } from './errors';
export type { DType, Storage } from './tensor';
export {
  Node,
  noGrad,
  setGradEnabled,
  isGradEnabled,
  onBackward,
  runBackward,
  gradientsOf,
  needsGrad,
} from './autograd';
export type { BackwardFn, BackwardListener } from './autograd';
export { ShapeError, broadcastShapes, fmtShape, numel, sameShape, stridesOf } from './shape';
export type { Shape } from './shape';

export * from './ops/arith';
export * from './ops/modulo';
export * from './ops/unary';
export * from './ops/activation';
export * from './ops/rectifiers';
export * from './ops/reduce';
export * from './ops/matmul';
export * from './ops/view';
export * from './ops/compare';
export * from './ops/loss';
export * from './ops/marginLosses';
export * from './ops/likelihoodLosses';
export * from './ops/multiMarginLoss';
export * from './ops/indexing';
export * from './ops/inplace';
export * from './ops/create';
export * from './ops/random_like';
export * from './ops/misc';
export * from './ops/scatter';
export * from './ops/batchnorm';
// The convolutions themselves; their shared checks (conv.ts) stay internal to the ops.
export { conv1d, conv2d } from './ops/conv';
export type { Conv1dOptions, Conv2dOptions, Pair } from './ops/conv';
export * from './ops/convTranspose';
export { conv3d } from './ops/conv3d';
export type { Conv3dOptions, Triple } from './ops/conv3d';
export * from './ops/convTranspose3d';
export * from './ops/pool';
export * from './ops/pool3d';
export * from './ops/embedding';
export * from './ops/embeddingBag';
export * from './ops/custom';
export * from './ops/rearrange';
export * from './ops/layernorm';
export * from './ops/linalg';
export * from './ops/linalgDecomp';
export * from './ops/linalgSolve';
export * from './ops/linalgChain';
export * from './ops/einsum';
// `var` is a reserved word for declarations but fine as an export name: torch.var(x).
export { var_ as var } from './ops/reduce';
export { promote, asTensor, castStorage, floatScalar, isScalarOperand } from './ops/util';
export type { TensorLike } from './ops/util';

export * from './random';
export * from './rngState';
export * from './format';
export * as nn from './nn';
export * as optim from './optim';
export * as lr_scheduler from './lr_scheduler';
export * as init from './init';
