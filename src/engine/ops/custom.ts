// Nodes whose derivative is someone else's code: a learner's `torch.autograd.Function` subclass. Its forward
// ran without recording; here its outputs get a node that, during backward, hands the outputs' gradients to
// `backward` (the learner's Python `backward`, through the bridge) and passes what it returns to the inputs.
import { pyError } from '../errors';
import { Node } from '../autograd';
import { Tensor, allocate, isFloatDType } from '../tensor';
import { fmtShape, sameShape } from '../shape';

/** The learner's backward: one gradient per output in, one per input out (null where there is none). */
export type CustomBackward = (grads: Tensor[]) => readonly (Tensor | null | undefined)[];

/** The input gradients `backward` returned, checked against the inputs' shapes, as node gradients. */
function inputGrads(
  name: string,
  inputs: readonly (Tensor | null)[],
  returned: readonly (Tensor | null | undefined)[],
): (Float32Array | null)[] {
  return inputs.map((input, i) => {
    const g = returned[i];
    if (!input || !g) return null;
    if (!sameShape(g.shape, input.shape)) {
      throw pyError(
        'RuntimeError',
        `Function ${name} returned an invalid gradient at index ${i} - got ${fmtShape(g.shape)} but expected shape ` +
          `compatible with ${fmtShape(input.shape)}`,
      );
    }
    if (!isFloatDType(g.dtype)) {
      throw pyError(
        'RuntimeError',
        `Function ${name} returned an invalid gradient at index ${i} - expected a float tensor`,
      );
    }
    return g.data as Float32Array;
  });
}

/**
 * The outputs of a custom Function, as new tensors (sharing the outputs' values and version counters: they
 * are forward's results, which ctx may have saved) recorded with node `name`
 * over `inputs`. Several outputs share one joint node, so that `backward` runs once with every output's
 * gradient (zeros for an output that received none, as PyTorch materialises them).
 */
export function customFunction(
  name: string,
  inputs: readonly (Tensor | null)[],
  outputs: readonly Tensor[],
  backward: CustomBackward,
): Tensor[] {
  const call = (grads: Float32Array[]) =>
    inputGrads(name, inputs, backward(grads.map((g, k) => new Tensor(g, outputs[k].shape, outputs[k].dtype))));
  if (outputs.length === 1) {
    const o = outputs[0];
    return [new Tensor(o.data, o.shape, o.dtype, true, new Node(name, inputs, (g) => call([g]))).sharesVersionWith(o)];
  }
  const offsets: number[] = [];
  let total = 0;
  for (const o of outputs) {
    offsets.push(total);
    total += o.data.length;
  }
  const dtype = outputs[0].dtype;
  const split = (g: Float32Array) => outputs.map((o, k) => g.slice(offsets[k], offsets[k] + o.data.length));
  const joint = new Tensor(allocate(dtype, total), [total], dtype, true, new Node(name, inputs, (g) => call(split(g))));
  return outputs.map((o, k) =>
    new Tensor(
      o.data,
      o.shape,
      o.dtype,
      true,
      new Node(name, [joint], (g) => {
        const full = allocate(dtype, total) as Float32Array;
        full.set(g, offsets[k]);
        return [full];
      }),
    ).sharesVersionWith(o),
  );
}
