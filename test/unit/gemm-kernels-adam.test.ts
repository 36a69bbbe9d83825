// The WebAssembly Adam update (src/engine/kernels/adam.ts) against a float32 reference written here from
// PyTorch 1.13's single-tensor Adam, bit for bit, in both rounding modes and every option.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADAM_WASM_MIN_ELEMENTS, AdamHyperparameters, adamStepWasm } from '../../src/engine/kernels/adam';

const f32 = Math.fround;

/** Correctly rounded float32 a * b + c for floats a, b, c (a * b is exact in a double). */
function fmaf(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  if (!Number.isFinite(s)) return f32(s);
  // Two-sum: s + err is exactly p + c.
  const bb = s - p;
  const err = p - (s - bb) + (c - bb);
  const r = f32(s);
  if (err === 0 || r === s) return r;
  // s was rounded; only a tie at the float32 midpoint can go the wrong way.
  const other = r < s ? f32(s + (s - r)) : f32(s - (r - s));
  const midpoint = (r + other) / 2 === s;
  if (!midpoint) return r;
  // The exact value lies on err's side of s.
  return err > 0 === other > r ? other : r;
}

function reference(
  p: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  vmax: Float32Array,
  step: number,
  h: AdamHyperparameters,
): void {
  const madd = (a: number, b: number, c: number) => (h.fused ? fmaf(a, b, c) : f32(f32(a * b) + c));
  const b1 = f32(h.beta1),
    b2 = f32(h.beta2),
    c1 = f32(1 - h.beta1),
    c2 = f32(1 - h.beta2);
  const eps = f32(h.eps),
    wd = f32(h.weightDecay);
  const stepSize = f32(h.lr / (1 - h.beta1 ** step));
  const bc2Sqrt = f32(Math.sqrt(1 - h.beta2 ** step));
  const decay = f32(1 - h.lr * h.weightDecay);
  for (let i = 0; i < p.length; i++) {
    let gi = h.maximize ? -g[i] : g[i];
    let pi = p[i];
    if (h.decoupled) {
      if (h.weightDecay !== 0) pi = f32(pi * decay);
    } else if (wd !== 0) gi = madd(pi, wd, gi);
    const mi = madd(gi, c1, f32(m[i] * b1));
    const vi = h.fused ? fmaf(f32(c2 * gi), gi, f32(v[i] * b2)) : f32(f32(v[i] * b2) + f32(f32(gi * gi) * c2));
    m[i] = mi;
    v[i] = vi;
    let s = vi;
    if (h.amsgrad) {
      s = vmax[i] > vi ? vmax[i] : vi;
      vmax[i] = s;
    }
    const denom = f32(f32(f32(Math.sqrt(s)) / bc2Sqrt) + eps);
    p[i] = f32(pi - f32(f32(stepSize * mi) / denom));
  }
}

/** Deterministic values, in a view inside a larger buffer (as the engine's pooled tensors are). */
function values(n: number, seed: number, scale: number): Float32Array {
  const out = new Float32Array(n + 7).subarray(3, 3 + n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 31 - 1) * scale;
  }
  return out;
}

const bits = (x: Float32Array) => new Uint32Array(x.buffer, x.byteOffset, x.length);

const BASE: AdamHyperparameters = {
  lr: 1e-3,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  weightDecay: 0,
  amsgrad: false,
  maximize: false,
  decoupled: false,
  fused: true,
};
const VARIANTS: [string, Partial<AdamHyperparameters>][] = [
  ['Adam', {}],
  ['Adam, products rounded (unfused)', { fused: false }],
  ['Adam with weight decay', { weightDecay: 0.01 }],
  ['Adam with weight decay, unfused', { weightDecay: 0.01, fused: false }],
  ['Adam amsgrad', { amsgrad: true }],
  ['Adam maximize, lr 0.05, betas (0.8, 0.99)', { maximize: true, lr: 0.05, beta1: 0.8, beta2: 0.99 }],
  ['AdamW', { decoupled: true, weightDecay: 0.1, lr: 0.05 }],
  ['AdamW amsgrad unfused', { decoupled: true, weightDecay: 0.01, amsgrad: true, fused: false }],
];

for (const [name, options] of VARIANTS) {
  test(`wasm ${name} equals the float32 reference bit for bit over 5 steps`, () => {
    const h = { ...BASE, ...options };
    for (const n of [ADAM_WASM_MIN_ELEMENTS, 1027]) {
      const p = values(n, n, 1);
      const pRef = p.slice();
      const [m, v, vmax] = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
      const [mRef, vRef, vmaxRef] = [m.slice(), v.slice(), vmax.slice()];
      for (let step = 1; step <= 5; step++) {
        const g = values(n, 1000 * step + n, step === 3 ? 1e-3 : 2); // one step of small gradients
        assert.equal(adamStepWasm(p, g, m, v, vmax, step, h), true, 'the wasm kernel did not run');
        reference(pRef, g, mRef, vRef, vmaxRef, step, h);
      }
      assert.deepEqual(bits(p), bits(pRef), `${name}, n=${n}: parameters`);
      assert.deepEqual(bits(m), bits(mRef), `${name}, n=${n}: exp_avg`);
      assert.deepEqual(bits(v), bits(vRef), `${name}, n=${n}: exp_avg_sq`);
      if (h.amsgrad) assert.deepEqual(bits(vmax), bits(vmaxRef), `${name}: max_exp_avg_sq`);
    }
  });
}

test('the fused and unfused modes really differ (the flag reaches the kernel)', () => {
  const n = 4096;
  const run = (fused: boolean) => {
    const p = values(n, 7, 1);
    adamStepWasm(p, values(n, 8, 2), new Float32Array(n), new Float32Array(n), null, 1, { ...BASE, fused });
    return p;
  };
  assert.notDeepEqual(run(true), run(false));
});

test('small tensors are left to the caller', () => {
  const n = ADAM_WASM_MIN_ELEMENTS - 1;
  const p = values(n, 1, 1);
  const before = p.slice();
  assert.equal(adamStepWasm(p, values(n, 2, 1), new Float32Array(n), new Float32Array(n), null, 1, BASE), false);
  assert.deepEqual(p, before);
});
