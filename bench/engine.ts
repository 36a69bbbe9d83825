// The benchmark workloads on our engine, through its public TypeScript API (src/engine/index.ts) as the
// Python shim drives it:
// nn.Sequential of nn.Linear and activation modules called with `call` (hooks path included), a loss
// module, loss.backward(), optimizer.zero_grad() / step().
import { Tensor, nn, optim } from '../src/engine';
import { WorkloadSpec } from './workloads';

export function engineWorkload(spec: WorkloadSpec): { step: () => void; loss: () => number } {
  const layers: nn.Module[] = [];
  for (let i = 0; i + 1 < spec.sizes.length; i++) {
    layers.push(new nn.Linear(spec.sizes[i], spec.sizes[i + 1]));
    if (i + 2 < spec.sizes.length) layers.push(spec.activation === 'tanh' ? new nn.Tanh() : new nn.ReLU());
  }
  if (spec.loss === 'bce') layers.push(new nn.Sigmoid());
  const model = new nn.Sequential(...layers);
  const x = new Tensor(spec.inputs.slice(), [spec.batch, spec.sizes[0]]);
  const y =
    spec.loss === 'bce'
      ? new Tensor(spec.targets.slice(), [spec.batch, 1])
      : new Tensor(Float64Array.from(spec.targets), [spec.batch], 'int64');
  const lossFn = spec.loss === 'bce' ? new nn.BCELoss() : new nn.CrossEntropyLoss();
  const params = [...model.parameters()];
  const opt =
    spec.optimizer.kind === 'adam'
      ? new optim.Adam(params, { lr: spec.optimizer.lr })
      : new optim.SGD(params, { lr: spec.optimizer.lr, momentum: spec.optimizer.momentum ?? 0 });
  let last = NaN;
  return {
    step() {
      opt.zero_grad();
      const loss = lossFn.call(model.call(x), y) as Tensor;
      loss.backward();
      opt.step();
      last = loss.data[0];
    },
    loss: () => last,
  };
}
