// Optimizer update rules against small cases worked from PyTorch 1.13's documented algorithms (computed
// here in float64; the engine rounds to float32 at each op, hence the relative tolerance).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tensor } from '../../src/engine/tensor';
import { Parameter } from '../../src/engine/nn/parameter';
import { Linear } from '../../src/engine/nn/linear';
import { Sequential } from '../../src/engine/nn/containers';
import { SGD, Adam, AdamW, RMSprop, Adagrad, onOptimizerStep } from '../../src/engine/optim';
import type { AdagradOptions } from '../../src/engine/optim';

function param(values: number[]): Parameter {
  return new Parameter(new Tensor(Float32Array.from(values), [values.length]));
}

function setGrad(p: Tensor, values: number[]): void {
  p.grad = new Tensor(Float32Array.from(values), [values.length]);
}

function assertClose(actual: ArrayLike<number>, expected: number[], rtol = 1e-5, atol = 1e-7): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    const ok = Math.abs(actual[i] - expected[i]) <= atol + rtol * Math.abs(expected[i]);
    assert.ok(ok, `[${i}] ${actual[i]} != ${expected[i]}`);
  }
}

/** Runs `steps` updates with the gradient sequence `grads(step, p)`, returning the parameter values. */
function run(
  opt: { step(): unknown },
  p: Parameter,
  grads: (step: number, w: number[]) => number[],
  steps: number,
): number[] {
  for (let s = 0; s < steps; s++) {
    setGrad(p, grads(s, Array.from(p.data)));
    opt.step();
  }
  return Array.from(p.data);
}

// Gradient of f(w) = sum(c_i * w_i^2 / 2): g_i = c_i * w_i, so it changes as the parameter moves.
const C = [1.0, -0.5, 2.0];
const quad = (_s: number, w: number[]) => w.map((x, i) => C[i] * x);
const W0 = [0.5, -1.5, 2.0];

test('SGD without momentum: p -= lr * g', () => {
  const p = param([1, 2]);
  const opt = new SGD([p], { lr: 0.1 });
  setGrad(p, [0.5, -1]);
  opt.step();
  assertClose(p.data, [0.95, 2.1]);
});

test('SGD momentum: the buffer starts as the first gradient, dampening applies from step 2', () => {
  const lr = 0.1,
    mom = 0.9,
    damp = 0.3,
    wd = 0.01;
  const p = param(W0);
  const got = run(new SGD([p], { lr, momentum: mom, dampening: damp, weight_decay: wd }), p, quad, 4);
  let w = W0.slice();
  let buf: number[] | null = null;
  for (let s = 0; s < 4; s++) {
    const g = w.map((x, i) => C[i] * x + wd * x);
    buf = buf === null ? g.slice() : buf.map((b, i) => mom * b + (1 - damp) * g[i]);
    const b = buf;
    w = w.map((x, i) => x - lr * b[i]);
  }
  assertClose(got, w);
});

test('SGD nesterov: step along g + momentum * buf', () => {
  const lr = 0.05,
    mom = 0.8;
  const p = param(W0);
  const got = run(new SGD([p], { lr, momentum: mom, nesterov: true }), p, quad, 3);
  let w = W0.slice();
  let buf: number[] | null = null;
  for (let s = 0; s < 3; s++) {
    const g = w.map((x, i) => C[i] * x);
    buf = buf === null ? g.slice() : buf.map((b, i) => mom * b + g[i]);
    const b = buf;
    w = w.map((x, i) => x - lr * (g[i] + mom * b[i]));
  }
  assertClose(got, w);
});

test('SGD maximize ascends', () => {
  const p = param([1]);
  const opt = new SGD([p], { lr: 0.5, maximize: true });
  setGrad(p, [2]);
  opt.step();
  assertClose(p.data, [2]);
});

