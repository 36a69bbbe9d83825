// What stepping through the phases needs from calls only the bridge sees: a loss function's start (the
// forward is done: the prediction and the target are its arguments) and end (the loss is computed), and
// gradient recording switched back on (a `with torch.no_grad():` block of a hand-written update ends).
import type { Tensor } from '../../engine/tensor';
import type { ShimHooks } from '../hooks';
import { LOSS_FUNCTIONS } from '../stepping/phaseDetails';

type Fn = (...args: unknown[]) => unknown;

/** Wraps the loss functions and `set_grad_enabled` of `functions` (the `_bl_engine` table) in place. */
export function instrumentStepping(functions: Record<string, unknown>, hooks: ShimHooks): void {
  for (const name of LOSS_FUNCTIONS) {
    const f = functions[name] as Fn | undefined;
    if (typeof f !== 'function') continue;
    functions[name] = (...args: unknown[]) => {
      // Python passes the reduction as the first string argument of every loss function.
      const reduction = (args.find((a) => typeof a === 'string') as string | undefined) ?? null;
      hooks.lossStart?.(name, reduction, args[0] as Tensor, (args[1] as Tensor | undefined) ?? null);
      let result: Tensor | null = null;
      try {
        result = f(...args) as Tensor;
      } finally {
        hooks.lossEnd?.(name, reduction, result);
      }
      return result;
    };
  }
  const setGrad = functions.set_grad_enabled as Fn;
  functions.set_grad_enabled = (flag: unknown) => {
    const previous = setGrad(flag);
    if (flag && !previous) hooks.gradEnabled?.();
    return previous;
  };
}
