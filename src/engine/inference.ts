// torch.inference_mode's switch, and what PyTorch 1.13 refuses an inference tensor (one made while the mode
// is on: Tensor.inference, set once when a tensor is made, so ordinary tensors pay nothing per op). Outside
// the mode an inference tensor cannot be written in place (detach() and .data taken outside excepted), be set
// to require grad or be saved for a backward pass. No tensor import: tensor.ts and autograd.ts build on this.
import { runtimeError } from './errors';

/** Whether inference mode is on (c10::InferenceMode); the Python package turns it on and off. */
export const inferenceMode = { on: false };

/**
 * Inference tensors that still count versions, so may be written in place outside inference mode: what
 * detach() or .data gives of one outside the mode (PyTorch 1.13 gives those a version counter of their own;
 * their views share the base's lack of one). Only inference tensors are ever looked up.
 */
const counted = new WeakSet<object>();

/** Whether the inference tensor `t` has a version counter (`_version`, in-place writes outside the mode). */
export function countsVersions(t: object): boolean {
  return counted.has(t);
}

/** `alias` is detach()/.data of an inference tensor: outside the mode it counts versions of its own. */
export function detachedInference(alias: object): void {
  if (!inferenceMode.on) counted.add(alias);
}

/** Turns inference mode on or off; returns the previous setting. */
export function setInferenceMode(on: boolean): boolean {
  const previous = inferenceMode.on;
  inferenceMode.on = on;
  return previous;
}

/** The inference tensor whose in-place write outside the mode is under way (it fails once written). */
export const refused: { tensor: object | null } = { tensor: null };

/**
 * Starts an in-place write to the inference tensor `t`: outside the mode (and without a counter of its own)
 * it is refused, but PyTorch 1.13 writes the values first and raises after (throwIfRefused). A refusal left
 * by a write that failed for another reason ends here too.
 */
export function startInferenceWrite(t: object): void {
  if (!inferenceMode.on && !counted.has(t)) refused.tensor = t;
  else if (refused.tensor === t) refused.tensor = null;
}

/** Ends an in-place write to `t`: PyTorch's error when that write was refused. */
export function throwIfRefused(t: object): void {
  if (refused.tensor !== t) return;
  refused.tensor = null;
  throw inplaceOnInference();
}

function inplaceOnInference(): Error {
  return runtimeError(
    'Inplace update to inference tensor outside InferenceMode is not allowed.You can make a clone to get a ' +
      'normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for more details.',
  );
}

export function requiresGradOnInference(): Error {
  return runtimeError('Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.');
}

export function savedInference(): Error {
  return runtimeError(
    'Inference tensors cannot be saved for backward. To work around you can make a clone to get a normal ' +
      'tensor and use it in autograd.',
  );
}