test('SGD argument checks follow PyTorch', () => {
  const p = param([1]);
  assert.throws(() => new SGD([p], { lr: -1 }), /Invalid learning rate: -1/);
  assert.throws(
    () => new SGD([p], { lr: 0.1, nesterov: true }),
    /Nesterov momentum requires a momentum and zero dampening/,
  );
  assert.throws(() => new SGD([], { lr: 0.1 }), /optimizer got an empty parameter list/);
  assert.throws(() => new SGD([{ params: [p] }]), /required optimization parameter lr/);
  const q = param([1]);
  assert.throws(() => new SGD([{ params: [p] }, { params: [p, q] }], { lr: 0.1 }), /more than one parameter group/);
});

function adamReference(
  steps: number,
  o: { lr: number; b1: number; b2: number; eps: number; wd: number; decoupled: boolean; amsgrad: boolean },
): number[] {
  let w = W0.slice();
  let m = [0, 0, 0],
    v = [0, 0, 0],
    vmax = [0, 0, 0];
  for (let t = 1; t <= steps; t++) {
    if (o.decoupled) w = w.map((x) => x * (1 - o.lr * o.wd));
    const g = w.map((x, i) => C[i] * x + (o.decoupled ? 0 : o.wd * x));
    m = m.map((mi, i) => o.b1 * mi + (1 - o.b1) * g[i]);
    v = v.map((vi, i) => o.b2 * vi + (1 - o.b2) * g[i] * g[i]);
    vmax = vmax.map((x, i) => Math.max(x, v[i]));
    const s = o.amsgrad ? vmax : v;
    const bc1 = 1 - o.b1 ** t,
      bc2 = 1 - o.b2 ** t;
    w = w.map((x, i) => x - ((o.lr / bc1) * m[i]) / (Math.sqrt(s[i]) / Math.sqrt(bc2) + o.eps));
  }
  return w;
}

test("Adam's first step moves each weight by lr (bias correction)", () => {
  const p = param([1, -2, 3]);
  const opt = new Adam([p], { lr: 0.01 });
  setGrad(p, [0.3, -5, 1e-3]);
  opt.step();
  assertClose(p.data, [0.99, -1.99, 2.99], 1e-5);
  assert.equal(opt.state.get(p)?.step, 1);
});

test('Adam with L2 weight decay, several steps', () => {
  const o = { lr: 0.02, b1: 0.8, b2: 0.95, eps: 1e-6, wd: 0.1, decoupled: false, amsgrad: false };
  const p = param(W0);
  const got = run(new Adam([p], { lr: o.lr, betas: [o.b1, o.b2], eps: o.eps, weight_decay: o.wd }), p, quad, 6);
  assertClose(got, adamReference(6, o), 1e-5);
});

test('Adam amsgrad keeps the running max of v', () => {
  const o = { lr: 0.05, b1: 0.9, b2: 0.5, eps: 1e-8, wd: 0, decoupled: false, amsgrad: true };
  const p = param(W0);
  const got = run(new Adam([p], { lr: o.lr, betas: [o.b1, o.b2], amsgrad: true }), p, quad, 8);
  assertClose(got, adamReference(8, o), 1e-5);
  assert.ok(new Adam([param([1])], {}).defaults.amsgrad === false);
});

test('AdamW decays the weights directly (default weight_decay 1e-2)', () => {
  const o = { lr: 0.03, b1: 0.9, b2: 0.999, eps: 1e-8, wd: 0.01, decoupled: true, amsgrad: false };
  const p = param(W0);
  const opt = new AdamW([p], { lr: o.lr });
  assert.equal(opt.defaults.weight_decay, 0.01);
  assertClose(run(opt, p, quad, 5), adamReference(5, o), 1e-5);
  // With a zero gradient only the decay acts.
  const q = param([2]);
  const opt2 = new AdamW([q], { lr: 0.1, weight_decay: 0.5 });
  setGrad(q, [0]);
  opt2.step();
  assertClose(q.data, [2 * (1 - 0.1 * 0.5)]);
});

