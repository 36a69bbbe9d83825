// torch.nn for the engine: Module and Parameter, the layers, containers, activations, losses, and init.
export { Module, RemovableHandle } from './module';
export type { ForwardHook, ForwardPreHook, LoadResult } from './module';
export { Parameter } from './parameter';
export { Linear } from './linear';
export { Sequential, ModuleList, Identity, Flatten } from './containers';
export { ReLU, Sigmoid, Tanh, LeakyReLU, ELU, GELU, SiLU, Softplus, Softmax, LogSoftmax } from './activation';
export { Dropout } from './dropout';
export {
  MSELoss,
  L1Loss,
  SmoothL1Loss,
  HuberLoss,
  BCELoss,
  BCEWithLogitsLoss,
  CrossEntropyLoss,
  NLLLoss,
} from './loss';
export type { Reduction, LossOptions } from './loss';
export * as init from '../init';
