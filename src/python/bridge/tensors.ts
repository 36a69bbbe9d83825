// `_bl_engine` functions for tensor state (grad, grad_fn, requires_grad, .data), grad mode, printing,
// factories and random numbers.
import {
  gradientsOf,
  isGradEnabled,
  notifyBackward,
  runBackwardRoots,
  setAnomalyNanCheck,
  setGradEnabled,
  type Node,
} from '../../engine/autograd';
import { backwardWithGraph, gradientsOfGraph } from '../../engine/autogradGraph';
import { Tensor, asFloatStorage, type DType } from '../../engine/tensor';
import { formatTensor, setPrintOptions } from '../../engine/format';
import * as view from '../../engine/ops/view';
import * as create from '../../engine/ops/create';
import { dtypeName, floatScalar } from '../../engine/ops/util';
import { isFloatDType, setDefaultFloatDType, type Storage } from '../../engine/buffers';
import { makeLayout, storageId, storageWritten } from '../../engine/strided';
import * as random from '../../engine/random';
import { type RngState, generatorStateTensor, setGeneratorStateFromTensor } from '../../engine/rngState';
import { exponential_, multinomial } from '../../engine/ops/multinomial';
import * as init from '../../engine/init';
import { Parameter } from '../../engine/nn/parameter';
import { countsVersions, inferenceMode, setInferenceMode } from '../../engine/inference';
import { customFunction } from '../../engine/ops/custom';
import { hookNodeBackward } from '../../engine/nodeHooks';
import { savedVersionError } from '../../engine/savedVersions';
import { pyError } from '../../engine/errors';
import { type Scalar, gen, isPyProxy, js, numbers } from './convert';

type Gen = random.Generator | undefined;

interface PyCallable {
  (...args: unknown[]): unknown;
  copy?: () => PyCallable;
  destroy?: () => void;
}

// The learner's backward stays alive (a PyProxy copy) until its node has run without retain_graph, or
// until the node is collected when it never runs; a tensor hook until it is removed or its tensor collected.
const releaseBackward = new FinalizationRegistry<PyCallable>((fn) => fn.destroy?.());

/**
 * torch.autograd.Function.apply's outputs recorded with node `name`: `backward` is a Python callable taking
 * the outputs' gradients (a JS array of engine tensors) and returning one engine tensor or None per input.
 */
function customFunctionBridge(name: string, inputs: unknown, outputs: unknown, backward: PyCallable): Tensor[] {
  const fn = typeof backward.copy === 'function' ? backward.copy() : backward;
  const results = customFunction(
    name,
    js<(Tensor | null)[]>(inputs).map((t) => t ?? null),
    js<Tensor[]>(outputs),
    (grads, createGraph, recorded) => {
      // (one engine tensor or None per input, whether the node is done: no retain_graph)
      const r = fn(grads, createGraph, recorded);
      const [list, release] = (isPyProxy(r) ? r.toJs({ depth: 2 }) : r) as [(Tensor | null)[], boolean];
      (r as PyCallable | undefined)?.destroy?.();
      if (release) {
        releaseBackward.unregister(fn);
        fn.destroy?.();
      }
      return list;
    },
  );
  releaseBackward.register(results[0], fn, fn);
  return results;
}

/**
 * Tensor.register_hook: `hook` is a Python callable taking the gradient (an engine tensor) and returning an
 * engine tensor or None. It stays alive (a PyProxy copy) until the returned remover runs.
 */
function registerHookBridge(t: Tensor, hook: PyCallable): () => void {
  const fn = typeof hook.copy === 'function' ? hook.copy() : hook;
  const remove = t.register_hook((g) => {
    const r = fn(g);
    return r instanceof Tensor ? r : null;
  });
  // A hook on a per-step intermediate (activations hooked in a training loop) is never removed: release
  // the Python callable once the tensor is collected.
  releaseBackward.register(t, fn, fn);
  return () => {
    remove();
    // unregister is false when the registry already released fn (its tensor was collected).
    if (releaseBackward.unregister(fn)) fn.destroy?.();
  };
}

type Grads = (Tensor | undefined)[];
const floatDType = (g: Float32Array): DType => (g instanceof Float32Array ? 'float32' : 'float64');

/**
 * grad_fn.register_hook and Module.register_backward_hook: `hook(gradOut, inputGrads, rerun)` is a Python
 * callable given the node's output gradient (shape `shape`), its inputs' gradients (undefined where an input
 * needs none) and `rerun`, the node's backward for another output gradient; it returns the input gradients
 * to use (one engine tensor or None per input) or None to keep them. In a create_graph pass the gradients
 * are the differentiable backward's tensors, graphs included.
 */