test('Adam and AdamW on large tensors (SIMD kernel) are bit-identical to the per-element loop', () => {
  // One 1024-element parameter takes the kernel path; the same numbers as 8 parameters of 128 take the loop.
  const n = 1024,
    part = 128;
  const w0 = Float32Array.from({ length: n }, (_, i) => Math.sin(i) * 2);
  for (const [Ctor, options] of [
    [Adam, { lr: 0.01, weight_decay: 0.1, amsgrad: true }],
    [AdamW, { lr: 0.02, maximize: true }],
  ] as const) {
    const big = new Parameter(new Tensor(w0.slice(), [n]));
    const small = Array.from(
      { length: n / part },
      (_, k) => new Parameter(new Tensor(w0.slice(k * part, (k + 1) * part), [part])),
    );
    const optBig = new Ctor([big], options);
    const optSmall = new Ctor(small, options);
    for (let step = 0; step < 5; step++) {
      const g = Float32Array.from({ length: n }, (_, i) => Math.cos(i * 0.37 + step) * (1 + (i % 7)));
      big.grad = new Tensor(g, [n]);
      small.forEach((p, k) => (p.grad = new Tensor(g.slice(k * part, (k + 1) * part), [part])));
      optBig.step();
      optSmall.step();
    }
    const joined = new Float32Array(n);
    small.forEach((p, k) => joined.set(p.data as Float32Array, k * part));
    assert.deepEqual(Array.from(big.data), Array.from(joined));
  }
});

function rmspropReference(
  steps: number,
  o: { lr: number; alpha: number; eps: number; wd: number; momentum: number; centered: boolean },
): number[] {
  let w = W0.slice();
  let sq = [0, 0, 0],
    ga = [0, 0, 0],
    buf = [0, 0, 0];
  for (let t = 0; t < steps; t++) {
    const g = w.map((x, i) => C[i] * x + o.wd * x);
    sq = sq.map((s, i) => o.alpha * s + (1 - o.alpha) * g[i] * g[i]);
    let avg: number[];
    if (o.centered) {
      ga = ga.map((a, i) => o.alpha * a + (1 - o.alpha) * g[i]);
      avg = sq.map((s, i) => Math.sqrt(s - ga[i] * ga[i]) + o.eps);
    } else avg = sq.map((s) => Math.sqrt(s) + o.eps);
    if (o.momentum > 0) {
      buf = buf.map((b, i) => o.momentum * b + g[i] / avg[i]);
      w = w.map((x, i) => x - o.lr * buf[i]);
    } else w = w.map((x, i) => x - (o.lr * g[i]) / avg[i]);
  }
  return w;
}

test("RMSprop's first step is lr * g / (sqrt(1 - alpha) |g|)", () => {
  const p = param([1, -1]);
  const opt = new RMSprop([p], { lr: 0.01 });
  setGrad(p, [2, -0.5]);
  opt.step();
  assertClose(p.data, [1 - 0.01 / Math.sqrt(0.01), -1 + 0.01 / Math.sqrt(0.01)], 1e-5);
});

test('RMSprop plain, centered, momentum and weight decay', () => {
  for (const o of [
    { lr: 0.01, alpha: 0.99, eps: 1e-8, wd: 0, momentum: 0, centered: false },
    { lr: 0.02, alpha: 0.9, eps: 1e-8, wd: 0.05, momentum: 0.5, centered: false },
    { lr: 0.01, alpha: 0.8, eps: 1e-6, wd: 0, momentum: 0.9, centered: true },
  ]) {
    const p = param(W0);
    const opt = new RMSprop([p], {
      lr: o.lr,
      alpha: o.alpha,
      eps: o.eps,
      weight_decay: o.wd,
      momentum: o.momentum,
      centered: o.centered,
    });
    assertClose(run(opt, p, quad, 5), rmspropReference(5, o), 1e-4);
  }
});

test('Adagrad: lr_decay, initial_accumulator_value and eager state', () => {
  const lr = 0.1,
    decay = 0.5,
    init = 0.2,
    eps = 1e-10;
  const p = param(W0);
  const opt = new Adagrad([p], { lr, lr_decay: decay, initial_accumulator_value: init });
  const state = opt.state.get(p);
  assert.ok(state && state.step === 0 && state.sum instanceof Float32Array);
  assertClose(state.sum as Float32Array, [init, init, init]);
  const got = run(opt, p, quad, 4);
  let w = W0.slice();
  let sum = [init, init, init];
  for (let t = 1; t <= 4; t++) {
    const g = w.map((x, i) => C[i] * x);
    const clr = lr / (1 + (t - 1) * decay);
    sum = sum.map((s, i) => s + g[i] * g[i]);
    w = w.map((x, i) => x - (clr * g[i]) / (Math.sqrt(sum[i]) + eps));
  }
  assertClose(got, w, 1e-5);
});

