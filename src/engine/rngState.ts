// torch.get_rng_state()'s bytes: PyTorch 1.13's CPUGeneratorImplState struct, little-endian, as its
// CPUGeneratorImpl::get_state() copies it into a uint8 tensor, so a state saved by PyTorch restores here and
// ours restores there. Layout (x86-64 alignment, padding zeroed):
//   0  uint64 the_initial_seed     8  int32 left      12  int32 seeded     16  uint64 next
//  24  uint64 state[624] (the mt19937 words, widened)
// 5016 double normal_x   5024 double normal_y   5032 double normal_rho   5040 int32 normal_is_valid
// 5048 float next_float_normal_sample   5052 bool is_next_float_normal_sample_valid   (5056 bytes)
// The first 5048 bytes are the legacy THGeneratorState, which set_state still accepts on its own.
import { pyError, runtimeError } from './errors';
import type { Generator } from './random';
import { Tensor } from './tensor';

/**
 * A generator's state as PyTorch's CPUGeneratorImpl keeps it: at::mt19937's data (the 64-bit seed it was
 * seeded with, `left` draws until the next twist, `next` word to temper, the 624 words) and the cached second
 * Box-Muller values. packRngState/unpackRngState below turn it into get_rng_state()'s bytes and back.
 */
export interface RngState {
  readonly seed: bigint;
  readonly left: number;
  readonly seeded: boolean;
  readonly next: number;
  readonly mt: Uint32Array;
  readonly nextDoubleNormal: number | null;
  readonly nextFloatNormal: number | null;
}

const MT_N = 624;
const STATE_AT = 24;
const NORMAL_X_AT = STATE_AT + 8 * MT_N;
const NORMAL_Y_AT = NORMAL_X_AT + 8;
const NORMAL_RHO_AT = NORMAL_Y_AT + 8;
const NORMAL_VALID_AT = NORMAL_RHO_AT + 8;
/** sizeof(THGeneratorState): the int flag padded to the struct's 8-byte alignment. */
export const LEGACY_STATE_SIZE = NORMAL_VALID_AT + 8;
const FLOAT_NORMAL_AT = LEGACY_STATE_SIZE;
const FLOAT_VALID_AT = FLOAT_NORMAL_AT + 4;
/** sizeof(CPUGeneratorImplState): the bool padded to 8 bytes too. */
export const RNG_STATE_SIZE = LEGACY_STATE_SIZE + 8;

/** A generator state as get_rng_state()'s bytes. PyTorch writes normal_x and normal_rho as 0 (unused). */
export function packRngState(state: RngState): Uint8Array {
  const bytes = new Uint8Array(RNG_STATE_SIZE);
  const v = new DataView(bytes.buffer);
  v.setBigUint64(0, state.seed, true);
  v.setInt32(8, state.left, true);
  v.setInt32(12, state.seeded ? 1 : 0, true);
  v.setBigUint64(16, BigInt(state.next), true);
  for (let i = 0; i < MT_N; i++) v.setUint32(STATE_AT + 8 * i, state.mt[i], true);
  if (state.nextDoubleNormal !== null) {
    v.setFloat64(NORMAL_Y_AT, state.nextDoubleNormal, true);
    v.setInt32(NORMAL_VALID_AT, 1, true);
  }
  if (state.nextFloatNormal !== null) {
    v.setFloat32(FLOAT_NORMAL_AT, state.nextFloatNormal, true);
    bytes[FLOAT_VALID_AT] = 1;
  }
  return bytes;
}

/**
 * The state in `bytes` of either size set_state accepts. A legacy state cached the Box-Muller intermediates
 * rather than the sample: PyTorch rebuilds the sine half from them. Validity is the generator's to check.
 */
export function unpackRngState(bytes: Uint8Array): RngState {
  const n = bytes.length;
  if (n !== LEGACY_STATE_SIZE && n !== RNG_STATE_SIZE) {
    throw runtimeError(
      `Expected either a CPUGeneratorImplStateLegacy of size ${LEGACY_STATE_SIZE} or a CPUGeneratorImplState ` +
        `of size ${RNG_STATE_SIZE} but found the input RNG state size to be ${n}`,
    );
  }
  const v = new DataView(bytes.buffer, bytes.byteOffset, n);
  const mt = new Uint32Array(MT_N);
  // The struct holds 64-bit words; mt19937 keeps their low 32 bits (PyTorch's std::copy narrows them).
  for (let i = 0; i < MT_N; i++) mt[i] = v.getUint32(STATE_AT + 8 * i, true);
  const normalValid = v.getInt32(NORMAL_VALID_AT, true) !== 0;
  let nextDoubleNormal: number | null = null;
  let nextFloatNormal: number | null = null;
  if (n === LEGACY_STATE_SIZE) {
    if (normalValid) {
      const theta = 2 * Math.PI * v.getFloat64(NORMAL_X_AT, true);
      nextDoubleNormal = v.getFloat64(NORMAL_RHO_AT, true) * Math.sin(theta);
    }
  } else {
    if (normalValid) nextDoubleNormal = v.getFloat64(NORMAL_Y_AT, true);
    if (bytes[FLOAT_VALID_AT] !== 0) nextFloatNormal = v.getFloat32(FLOAT_NORMAL_AT, true);
  }
  return {
    seed: v.getBigUint64(0, true),
    left: v.getInt32(8, true),
    seeded: v.getInt32(12, true) !== 0,
    // static_cast<uint32_t> of the 64-bit field, as PyTorch restores it
    next: v.getUint32(16, true),
    mt,
    nextDoubleNormal,
    nextFloatNormal,
  };
}

/** Generator.get_state(): a fresh 1-D uint8 tensor of the state's bytes. */
export function generatorStateTensor(g: Generator): Tensor {
  return new Tensor(Float64Array.from(packRngState(g.get_state())), [RNG_STATE_SIZE], 'uint8');
}

/** Generator.set_state(t) for a tensor argument, with PyTorch's checks in its order (type, layout, size, validity). */
export function setGeneratorStateFromTensor(g: Generator, t: Tensor): void {
  if (t.dtype !== 'uint8') throw pyError('TypeError', 'RNG state must be a torch.ByteTensor');
  if (!t.is_contiguous()) throw runtimeError('RNG state must be contiguous');
  g.set_state(unpackRngState(Uint8Array.from(t.data)));
}