function registerNodeHookBridge(node: Node, shape: unknown, hook: PyCallable): () => void {
  const fn = typeof hook.copy === 'function' ? hook.copy() : hook;
  const outShape = Array.from(js<number[]>(shape));
  const needed = <T>(grads: readonly (T | null)[]) =>
    node.inputs.map((input, k) => (input?.requiresGrad ? (grads[k] ?? undefined) : undefined));
  const call = (g: Tensor, grads: Grads, rerun: (t: Tensor) => Grads): Grads | null => {
    const r = fn(g, grads, rerun);
    if (r === undefined || r === null) return null;
    const list = (isPyProxy(r) ? r.toJs({ depth: 1 }) : r) as Grads;
    (r as PyCallable).destroy?.();
    return list;
  };
  const remove = hookNodeBackward(
    node,
    (g, backward) => {
      const dtype = floatDType(g);
      const tensors = (gs: (Float32Array | null)[]) =>
        needed(gs).map((x, k) => x && new Tensor(x.slice(), node.inputs[k]!.shape, floatDType(x)));
      const grads = backward(g);
      const rerun = (t: Tensor) => tensors(backward(asFloatStorage(Float64Array.from(t.data), dtype)));
      const list = call(new Tensor(g.slice(), outShape, dtype), tensors(grads), rerun);
      // Copies: autograd sums into the buffers it is handed, which must not be the hook's tensors.
      return list === null
        ? grads
        : node.inputs.map((input, k) => {
            const t = list[k];
            return t && input ? asFloatStorage(Float64Array.from(t.data), input.dtype) : null;
          });
    },
    (g, backward) => {
      const grads = backward(g);
      const list = call(g, needed(grads), (t) => needed(backward(t)));
      return list === null ? grads : node.inputs.map((_, k) => list[k] ?? null);
    },
  );
  releaseBackward.register(node, fn, fn);
  return () => {
    remove();
    if (releaseBackward.unregister(fn)) fn.destroy?.();
  };
}

