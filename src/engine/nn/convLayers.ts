// nn.Conv1d, nn.ConvTranspose2d and nn.PReLU (the layers of the DCGAN-style models) for the engine's own nn API (benchmarks, tests), started as PyTorch 1.13's
// _ConvNd.reset_parameters starts them (resetConvParameters in conv.ts), so a seeded layer has PyTorch's
// numbers. A transposed layer's weight is [in, out / groups, kh, kw]. The Python package has its own classes
// (src/python/torch/nn/modules/conv.py, conv_transpose.py) over the same ops.
import { pyError } from '../errors';
import { Tensor } from '../tensor';
import { conv1d, type Pair } from '../ops/conv';
import { conv_transpose2d } from '../ops/convTranspose';
import { prelu } from '../ops/rectifiers';
import { Module, pyBool } from './module';
import { Parameter, emptyParameter } from './parameter';
import { resetConvParameters } from './conv';

const pairOf = (v: number | Pair): Pair => (typeof v === 'number' ? [v, v] : v);
const tuple = (p: readonly number[]): string => (p.length === 1 ? `(${p[0]},)` : `(${p.join(', ')})`);
const isDefault = (p: readonly number[], v: number): boolean => p.every((x) => x === v);

function checkGroups(inChannels: number, outChannels: number, groups: number): void {
  if (groups <= 0) throw pyError('ValueError', 'groups must be a positive integer');
  if (inChannels % groups !== 0) throw pyError('ValueError', 'in_channels must be divisible by groups');
  if (outChannels % groups !== 0) throw pyError('ValueError', 'out_channels must be divisible by groups');
}

/** _ConvNd.extra_repr over tuples of any length: the non-default settings only. */
function convRepr(m: {
  in_channels: number;
  out_channels: number;
  kernel: number[];
  stride: number[];
  padding: number[] | string;
  dilation: number[];
  outputPadding: number[];
  groups: number;
  bias: Parameter | null;
}): string {
  let s = `${m.in_channels}, ${m.out_channels}, kernel_size=${tuple(m.kernel)}, stride=${tuple(m.stride)}`;
  if (typeof m.padding === 'string') s += `, padding=${m.padding}`;
  else if (!isDefault(m.padding, 0)) s += `, padding=${tuple(m.padding)}`;
  if (!isDefault(m.dilation, 1)) s += `, dilation=${tuple(m.dilation)}`;
  if (!isDefault(m.outputPadding, 0)) s += `, output_padding=${tuple(m.outputPadding)}`;
  if (m.groups !== 1) s += `, groups=${m.groups}`;
  if (m.bias === null) s += `, bias=${pyBool(false)}`;
  return s;
}

export interface Conv1dArgs {
  stride?: number;
  padding?: number | 'same' | 'valid';
  dilation?: number;
  groups?: number;
  bias?: boolean;
}

export class Conv1d extends Module {
  declare weight: Parameter;
  declare bias: Parameter | null;
  readonly stride: number;
  readonly padding: number | 'same' | 'valid';
  readonly dilation: number;
  readonly groups: number;

  constructor(
    readonly in_channels: number,
    readonly out_channels: number,
    readonly kernel_size: number,
    args: Conv1dArgs = {},
  ) {
    super();
    this.groups = args.groups ?? 1;
    checkGroups(in_channels, out_channels, this.groups);
    this.stride = args.stride ?? 1;
    this.padding = args.padding ?? 0;
    this.dilation = args.dilation ?? 1;
    this.register_parameter('weight', emptyParameter([out_channels, in_channels / this.groups, kernel_size]));
    this.register_parameter('bias', args.bias === false ? null : emptyParameter([out_channels]));
    resetConvParameters(this.weight, this.bias);
  }

  override forward(input: Tensor): Tensor {
    const { stride, padding, dilation, groups } = this;
    return conv1d(input, this.weight, this.bias, { stride, padding, dilation, groups });
  }

  override extraRepr(): string {
    const p = this.padding;
    return convRepr({
      ...this,
      kernel: [this.kernel_size],
      stride: [this.stride],
      padding: typeof p === 'string' ? p : [p],
      dilation: [this.dilation],
      outputPadding: [0],
      bias: this.bias,
    });
  }
}

export interface ConvTranspose2dArgs {
  stride?: number | Pair;
  padding?: number | Pair;
  output_padding?: number | Pair;
  groups?: number;
  bias?: boolean;
  dilation?: number | Pair;
}

export class ConvTranspose2d extends Module {
  declare weight: Parameter;
  declare bias: Parameter | null;
  readonly kernel_size: Pair;
  readonly stride: Pair;
  readonly padding: Pair;
  readonly output_padding: Pair;
  readonly groups: number;
  readonly dilation: Pair;

  constructor(
    readonly in_channels: number,
    readonly out_channels: number,
    kernelSize: number | Pair,
    args: ConvTranspose2dArgs = {},
  ) {
    super();
    this.groups = args.groups ?? 1;
    checkGroups(in_channels, out_channels, this.groups);
    this.kernel_size = pairOf(kernelSize);
    this.stride = pairOf(args.stride ?? 1);
    this.padding = pairOf(args.padding ?? 0);
    this.output_padding = pairOf(args.output_padding ?? 0);
    this.dilation = pairOf(args.dilation ?? 1);
    this.register_parameter('weight', emptyParameter([in_channels, out_channels / this.groups, ...this.kernel_size]));
    this.register_parameter('bias', args.bias === false ? null : emptyParameter([out_channels]));
    resetConvParameters(this.weight, this.bias);
  }

  override forward(input: Tensor): Tensor {
    return conv_transpose2d(input, this.weight, this.bias, {
      stride: this.stride,
      padding: this.padding,
      outputPadding: this.output_padding,
      groups: this.groups,
      dilation: this.dilation,
    });
  }

  override extraRepr(): string {
    return convRepr({
      ...this,
      kernel: this.kernel_size,
      outputPadding: this.output_padding,
      bias: this.bias,
    });
  }
}

/** nn.PReLU: a learnt negative slope (one, or one per channel), every one starting at `init`. */
export class PReLU extends Module {
  declare weight: Parameter;

  constructor(
    readonly num_parameters = 1,
    readonly init = 0.25,
  ) {
    super();
    this.register_parameter('weight', emptyParameter([num_parameters]));
    this.weight.data.fill(Math.fround(init));
  }

  override forward(input: Tensor): Tensor {
    return prelu(input, this.weight);
  }

  override extraRepr(): string {
    return `num_parameters=${this.num_parameters}`;
  }
}
