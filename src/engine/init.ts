// torch.nn.init as in PyTorch 1.13: fan computation, gains, and the in-place initialisers. Every fill runs
// with gradient recording off (as PyTorch's `with torch.no_grad()`), and draws from the PyTorch-exact
// generator, so after manual_seed the numbers equal PyTorch's. Bounds are computed in float64 in PyTorch's
// order of operations (the fill rounds them to float32 itself).
import { noGrad } from './autograd';
import { Tensor } from './tensor';
import { Generator, normal_ as rngNormal, uniform_ as rngUniform } from './random';

function valueError(message: string): Error {
  const err = new Error(message);
  err.name = 'ValueError';
  return err;
}

export type Nonlinearity =
  | 'linear'
  | 'conv1d'
  | 'conv2d'
  | 'conv3d'
  | 'conv_transpose1d'
  | 'conv_transpose2d'
  | 'conv_transpose3d'
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leaky_relu'
  | 'selu';

/** The recommended gain for a nonlinearity (`param` is leaky_relu's negative slope, default 0.01). */
export function calculate_gain(nonlinearity: string, param?: number | null): number {
  const linearFns = [
    'linear',
    'conv1d',
    'conv2d',
    'conv3d',
    'conv_transpose1d',
    'conv_transpose2d',
    'conv_transpose3d',
  ];
  if (linearFns.includes(nonlinearity) || nonlinearity === 'sigmoid') return 1;
  if (nonlinearity === 'tanh') return 5.0 / 3;
  if (nonlinearity === 'relu') return Math.sqrt(2.0);
  if (nonlinearity === 'leaky_relu') {
    let slope = 0.01;
    if (param !== undefined && param !== null) {
      if (typeof param !== 'number' || Number.isNaN(param))
        throw valueError(`negative_slope ${param} not a valid number`);
      slope = param;
    }
    return Math.sqrt(2.0 / (1 + slope ** 2));
  }
  if (nonlinearity === 'selu') return 3.0 / 4;
  throw valueError(`Unsupported nonlinearity ${nonlinearity}`);
}

/** fan_in = size(1) * receptive field, fan_out = size(0) * receptive field (dims >= 2). */
export function calculate_fan_in_and_fan_out(tensor: Tensor): [number, number] {
  const shape = tensor.shape;
  if (shape.length < 2) {
    throw valueError('Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  }
  let receptive = 1;
  for (let i = 2; i < shape.length; i++) receptive *= shape[i];
  return [shape[1] * receptive, shape[0] * receptive];
}

function correctFan(tensor: Tensor, mode: string): number {
  const m = mode.toLowerCase();
  if (m !== 'fan_in' && m !== 'fan_out') {
    throw valueError(`Mode ${mode} not supported, please use one of ['fan_in', 'fan_out']`);
  }
  const [fanIn, fanOut] = calculate_fan_in_and_fan_out(tensor);
  return m === 'fan_in' ? fanIn : fanOut;
}

export function uniform_(tensor: Tensor, a = 0, b = 1, generator?: Generator): Tensor {
  return noGrad(() => rngUniform(tensor, a, b, generator));
}

export function normal_(tensor: Tensor, mean = 0, std = 1, generator?: Generator): Tensor {
  return noGrad(() => rngNormal(tensor, mean, std, generator));
}

export function constant_(tensor: Tensor, value: number): Tensor {
  return noGrad(() => tensor.fill_(value));
}

export function zeros_(tensor: Tensor): Tensor {
  return constant_(tensor, 0);
}

export function ones_(tensor: Tensor): Tensor {
  return constant_(tensor, 1);
}

/** The standard deviation both xavier inits aim for. */
function xavierStd(tensor: Tensor, gain: number): number {
  const [fanIn, fanOut] = calculate_fan_in_and_fan_out(tensor);
  return gain * Math.sqrt(2.0 / (fanIn + fanOut));
}

export function xavier_uniform_(tensor: Tensor, gain = 1.0, generator?: Generator): Tensor {
  const a = Math.sqrt(3.0) * xavierStd(tensor, gain);
  return uniform_(tensor, -a, a, generator);
}

export function xavier_normal_(tensor: Tensor, gain = 1.0, generator?: Generator): Tensor {
  return normal_(tensor, 0, xavierStd(tensor, gain), generator);
}

/** An empty tensor is left alone (PyTorch warns "Initializing zero-element tensors is a no-op"). */
function isEmpty(tensor: Tensor): boolean {
  return tensor.shape.includes(0);
}

/** The standard deviation both kaiming inits aim for. */
function kaimingStd(
  tensor: Tensor,
  a: number,
  mode: 'fan_in' | 'fan_out',
  nonlinearity: Nonlinearity | string,
): number {
  const fan = correctFan(tensor, mode);
  const gain = calculate_gain(nonlinearity, a);
  return gain / Math.sqrt(fan);
}

export function kaiming_uniform_(
  tensor: Tensor,
  a = 0,
  mode: 'fan_in' | 'fan_out' = 'fan_in',
  nonlinearity: Nonlinearity | string = 'leaky_relu',
  generator?: Generator,
): Tensor {
  if (isEmpty(tensor)) return tensor;
  const bound = Math.sqrt(3.0) * kaimingStd(tensor, a, mode, nonlinearity);
  return uniform_(tensor, -bound, bound, generator);
}

export function kaiming_normal_(
  tensor: Tensor,
  a = 0,
  mode: 'fan_in' | 'fan_out' = 'fan_in',
  nonlinearity: Nonlinearity | string = 'leaky_relu',
  generator?: Generator,
): Tensor {
  if (isEmpty(tensor)) return tensor;
  return normal_(tensor, 0, kaimingStd(tensor, a, mode, nonlinearity), generator);
}
