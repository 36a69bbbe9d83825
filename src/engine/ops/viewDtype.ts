// Tensor.view(dtype) (PyTorch 1.13's view_dtype): the same bytes read as another dtype. With equal element
// sizes the shape and strides stay; with different sizes the last dimension must have stride 1 and its size
// (and, growing, the other strides and the offset) must divide by the ratio, and it shrinks or grows by it.
// The result is a leaf that does not require grad (1.13 marks view.dtype not differentiable: no error, no
// grad_fn, whatever the input).
//
// Memory: PyTorch's result shares the input's bytes. Here it does only for the same dtype (a detached alias,
// one version counter). Across dtypes it cannot: the engine keeps int64/int32/int16/int8/uint8 values in a
// Float64Array and bool in a Uint8Array (buffers.ts), not as their bytes, so the input's whole storage is
// converted into a new storage of the new dtype, and the result is a view of that copy with PyTorch's
// offset and strides. Writes through one are not seen in the other. int64 values beyond 2^53 (most float64
// bit patterns read as int64) are rounded to the nearest double, as every int64 in the engine is.
import { pyError } from '../errors';
import { DType, Storage, Tensor } from '../tensor';
import { makeLayout } from '../strided';
import { dtypeName } from './util';
import { viewInfo } from './view';
import { bfloat16Bits, float16Bits, fromBFloat16Bits, fromFloat16Bits } from '../reducedFloat';

const ITEM_SIZE: Record<DType, number> = {
  float32: 4,
  float64: 8,
  float16: 2,
  bfloat16: 2,
  int64: 8,
  int32: 4,
  int16: 2,
  int8: 1,
  uint8: 1,
  bool: 1,
};

/** The storage's elements as the little-endian bytes of `dtype` (the host's order, as PyTorch's CPU tensors). */
function toBytes(s: Storage, dtype: DType): Uint8Array {
  let typed: ArrayBufferView;
  switch (dtype) {
    case 'float32':
    case 'float64':
    case 'bool':
      typed = s; // already the dtype's own bytes (a float NaN's payload included)
      break;
    case 'float16':
      typed = Uint16Array.from(s, float16Bits);
      break;
    case 'bfloat16':
      typed = Uint16Array.from(s, bfloat16Bits);
      break;
    case 'int64':
      typed = BigInt64Array.from(s as Float64Array, (v) => BigInt(Math.trunc(v)));
      break;
    case 'int32':
      typed = Int32Array.from(s);
      break;
    case 'int16':
      typed = Int16Array.from(s);
      break;
    case 'int8':
      typed = Int8Array.from(s);
      break;
    case 'uint8':
      typed = Uint8Array.from(s);
      break;
  }
  return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
}

/** `count` elements of `dtype` read from `bytes`, as the engine stores that dtype. */
function fromBytes(bytes: Uint8Array, dtype: DType, count: number): Storage {
  // A fresh, aligned buffer: the typed views below need their element size's alignment.
  const buf = bytes.slice(0, count * ITEM_SIZE[dtype]).buffer;
  switch (dtype) {
    case 'float32':
      return new Float32Array(buf);
    case 'float64':
      return new Float64Array(buf);
    case 'float16':
      return Float32Array.from(new Uint16Array(buf), fromFloat16Bits);
    case 'bfloat16':
      return Float32Array.from(new Uint16Array(buf), fromBFloat16Bits);
    case 'int64':
      return Float64Array.from(new BigInt64Array(buf), (v) => Number(v));
    case 'int32':
      return Float64Array.from(new Int32Array(buf));
    case 'int16':
      return Float64Array.from(new Int16Array(buf));
    case 'int8':
      return Float64Array.from(new Int8Array(buf));
    case 'uint8':
      return Float64Array.from(new Uint8Array(buf));
    case 'bool':
      // Any nonzero byte reads as True; the engine's bool ops expect 0 and 1.
      return Uint8Array.from(new Uint8Array(buf), (v) => (v !== 0 ? 1 : 0));
  }
}

/** ATen's checks for a view between element sizes, in its order and words. */
function checkResizable(t: Tensor, dtype: DType, offset: number, strides: readonly number[]): void {
  const from = ITEM_SIZE[t.dtype];
  const to = ITEM_SIZE[dtype];
  const what = `to view ${dtypeName(t.dtype)} as ${dtypeName(dtype)} (different element sizes)`;
  const fail = (m: string) => pyError('RuntimeError', m);
  if (t.ndim === 0) throw fail(`self.dim() cannot be 0 ${what}`);
  const last = t.ndim - 1;
  const lastStride = () => {
    if (strides[last] !== 1) throw fail(`self.stride(-1) must be 1 ${what}, but got ${strides[last]}`);
  };
  if (to < from) return lastStride();
  // Growing, 1.13 checks the last size and the offset before the strides.
  const ratio = to / from;
  if (t.shape[last] % ratio !== 0) {
    throw fail(`self.size(-1) must be divisible by ${ratio} ${what}, but got ${t.shape[last]}`);
  }
  if (offset % ratio !== 0) {
    throw fail(`self.storage_offset() must be divisible by ${ratio} ${what}, but got ${offset}`);
  }
  lastStride();
  for (let d = 0; d < last; d++) {
    if (strides[d] % ratio !== 0) {
      throw fail(`self.stride(${d}) must be divisible by ${ratio} ${what}, but got ${strides[d]}`);
    }
  }
}

/** `t.view(dtype)`: t's bytes as `dtype` (see the file's header for what is shared). */
export function viewDtype(t: Tensor, dtype: DType): Tensor {
  if (dtype === t.dtype) return t.detach();
  const { root, offset, strides } = viewInfo(t);
  const from = ITEM_SIZE[t.dtype];
  const to = ITEM_SIZE[dtype];
  let shape = t.shape.slice();
  let newOffset = offset;
  let newStrides = strides.slice();
  if (from !== to) {
    checkResizable(t, dtype, offset, strides);
    const last = shape.length - 1;
    // Element positions scale by from/to: stride(-1) stays 1, the last size scales the other way.
    const scale = (n: number) => (n * from) / to;
    newOffset = scale(offset);
    newStrides = strides.map((s, d) => (d === last ? 1 : scale(s)));
    shape = shape.map((n, d) => (d === last ? scale(n) : n));
  }
  const count = Math.floor((root.length * from) / to);
  const converted = fromBytes(toBytes(root, t.dtype), dtype, count);
  if (t.layout === null) {
    const r = new Tensor(converted, shape, dtype);
    r.nonContiguous = t.nonContiguous;
    return r;
  }
  // A view into the converted storage, so stride() and storage_offset() are PyTorch's.
  const { layout, data } = makeLayout(converted, newOffset, shape, newStrides);
  const r = new Tensor(data, shape, dtype);
  r.layout = layout;
  return r;
}
