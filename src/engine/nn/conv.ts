// nn.Conv2d, nn.MaxPool2d and nn.AvgPool2d for the engine's own nn API (benchmarks, tests). Conv2d starts as
// PyTorch 1.13's _ConvNd.reset_parameters does: kaiming_uniform_(a = sqrt(5)) on the weight [out, in/groups,
// kh, kw], then the bias from U(-1/sqrt(fan_in), 1/sqrt(fan_in)), both from the global generator in that
// order, so a seeded layer has PyTorch's numbers. The Python package has its own classes
// (src/python/torch/nn/modules/conv.py, pooling.py) over the same ops.
import { pyError } from '../errors';
import { Tensor } from '../tensor';
import { calculate_fan_in_and_fan_out, kaiming_uniform_, uniform_ } from '../init';
import { conv2d, type Conv2dOptions, type Pair } from '../ops/conv';
import { avg_pool2d, max_pool2d } from '../ops/pool';
import { Module, pyBool } from './module';
import { Parameter, emptyParameter } from './parameter';

const pairOf = (v: number | Pair): Pair => (typeof v === 'number' ? [v, v] : v);
const tuple = (p: Pair): string => `(${p[0]}, ${p[1]})`;

/** _ConvNd.reset_parameters: every convolution layer (also the transposed ones, on their own weight shape). */
export function resetConvParameters(weight: Parameter, bias: Parameter | null): void {
  kaiming_uniform_(weight, Math.sqrt(5));
  if (bias !== null) {
    const [fanIn] = calculate_fan_in_and_fan_out(weight);
    if (fanIn !== 0) uniform_(bias, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn));
  }
}

export interface Conv2dArgs {
  stride?: number | Pair;
  padding?: number | Pair | 'same' | 'valid';
  dilation?: number | Pair;
  groups?: number;
  bias?: boolean;
}

export class Conv2d extends Module {
  readonly kernel_size: Pair;
  readonly options: Conv2dOptions;
  declare weight: Parameter;
  declare bias: Parameter | null;

  constructor(
    readonly in_channels: number,
    readonly out_channels: number,
    kernelSize: number | Pair,
    args: Conv2dArgs = {},
  ) {
    super();
    const groups = args.groups ?? 1;
    if (groups <= 0) throw pyError('ValueError', 'groups must be a positive integer');
    if (in_channels % groups !== 0) throw pyError('ValueError', 'in_channels must be divisible by groups');
    if (out_channels % groups !== 0) throw pyError('ValueError', 'out_channels must be divisible by groups');
    this.kernel_size = pairOf(kernelSize);
    const padding = args.padding ?? 0;
    this.options = {
      stride: pairOf(args.stride ?? 1),
      padding: typeof padding === 'string' ? padding : pairOf(padding),
      dilation: pairOf(args.dilation ?? 1),
      groups,
    };
    this.register_parameter('weight', emptyParameter([out_channels, in_channels / groups, ...this.kernel_size]));
    this.register_parameter('bias', args.bias === false ? null : emptyParameter([out_channels]));
    this.reset_parameters();
  }

  reset_parameters(): void {
    resetConvParameters(this.weight, this.bias);
  }

  override forward(input: Tensor): Tensor {
    return conv2d(input, this.weight, this.bias, this.options);
  }

  /** As _ConvNd.extra_repr: the non-default settings only. */
  override extraRepr(): string {
    const o = this.options;
    let s = `${this.in_channels}, ${this.out_channels}, kernel_size=${tuple(this.kernel_size)}, stride=${tuple(o.stride)}`;
    if (typeof o.padding === 'string') s += `, padding=${o.padding}`;
    else if (o.padding[0] !== 0 || o.padding[1] !== 0) s += `, padding=${tuple(o.padding)}`;
    if (o.dilation[0] !== 1 || o.dilation[1] !== 1) s += `, dilation=${tuple(o.dilation)}`;
    if (o.groups !== 1) s += `, groups=${o.groups}`;
    if (this.bias === null) s += `, bias=${pyBool(false)}`;
    return s;
  }
}

export class MaxPool2d extends Module {
  constructor(
    readonly kernel_size: number,
    readonly stride: number = kernel_size,
    readonly padding = 0,
    readonly dilation = 1,
    readonly ceil_mode = false,
  ) {
    super();
  }

  override forward(input: Tensor): Tensor {
    return max_pool2d(input, {
      kernel: pairOf(this.kernel_size),
      stride: pairOf(this.stride),
      padding: pairOf(this.padding),
      dilation: pairOf(this.dilation),
      ceilMode: this.ceil_mode,
    });
  }

  override extraRepr(): string {
    return `kernel_size=${this.kernel_size}, stride=${this.stride}, padding=${this.padding}, dilation=${this.dilation}, ceil_mode=${pyBool(this.ceil_mode)}`;
  }
}

export class AvgPool2d extends Module {
  constructor(
    readonly kernel_size: number,
    readonly stride: number = kernel_size,
    readonly padding = 0,
  ) {
    super();
  }

  override forward(input: Tensor): Tensor {
    return avg_pool2d(input, {
      kernel: pairOf(this.kernel_size),
      stride: pairOf(this.stride),
      padding: pairOf(this.padding),
      ceilMode: false,
      countIncludePad: true,
      divisorOverride: null,
    });
  }

  override extraRepr(): string {
    return `kernel_size=${this.kernel_size}, stride=${this.stride}, padding=${this.padding}`;
  }
}
