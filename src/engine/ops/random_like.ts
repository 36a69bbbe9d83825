// The *_like random factories: shape (and dtype check) from a tensor, values from the default generator.
import { pyError } from '../errors';
import { Tensor, isFloatDType } from '../tensor';
import { rand, randn, randint } from '../random';

export function rand_like(t: Tensor): Tensor {
  if (!isFloatDType(t.dtype))
    throw pyError(
      'RuntimeError',
      `"check_uniform_bounds" not implemented for '${t.dtype === 'int64' ? 'Long' : 'Bool'}'`,
    );
  return rand(t.shape);
}

export function randn_like(t: Tensor): Tensor {
  if (!isFloatDType(t.dtype))
    throw pyError('RuntimeError', `"normal_kernel_cpu" not implemented for '${t.dtype === 'int64' ? 'Long' : 'Bool'}'`);
  return randn(t.shape);
}

export function randint_like(t: Tensor, low: number, high?: number): Tensor {
  const r = high === undefined ? randint(0, low, t.shape) : randint(low, high, t.shape);
  return t.dtype === 'float32' ? new Tensor(Float32Array.from(r.data), t.shape, 'float32') : r;
}
