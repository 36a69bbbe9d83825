// Every lr scheduler kind against real PyTorch 1.13, double for double: lr-scheduler-torch113.json (written
// by lr-scheduler-fixture.py) holds get_last_lr() and each group's momentum after every step of SGD with two
// parameter groups; the engine's schedulers must give the same Python floats exactly (cos and pow as
// Python's libm rounds them, see src/engine/pymath.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tensor } from '../../src/engine/tensor';
import { Parameter } from '../../src/engine/nn/parameter';
import { SGD } from '../../src/engine/optim';
import * as sched from '../../src/engine/lr_scheduler';
import * as cyclic from '../../src/engine/lr_scheduler_cyclic';

interface Case {
  name: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  lrs: number[][];
  momenta: number[][];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture: { torch: string; epochs: number; cases: Case[] } = JSON.parse(
  fs.readFileSync(path.join(here, 'lr-scheduler-torch113.json'), 'utf8'),
);

/** Positional parameters after the optimizer, by class, as PyTorch names them (the engine takes them in order). */
const POSITIONAL: Record<string, string[]> = {
  StepLR: ['step_size', 'gamma'],
  MultiStepLR: ['milestones', 'gamma'],
  ExponentialLR: ['gamma'],
  CosineAnnealingLR: ['T_max', 'eta_min'],
  ConstantLR: ['factor', 'total_iters'],
  LinearLR: ['start_factor', 'end_factor', 'total_iters'],
  PolynomialLR: ['total_iters', 'power'],
  CosineAnnealingWarmRestarts: ['T_0', 'T_mult', 'eta_min'],
};

type Scheduler = { step(): void; get_last_lr(): number[] };

function make(c: Case, opt: SGD): Scheduler {
  const classes = { ...sched, ...cyclic } as unknown as Record<string, new (...a: unknown[]) => Scheduler>;
  const Ctor = classes[c.name];
  if (c.name === 'CyclicLR' || c.name === 'OneCycleLR') return new Ctor(opt, ...c.args, c.kwargs);
  const names = POSITIONAL[c.name];
  const values = names.map((n, i) => (i < c.args.length ? c.args[i] : c.kwargs[n]));
  return new Ctor(opt, ...values);
}

test('the fixture comes from PyTorch 1.13', () => {
  assert.match(fixture.torch, /^1\.13/);
  assert.ok(fixture.cases.length >= 15);
});

for (const c of fixture.cases) {
  test(`${c.name}(${JSON.stringify(c.args)}, ${JSON.stringify(c.kwargs)}) gives PyTorch's lrs exactly`, () => {
    const a = new Parameter(new Tensor(new Float32Array(2), [2]));
    const b = new Parameter(new Tensor(new Float32Array(3), [3]));
    const opt = new SGD([{ params: [a] }, { params: [b], lr: 0.05 }], { lr: 0.1, momentum: 0.9 });
    const s = make(c, opt);
    c.lrs.forEach((expected, epoch) => {
      opt.step();
      s.step();
      assert.deepEqual(s.get_last_lr(), expected, `lr after step ${epoch + 1}`);
      assert.deepEqual(
        opt.param_groups.map((g) => g.momentum),
        c.momenta[epoch],
        `momentum after step ${epoch + 1}`,
      );
    });
  });
}
