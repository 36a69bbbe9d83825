// `_bl_engine` functions for torch.optim and torch.optim.lr_scheduler: the engine's optimizer and scheduler
// objects, created by name and driven from the Python classes (torch/optim/), plus dict access for their
// param groups and state dicts.
import * as optim from '../../engine/optim';
import * as sched from '../../engine/lr_scheduler';
import { isPyProxy, js } from './convert';

type AnyOptimizer = optim.Optimizer<any>;

const OPTIMIZERS: Record<string, new (params: any, options: any) => AnyOptimizer> = {
  SGD: optim.SGD,
  Adam: optim.Adam,
  AdamW: optim.AdamW,
  RMSprop: optim.RMSprop,
  Adagrad: optim.Adagrad,
};

const SCHEDULERS: Record<string, new (...args: any[]) => any> = {
  StepLR: sched.StepLR,
  MultiStepLR: sched.MultiStepLR,
  ExponentialLR: sched.ExponentialLR,
  CosineAnnealingLR: sched.CosineAnnealingLR,
  LambdaLR: sched.LambdaLR,
  ReduceLROnPlateau: sched.ReduceLROnPlateau,
};

export const optimizers: Record<string, unknown> = {
  new_optimizer: (name: string, groups: unknown, options: unknown) => new OPTIMIZERS[name](js(groups), js(options)),
  param_groups: (o: AnyOptimizer) => o.param_groups,
  add_param_group: (o: AnyOptimizer, group: unknown) => o.add_param_group(js(group)),
  optimizer_step: (o: AnyOptimizer) => {
    o.step();
  },
  optimizer_zero_grad: (o: AnyOptimizer, setToNone: boolean) => o.zero_grad(!!setToNone),
  optimizer_state_dict: (o: AnyOptimizer) => o.state_dict(),
  optimizer_load_state_dict: (o: AnyOptimizer, d: any) => o.load_state_dict(d),
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
    const converted = args.map((a) => (a === undefined ? undefined : typeof a === 'function' ? a : js(a)));
    if (name === 'LambdaLR' && Array.isArray(converted[0]) === false && isPyProxy(args[0])) converted[0] = args[0];
    return new SCHEDULERS[name](o, ...converted);
  },
  scheduler_step: (s: sched.LRScheduler, epoch?: number) => s.step(epoch),
  plateau_step: (s: sched.ReduceLROnPlateau, metric: number, epoch?: number) => s.step(metric, epoch),
  scheduler_state: (s: sched.LRScheduler) => s.state_dict(),
  scheduler_load: (s: sched.LRScheduler, d: unknown) => s.load_state_dict(js(d)),
};
