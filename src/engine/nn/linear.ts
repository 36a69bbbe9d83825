// nn.Linear: y = x W^T + b, with PyTorch's default initialisation (reset_parameters): kaiming_uniform_
// with a = sqrt(5) on the weight, i.e. U(-1/sqrt(fan_in), 1/sqrt(fan_in)), then the bias from the same
// range. Both draw from the global generator, weight first, so after manual_seed they equal PyTorch's.
import { Tensor } from '../tensor';
import { calculate_fan_in_and_fan_out, kaiming_uniform_, uniform_ } from '../init';
import { linear } from './functional';
import { Module, pyBool } from './module';
import { Parameter, emptyParameter } from './parameter';

export class Linear extends Module {
  readonly in_features: number;
  readonly out_features: number;
  declare weight: Parameter;
  declare bias: Parameter | null;

  constructor(inFeatures: number, outFeatures: number, bias = true) {
    super();
    this.in_features = inFeatures;
    this.out_features = outFeatures;
    this.register_parameter('weight', emptyParameter([outFeatures, inFeatures]));
    this.register_parameter('bias', bias ? emptyParameter([outFeatures]) : null);
    this.reset_parameters();
  }

  reset_parameters(): void {
    kaiming_uniform_(this.weight, Math.sqrt(5));
    if (this.bias !== null) {
      const [fanIn] = calculate_fan_in_and_fan_out(this.weight);
      const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      uniform_(this.bias, -bound, bound);
    }
  }

  override forward(input: Tensor): Tensor {
    return linear(input, this.weight, this.bias);
  }

  override extraRepr(): string {
    return `in_features=${this.in_features}, out_features=${this.out_features}, bias=${pyBool(this.bias !== null)}`;
  }
}
