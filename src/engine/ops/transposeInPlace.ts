// t_() and transpose_(): in place, as PyTorch does them, by new strides over the same storage (no value
// moves), so views taken before still see the tensor's elements where they were.
import { isGradEnabled, noGrad } from '../autograd';
import { Tensor, floats } from '../tensor';
import { normDimChecked } from './util';
import { permuteData, transpose } from './view';
import { rebaseHistory } from './inplace';
import { throwIfRefused } from '../inference';

/**
 * `t.t_()` / `t.transpose_(dim0, dim1)`: t takes the transposed shape and strides (a view of its own storage);
 * when autograd records, a node named `name` (PyTorch's TBackward1 / TransposeBackward1) transposes the
 * gradient back.
 */
export function transpose_(t: Tensor, dim0: number, dim1: number, name: string): Tensor {
  const r = noGrad(() => transpose(t, dim0, dim1));
  t.checkInplace(); // PyTorch's error for a leaf that requires grad; bumps the version
  if (isGradEnabled() && t.requiresGrad) {
    // The swap of the two dims is its own inverse: the gradient goes back by the same permutation.
    const swap = r.shape.map((_, i) => i);
    if (swap.length > 0) {
      const a = normDimChecked(dim0, swap.length);
      const b = normDimChecked(dim1, swap.length);
      [swap[a], swap[b]] = [b, a];
    }
    const shape = r.shape.slice();
    rebaseHistory(t, name, [], (g) => {
      const back = floats(g.length);
      permuteData(g, shape, swap, back);
      return [back];
    });
    t.gradFn!.diff = (g) => [transpose(g, dim0, dim1)];
  }
  t.setData(r);
  throwIfRefused(t); // an inference tensor outside inference mode: transposed, then refused (as PyTorch)
  return t;
}
