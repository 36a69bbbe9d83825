// Run by softmax-exp.test.ts in a Node started with --experimental-wasm-relaxed-simd (Node 20 needs the flag;
// VS Code's Electron and Node >= 22 have relaxed SIMD by default): the four-lane exp and sigmoid kernel,
// taken only where relaxed multiply-adds are fused, against PyTorch's bits in the same fixture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TR_EXP, TR_SIGMOID } from '../../src/engine/kernels/elementwise';
import { sigmoidScalarTail } from '../../src/engine/ops/sleefExp';
import { decodeFloats, fusedRelaxedKernels } from './float32-bits';

const fused = fusedRelaxedKernels();
if (!fused) process.exit(0);
const k = fused;
const fixture = JSON.parse(readFileSync(join(__dirname, 'softmax-exp-torch113.json'), 'utf8'));
const x = decodeFloats(fixture.unary.x.f32);
for (const [fn, name] of [
  [TR_EXP, 'exp'],
  [TR_SIGMOID, 'sigmoid'],
] as const) {
  const want = new Uint32Array(decodeFloats(fixture.unary[name].f32).buffer);
  k.reserve(x.length * 4);
  k.put(x, 0, x.length, k.base);
  k.ex.trForwardFused(fn, x.length, k.base, k.base);
  const out = new Float32Array(x.length);
  k.get(k.base, x.length, out, 0);
  if (name === 'sigmoid') sigmoidScalarTail(x, out); // PyTorch's scalar code for the last n % 16
  const got = new Uint32Array(out.buffer);
  for (let i = 0; i < x.length; i++) {
    if (got[i] !== want[i] && !(Number.isNaN(out[i]) && Number.isNaN(x[i]))) {
      console.error(`${name}(${x[i]}): fused kernel ${out[i]}, PyTorch ${new Float32Array(want.buffer)[i]}`);
      process.exit(1);
    }
  }
}
console.log('fused: exp and sigmoid match PyTorch');
