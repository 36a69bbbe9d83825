// Golden training runs (test/reference/golden/train.json, made by real PyTorch 1.13): each case builds the layers
// with the given weights, then runs `steps` iterations of zero_grad, forward, loss, backward,
// optimizer.step(), scheduler.step(), exactly as make_golden.py does, and compares every step's loss and lr,
// the first gradients, the final parameters and the final output.
import type { GoldenCase, GoldenTensor } from './case';
import { compareClose, compareShape, readGolden } from './case';
import { noGrad } from '../../src/engine/autograd';
import { Tensor } from '../../src/engine/tensor';
import * as nn from '../../src/engine/nn';
import * as optim from '../../src/engine/optim';
import * as lr_scheduler from '../../src/engine/lr_scheduler';

type Kwargs = Record<string, unknown>;

interface LayerSpec {
  type: string;
  in?: number;
  out?: number;
  weight?: GoldenTensor;
  bias?: GoldenTensor;
  [kw: string]: unknown;
}

interface TrainCase {
  name: string;
  layers: LayerSpec[];
  loss: { type: string } & Kwargs;
  optimizer: { type: string } & Kwargs;
  scheduler: ({ type: string } & Kwargs) | null;
  X: GoldenTensor;
  y: GoldenTensor;
  steps: number;
  batch: number | null;
  losses: number[];
  lrs: number[];
  first_grads: GoldenTensor[];
  final_params: GoldenTensor[];
  final_output: GoldenTensor;
}

function tensorOf(g: GoldenTensor): Tensor {
  return g.dtype === 'int64'
    ? new Tensor(Float64Array.from(g.data), g.shape, 'int64')
    : new Tensor(Float32Array.from(g.data), g.shape, 'float32');
}

/** Rows [lo, lo + n) of a tensor (Python slicing: clipped at the end). */
function rows(t: Tensor, lo: number, n: number): Tensor {
  const width = t.shape.slice(1).reduce((a, b) => a * b, 1);
  const hi = Math.min(lo + n, t.shape[0]);
  const data = t.data.slice(lo * width, hi * width);
  return new Tensor(data, [hi - lo, ...t.shape.slice(1)], t.dtype);
}

function without(spec: Kwargs, ...keys: string[]): Kwargs {
  const out: Kwargs = {};
  for (const [k, v] of Object.entries(spec)) if (!keys.includes(k)) out[k] = v;
  return out;
}

/** make_golden.py's build(): Linear layers get the explicit weights; activations by torch.nn name. */
function buildLayer(spec: LayerSpec): nn.Module {
  if (spec.type === 'Linear') {
    const layer = new nn.Linear(spec.in as number, spec.out as number, spec.bias !== undefined);
    noGrad(() => {
      layer.weight.copy_(tensorOf(spec.weight as GoldenTensor));
      if (spec.bias !== undefined) layer.bias!.copy_(tensorOf(spec.bias));
    });
    return layer;
  }
  const kw = without(spec, 'type');
  switch (spec.type) {
    case 'ReLU':
      return new nn.ReLU();
    case 'Tanh':
      return new nn.Tanh();
    case 'Sigmoid':
      return new nn.Sigmoid();
    case 'LeakyReLU':
      return new nn.LeakyReLU((kw.negative_slope as number | undefined) ?? 0.01);
    case 'ELU':
      return new nn.ELU((kw.alpha as number | undefined) ?? 1);
    case 'GELU':
      return new nn.GELU();
    case 'SiLU':
      return new nn.SiLU();
    case 'Softplus':
      return new nn.Softplus();
    case 'Identity':
      return new nn.Identity();
    case 'Softmax':
      return new nn.Softmax((kw.dim as number | undefined) ?? null);
    case 'LogSoftmax':
      return new nn.LogSoftmax((kw.dim as number | undefined) ?? null);
    default:
      throw new Error(`golden layer type ${spec.type} is not wired in test/golden/train.ts`);
  }
}

function buildLoss(spec: { type: string } & Kwargs): nn.Module {
  const kw = without(spec, 'type');
  const ctor = (nn as unknown as Record<string, new (options: Kwargs) => nn.Module>)[spec.type];
  if (typeof ctor !== 'function' || !spec.type.endsWith('Loss')) throw new Error(`golden loss ${spec.type} is unknown`);
  return new ctor(kw);
}

