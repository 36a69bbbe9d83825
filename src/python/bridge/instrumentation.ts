// `_bl_engine` functions through which the Python package reports what only Python knows to the runtime's
// hooks: the model's module tree and parameters, module outputs, and hints for the learner.
import type { Tensor } from '../../engine/tensor';
import type { ModuleInfo } from '../../protocol';
import type { ShimHooks } from '../hooks';

export function instrumentation(hooks: ShimHooks): Record<string, unknown> {
  return {
    hint: (message: string) => hooks.hint(message),
    model_seen: (json: string, ...tensors: Tensor[]) => {
      const info = JSON.parse(json) as { modules: ModuleInfo[]; params: string[] };
      hooks.modelSeen(
        info.modules,
        info.params.map((name, i) => ({ name, tensor: tensors[i] })),
      );
    },
    // Outputs of a seen model's modules, in one batch when the root's forward returns (nn.Module.__call__).
    module_outputs: (paths: string, ...outputs: Tensor[]) => {
      if (outputs.length === 0) return;
      const names = paths.split('\n');
      for (let i = 0; i < outputs.length; i++) hooks.moduleForward(names[i], outputs[i]);
    },
  };
}
