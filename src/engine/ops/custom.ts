// Nodes whose derivative is someone else's code: a learner's `torch.autograd.Function` subclass. Its forward
// ran without recording; here its outputs get a node that, during backward, hands the outputs' gradients to
// `backward` (the learner's Python `backward`, through the bridge) and passes what it returns to the inputs.
import { pyError } from '../errors';
import { Node } from '../autograd';
import { Tensor, allocate, isFloatDType } from '../tensor';
import { fmtShape, sameShape } from '../shape';
import { zeros } from './create';
import { narrow } from './indexing';
import { cat, reshape } from './view';

/**
 * The learner's backward: one gradient per output in, one per input out (null where there is none). With
 * `createGraph` (a create_graph=True pass) it runs with grad mode on, so what it returns records a graph, and
 * gets the recorded outputs, which stand for the outputs ctx saved (a node only the graph holds: a saved
 * output kept by the learner's ctx would tie the graph to Python for good).
 */
export type CustomBackward = (
  grads: Tensor[],
  createGraph: boolean,
  outputs: readonly Tensor[],
) => readonly (Tensor | null | undefined)[];

/** The input gradients `backward` returned, checked against the inputs' shapes. */
function inputGrads(
  name: string,
  inputs: readonly (Tensor | null)[],
  returned: readonly (Tensor | null | undefined)[],
): (Tensor | null)[] {
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
    return g;
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
    inputGrads(
      name,
      inputs,
      backward(
        grads.map((g, k) => new Tensor(g, outputs[k].shape, outputs[k].dtype)),
        false,
        [],
      ),
    ).map((g) => (g ? (g.data as Float32Array) : null));
  if (outputs.length === 1) {
    const o = outputs[0];
    const diff = (g: Tensor): (Tensor | null)[] => inputGrads(name, inputs, backward([g], true, [recorded]));
    const recorded: Tensor = new Tensor(o.data, o.shape, o.dtype, true, new Node(name, inputs, (g) => call([g]), diff));
    return [recorded.sharesVersionWith(o)];
  }
  const offsets: number[] = [];
  let total = 0;
  for (const o of outputs) {
    offsets.push(total);
    total += o.data.length;
  }
  const dtype = outputs[0].dtype;
  const split = (g: Float32Array) => outputs.map((o, k) => g.slice(offsets[k], offsets[k] + o.data.length));
  // The same split and placement with recorded ops, for a create_graph pass.
  const splitDiff = (g: Tensor) => outputs.map((o, k) => reshape(narrow(g, 0, offsets[k], o.data.length), o.shape));
  const recorded: Tensor[] = [];
  const jointDiff = (g: Tensor) => inputGrads(name, inputs, backward(splitDiff(g), true, recorded));
  const placeDiff = (k: number, g: Tensor) => {
    const rest = total - offsets[k] - outputs[k].data.length;
    const parts = [zeros([offsets[k]], { dtype }), reshape(g, [-1]), zeros([rest], { dtype })];
    return [cat(parts.filter((p) => p.shape[0] > 0))];
  };
  const joint = new Tensor(
    allocate(dtype, total),
    [total],
    dtype,
    true,
    new Node(name, inputs, (g) => call(split(g)), jointDiff),
  );
  for (const [k, o] of outputs.entries()) {
    recorded.push(
      new Tensor(
        o.data,
        o.shape,
        o.dtype,
        true,
        new Node(
          name,
          [joint],
          (g) => {
            const full = allocate(dtype, total) as Float32Array;
            full.set(g, offsets[k]);
            return [full];
          },
          (g) => placeDiff(k, g),
        ),
      ).sharesVersionWith(o),
    );
  }
  return recorded;
}
