// nn.Parameter: a leaf tensor a Module registers as trainable. It shares the buffer of the tensor it wraps
// (as PyTorch's Parameter(data) does) and requires grad unless told otherwise.
import { runtimeError } from '../errors';
import { Tensor } from '../tensor';
import { inferenceMode, requiresGradOnInference } from '../inference';

export class Parameter extends Tensor {
  constructor(data: Tensor, requiresGrad = true) {
    if (data.dtype !== 'float32' && requiresGrad) {
      throw runtimeError('Only Tensors of floating point and complex dtype can require gradients');
    }
    super(data.data, data.shape, data.dtype, requiresGrad, null);
    // Parameter(data) aliases data, so it is an inference tensor when data is one.
    this.inference = data.inference;
    if (requiresGrad && data.inference && !inferenceMode.on) throw requiresGradOnInference();
  }
}

/** A fresh float32 Parameter of the given shape, filled with zeros (initialised by the caller). */
export function emptyParameter(shape: readonly number[]): Parameter {
  let n = 1;
  for (const d of shape) n *= d;
  return new Parameter(new Tensor(new Float32Array(n), shape));
}