test('param groups keep their own hyper-parameters; params without grad are skipped', () => {
  const a = param([1]);
  const b = param([1]);
  const c = param([1]);
  const opt = new SGD([{ params: [a] }, { params: [b], lr: 0.5 }], { lr: 0.1, momentum: 0.9 });
  opt.add_param_group({ params: c, lr: 1 });
  assert.equal(opt.param_groups.length, 3);
  assert.equal(opt.param_groups[1].momentum, 0.9);
  setGrad(a, [1]);
  setGrad(b, [1]);
  opt.step();
  assertClose(a.data, [0.9]);
  assertClose(b.data, [0.5]);
  assertClose(c.data, [1]);
  assert.equal(opt.state.has(c), false);
});

test('an optimizer takes a module parameter generator, as optim.SGD(model.parameters()) does', () => {
  const model = new Sequential(new Linear(2, 3), new Linear(3, 1));
  const opt = new SGD(model.parameters(), { lr: 0.1 });
  assert.equal(opt.param_groups[0].params.length, 4);
  assert.throws(
    () => new SGD(model.parameters().next().value as unknown as Tensor[], { lr: 0.1 }),
    /should be an iterable of Tensors or dicts/,
  );
});

test('zero_grad zeros in place by default (1.13) or sets None', () => {
  const p = param([1, 2]);
  const opt = new SGD([p], { lr: 0.1 });
  setGrad(p, [3, 4]);
  const g = p.grad;
  opt.zero_grad();
  assert.equal(p.grad, g);
  assert.deepEqual(Array.from(p.grad!.data), [0, 0]);
  opt.zero_grad(true);
  assert.equal(p.grad, null);
});

test('onOptimizerStep reports every group lr after each step', () => {
  const a = param([1]);
  const b = param([1]);
  const opt = new Adam([{ params: [a] }, { params: [b], lr: 0.5 }], { lr: 0.01 });
  const seen: number[][] = [];
  const off = onOptimizerStep((o, lrs) => {
    assert.equal(o, opt);
    seen.push(lrs);
  });
  opt.step();
  opt.param_groups[0].lr = 0.02;
  opt.step();
  off();
  opt.step();
  assert.deepEqual(seen, [
    [0.01, 0.5],
    [0.02, 0.5],
  ]);
});

test('optimizer state_dict round trip restores momentum', () => {
  const p = param([1, 2]);
  const opt = new SGD([p], { lr: 0.1, momentum: 0.9 });
  setGrad(p, [1, 1]);
  opt.step();
  const saved = opt.state_dict();
  const q = param(Array.from(p.data));
  const opt2 = new SGD([q], { lr: 0.1, momentum: 0.9 });
  opt2.load_state_dict(saved);
  setGrad(p, [1, 1]);
  setGrad(q, [1, 1]);
  opt.step();
  opt2.step();
  assert.deepEqual(Array.from(q.data), Array.from(p.data));
});

test('constructor arguments beyond the known ones are kept in every group, as PyTorch keeps all of them', () => {
  const opt = new Adagrad([param([1])], { lr: 0.1, differentiable: false } as Partial<AdagradOptions>);
  assert.equal(opt.param_groups[0].differentiable, false);
  assert.equal(opt.param_groups[0].lr, 0.1);
});

test('optimizer repr lists sorted hyper-parameters as PyTorch prints them', () => {
  const opt = new SGD([param([1])], { lr: 0.1 });
  assert.equal(
    opt.repr(),
    'SGD (\nParameter Group 0\n    dampening: 0\n    differentiable: False\n    foreach: None\n    lr: 0.1\n' +
      '    maximize: False\n    momentum: 0\n    nesterov: False\n    weight_decay: 0\n)',
  );
});
