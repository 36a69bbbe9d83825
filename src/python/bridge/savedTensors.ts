// `_bl_engine` functions for torch.autograd.graph's saved-tensor hooks (torch/_saved_tensor_hooks.py): the
// nodes made while hooks were on, each node's saved tensors, and routing a node's backward through the
// Python unpack hooks. The callbacks are set once; Python keys what it packed by the node's sequence number.
import { checkNotReleased, type Node } from '../../engine/autograd';
import { Tensor } from '../../engine/tensor';
import { savedEntries, setListingNodes, takeListedNodes, unpackBeforeBackward } from '../../engine/savedTensorHooks';
import { isPyProxy } from './convert';

interface PyCallable {
  (...args: unknown[]): unknown;
  copy?: () => PyCallable;
  destroy?: () => void;
}

/** unpack(seq): the unpacked engine tensor (or None) per saved tensor; release(seq): the node was freed. */
let callbacks: { unpack: PyCallable; release: PyCallable } | null = null;

const kept = (fn: PyCallable): PyCallable => (typeof fn.copy === 'function' ? fn.copy() : fn);

export const savedTensors: Record<string, unknown> = {
  set_saved_tensor_callbacks: (unpack: PyCallable, release: PyCallable) => {
    callbacks?.unpack.destroy?.();
    callbacks?.release.destroy?.();
    callbacks = { unpack: kept(unpack), release: kept(release) };
  },
  set_listing_nodes: (on: boolean) => setListingNodes(!!on),
  take_listed_nodes: () => takeListedNodes(),
  node_seq: (node: Node) => node.seq,
  /** Per saved tensor: [tensor, is the node's output, index of the input it is or -1]. */
  saved_entries: (node: Node) => savedEntries(node).map((e) => [e.tensor, e.isOutput, e.input]),
  /**
   * What `_saved_<name>` gives back through an unpack hook: the hook's values with the saved tensor's place in
   * the graph (its grad_fn, or requires_grad for a leaf), as PyTorch's SavedVariable rebuilds it.
   */
  with_autograd_of: (values: Tensor, saved: Tensor) =>
    new Tensor(values.data, values.shape, values.dtype, saved.requiresGrad, saved.gradFn),
  /** PyTorch's "Trying to backward through the graph a second time" error once the node was freed. */
  check_not_released: (node: Node) => checkNotReleased(node),
  unpack_before_backward: (node: Node) => {
    const seq = node.seq;
    unpackBeforeBackward(
      node,
      () => {
        const r = callbacks!.unpack(seq);
        if (r === undefined || r === null) return [];
        const list = (isPyProxy(r) ? (r as { toJs(o: object): unknown }).toJs({ depth: 1 }) : r) as (
          Tensor | undefined
        )[];
        (r as PyCallable | undefined)?.destroy?.();
        return list.map((t) => t ?? null);
      },
      () => callbacks!.release(seq),
    );
  },
};
