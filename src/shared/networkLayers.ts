// The layers of a model drawn as a network diagram: a chain of nn.Linear layers (the order their forward
// calls returned, from the activations event, else the modules' order), each with its weights and bias, the
// activation applied to its output (a module such as nn.Tanh or a call such as torch.tanh) and the mean of
// that output over the batch for every neuron. Pure (no DOM): the panel draws it and node tests it.
import type { ModuleInfo, ParamSnapshot, RunSnapshot } from '../protocol';
import { functionalActivation } from './activationStats';

export interface NetworkLayer {
  path: string;
  inputs: number;
  outputs: number;
  /** [outputs x inputs], row-major, as nn.Linear keeps it. */
  weight: Float32Array;
  bias: Float32Array | null;
  /** The activation after it ('Tanh', 'ReLU (functional)'), null when none. */
  activation: string | null;
  /** The activation's function name as in activationFunctions.ts ('tanh', 'relu'), null when none or unknown. */
  fn: string | null;
  /** Mean output per neuron over the batch (after the activation when there is one), null without outputs. */
  mean: Float32Array | null;
}

const FN_OF_TYPE: Record<string, string> = {
  ReLU: 'relu',
  Sigmoid: 'sigmoid',
  Tanh: 'tanh',
  LeakyReLU: 'leaky_relu',
  ELU: 'elu',
  CELU: 'celu',
  GELU: 'gelu',
  SiLU: 'silu',
  Softplus: 'softplus',
  LogSigmoid: 'logsigmoid',
  Mish: 'mish',
  Hardtanh: 'hardtanh',
};

/** Modules between layers that change nothing a diagram shows. */
const PASS_THROUGH = new Set(['Dropout', 'Identity', 'Flatten']);

type Outputs = NonNullable<RunSnapshot['activations']>['outputs'];

function meanPerNeuron(data: Float32Array, width: number): Float32Array {
  const out = new Float32Array(width);
  const rows = Math.max(1, Math.floor(data.length / width));
  for (let i = 0; i < rows * width; i++) out[i % width] += data[i] / rows;
  return out;
}

/** What an output path is: a Linear layer, an activation (with its label and function), or something else. */
function kindOf(
  path: string,
  types: Map<string, string>,
): { linear: boolean; activation: string | null; fn: string | null; passThrough: boolean } {
  const type = types.get(path);
  if (type !== undefined) {
    return {
      linear: type === 'Linear',
      activation: FN_OF_TYPE[type] ? type : null,
      fn: FN_OF_TYPE[type] ?? null,
      passThrough: PASS_THROUGH.has(type),
    };
  }
  const f = functionalActivation(path);
  return {
    linear: false,
    activation: f ? f.label : null,
    fn: f ? (FN_OF_TYPE[f.moduleType] ?? null) : null,
    passThrough: false,
  };
}

function layerOf(m: ModuleInfo, params: Map<string, ParamSnapshot>): NetworkLayer | null {
  const w = params.get(m.path ? `${m.path}.weight` : 'weight');
  if (!w || w.shape.length !== 2) return null;
  const b = params.get(m.path ? `${m.path}.bias` : 'bias');
  return {
    path: m.path,
    inputs: w.shape[1],
    outputs: w.shape[0],
    weight: w.value,
    bias: b ? b.value : null,
    activation: null,
    fn: null,
    mean: null,
  };
}

/** The model's Linear layers in forward order with what follows each, or null when they do not form one chain. */
export function networkLayers(
  modules: ModuleInfo[],
  params: ParamSnapshot[],
  outputs: Outputs | null,
): NetworkLayer[] | null {
  const types = new Map(modules.map((m) => [m.path, m.type]));
  const byName = new Map(params.map((p) => [p.name, p]));
  const linears = new Map(modules.filter((m) => m.type === 'Linear').map((m) => [m.path, m]));
  if (linears.size === 0) return null;
  const layers: NetworkLayer[] = [];
  if (outputs && outputs.some((o) => linears.has(o.path))) {
    let current: NetworkLayer | null = null;
    for (const o of outputs) {
      const k = kindOf(o.path, types);
      if (k.linear) {
        current = layerOf(linears.get(o.path)!, byName);
        if (!current) return null;
        current.mean = meanPerNeuron(o.data, current.outputs);
        layers.push(current);
      } else if (current && k.activation && !current.activation && o.data.length % current.outputs === 0) {
        current.activation = k.activation;
        current.fn = k.fn;
        current.mean = meanPerNeuron(o.data, current.outputs);
      } else if (!k.passThrough) {
        current = null; // something else between layers: whatever follows is not this layer's activation
      }
    }
  } else {
    for (const m of linears.values()) {
      const layer = layerOf(m, byName);
      if (!layer) return null;
      layers.push(layer);
    }
  }
  for (let i = 1; i < layers.length; i++) if (layers[i].inputs !== layers[i - 1].outputs) return null;
  return layers.length > 0 ? layers : null;
}
