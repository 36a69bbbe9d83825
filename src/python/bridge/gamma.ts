// The gamma family as `_bl_engine` functions: lgamma/digamma (engine/ops/gammaFunctions.ts) and the Gamma and
// Dirichlet draws with their reparameterised gradients (engine/ops/gammaSampling.ts) behind
// torch.distributions' Gamma, Chi2, Beta and Dirichlet.
import type { Tensor } from '../../engine/tensor';
import { digamma, lgamma, trigamma } from '../../engine/ops/gammaFunctions';
import { dirichletRsample, sampleDirichlet, standardGamma, standardGammaGrad } from '../../engine/ops/gammaSampling';
import { type Generator } from '../../engine/random';
import { gen } from './convert';

export const gammaFamily: Record<string, unknown> = {
  lgamma: (t: Tensor) => lgamma(t),
  digamma: (t: Tensor) => digamma(t),
  trigamma: (t: Tensor) => trigamma(t),
  standard_gamma: (alpha: Tensor, g?: Generator) => standardGamma(alpha, gen(g)),
  standard_gamma_grad: (alpha: Tensor, x: Tensor) => standardGammaGrad(alpha, x),
  sample_dirichlet: (alpha: Tensor, g?: Generator) => sampleDirichlet(alpha, gen(g)),
  dirichlet_rsample: (alpha: Tensor, g?: Generator) => dirichletRsample(alpha, gen(g)),
};
