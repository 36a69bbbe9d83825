// The update table's rule for the optimizers beyond the first five: explainStep names each one's rule, gives
// its numbers, and an amount with before - amount = after for every element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tensor } from '../../src/engine/tensor';
import { Parameter } from '../../src/engine/nn/parameter';
import { Adadelta, Adamax, NAdam, RAdam, Rprop, ASGD, LBFGS, Optimizer } from '../../src/engine/optim';
import { explainStep } from '../../src/engine/optim/explain';
import { ruleFormula } from '../../src/shared/phaseText';
import { VIEW_STRINGS } from '../../src/shared/strings';

const CASES: [string, (p: Tensor[]) => Optimizer<any>, string][] = [
  ['adadelta', (p) => new Adadelta(p, { lr: 0.5 }), 'rho'],
  ['adamax', (p) => new Adamax(p), 'betas[0]'],
  ['nadam', (p) => new NAdam(p), 'momentum_decay'],
  ['radam', (p) => new RAdam(p), 'betas[1]'],
  ['rprop', (p) => new Rprop(p), 'etas[1]'],
  ['asgd', (p) => new ASGD(p), 'lambd'],
  ['lbfgs', (p) => new LBFGS(p, { max_iter: 1 }), 'history_size'],
];

for (const [rule, make, key] of CASES) {
  test(`explainStep gives ${rule}'s rule, numbers and amounts (before - amount = after)`, () => {
    const p = new Parameter(new Tensor(Float32Array.from([0.5, -1.25, 2]), [3]));
    const opt = make([p]);
    const setGrad = () => {
      p.grad = new Tensor(Float32Array.from([0.3, -0.7, 1.1]), [3]);
      return 1;
    };
    const before = (p.data as Float32Array).slice();
    setGrad();
    opt.step(setGrad);
    const e = explainStep(opt, p, before);
    assert.equal(e.rule, rule);
    assert.ok(key in e.hyper, `${key} in ${JSON.stringify(e.hyper)}`);
    assert.ok(e.amount);
    const after = p.data as Float32Array;
    assert.ok(
      after.some((v, i) => v !== before[i]),
      'the step moved the parameter',
    );
    for (let i = 0; i < 3; i++) assert.equal(Math.fround(before[i] - e.amount[i]), after[i]);
    const formula = ruleFormula(VIEW_STRINGS, { optimizer: opt.name, rule: e.rule, hyper: e.hyper, amounts: null }, 1);
    assert.notEqual(formula, VIEW_STRINGS.ruleOther);
  });
}
