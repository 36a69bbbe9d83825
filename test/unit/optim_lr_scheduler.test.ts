// LR scheduler sequences, following PyTorch 1.13's definitions (lr_scheduler.py): the recursive forms must
// track the documented closed forms, and ReduceLROnPlateau must count bad epochs, cool down and clamp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tensor } from '../../src/engine/tensor';
import { Parameter } from '../../src/engine/nn/parameter';
import { SGD } from '../../src/engine/optim';
import {
  ConstantLR,
  CosineAnnealingLR,
  ExponentialLR,
  LinearLR,
  MultiplicativeLR,
  LambdaLR,
  MultiStepLR,
  ReduceLROnPlateau,
  StepLR,
  schedulerOutput,
} from '../../src/engine/lr_scheduler';

function optimizer(lr: number, groups = 1): SGD {
  const params = Array.from({ length: groups }, () => ({
    params: [new Parameter(new Tensor(new Float32Array(1), [1]))],
  }));
  return new SGD(params, { lr });
}

/** The lr of group 0 before each of `n` epochs (read, then scheduler.step()). */
function lrs(opt: SGD, sched: { step(): void }, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(opt.param_groups[0].lr);
    opt.step();
    sched.step();
  }
  return out;
}

function assertSeq(actual: number[], expected: number[]): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) =>
    assert.ok(Math.abs(a - expected[i]) <= 1e-12 * Math.max(1, Math.abs(expected[i])), `[${i}] ${a} != ${expected[i]}`),
  );
}

test('StepLR multiplies by gamma every step_size epochs', () => {
  const opt = optimizer(1);
  const s = new StepLR(opt, 3, 0.5);
  assert.deepEqual(s.get_last_lr(), [1]);
  assert.equal(s.last_epoch, 0);
  assertSeq(
    lrs(opt, s, 8),
    [1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25].map((v) => v),
  );
  assert.equal(s.last_epoch, 8);
  assert.equal(opt.param_groups[0].initial_lr, 1);
});

test('MultiStepLR applies gamma^count at repeated milestones', () => {
  const opt = optimizer(1);
  const s = new MultiStepLR(opt, [2, 2, 5], 0.1);
  const got = lrs(opt, s, 7);
  assertSeq(got, [1, 1, 1 * 0.1 ** 2, 1 * 0.1 ** 2, 1 * 0.1 ** 2, 1 * 0.1 ** 2 * 0.1, 1 * 0.1 ** 2 * 0.1]);
});

test('ExponentialLR multiplies by gamma each epoch', () => {
  const opt = optimizer(0.1);
  const s = new ExponentialLR(opt, 0.95);
  const got = lrs(opt, s, 5);
  let lr = 0.1;
  const expected: number[] = [];
  for (let i = 0; i < 5; i++) {
    expected.push(lr);
    lr *= 0.95;
  }
  assertSeq(got, expected);
});

test('CosineAnnealingLR recursive form follows the closed form, through T_max and back up', () => {
  const base = 0.05,
    etaMin = 0.001,
    T = 10;
  const opt = optimizer(base);
  const s = new CosineAnnealingLR(opt, T, etaMin);
  const got = lrs(opt, s, 25);
  const expected = got.map((_, t) => etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * t) / T))) / 2);
  got.forEach((a, i) => assert.ok(Math.abs(a - expected[i]) < 1e-12, `[${i}] ${a} != ${expected[i]}`));
  assert.ok(Math.abs(got[T] - etaMin) < 1e-12);
  s.step(3);
  assert.ok(
    Math.abs(opt.param_groups[0].lr - (etaMin + ((base - etaMin) * (1 + Math.cos((3 * Math.PI) / T))) / 2)) < 1e-15,
  );
});

