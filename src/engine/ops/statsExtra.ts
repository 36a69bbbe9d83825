// torch.trapezoid (trapz), torch.cumulative_trapezoid, torch.cov and torch.corrcoef, composed of recorded ops as ATen composes them
// (aten/src/ATen/native/Integration.cpp, Correlation.cpp), so values round where PyTorch's do and the
// gradient is that of the parts; the last node carries the name PyTorch's last op gives it (trapezoid ends
// in a multiply by the Python number dx, MulBackward1, or a division by 2, DivBackward1).
import { pyError } from '../errors';
import type { Node } from '../autograd';
import { Tensor, isFloatDType } from '../tensor';
import { add, div, mul, sub } from './arith';
import { narrow } from './indexing';
import { matmul } from './matmul';
import { diag } from './misc';
import { sum } from './reduce';
import { cumsum } from './scan';
import { clamp, sqrt } from './unary';
import { reshape, squeeze, t as transpose2d, unsqueeze } from './view';
import { zeros } from './create';
import { normDimChecked } from './util';

/** Renames the node of a composite's last op to what PyTorch's own last op records. */
function named(out: Tensor, name: string): Tensor {
  if (out.gradFn) (out.gradFn as Node & { name: string }).name = name;
  return out;
}

/** y's shape without dim. */
function reducedZeros(y: Tensor, d: number): Tensor {
  return zeros(
    y.shape.filter((_, k) => k !== d),
    { dtype: y.dtype },
  );
}

/** torch.trapezoid(y, dx=..., dim=-1): the trapezoid rule with evenly spaced samples. */
export function trapezoidDx(y: Tensor, dx = 1, dim = -1): Tensor {
  const d = normDimChecked(dim, y.ndim);
  const n = y.shape[d];
  if (n === 0) return reducedZeros(y, d);
  const ends = add(squeeze(narrow(y, d, 0, 1), d), squeeze(narrow(y, d, n - 1, 1), d));
  return named(mul(sub(sum(y, d), mul(ends, 0.5)), dx), 'MulBackward1');
}

/** x shaped to broadcast against y (x 1-D, one value per sample along dim d, or of fewer dims than y). */
function samplePoints(y: Tensor, x: Tensor, d: number, op: string): Tensor {
  const n = y.shape[d];
  if (x.ndim === 1) {
    if (x.shape[0] !== n) throw pyError('RuntimeError', `${op}: There must be one \`x\` value for each sample point`);
    return reshape(
      x,
      y.shape.map((s, k) => (k === d ? n : 1)),
    );
  }
  if (x.ndim < y.ndim) return reshape(x, [...new Array<number>(y.ndim - x.ndim).fill(1), ...x.shape]);
  return x;
}

/** The spacings xv[i + 1] - xv[i] along the dim of xv that dim names. */
function spacings(xv: Tensor, y: Tensor, d: number, dim: number): Tensor {
  const xd = xv.ndim === y.ndim ? d : normDimChecked(dim, xv.ndim);
  const m = xv.shape[xd];
  return sub(narrow(xv, xd, 1, m - 1), narrow(xv, xd, 0, m - 1));
}

/** torch.trapezoid(y, x, dim=-1): the trapezoid rule at the sample points x (1-D, or y's shape). */
export function trapezoidX(y: Tensor, x: Tensor, dim = -1): Tensor {
  const d = normDimChecked(dim, y.ndim);
  const n = y.shape[d];
  const xv = samplePoints(y, x, d, 'trapezoid');
  if (n === 0) return reducedZeros(y, d);
  const dx = spacings(xv, y, d, dim);
  const pairs = add(narrow(y, d, 0, n - 1), narrow(y, d, 1, n - 1));
  return named(div(sum(mul(dx, pairs), d), 2), 'DivBackward1');
}

/** torch.cumulative_trapezoid(y, dx=..., dim=-1): ATen's (dx / 2 * (left + right)).cumsum(dim). */
export function cumulativeTrapezoidDx(y: Tensor, dx = 1, dim = -1): Tensor {
  const d = normDimChecked(dim, y.ndim);
  const n = y.shape[d];
  return cumsum(mul(add(narrow(y, d, 0, n - 1), narrow(y, d, 1, n - 1)), dx / 2), d);
}

