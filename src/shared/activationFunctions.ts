// The activation functions of the study notes and their derivatives, as plain numbers: the activation
// explorer draws each curve with its slope, and the worker uses the same definitions to count the inputs
// that fall where the slope is (almost) zero. Shared code (src/shared): the worker, the panel and node tests.

export interface ActivationFunction {
  /** What the panel calls it (the nn module's name). */
  label: string;
  f(x: number, param: number | null): number;
  df(x: number, param: number | null): number;
  /** Where the derivative is (almost) zero: ReLU's x <= 0 (dead), Sigmoid/Tanh's saturated tails. */
  flat(x: number, param: number | null): boolean;
  /** The output's range, when bounded (drawn as dashed limits). */
  range?: [number, number];
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const softplus = (x: number, beta = 1) => (beta * x > 20 ? x : Math.log1p(Math.exp(beta * x)) / beta);
const erf = (x: number) => {
  // Abramowitz-Stegun 7.1.26: |error| < 1.5e-7, plenty for drawing a curve.
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
};
const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
/** |tanh(x)| above this is saturated (derivative below 0.02), as in the activations view (activationStats.ts). */
const TANH_FLAT = 0.99;
/** sigmoid(x) below this or above 1 - this is saturated (derivative below 0.01). */
const SIGMOID_FLAT = 0.01;
/** Elsewhere: a derivative below this share of 1 counts as flat. */
const FLAT_SLOPE = 0.01;

export const ACTIVATION_FUNCTIONS: Record<string, ActivationFunction> = {
  relu: { label: 'ReLU', f: (x) => Math.max(0, x), df: (x) => (x > 0 ? 1 : 0), flat: (x) => x <= 0 },
  sigmoid: {
    label: 'Sigmoid',
    f: sigmoid,
    df: (x) => sigmoid(x) * (1 - sigmoid(x)),
    flat: (x) => sigmoid(x) < SIGMOID_FLAT || sigmoid(x) > 1 - SIGMOID_FLAT,
    range: [0, 1],
  },
  tanh: {
    label: 'Tanh',
    f: Math.tanh,
    df: (x) => 1 - Math.tanh(x) ** 2,
    flat: (x) => Math.abs(Math.tanh(x)) > TANH_FLAT,
    range: [-1, 1],
  },
  leaky_relu: {
    label: 'LeakyReLU',
    f: (x, a) => (x > 0 ? x : (a ?? 0.01) * x),
    df: (x, a) => (x > 0 ? 1 : (a ?? 0.01)),
    flat: (x, a) => x <= 0 && Math.abs(a ?? 0.01) < FLAT_SLOPE,
  },
  elu: {
    label: 'ELU',
    f: (x, a) => (x > 0 ? x : (a ?? 1) * Math.expm1(x)),
    df: (x, a) => (x > 0 ? 1 : (a ?? 1) * Math.exp(x)),
    flat: (x, a) => x <= 0 && (a ?? 1) * Math.exp(x) < FLAT_SLOPE,
  },
  celu: {
    label: 'CELU',
    f: (x, a) => (x > 0 ? x : (a ?? 1) * Math.expm1(x / (a ?? 1))),
    df: (x, a) => (x > 0 ? 1 : Math.exp(x / (a ?? 1))),
    flat: (x, a) => x <= 0 && Math.exp(x / (a ?? 1)) < FLAT_SLOPE,
  },
  gelu: {
    label: 'GELU',
    f: (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
    df: (x) => 0.5 * (1 + erf(x / Math.SQRT2)) + x * phi(x),
    flat: (x) => Math.abs(0.5 * (1 + erf(x / Math.SQRT2)) + x * phi(x)) < FLAT_SLOPE,
  },
  silu: {
    label: 'SiLU',
    f: (x) => x * sigmoid(x),
    df: (x) => sigmoid(x) * (1 + x * (1 - sigmoid(x))),
    flat: (x) => Math.abs(sigmoid(x) * (1 + x * (1 - sigmoid(x)))) < FLAT_SLOPE,
  },
  softplus: { label: 'Softplus', f: (x) => softplus(x), df: sigmoid, flat: (x) => sigmoid(x) < FLAT_SLOPE },
  logsigmoid: {
    label: 'LogSigmoid',
    f: (x) => -softplus(-x),
    df: (x) => 1 - sigmoid(x),
    flat: (x) => 1 - sigmoid(x) < FLAT_SLOPE,
  },
  mish: {
    label: 'Mish',
    f: (x) => x * Math.tanh(softplus(x)),
    df: (x) => {
      const t = Math.tanh(softplus(x));
      return t + x * (1 - t * t) * sigmoid(x);
    },
    flat: () => false,
  },
  hardtanh: {
    label: 'Hardtanh',
    f: (x) => Math.max(-1, Math.min(1, x)),
    df: (x) => (x > -1 && x < 1 ? 1 : 0),
    flat: (x) => x <= -1 || x >= 1,
    range: [-1, 1],
  },
};

/** The explorer's function for an autograd node name (TanhBackward0 -> tanh), or null for other nodes. */
export const ACTIVATION_NODES: Record<string, string> = {
  ReluBackward0: 'relu',
  SigmoidBackward0: 'sigmoid',
  TanhBackward0: 'tanh',
  LeakyReluBackward0: 'leaky_relu',
  EluBackward0: 'elu',
  CeluBackward0: 'celu',
  GeluBackward0: 'gelu',
  SiluBackward0: 'silu',
  SoftplusBackward0: 'softplus',
  LogSigmoidBackward0: 'logsigmoid',
  MishBackward0: 'mish',
  HardtanhBackward0: 'hardtanh',
};