/** Grad mode, printing, and the state of one tensor. */
export const state: Record<string, unknown> = {
  set_grad_enabled: (flag: boolean) => setGradEnabled(!!flag),
  set_anomaly_nan_check: (on: boolean) => setAnomalyNanCheck(!!on),
  is_grad_enabled: () => isGradEnabled(),
  /** torch.inference_mode: sets the switch, returns the previous setting. */
  set_inference_mode: (flag: boolean) => setInferenceMode(!!flag),
  is_inference_mode: () => inferenceMode.on,
  is_inference: (t: Tensor) => t.inference,
  /** Whether `_version` can be read: not of an inference tensor without a counter (inference.ts). */
  tracks_version: (t: Tensor) => !t.inference || countsVersions(t),
  format: (t: Tensor) => formatTensor(t),
  set_printoptions: (
    precision?: number,
    threshold?: number,
    edgeitems?: number,
    linewidth?: number,
    profile?: string,
    sci_mode?: boolean,
  ) =>
    setPrintOptions({
      precision,
      threshold,
      edgeitems,
      linewidth,
      profile: profile as 'default' | undefined,
      sci_mode,
    }),
  item: (t: Tensor) => t.item(),
  grad: (t: Tensor) => t.grad ?? undefined,
  grad_fn: (t: Tensor) => t.gradFn ?? undefined,
  is_leaf: (t: Tensor) => t.gradFn === null,
  set_grad: (t: Tensor, g?: Tensor) => t.setGrad(g ?? null),
  requires_grad_: (t: Tensor, flag: boolean) => t.requires_grad_(flag),
  set_data: (t: Tensor, src: Tensor) => t.setData(src),
  set_shape: (t: Tensor, shape: unknown) => view.setShapeInPlace(t, Array.from(js<number[]>(shape))),
  resize_: (t: Tensor, shape: unknown) => view.resizeInPlace(t, Array.from(js<number[]>(shape))),
  detach: (t: Tensor) => t.detach(),
  data_alias: (t: Tensor) => t.dataAlias(),
  detach_: (t: Tensor) => {
    t.detach_();
  },
  clone: view.clone,
  backward: (t: Tensor, g: Scalar | undefined, retain: boolean, create = false) => {
    const gradient = g === undefined ? undefined : g instanceof Tensor ? g : floatScalar(Number(g));
    if (create) backwardWithGraph(t, gradient, !!retain);
    else t.backward(gradient, !!retain);
  },
  /**
   * torch.autograd.backward of several tensors: one pass from all of them, their seeds checked in Python. With
   * `notify` (a learner's call) the run's listeners see it as a backward from the first tensor; a checkpoint's
   * pass inside another backward runs unseen.
   */
  backward_roots: (roots: unknown, grads: unknown, retain: boolean, notify = false) => {
    const outs = js<Tensor[]>(roots);
    const seeds = js<Tensor[]>(grads).map((g, i) => asFloatStorage(Float64Array.from(g.data), outs[i].dtype));
    if (notify) notifyBackward(outs[0], false);
    runBackwardRoots(outs, seeds, !!retain);
    if (notify) notifyBackward(outs[0], true);
  },
  /** The default generator's state, opaque, and its restore: a checkpoint replays its forward's random draws. */
  rng_state_snapshot: () => random.get_rng_state(),
  rng_state_restore: (s: RngState) => random.set_rng_state(s),
  /** grad_fn.next_functions: per input, [its node or undefined, the input when it is a leaf that requires grad, the input]. */
  next_edges: (n: Node) =>
    n.inputs.map((t) => [t?.gradFn ?? undefined, t && !t.gradFn && t.requiresGrad ? t : undefined, t ?? undefined]),
  same: (a: unknown, b: unknown) => a === b,
  custom_function: customFunctionBridge,
  /** ctx.saved_tensors in a custom Function's backward: PyTorch's error when `t` was written since saved. */
  check_saved_version: (t: Tensor, version: number, nodeName: string, isOutput: boolean) => {
    const error = savedVersionError(nodeName, t, version, !!isOutput);
    if (error !== null) throw error;
  },
  register_hook: registerHookBridge,
  register_node_hook: registerNodeHookBridge,
  /** torch.autograd.grad: the roots' gradients with respect to `inputs` (undefined where unreachable). */
  gradients_of: (
    roots: unknown,
    grads: unknown,
    inputs: unknown,
    retain: boolean,
    allowUnused: boolean,
    create = false,
  ) => {
    const outs = js<Tensor[]>(roots);
    if (create) {
      const found = gradientsOfGraph(outs, js<Tensor[]>(grads), js<Tensor[]>(inputs), !!retain, !!allowUnused);
      return found.map((g) => g ?? undefined);
    }
    const seeds = js<Tensor[]>(grads).map((g, i) => asFloatStorage(Float64Array.from(g.data), outs[i].dtype));
    const ins = js<Tensor[]>(inputs);
    return gradientsOf(outs, seeds, ins, !!retain, !!allowUnused).map((g, i) =>
      g === null ? undefined : new Tensor(g, ins[i].shape, ins[i].dtype),
    );
  },
  make_parameter: (t: Tensor, requiresGrad: boolean) => new Parameter(t, requiresGrad),
  cast: (t: Tensor, dtype: DType) => create.to(t, dtype),
  float_scalar: floatScalar,
  set_default_dtype: (d: 'float32' | 'float64') => setDefaultFloatDType(d),
  // numpy arrays sharing a tensor's storage (torch/_numpy_bridge.py): a write through the array (values
  // already cast by numpy) ends what the engine knew about the buffer (all zeros after zero_grad).
  storage_write: (data: Storage, offset: number, values: unknown) => {
    data.set(js<ArrayLike<number>>(values), offset);
    storageWritten(data);
  },
  storage_written: storageWritten,
  // Tensor.storage(), storage_offset(), stride(), data_ptr(): where a tensor's elements live.
  storage_of: (t: Tensor) => view.viewInfo(t).root,
  storage_offset: (t: Tensor) => view.viewInfo(t).offset,
  strides: (t: Tensor) => view.viewInfo(t).strides.slice(),
  storage_id: storageId,
  /** A tensor over an existing storage (torch.from_numpy of an array that already shares one). */
  from_storage: (data: Storage, shape: unknown, dtype: DType) => new Tensor(data, js<number[]>(shape), dtype),
  /** torch.from_numpy of a view (a row, a column slice): a tensor over `data` from `offset` with `strides`. */
  from_storage_view: (data: Storage, shape: unknown, dtype: DType, offset: number, strides: unknown) => {
    const dims = js<number[]>(shape);
    const { layout, data: own } = makeLayout(data, offset, dims, js<number[]>(strides));
    const t = new Tensor(own, dims, dtype);
    t.layout = layout;
    return t;
  },
};

/** The float dtype rand/randn draw in; PyTorch's kernels have no integer or bool form, and fail before drawing. */
function drawnFloat(kernel: string, dtype: DType): random.DrawnFloat {
  if (isFloatDType(dtype)) return dtype as random.DrawnFloat;
  throw pyError('RuntimeError', `"${kernel}" not implemented for '${dtypeName(dtype)}'`);
}

