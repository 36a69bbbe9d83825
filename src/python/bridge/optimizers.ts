// `_bl_engine` functions for torch.optim and torch.optim.lr_scheduler: the engine's optimizer and scheduler
// objects, created by name and driven from the Python classes (torch/optim/), plus dict access for their
// param groups and state dicts.
import * as optim from '../../engine/optim';
import * as sched from '../../engine/lr_scheduler';
import * as cyclic from '../../engine/lr_scheduler_cyclic';
import { isPyProxy, js } from './convert';

type AnyOptimizer = optim.Optimizer<any>;

const OPTIMIZERS: Record<string, new (params: any, options: any) => AnyOptimizer> = {
  SGD: optim.SGD,
  Adam: optim.Adam,
  AdamW: optim.AdamW,
  RMSprop: optim.RMSprop,
  Adagrad: optim.Adagrad,
  Adadelta: optim.Adadelta,
  Adamax: optim.Adamax,
  NAdam: optim.NAdam,
  RAdam: optim.RAdam,
  Rprop: optim.Rprop,
  ASGD: optim.ASGD,
  LBFGS: optim.LBFGS,
};

const SCHEDULERS: Record<string, new (...args: any[]) => any> = {
  StepLR: sched.StepLR,
  MultiStepLR: sched.MultiStepLR,
  ExponentialLR: sched.ExponentialLR,
  CosineAnnealingLR: sched.CosineAnnealingLR,
  LambdaLR: sched.LambdaLR,
  MultiplicativeLR: sched.MultiplicativeLR,
  ConstantLR: sched.ConstantLR,
  LinearLR: sched.LinearLR,
  ReduceLROnPlateau: sched.ReduceLROnPlateau,
  PolynomialLR: cyclic.PolynomialLR,
  CosineAnnealingWarmRestarts: cyclic.CosineAnnealingWarmRestarts,
  CyclicLR: cyclic.CyclicLR,
  OneCycleLR: cyclic.OneCycleLR,
};

/** A Python callable (an lr lambda, CyclicLR's scale_fn) passed on as is, for the engine to call. */
function isCallableProxy(a: unknown): boolean {
  return typeof a === 'function' || (isPyProxy(a) && typeof (a as { callKwargs?: unknown }).callKwargs === 'function');
}

type SavedState = Parameters<AnyOptimizer['load_state_dict']>[0];

/** A state dict from Python (value lists) with each buffer typed as its parameter's dtype keeps it. */
function typedState(o: AnyOptimizer, d: unknown): SavedState {
  const dict = d as {
    state: Record<string, Record<string, number | number[]>>;
    param_groups: SavedState['param_groups'];
  };
  const params = o.param_groups.flatMap((g) => g.params);
  const state: SavedState['state'] = {};
  for (const [id, entry] of Object.entries(dict.state)) {
    const double = params[Number(id)]?.dtype === 'float64';
    const out: Record<string, number | Float32Array> = {};
    for (const [k, v] of Object.entries(entry)) {
      out[k] =
        typeof v === 'number' ? v : double ? (Float64Array.from(v) as unknown as Float32Array) : Float32Array.from(v);
    }
    state[Number(id)] = out;
  }
  return { state, param_groups: dict.param_groups };
}

export const optimizers: Record<string, unknown> = {
  new_optimizer: (name: string, groups: unknown, options: unknown) => new OPTIMIZERS[name](js(groups), js(options)),
  param_groups: (o: AnyOptimizer) => o.param_groups,
  add_param_group: (o: AnyOptimizer, group: unknown) => o.add_param_group(js(group)),
  optimizer_step: (o: AnyOptimizer) => {
    o.step();
  },
  /** LBFGS's step(closure): `closure` (a Python function) re-evaluates the loss and returns it as a float. */
  optimizer_step_closure: (o: AnyOptimizer, closure: () => number) => {
    o.step(() => Number(closure()));
  },
  optimizer_zero_grad: (o: AnyOptimizer, setToNone: boolean) => o.zero_grad(!!setToNone),
  optimizer_state_dict: (o: AnyOptimizer) => o.state_dict(),
  optimizer_load_state_dict: (o: AnyOptimizer, d: unknown) => o.load_state_dict(typedState(o, js(d))),
  /** The state of optimizer.state_dict() for Python: [[param index, [[name, number or values]...]]...]. */
  optimizer_state: (o: AnyOptimizer) =>
    Object.entries(o.state_dict().state).map(([id, s]) => [
      Number(id),
      Object.entries(s).map(([k, v]) => [k, typeof v === 'number' ? v : Array.from(v)]),
    ]),
  has_key: (obj: Record<string, unknown>, key: string) => key in obj && obj[key] !== undefined,
  get_key: (obj: Record<string, unknown>, key: string) => {
    const v = obj[key];
    return v === null ? undefined : v;
  },
  set_key: (obj: Record<string, unknown>, key: string, value: unknown) => {
    obj[key] = js(value);
  },
  group_keys: (obj: Record<string, unknown>) =>
    Object.keys(obj).filter((k) => k !== 'initial_lr' || obj[k] !== undefined),
};

export const schedulers: Record<string, unknown> = {
  new_scheduler: (name: string, o: AnyOptimizer, ...args: unknown[]) => {
    const converted = args.map((a) =>
      a === undefined ? undefined : typeof a === 'function' || isCallableProxy(a) ? a : js(a),
    );
    const lambdas = name === 'LambdaLR' || name === 'MultiplicativeLR';
    if (lambdas && Array.isArray(converted[0]) === false && isPyProxy(args[0])) converted[0] = args[0];
    return new SCHEDULERS[name](o, ...converted);
  },
  /** CyclicLR and OneCycleLR take their options as one record; a scale_fn in it stays a Python callable. */
  new_scheduler_options: (name: string, o: AnyOptimizer, a: unknown, b: unknown, options: unknown, fn: unknown) => {
    const record = js<Record<string, unknown>>(options);
    record.scale_fn = isCallableProxy(fn) ? fn : null;
    return new SCHEDULERS[name](o, js(a), js(b), record);
  },
  scheduler_initial_step: (s: sched.LRScheduler) => s.initialStep(),
  scheduler_step: (s: sched.LRScheduler, epoch?: number) => s.step(epoch),
  plateau_step: (s: sched.ReduceLROnPlateau, metric: number, epoch?: number) => s.step(metric, epoch),
  scheduler_state: (s: sched.LRScheduler) => s.state_dict(),
  scheduler_load: (s: sched.LRScheduler, d: unknown) => s.load_state_dict(js(d)),
};
