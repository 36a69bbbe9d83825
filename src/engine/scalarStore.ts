// A Python number written into a tensor of a given dtype by fill_, full and masked_fill: c10's
// Scalar::to<T>(), a checked conversion. A value the dtype cannot hold is PyTorch's RuntimeError naming the C
// type; a negative integer stored as uint8 wraps (c10 lets -1 through as 255, but not -256). JS numbers do not
// tell 1.0 from 1, so an integral float takes the integer rule (PyTorch refuses -1.0 for uint8, we store 255).
import { runtimeError } from './errors';
import type { DType } from './buffers';
import { toBFloat16, toFloat16 } from './reducedFloat';

/** The C type c10 names in its overflow message, and the range of each integer dtype. */
const INT_RANGES: Partial<Record<DType, { cName: string; lo: number; hi: number; bits: number }>> = {
  uint8: { cName: 'uint8_t', lo: 0, hi: 255, bits: 8 },
  int8: { cName: 'int8_t', lo: -128, hi: 127, bits: 8 },
  int16: { cName: 'int16_t', lo: -32768, hi: 32767, bits: 16 },
  int32: { cName: 'int', lo: -2147483648, hi: 2147483647, bits: 32 },
  // 2^63 - 1 is not a double; the check below refuses every double of at least 2^63.
  int64: { cName: 'int64_t', lo: -(2 ** 63), hi: 2 ** 63, bits: 64 },
};

const FLOAT32_MAX = 3.4028234663852886e38;

function overflow(cName: string): never {
  throw runtimeError(`value cannot be converted to type ${cName} without overflow`);
}

/** The value `value` becomes in a tensor of `dtype`, or PyTorch's overflow error. */
export function storedScalar(value: number | boolean, dtype: DType): number {
  const v = Number(value);
  if (dtype === 'bool') return v !== 0 ? 1 : 0;
  if (dtype === 'float64') return v;
  if (dtype === 'float32') {
    if (Number.isFinite(v) && Math.abs(v) > FLOAT32_MAX) overflow('float');
    return v;
  }
  if (dtype === 'float16') {
    if (Number.isFinite(v) && Math.abs(v) > 65504) overflow('at::Half');
    return toFloat16(v);
  }
  if (dtype === 'bfloat16') {
    if (Number.isFinite(v) && Math.abs(v) > 3.3895313892515355e38) overflow('at::BFloat16');
    return toBFloat16(v);
  }
  const range = INT_RANGES[dtype]!;
  if (!Number.isFinite(v)) overflow(range.cName);
  const integral = Number.isInteger(v);
  if (v > range.hi || v >= 2 ** 63) overflow(range.cName);
  if (v < range.lo) {
    // An integer below an unsigned type's range wraps while its magnitude fits; a float never does.
    if (range.lo !== 0 || !integral || -v > range.hi) overflow(range.cName);
    return v + 2 ** range.bits;
  }
  return Math.trunc(v);
}
