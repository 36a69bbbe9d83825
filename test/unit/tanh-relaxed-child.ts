// Run by tanh.test.ts in a Node started with --experimental-wasm-relaxed-simd (Node 20 needs the flag; VS
// Code's Electron and Node >= 22 have relaxed SIMD by default): the four-lane tanh kernel, taken only where
// relaxed multiply-adds are fused, against PyTorch's bits in tanh-torch113.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TR_TANH } from '../../src/engine/kernels/elementwise';
import { decodeFloats, fusedRelaxedKernels } from './float32-bits';

const fused = fusedRelaxedKernels();
if (!fused) process.exit(0);
const k = fused;
const fixture = JSON.parse(readFileSync(join(__dirname, 'tanh-torch113.json'), 'utf8'));
const x = decodeFloats(fixture.x.f32);
const want = decodeFloats(fixture.tanh.f32);
k.reserve(x.length * 4);
k.put(x, 0, x.length, k.base);
k.ex.trForwardFused(TR_TANH, x.length, k.base, k.base);
const out = new Float32Array(x.length);
k.get(k.base, x.length, out, 0);
const got = new Uint32Array(out.buffer);
const wantBits = new Uint32Array(want.buffer);
for (let i = 0; i < x.length; i++) {
  if (got[i] !== wantBits[i] && !(Number.isNaN(out[i]) && Number.isNaN(x[i]))) {
    console.error(`tanh(${x[i]}): fused kernel ${out[i]}, PyTorch ${want[i]}`);
    process.exit(1);
  }
}
console.log('fused: tanh matches PyTorch');
