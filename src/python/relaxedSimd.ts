// Turns on WebAssembly relaxed SIMD in the runtime process where V8 has it behind a flag (Node 20; VS Code's
// Electron and Node >= 22 have it on by default). The engine's exp, sigmoid and tanh kernels then take four
// float32 lanes with a fused multiply-add instead of emulating each fused step on two double lanes, about 4x
// faster for the same bits (test/unit/softmax-exp.test.ts checks both against PyTorch, and the relaxed build's
// matrix multiply against the plain one bit for bit), so a file prints the same in the CLI and in VS Code.
// V8 reads its WebAssembly feature flags when it compiles a module, so this must run before the worker loads
// the engine's kernels.
import v8 from 'node:v8';

/** (module (func (param v128 v128 v128) (result v128) local.get 0 local.get 1 local.get 2 f32x4.relaxed_madd)) */
const RELAXED_MADD_MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x01, 0x60, 0x03, 0x7b, 0x7b, 0x7b, 0x01, 0x7b, 0x03,
  0x02, 0x01, 0x00, 0x0a, 0x0d, 0x01, 0x0b, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0xfd, 0x85, 0x02, 0x0b,
]);

/** Whether relaxed SIMD validates now, after turning on V8's flag for it where it was off. */
export function enableRelaxedSimd(): boolean {
  if (WebAssembly.validate(RELAXED_MADD_MODULE)) return true;
  try {
    v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
  } catch {
    return false; // a V8 without the flag: the plain SIMD kernels serve, with the same bits
  }
  return WebAssembly.validate(RELAXED_MADD_MODULE);
}
