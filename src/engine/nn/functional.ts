// The functional ops the nn layers call, gathered in one place so each layer file names one dependency.
// Most live in src/engine/ops; dropout (which needs the generator) is defined here.
import { pyError } from '../errors';
import { Tensor } from '../tensor';
import { mul } from '../ops/arith';
import { dropoutMask, Generator } from '../random';

export { linear } from '../ops/matmul';
export { flatten } from '../ops/view';

/** F.dropout (1.13, CPU): input * (bernoulli(1 - p) / (1 - p)) in training; the input itself otherwise. */
export function dropout(input: Tensor, p = 0.5, training = true, generator?: Generator): Tensor {
  if (!(p >= 0 && p <= 1)) throw pyError('ValueError', `dropout probability has to be between 0 and 1, but got ${p}`);
  if (p === 0 || !training || input.data.length === 0) return input;
  const noise = new Tensor(dropoutMask(input.data.length, p, generator), input.shape);
  return mul(input, noise);
}
