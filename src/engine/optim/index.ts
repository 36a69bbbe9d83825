// torch.optim: the optimizers, the base class, and the step instrumentation the runtime listens to.
export { Optimizer, onOptimizerStep } from './optimizer';
export type {
  BaseOptions,
  ParamGroup,
  ParamGroupInput,
  ParamsInput,
  ParamState,
  OptimizerStepListener,
} from './optimizer';
export { SGD } from './sgd';
export type { SGDOptions } from './sgd';
export { Adam, AdamW } from './adam';
export type { AdamOptions } from './adam';
export { RMSprop } from './rmsprop';
export type { RMSpropOptions } from './rmsprop';
export { Adagrad } from './adagrad';
export type { AdagradOptions } from './adagrad';
export * as lr_scheduler from '../lr_scheduler';
