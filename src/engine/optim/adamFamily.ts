// What Adam, AdamW, Adamax, NAdam and RAdam share: the (beta1, beta2) pair with its checks, and the float32
// constants each update reads. PyTorch 1.13 validates these in every constructor with the same messages,
// and its kernels use the Python-float hyper-parameters as float32 scalars.
import { pyError } from '../errors';
import { checkNonNegative, withDefaults } from './optimizer';

export interface AdamFamilyOptions {
  lr: number;
  betas: [number, number];
  eps: number;
  weight_decay: number;
}

/** Fills `options` over `table`, copies `betas` (the caller's sequence is not kept) and checks everything. */
export function adamFamilyDefaults<O extends AdamFamilyOptions>(table: O, options: Partial<O>): O {
  const d = withDefaults<O>({ ...table, betas: [table.betas[0], table.betas[1]] }, options);
  d.betas = [d.betas[0], d.betas[1]];
  checkNonNegative(d.lr, 'learning rate');
  checkNonNegative(d.eps, 'epsilon value');
  for (const i of [0, 1]) {
    if (!(d.betas[i] >= 0 && d.betas[i] < 1))
      throw pyError('ValueError', `Invalid beta parameter at index ${i}: ${d.betas[i]}`);
  }
  checkNonNegative(d.weight_decay, 'weight_decay value');
  return d;
}

export interface AdamFamilyConstants {
  beta1: number;
  beta2: number;
  b1: number;
  b2: number;
  oneMinusB1: number;
  oneMinusB2: number;
  eps: number;
  wd: number;
}

/** The group's hyper-parameters as the update loop uses them: Python floats and their float32 roundings. */
export function adamFamilyConstants(group: AdamFamilyOptions, f32: (x: number) => number): AdamFamilyConstants {
  const [beta1, beta2] = group.betas;
  return {
    beta1,
    beta2,
    b1: f32(beta1),
    b2: f32(beta2),
    oneMinusB1: f32(1 - beta1),
    oneMinusB2: f32(1 - beta2),
    eps: f32(group.eps),
    wd: f32(group.weight_decay),
  };
}