/** torch.cumulative_trapezoid(y, x, dim=-1): ATen's ((left + right) * dx).cumsum(dim) / 2. */
export function cumulativeTrapezoidX(y: Tensor, x: Tensor, dim = -1): Tensor {
  const d = normDimChecked(dim, y.ndim);
  const n = y.shape[d];
  const dx = spacings(samplePoints(y, x, d, 'cumulative_trapezoid'), y, d, dim);
  const pairs = add(narrow(y, d, 0, n - 1), narrow(y, d, 1, n - 1));
  return named(div(cumsum(mul(pairs, dx), d), 2), 'DivBackward1');
}

/** The weights of cov's observations (fweights times aweights), checked as PyTorch checks them. */
function observationWeights(n: number, fweights: Tensor | null, aweights: Tensor | null): Tensor | null {
  let w: Tensor | null = null;
  const check = (t: Tensor, what: string) => {
    if (t.ndim > 1) {
      throw pyError(
        'RuntimeError',
        `cov(): expected ${what} to have one or fewer dimensions but got ${what} with ${t.ndim} dimensions`,
      );
    }
    if (t.data.length !== n) {
      throw pyError(
        'RuntimeError',
        `cov(): expected ${what} to have the same numel as there are observations in the input but got ${t.data.length} != ${n}`,
      );
    }
    for (const v of t.data) if (v < 0) throw pyError('RuntimeError', `cov(): ${what} cannot be negative`);
  };
  if (fweights) {
    check(fweights, 'fweights');
    if (isFloatDType(fweights.dtype)) throw pyError('RuntimeError', 'cov(): expected fweights to have integral dtype');
    w = fweights;
  }
  if (aweights) {
    check(aweights, 'aweights');
    if (!isFloatDType(aweights.dtype)) {
      throw pyError('RuntimeError', 'cov(): expected aweights to have floating point dtype');
    }
    w = w ? mul(w, aweights) : aweights;
  }
  return w;
}

/** torch.cov(input, correction=1, fweights=None, aweights=None): rows are variables, columns observations. */
export function cov(
  input: Tensor,
  correction = 1,
  fweights: Tensor | null = null,
  aweights: Tensor | null = null,
): Tensor {
  if (input.ndim > 2) {
    throw pyError(
      'RuntimeError',
      `cov(): expected input to have two or fewer dimensions but got an input with ${input.ndim} dimensions`,
    );
  }
  if (input.dtype === 'bool') throw pyError('RuntimeError', 'cov(): bool dtype is not supported for input');
  let x = input.ndim < 2 ? reshape(input, [1, -1]) : input;
  const n = x.shape[1];
  const w = observationWeights(n, fweights, aweights);
  const wSum: Tensor | number = w ? sum(w) : n;
  if (w && Number((wSum as Tensor).data[0]) === 0) {
    throw pyError('RuntimeError', "cov(): weights sum to zero, can't be normalized");
  }
  const avg = div(sum(w ? mul(x, w) : x, 1), wSum);
  let norm: Tensor | number =
    w && aweights && correction !== 0
      ? sub(wSum, div(mul(sum(mul(w, aweights)), correction), wSum))
      : typeof wSum === 'number'
        ? wSum - correction
        : sub(wSum, correction);
  if (Number(typeof norm === 'number' ? norm : norm.data[0]) <= 0) norm = 0; // PyTorch warns and zeroes it
  x = sub(x, unsqueeze(avg, 1));
  const c = matmul(x, transpose2d(w ? mul(x, w) : x));
  return squeeze(div(c, norm));
}

/** torch.corrcoef(input): cov scaled by the standard deviations on each side, clipped to [-1, 1]. */
export function corrcoef(input: Tensor): Tensor {
  let c = cov(input);
  if (c.ndim === 0) return div(c, c);
  const stddev = sqrt(diag(c));
  c = div(c, reshape(stddev, [-1, 1]));
  c = div(c, reshape(stddev, [1, -1]));
  return clamp(c, -1, 1);
}