function buildOptimizer(spec: { type: string } & Kwargs, params: nn.Parameter[]): optim.Optimizer<any> {
  const kw = without(spec, 'type');
  switch (spec.type) {
    case 'SGD':
      return new optim.SGD(params, kw);
    case 'Adam':
      return new optim.Adam(params, kw);
    case 'AdamW':
      return new optim.AdamW(params, kw);
    case 'RMSprop':
      return new optim.RMSprop(params, kw);
    case 'Adagrad':
      return new optim.Adagrad(params, kw);
    default:
      throw new Error(`golden optimizer ${spec.type} is unknown`);
  }
}

/** The scheduler from its Python keyword arguments (our constructors take them positionally, in PyTorch's order). */
function buildScheduler(spec: ({ type: string } & Kwargs) | null, opt: optim.Optimizer<any>): { step(): void } | null {
  if (spec === null) return null;
  const kw = spec as Kwargs;
  const num = (key: string, dflt?: number): number => {
    const v = kw[key] ?? dflt;
    if (typeof v !== 'number') throw new Error(`scheduler ${spec.type} needs ${key}`);
    return v;
  };
  switch (spec.type) {
    case 'StepLR':
      return new lr_scheduler.StepLR(opt, num('step_size'), num('gamma', 0.1), num('last_epoch', -1));
    case 'MultiStepLR':
      return new lr_scheduler.MultiStepLR(opt, kw.milestones as number[], num('gamma', 0.1), num('last_epoch', -1));
    case 'ExponentialLR':
      return new lr_scheduler.ExponentialLR(opt, num('gamma'), num('last_epoch', -1));
    case 'CosineAnnealingLR':
      return new lr_scheduler.CosineAnnealingLR(opt, num('T_max'), num('eta_min', 0), num('last_epoch', -1));
    default:
      throw new Error(`golden scheduler ${spec.type} is not wired in test/golden/train.ts`);
  }
}

const RTOL = 1e-4;
const ATOL = 1e-5;

function compareTensors(what: string, actual: Tensor[], expected: GoldenTensor[]): string | null {
  if (actual.length !== expected.length) return `${what}: ${actual.length} tensors, expected ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    const problem =
      compareShape(`${what}[${i}]`, actual[i].shape, expected[i].shape) ??
      compareClose(`${what}[${i}]`, actual[i].data, expected[i].data, RTOL, ATOL);
    if (problem) return problem;
  }
  return null;
}

function runCase(c: TrainCase): string | null {
  const model = new nn.Sequential(...c.layers.map(buildLayer));
  const criterion = buildLoss(c.loss);
  const params = [...model.parameters()];
  const opt = buildOptimizer(c.optimizer, params);
  const scheduler = buildScheduler(c.scheduler, opt);
  const X = tensorOf(c.X);
  const y = tensorOf(c.y);
  const n = X.shape[0];
  const losses: number[] = [];
  const lrs: number[] = [];
  let firstGrads: Tensor[] | null = null;
  for (let step = 0; step < c.steps; step++) {
    let xb = X;
    let yb = y;
    if (c.batch) {
      const lo = (step * c.batch) % n;
      xb = rows(X, lo, c.batch);
      yb = rows(y, lo, c.batch);
    }
    opt.zero_grad();
    const out = model.call(xb) as Tensor;
    const loss = criterion.call(out, yb) as Tensor;
    loss.backward();
    if (firstGrads === null) {
      firstGrads = params.map((p) =>
        p.grad ? new Tensor((p.grad.data as Float32Array).slice(), p.shape) : new Tensor(new Float32Array(0), [0]),
      );
    }
    losses.push(loss.item() as number);
    lrs.push(opt.param_groups[0].lr);
    opt.step();
    scheduler?.step();
  }
  return (
    compareClose('losses', losses, c.losses, RTOL, 0) ??
    compareClose('lrs', lrs, c.lrs, RTOL, 0) ??
    compareTensors('first_grads', firstGrads ?? [], c.first_grads) ??
    compareTensors('final_params', params, c.final_params) ??
    compareTensors('final_output', [model.call(X) as Tensor], [c.final_output])
  );
}

export default function collect(goldenDir: string): GoldenCase[] {
  const { cases } = readGolden<{ cases: TrainCase[] }>(goldenDir, 'train.json');
  return cases.map((c) => ({ name: `train/${c.name}`, check: () => runCase(c) }));
}
