// Inference tensors in the engine (inference.ts): what torch.inference_mode marks, and what PyTorch 1.13
// refuses such a tensor once the mode is off, with its messages and quirks (the in-place write lands before
// the error; detach() and .data taken outside the mode may be written). The Python side (the context
// manager, is_inference(), _version) is compared with PyTorch by test/conformance/lstm_proj_inference_bits.py.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { noGrad, setGradEnabled } from '../../src/engine/autograd';
import { setInferenceMode } from '../../src/engine/inference';
import { Parameter } from '../../src/engine/nn/parameter';
import { add_, mul_ } from '../../src/engine/ops/inplace';

/** fn run as `with torch.inference_mode():` runs it (grad mode off too). */
function inInference<T>(fn: () => T): T {
  const previous = setInferenceMode(true);
  const grad = setGradEnabled(false);
  try {
    return fn();
  } finally {
    setGradEnabled(grad);
    setInferenceMode(previous);
  }
}

const f32 = (values: number[]) => new Tensor(Float32Array.from(values), [values.length]);
const INPLACE =
  'Inplace update to inference tensor outside InferenceMode is not allowed.You can make a clone to get a normal ' +
  'tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for more details.';
const SAVED =
  'Inference tensors cannot be saved for backward. To work around you can make a clone to get a normal tensor ' +
  'and use it in autograd.';
const REQUIRES_GRAD = 'Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.';
const error = (message: string) => (e: Error) => e.name === 'RuntimeError' && e.message === message;

test('tensors made in inference mode are inference tensors; views and detach() take their base', () => {
  const normal = f32([1, 2, 3, 4]);
  const made = inInference(() => ({
    sum: torch.add(normal, 1),
    zeros: torch.zeros([2]),
    view: torch.reshape(normal, [2, 2]),
    slice: torch.narrow(normal, 0, 1, 2),
    detached: normal.detach(),
    data: normal.dataAlias(),
  }));
  assert.deepEqual(Object.fromEntries(Object.entries(made).map(([k, t]) => [k, t.inference])), {
    sum: true,
    zeros: true,
    view: false,
    slice: false,
    detached: false,
    data: false,
  });
  assert.equal(normal.inference, false);
  const later = torch.mul(made.sum, 2);
  assert.deepEqual(
    [later.inference, torch.reshape(made.sum, [2, 2]).inference, made.sum.detach().inference],
    [false, true, true],
  );
});

test("outside inference mode an in-place write is refused after it lands, as PyTorch's is", () => {
  const y = inInference(() => torch.add(f32([1, 2]), 0));
  assert.throws(() => add_(y, 1), error(INPLACE));
  assert.deepEqual(Array.from(y.data), [2, 3]);
  assert.throws(() => y.fill_(7), error(INPLACE));
  assert.throws(() => mul_(torch.reshape(y, [2]), 2), error(INPLACE)); // a view shares the refusal
  assert.deepEqual(Array.from(y.data), [14, 14]);
  // Inside the mode (or re-entered) the same writes are allowed.
  inInference(() => add_(y, 1));
  assert.deepEqual(Array.from(y.data), [15, 15]);
  // detach() and .data taken outside the mode count versions of their own and may be written.
  add_(y.detach(), 1);
  y.dataAlias().fill_(0);
  assert.deepEqual(Array.from(y.data), [0, 0]);
  // ... but not those taken inside.
  const inside = inInference(() => y.detach());
  assert.throws(() => add_(inside, 1), error(INPLACE));
});

test('an inference tensor cannot require grad outside the mode, directly or as a Parameter', () => {
  const y = inInference(() => torch.zeros([2]));
  assert.throws(() => y.requires_grad_(), error(REQUIRES_GRAD));
  y.requires_grad_(false); // turning it off is fine
  assert.throws(() => new Parameter(y), error(REQUIRES_GRAD));
  const frozen = new Parameter(y, false);
  assert.equal(frozen.inference, true);
  // Inside the mode both are allowed (a model built under inference_mode has inference parameters).
  const p = inInference(() => new Parameter(torch.zeros([2])));
  assert.deepEqual([p.inference, p.requiresGrad], [true, true]);
});

test('an inference tensor is refused where a backward pass would save it, not where it would not', () => {
  const y = inInference(() => torch.add(f32([1, 2]), 0));
  const w = new Tensor(Float32Array.from([3, 4]), [2], 'float32', true);
  assert.throws(() => torch.mul(w, y), error(SAVED)); // MulBackward0 keeps y for w's gradient
  assert.throws(() => torch.matmul(w, y), error(SAVED));
  const sum = torch.add(w, y); // AddBackward0 keeps nothing
  assert.equal(sum.requiresGrad, true);
  // With no gradient recorded, nothing is saved.
  assert.deepEqual(Array.from(noGrad(() => torch.mul(w, y)).data), [3, 8]);
});
