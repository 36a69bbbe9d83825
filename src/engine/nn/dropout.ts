// nn.Dropout: zeroes each element with probability p in training (scaling the rest by 1/(1-p)); the
// identity in eval mode. The mask comes from the PyTorch-exact generator.
import { pyError } from '../errors';
import { Tensor } from '../tensor';
import { dropout } from './functional';
import { Module, pyBool, pyFloat } from './module';

export class Dropout extends Module {
  constructor(
    readonly p = 0.5,
    readonly inplace = false,
  ) {
    super();
    if (!(p >= 0 && p <= 1)) throw pyError('ValueError', `dropout probability has to be between 0 and 1, but got ${p}`);
  }

  override forward(input: Tensor): Tensor {
    return dropout(input, this.p, this.training);
  }

  override extraRepr(): string {
    return `p=${pyFloat(this.p)}, inplace=${pyBool(this.inplace)}`;
  }
}