test('LambdaLR: one lambda per group times the initial lr', () => {
  const opt = optimizer(0.2, 2);
  opt.param_groups[1].lr = 1;
  const s = new LambdaLR(opt, [(e) => 1 / (e + 1), (e) => 0.5 ** e]);
  for (let e = 0; e < 4; e++) {
    assert.deepEqual(s.get_last_lr(), [0.2 * (1 / (e + 1)), 1 * 0.5 ** e]);
    s.step();
  }
  assert.throws(() => new LambdaLR(opt, [(e) => e]), /Expected 2 lr_lambdas, but got 1/);
});

test('a scheduler resuming from last_epoch needs initial_lr', () => {
  const opt = optimizer(0.1);
  assert.throws(() => new StepLR(opt, 2, 0.5, 4), /param 'initial_lr' is not specified in param_groups\[0\]/);
});

test('ReduceLROnPlateau: patience, threshold, cooldown and min_lr', () => {
  const opt = optimizer(1);
  const s = new ReduceLROnPlateau(opt, { factor: 0.5, patience: 2, cooldown: 1, min_lr: 0.3 });
  const metrics = [1, 1, 0.99995, 1, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6];
  const seen = metrics.map((m) => {
    s.step(m);
    return opt.param_groups[0].lr;
  });
  // epoch 1 sets best; 2-4 are not better by the 1e-4 relative threshold -> 3 bad epochs > 2 -> cut at 4;
  // epoch 5 improves (and spends the cooldown); 6-8 are bad -> cut at 8, clamped to the 0.3 floor; later cuts
  // would go below the floor, so the lr stays.
  assert.deepEqual(seen, [1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]);
  assert.deepEqual(s.get_last_lr(), [0.3]);
  const saved = s.state_dict();
  assert.equal(saved.best, 0.5);
  assert.equal('optimizer' in saved, false);
  assert.throws(() => new ReduceLROnPlateau(opt, { factor: 1 }), /Factor should be < 1.0./);
  const max = new ReduceLROnPlateau(optimizer(1), { mode: 'max', patience: 0, threshold_mode: 'abs', threshold: 0.1 });
  max.step(1);
  max.step(1.05);
  assert.deepEqual(max.get_last_lr(), [0.1]);
});

test('verbose schedulers print PyTorch lines', () => {
  const lines: string[] = [];
  const saved = schedulerOutput.print;
  schedulerOutput.print = (l) => lines.push(l);
  try {
    const opt = optimizer(0.1);
    const s = new StepLR(opt, 1, 0.5, -1, true);
    s.step();
  } finally {
    schedulerOutput.print = saved;
  }
  assert.deepEqual(lines, [
    'Adjusting learning rate of group 0 to 1.0000e-01.',
    'Adjusting learning rate of group 0 to 5.0000e-02.',
  ]);
});

test('LinearLR recursive form follows start + (end - start) * min(T, t) / T', () => {
  const opt = optimizer(0.1);
  const s = new LinearLR(opt, 0.25, 1.0, 4);
  const got = lrs(opt, s, 7);
  got.forEach((a, t) => {
    const expected = 0.1 * (0.25 + (0.75 * Math.min(4, t)) / 4);
    assert.ok(Math.abs(a - expected) < 1e-15, `[${t}] ${a} != ${expected}`);
  });
  assert.throws(() => new LinearLR(optimizer(0.1), 0), /Starting multiplicative factor expected to be greater than 0/);
});

test('ConstantLR holds factor * lr for total_iters epochs', () => {
  const opt = optimizer(0.1);
  const got = lrs(opt, new ConstantLR(opt, 0.5, 3), 6);
  const expected = [0.05, 0.05, 0.05, 0.1, 0.1, 0.1];
  got.forEach((a, t) => assert.ok(Math.abs(a - expected[t]) < 1e-15, `[${t}] ${a}`));
});

test('MultiplicativeLR multiplies by lambda(epoch) from epoch 1', () => {
  const opt = optimizer(1);
  const got = lrs(opt, new MultiplicativeLR(opt, (e) => 1 / (e + 1)), 4);
  assertSeq(got, [1, 1 / 2, 1 / 2 / 3, 1 / 2 / 3 / 4]);
});
