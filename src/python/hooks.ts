// The contract between the Python `torch` shim (shim.ts + torch/ package) and the worker that runs it
// (worker.ts). The shim reports what only Python knows (the model's module tree, module outputs); the
// worker turns these and the engine's own listeners (backward, optimizer step) into RunEvents.
import type { FigureData, ModuleInfo } from '../protocol';
import type { Tensor } from '../engine/tensor';

export interface ShimHooks {
  /** A root module (one not held by another) was called for the first time. */
  modelSeen(modules: ModuleInfo[], params: { name: string; tensor: Tensor }[]): void;
  /**
   * A module of a seen model returned `output` from forward (dotted path; '' is the root), or a functional
   * activation called in such a forward did (`<module path>:<function>#<n>`, see torch/_activation_probe.py).
   */
  moduleForward(path: string, output: Tensor): void;
  /**
   * A mistake PyTorch lets pass silently but a learner should hear about (e.g. forward() returning a layer
   * instead of calling it). Shown in the panel and the Problems view at the user's line; never printed, so
   * the script's own output stays what PyTorch would print.
   */
  hint(message: string): void;
  /** A loss function (`mse_loss`, ...) starts: the forward that made `input` is done. */
  lossStart?(fn: string, reduction: string | null, input: Tensor, target: Tensor | null): void;
  /** The loss function returned `loss` (null when it raised). */
  lossEnd?(fn: string, reduction: string | null, loss: Tensor | null): void;
  /** Gradient recording was switched back on (a `no_grad` block ended). */
  gradEnabled?(): void;
  /** Bytes (UTF-8) the script wrote to stdout/stderr; only valid during the call (copy to keep them). */
  write(stream: 'stdout' | 'stderr', bytes: Uint8Array): void;
  /** Our matplotlib showed a figure (src/python/matplotlib/_backend.py); optional: tests and the snapshot have none. */
  figure?(figure: FigureData): void;
  /** Our SummaryWriter logged a value (add_scalar / add_scalars, src/python/torch/utils/tensorboard); optional like figure. */
  scalar?(chart: string, label: string, step: number, value: number): void;
}
