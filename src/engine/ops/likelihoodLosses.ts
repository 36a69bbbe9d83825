// The negative log-likelihood losses of a Poisson count and of a Gaussian with a predicted variance. PyTorch
// 1.13 builds both from ordinary ops (poisson_nll_loss in ATen's Loss.cpp, gaussian_nll_loss in Python in
// torch/nn/functional.py), so they are composed here from the same ops in the same order: values round where
// PyTorch's do, the graph has PyTorch's nodes and the derivatives are those of the parts.
import { pyError } from '../errors';
import { noGrad } from '../autograd';
import type { Tensor } from '../tensor';
import { sameShape } from '../shape';
import { add, div, mul, pow, sub } from './arith';
import { le, masked_fill } from './compare';
import { clamp_ } from './inplace';
import { mean, sum } from './reduce';
import { exp, log } from './unary';
import { clone, unsqueeze } from './view';
import { floatData } from './util';

/**
 * ATen's C++ `tensor + 0.5` or `0.5 * tensor` calls the Scalar overload, recorded as AddBackward1 or
 * MulBackward1 (Python's `t + 0.5` wraps the number into a tensor: AddBackward0). Renamed in place, so the
 * node keeps its sequence number and what it saved.
 */
function scalarOverload(t: Tensor, name: 'AddBackward1' | 'MulBackward1'): Tensor {
  if (t.gradFn) (t.gradFn as { name: string }).name = name;
  return t;
}

function checkReduction(reduction: string): 'mean' | 'sum' | 'none' {
  if (reduction !== 'mean' && reduction !== 'sum' && reduction !== 'none') {
    throw pyError('ValueError', `${reduction} is not valid`);
  }
  return reduction;
}

function applyReduction(losses: Tensor, reduction: 'mean' | 'sum' | 'none'): Tensor {
  if (reduction === 'mean') return mean(losses);
  if (reduction === 'sum') return sum(losses);
  return losses;
}

/**
 * exp(input) - target * input (log_input), else input - target * log(input + eps); with `full`, the Stirling
 * term target * log(target) - target + 0.5 * log(2 pi target) added where target > 1. Each binary op's
 * right operand is built before its left one, as GCC evaluates ATen's expression, so nodes are numbered
 * (and a tensor's gradients add up) as in PyTorch.
 */
export function poisson_nll_loss(
  input: Tensor,
  target: Tensor,
  logInput = true,
  full = false,
  eps = 1e-8,
  reduction = 'mean',
): Tensor {
  const r = checkReduction(reduction);
  let loss: Tensor;
  if (logInput) {
    const product = mul(target, input);
    loss = sub(exp(input), product);
  } else {
    const product = mul(target, log(scalarOverload(add(input, eps), 'AddBackward1')));
    loss = sub(input, product);
  }
  if (full) {
    const twoPiTarget = scalarOverload(mul(target, 2 * Math.PI), 'MulBackward1');
    const halfLog = scalarOverload(mul(log(twoPiTarget), 0.5), 'MulBackward1');
    const stirling = add(sub(mul(target, log(target)), target), halfLog);
    loss = add(loss, masked_fill(stirling, le(target, 1), 0));
  }
  return applyReduction(loss, r);
}

/**
 * 0.5 * (log(var) + (input - target)**2 / var), plus 0.5 * log(2 pi) with `full`. A var one dimension short
 * of input, or with a last dimension of 1 where input's others match, is one variance shared along input's
 * last dimension (unsqueezed to broadcast). var is cloned and clamped to eps without recording the clamp, so
 * a variance below eps still receives its gradient, as in PyTorch.
 */
export function gaussian_nll_loss(
  input: Tensor,
  target: Tensor,
  variance: Tensor,
  full = false,
  eps = 1e-6,
  reduction = 'mean',
): Tensor {
  let v = variance;
  if (!sameShape(v.shape, input.shape)) {
    const inputLead = input.shape.slice(0, -1);
    if (sameShape(inputLead, v.shape)) v = unsqueeze(v, -1);
    else if (!(sameShape(inputLead, v.shape.slice(0, -1)) && v.shape[v.ndim - 1] === 1)) {
      throw pyError('ValueError', 'var is of incorrect size');
    }
  }
  const r = checkReduction(reduction);
  if (floatData(v).some((x) => x < 0)) throw pyError('ValueError', 'var has negative entry/entries');
  v = clone(v);
  noGrad(() => clamp_(v, eps, null));
  const logVar = log(v);
  const scaled = div(pow(sub(input, target), 2), v);
  let loss = mul(add(logVar, scaled), 0.5);
  if (full) loss = add(loss, 0.5 * Math.log(2 * Math.PI));
  return applyReduction(loss, r);
}