/** torch.tensor/zeros/ones/... Python flattens nested lists and infers the dtype from Python types (JS cannot tell 1.0 from 1). */
export const factories: Record<string, unknown> = {
  tensor: (flat: unknown, shape: unknown, dtype: DType, rg: boolean) => {
    const t = create.tensor(numbers(flat), { dtype });
    return new Tensor(t.data, js<number[]>(shape), dtype, !!rg);
  },
  zeros: (shape: unknown, dtype: DType, rg: boolean) => create.zeros(js(shape), { dtype, requires_grad: !!rg }),
  ones: (shape: unknown, dtype: DType, rg: boolean) => create.ones(js(shape), { dtype, requires_grad: !!rg }),
  full: (shape: unknown, value: number, dtype: DType, rg: boolean) =>
    create.full(js(shape), value, { dtype, requires_grad: !!rg }),
  arange: (start: number, end: number, step: number, dtype: DType, rg: boolean) =>
    create.arange(start, end, step, { dtype, requires_grad: !!rg }),
  range: (start: number, end: number, step: number, dtype: DType, rg: boolean) =>
    create.range(start, end, step, { dtype, requires_grad: !!rg }),
  linspace: (start: number, end: number, steps: number, dtype: DType, rg: boolean) =>
    create.linspace(start, end, steps, { dtype, requires_grad: !!rg }),
  eye: (n: number, m: number, dtype: DType, rg: boolean) => create.eye(n, m, { dtype, requires_grad: !!rg }),
  rand: (shape: unknown, dtype: DType, rg: boolean, g?: Gen) =>
    random.rand(js(shape), gen(g), drawnFloat('check_uniform_bounds', dtype)).requires_grad_(!!rg),
  randn: (shape: unknown, dtype: DType, rg: boolean, g?: Gen) =>
    random.randn(js(shape), gen(g), drawnFloat('normal_kernel_cpu', dtype)).requires_grad_(!!rg),
  randint: (low: number, high: number, shape: unknown, dtype: DType, g?: Gen) =>
    create.to(random.randint(low, high, js(shape), gen(g) ?? random.defaultGen()), dtype),
  randperm: (n: number, dtype: DType, g?: Gen) => create.to(random.randperm(n, gen(g) ?? random.defaultGen()), dtype),
};

/** Generators and the in-place random fills (torch.Generator, Tensor.uniform_, nn.init). */
export const randomness: Record<string, unknown> = {
  default_generator: () => undefined,
  new_generator: () => new random.Generator(),
  // The 64-bit seed in two 32-bit halves (a JS number holds 53 bits): get_rng_state's bytes carry all of it.
  generator_seed: (g: Gen, hi: number, lo: number) =>
    (g ?? random.defaultGen()).manual_seed((BigInt(hi) << 32n) | BigInt(lo)),
  generator_get_state: (g: Gen) => generatorStateTensor(g ?? random.defaultGen()),
  /** Restores the state tensor `t`; returns the restored initial seed in two 32-bit halves. */
  generator_set_state: (g: Gen, t: Tensor) => {
    const G = g ?? random.defaultGen();
    setGeneratorStateFromTensor(G, t);
    const s = G.initial_seed();
    return [Number(s >> 32n), Number(s & 0xffffffffn)];
  },
  generator_random64: (g: Gen) => {
    // Python rebuilds the 64-bit value from two 32-bit halves (a JS number holds 53 bits).
    const v = (g ?? random.defaultGen()).random64();
    return [Number(v >> 32n), Number(v & 0xffffffffn)];
  },
  uniform_: (t: Tensor, a: number, b: number, g?: Gen) => init.uniform_(t, a, b, gen(g)),
  exponential_: (t: Tensor, lambd: number, g?: Gen) => exponential_(t, lambd, gen(g)),
  multinomial: (t: Tensor, n: number, replacement: boolean, g?: Gen) => multinomial(t, n, !!replacement, gen(g)),
  normal_: (t: Tensor, mean: number, std: number, g?: Gen) => init.normal_(t, mean, std, gen(g)),
  random_: (t: Tensor, from?: number, to?: number, g?: Gen) => {
    const G = gen(g) ?? random.defaultGen();
    if (from === undefined) return random.random_(t, G);
    if (to === undefined) return random.randomFromTo_(t, 0, from, G);
    return random.randomFromTo_(t, from, to, G);
  },
  bernoulli_: (t: Tensor, p: number, g?: Gen) => random.bernoulli_(t, p, gen(g)),
  kaiming_uniform_: (t: Tensor, a: number, mode: 'fan_in' | 'fan_out', nl: string) =>
    init.kaiming_uniform_(t, a, mode, nl),
  kaiming_normal_: (t: Tensor, a: number, mode: 'fan_in' | 'fan_out', nl: string) =>
    init.kaiming_normal_(t, a, mode, nl),
  xavier_uniform_: (t: Tensor, gain: number) => init.xavier_uniform_(t, gain),
  xavier_normal_: (t: Tensor, gain: number) => init.xavier_normal_(t, gain),
};
