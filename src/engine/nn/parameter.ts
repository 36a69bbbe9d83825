// nn.Parameter: a leaf tensor a Module registers as trainable. It shares the buffer of the tensor it wraps
// (as PyTorch's Parameter(data) does) and requires grad unless told otherwise.
import { runtimeError } from '../errors';
import { isFloatDType } from '../buffers';
import { Tensor } from '../tensor';
import { inferenceMode, requiresGradOnInference } from '../inference';

export class Parameter extends Tensor {
  constructor(data: Tensor, requiresGrad = true) {
    // Any floating dtype may be a Parameter (nn.Parameter(torch.zeros(2, dtype=torch.float64)), a Linear made
    // under torch.set_default_dtype(torch.float64)), as in PyTorch.
    if (requiresGrad && !isFloatDType(data.dtype)) {
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
