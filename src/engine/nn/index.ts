// torch.nn for the engine: Module and Parameter, the layers, containers, activations, losses, and init.
export { Module, RemovableHandle } from './module';
export type { ForwardHook, ForwardPreHook, LoadResult } from './module';
export { Parameter } from './parameter';
export { Linear } from './linear';
export { Conv2d, MaxPool2d, AvgPool2d } from './conv';
export type { Conv2dArgs } from './conv';
export { Conv1d, ConvTranspose2d, PReLU } from './convLayers';
export type { Conv1dArgs, ConvTranspose2dArgs } from './convLayers';
export { Sequential, ModuleList, Identity, Flatten } from './containers';
export { ReLU, Sigmoid, Tanh, LeakyReLU, ELU, GELU, SiLU, Softplus, Softmax, LogSoftmax } from './activation';
export { Dropout } from './dropout';
export { rnn, cellStep, inputProjection } from './rnn';
export { Embedding, RNN, LSTM, GRU } from './recurrent';
export type { RecurrentOptions } from './recurrent';
export type { RnnMode, RnnOptions, RnnResult, CellParams } from './rnn';
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
