// The fused forward of a root nn.Sequential (torch/nn/modules/container.py): a chain of Linear ('L' with
// bias, 'l' without), Tanh 'T', Sigmoid 'S' and ReLU 'R' runs in one bridge call instead of one Python
// __call__ per layer. The same engine ops the modules call, then each child's output is reported under its
// path and finally the root's (''), in the order Module.__call__ reports them.
import type { Tensor } from '../../engine/tensor';
import { linear } from '../../engine/ops/matmul';
import { relu, sigmoid, tanh } from '../../engine/ops/activation';
import type { ShimHooks } from '../hooks';

export function sequentialForward(hooks: ShimHooks): Record<string, unknown> {
  return {
    sequential_forward: (codes: string, paths: string, x: Tensor, ...params: (Tensor | undefined)[]) => {
      const names = paths.split('\n');
      let h = x;
      let k = 0;
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i];
        if (code === 'L') {
          h = linear(h, params[k] as Tensor, params[k + 1]);
          k += 2;
        } else if (code === 'l') {
          h = linear(h, params[k++] as Tensor);
        } else if (code === 'T') h = tanh(h);
        else if (code === 'S') h = sigmoid(h);
        else if (code === 'R') h = relu(h);
        else throw new Error(`internal: unknown sequential code ${code}`);
        hooks.moduleForward(names[i], h);
      }
      hooks.moduleForward('', h);
      return h;
    },
  };
}
