// The few tensor operations the Python API needs that the engine has no function for: a float scalar
// that keeps its dtype, `.data = other`, and masked_fill_ (the out-of-place result written back).
import { DType, Tensor } from '../engine/tensor';

/** A 0-d float32 tensor: how a Python float with an integral value (2.0) keeps its float dtype. */
export function floatScalar(v: number): Tensor {
  return new Tensor(new Float32Array([v]), [], 'float32');
}

/** `.data = other`: the tensor now holds other's buffer and shape. */
export function setData(t: Tensor, src: Tensor): void {
  t.data = src.data;
  t.shape = src.shape.slice();
  (t as { dtype: DType }).dtype = src.dtype;
  t.nonContiguous = src.nonContiguous;
}

/** In-place writes computed out of place (masked_fill_): `a`'s buffer takes `result`'s values. */
export function writeInto(a: Tensor, result: Tensor): Tensor {
  a.checkInplace();
  a.data.set(result.data);
  return a;
}
