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
export { Adadelta } from './adadelta';
export type { AdadeltaOptions } from './adadelta';
export { Adamax } from './adamax';
export type { AdamaxOptions } from './adamax';
export { NAdam } from './nadam';
export type { NAdamOptions } from './nadam';
export { RAdam } from './radam';
export type { RAdamOptions } from './radam';
export { Rprop } from './rprop';
export type { RpropOptions } from './rprop';
export { ASGD } from './asgd';
export type { ASGDOptions } from './asgd';
export { LBFGS } from './lbfgs';
export type { LBFGSOptions } from './lbfgs';
export * as lr_scheduler from '../lr_scheduler';
