// The engine as the Python `torch` package sees it: the JS module `_bl_engine`. Python passes engine
// tensors (JsProxies unwrap to the JS objects), numbers, None (undefined) and lists (PyProxies, converted
// here with toJs). Every function is wrapped so that a JS error reaches Python as the Python exception its
// `name` says (RuntimeError, IndexError, ...), raised through the `_raise` callback torch/_errors.py sets.
import { isGradEnabled, setGradEnabled, Node } from '../engine/autograd';
import { Tensor, DType } from '../engine/tensor';
import { formatTensor, setPrintOptions } from '../engine/format';
import * as arith from '../engine/ops/arith';
import * as unary from '../engine/ops/unary';
import * as act from '../engine/ops/activation';
import * as cmp from '../engine/ops/compare';
import * as loss from '../engine/ops/loss';
import * as mm from '../engine/ops/matmul';
import * as red from '../engine/ops/reduce';
import * as view from '../engine/ops/view';
import * as create from '../engine/ops/create';
import * as ix from '../engine/ops/indexing';
import * as inplace from '../engine/ops/inplace';
import * as misc from '../engine/ops/misc';
import { asTensor } from '../engine/ops/util';
import * as random from '../engine/random';
import * as init from '../engine/init';
import { dropout } from '../engine/nn/functional';
import { Parameter } from '../engine/nn/parameter';
import * as optim from '../engine/optim';
import * as sched from '../engine/lr_scheduler';
import * as extra from './extra-ops';
import type { ShimHooks } from './hooks';
import type { ModuleInfo } from '../protocol';

type Scalar = Tensor | number | boolean;

interface PyProxyLike {
  toJs(options?: Record<string, unknown>): unknown;
}

function isPyProxy(x: unknown): x is PyProxyLike {
  return typeof x === 'object' && x !== null && typeof (x as PyProxyLike).toJs === 'function' && !(x instanceof Tensor);
}

/** A Python list/tuple/dict argument as plain JS (engine tensors inside stay JS objects). */
function js<T>(x: unknown): T {
  return (isPyProxy(x) ? x.toJs({ dict_converter: Object.fromEntries }) : x) as T;
}

/** A dims argument: undefined (all), a number, or a list. */
function dims(d: unknown): number | number[] | undefined {
  if (d === undefined || d === null) return undefined;
  return js<number | number[]>(d);
}

const OPTIMIZERS: Record<string, new (params: any, options: any) => optim.Optimizer<any>> = {
  SGD: optim.SGD,
  Adam: optim.Adam,
  AdamW: optim.AdamW,
  RMSprop: optim.RMSprop,
  Adagrad: optim.Adagrad,
};

const SCHEDULERS: Record<string, new (...args: any[]) => any> = {
  StepLR: sched.StepLR,
  MultiStepLR: sched.MultiStepLR,
  ExponentialLR: sched.ExponentialLR,
  CosineAnnealingLR: sched.CosineAnnealingLR,
  LambdaLR: sched.LambdaLR,
  ReduceLROnPlateau: sched.ReduceLROnPlateau,
};

function gen(g: random.Generator | undefined | null): random.Generator | undefined {
  return g ?? undefined;
}

/** The functions `_bl_engine` exposes, before error wrapping. */
function engineFunctions(hooks: ShimHooks): Record<string, unknown> {
  return {
    // ---- grad mode, printing ------------------------------------------------------------------
    set_grad_enabled: (flag: boolean) => setGradEnabled(!!flag),
    is_grad_enabled: () => isGradEnabled(),
    format: (t: Tensor) => formatTensor(t),
    set_printoptions: (precision?: number, threshold?: number, edgeitems?: number, linewidth?: number, profile?: string, sci_mode?: boolean) =>
      setPrintOptions({ precision, threshold, edgeitems, linewidth, profile: profile as 'default' | undefined, sci_mode }),

    // ---- tensor state -------------------------------------------------------------------------
    item: (t: Tensor) => t.item(),
    grad: (t: Tensor) => t.grad ?? undefined,
    grad_fn: (t: Tensor) => t.gradFn ?? undefined,
    is_leaf: (t: Tensor) => t.gradFn === null,
    set_grad: (t: Tensor, g?: Tensor) => {
      if (g && !g.shape.every((d, i) => d === t.shape[i])) {
        throw Object.assign(new Error(`assigned grad has data of a different size`), { name: 'RuntimeError' });
      }
      t.grad = g ?? null;
    },
    requires_grad_: (t: Tensor, flag: boolean) => t.requires_grad_(flag),
    set_data: extra.setData,
    set_shape: (t: Tensor, shape: unknown) => {
      t.shape = Array.from(js<number[]>(shape));
    },
    detach: (t: Tensor) => t.detach(),
    detach_: (t: Tensor) => {
      t.gradFn = null;
      t.requiresGrad = false;
    },
    clone: view.clone,
    backward: (t: Tensor, g: Scalar | undefined, retain: boolean) =>
      t.backward(g === undefined ? undefined : g instanceof Tensor ? g : extra.floatScalar(Number(g)), !!retain),
    next_nodes: (n: Node) => n.inputs.map((t) => t?.gradFn ?? undefined),
    same: (a: unknown, b: unknown) => a === b,
    make_parameter: (t: Tensor, requiresGrad: boolean) => new Parameter(t, requiresGrad),
    cast: (t: Tensor, dtype: DType) => create.to(t, dtype),
    float_scalar: extra.floatScalar,

    // ---- factories ----------------------------------------------------------------------------
    // Python flattens nested lists and infers the dtype from Python types (JS cannot tell 1.0 from 1).
    tensor: (flat: unknown, shape: unknown, dtype: DType, rg: boolean) => {
      const t = create.tensor(js<number[]>(flat), { dtype });
      return new Tensor(t.data, js<number[]>(shape), dtype, !!rg);
    },
    zeros: (shape: unknown, dtype: DType, rg: boolean) => create.zeros(js(shape), { dtype, requires_grad: !!rg }),
    ones: (shape: unknown, dtype: DType, rg: boolean) => create.ones(js(shape), { dtype, requires_grad: !!rg }),
    full: (shape: unknown, value: number, dtype: DType, rg: boolean) => create.full(js(shape), value, { dtype, requires_grad: !!rg }),
    arange: (start: number, end: number, step: number, dtype: DType, rg: boolean) => create.arange(start, end, step, { dtype, requires_grad: !!rg }),
    linspace: (start: number, end: number, steps: number, dtype: DType, rg: boolean) => create.linspace(start, end, steps, { dtype, requires_grad: !!rg }),
    eye: (n: number, m: number, dtype: DType, rg: boolean) => create.eye(n, m, { dtype, requires_grad: !!rg }),
    rand: (shape: unknown, dtype: DType, rg: boolean, g?: random.Generator) => withGrad(random.rand(js(shape), gen(g)), rg),
    randn: (shape: unknown, dtype: DType, rg: boolean, g?: random.Generator) => withGrad(random.randn(js(shape), gen(g)), rg),
    randint: (low: number, high: number, shape: unknown, dtype: DType, g?: random.Generator) =>
      create.to(random.randint(low, high, js(shape), gen(g) ?? random.defaultGen()), dtype),
    randperm: (n: number, dtype: DType, g?: random.Generator) => create.to(random.randperm(n, gen(g) ?? random.defaultGen()), dtype),

    // ---- random -------------------------------------------------------------------------------
    default_generator: () => undefined,
    new_generator: () => new random.Generator(),
    generator_seed: (g: random.Generator | undefined, seed: number) => (g ?? random.defaultGen()).manual_seed(seed),
    generator_random64: (g: random.Generator | undefined) => {
      const v = (g ?? random.defaultGen()).random64();
      return [Number(v >> 32n), Number(v & 0xffffffffn)];
    },
    uniform_: (t: Tensor, a: number, b: number, g?: random.Generator) => init.uniform_(t, a, b, gen(g)),
    normal_: (t: Tensor, mean: number, std: number, g?: random.Generator) => init.normal_(t, mean, std, gen(g)),
    random_: (t: Tensor, from?: number, to?: number, g?: random.Generator) => {
      const G = gen(g) ?? random.defaultGen();
      if (from === undefined) return random.random_(t, G);
      if (to === undefined) return random.randomFromTo_(t, 0, from, G);
      return random.randomFromTo_(t, from, to, G);
    },
    bernoulli_: (t: Tensor, p: number, g?: random.Generator) => random.bernoulli_(t, p, gen(g)),
    kaiming_uniform_: (t: Tensor, a: number, mode: 'fan_in' | 'fan_out', nl: string) => init.kaiming_uniform_(t, a, mode, nl),
    kaiming_normal_: (t: Tensor, a: number, mode: 'fan_in' | 'fan_out', nl: string) => init.kaiming_normal_(t, a, mode, nl),
    xavier_uniform_: (t: Tensor, gain: number) => init.xavier_uniform_(t, gain),
    xavier_normal_: (t: Tensor, gain: number) => init.xavier_normal_(t, gain),

    // ---- arithmetic ---------------------------------------------------------------------------
    add: arith.add,
    sub: arith.sub,
    mul: arith.mul,
    div: arith.div,
    pow: arith.pow,
    rsub: (a: Tensor, b: Scalar) => arith.rsub(a, b),
    rdiv: (a: Tensor, b: Scalar) => arith.div(b instanceof Tensor ? b : asTensor(b, a), a),
    rpow: (a: Tensor, b: Scalar) => arith.pow(b instanceof Tensor ? b : asTensor(b, a), a),
    neg: arith.neg,
    maximum: arith.maximum,
    minimum: arith.minimum,
    remainder: arith.remainder,
    fmod: (a: Tensor, b: Scalar) => misc.fmod(a, typeof b === 'boolean' ? Number(b) : b),
    floor_divide: (a: Scalar, b: Scalar) => arith.floor_divide(a, b),
    add_: (a: Tensor, b: Scalar, alpha = 1) => inplace.add_(a, b, alpha),
    sub_: (a: Tensor, b: Scalar, alpha = 1) => inplace.sub_(a, b, alpha),
    mul_: (a: Tensor, b: Scalar) => inplace.mul_(a, b),
    div_: (a: Tensor, b: Scalar) => inplace.div_(a, b),
    pow_: (a: Tensor, b: Scalar) => inplace.pow_(a, b),
    zero_: (t: Tensor) => t.zero_(),
    fill_: (t: Tensor, v: number | boolean) => t.fill_(Number(v)),
    copy_: (t: Tensor, src: Scalar) => inplace.copy_(t, src instanceof Tensor ? src : asTensor(src, t)),
    clamp_: (t: Tensor, lo?: number, hi?: number) => inplace.clamp_(t, lo ?? null, hi ?? null),
    ...pick(inplace, ['neg_', 'exp_', 'log_', 'sqrt_', 'abs_', 'sigmoid_', 'tanh_', 'relu_', 'floor_', 'ceil_']),
    round_: (t: Tensor) => inplace.round_(t),
    masked_fill_: (t: Tensor, mask: Tensor, v: number | Tensor) => extra.writeInto(t, cmp.masked_fill(t, mask, v)),
    matmul: (a: Scalar, b: Tensor) => mm.matmul(a as Tensor, b),
    mm: mm.mm,
    bmm: mm.bmm,
    dot: mm.dot,
    outer: misc.outer,
    linear: mm.linear,

    // ---- comparisons --------------------------------------------------------------------------
    eq: cmp.eq,
    ne: cmp.ne,
    lt: cmp.lt,
    le: cmp.le,
    gt: cmp.gt,
    ge: cmp.ge,
    logical_and: cmp.logical_and,
    logical_or: cmp.logical_or,
    logical_xor: cmp.logical_xor,
    logical_not: cmp.logical_not,
    bitwise_not: cmp.bitwise_not,
    isnan: cmp.isnan,
    isinf: cmp.isinf,
    isfinite: cmp.isfinite,
    where: cmp.where,
    masked_fill: cmp.masked_fill,
    allclose: cmp.allclose,
    isclose: cmp.isclose,

    // ---- unary and activations ----------------------------------------------------------------
    ...pick(unary, [
      'exp', 'log', 'log2', 'log10', 'log1p', 'expm1', 'sqrt', 'rsqrt', 'reciprocal', 'sin', 'cos', 'tan', 'asin',
      'acos', 'atan', 'sinh', 'cosh', 'square', 'abs', 'floor', 'ceil', 'trunc', 'sign',
    ]),
    round: (t: Tensor) => unary.round(t),
    clamp: (t: Tensor, lo?: number, hi?: number) => unary.clamp(t, lo ?? null, hi ?? null),
    sgn: unary.sign,
    frac: (t: Tensor) => arith.sub(t, unary.trunc(t)),
    exp2: (t: Tensor) => arith.pow(extra.floatScalar(2), t),
    erf: (t: Tensor) => unaryMap(t, act.erf),
    ...pick(act, ['relu', 'sigmoid', 'tanh', 'selu', 'silu', 'mish', 'relu6', 'logsigmoid']),
    leaky_relu: (t: Tensor, slope: number) => act.leaky_relu(t, slope),
    elu: (t: Tensor, alpha: number) => act.elu(t, alpha),
    celu: (t: Tensor, alpha: number) => act.celu(t, alpha),
    gelu: (t: Tensor, approximate: 'none' | 'tanh') => act.gelu(t, approximate),
    softplus: (t: Tensor, beta: number, threshold: number) => act.softplus(t, beta, threshold),
    hardtanh: (t: Tensor, lo: number, hi: number) => act.hardtanh(t, lo, hi),
    softmax: (t: Tensor, dim?: number) => act.softmax(t, dim ?? null),
    log_softmax: (t: Tensor, dim?: number) => act.log_softmax(t, dim ?? null),
    dropout: (t: Tensor, p: number) => dropout(t, p, true),

    // ---- losses -------------------------------------------------------------------------------
    mse_loss: loss.mse_loss,
    l1_loss: loss.l1_loss,
    smooth_l1_loss: loss.smooth_l1_loss,
    huber_loss: loss.huber_loss,
    binary_cross_entropy: (x: Tensor, y: Tensor, w: Tensor | undefined, r: loss.Reduction) => loss.binary_cross_entropy(x, y, w ?? null, r),
    binary_cross_entropy_with_logits: (x: Tensor, y: Tensor, w: Tensor | undefined, r: loss.Reduction, pw: Tensor | undefined) =>
      loss.binary_cross_entropy_with_logits(x, y, w ?? null, r, pw ?? null),
    cross_entropy: (x: Tensor, y: Tensor, w: Tensor | undefined, r: loss.Reduction, ignore: number, smoothing: number) =>
      loss.cross_entropy(x, y, w ?? null, ignore, r, smoothing),
    nll_loss: (x: Tensor, y: Tensor, w: Tensor | undefined, r: loss.Reduction, ignore: number) => loss.nll_loss(x, y, w ?? null, ignore, r),

    // ---- reductions ---------------------------------------------------------------------------
    sum: (t: Tensor, d: unknown, keepdim: boolean) => red.sum(t, dims(d), !!keepdim),
    mean: (t: Tensor, d: unknown, keepdim: boolean) => red.mean(t, dims(d), !!keepdim),
    prod: (t: Tensor, d: number | undefined, keepdim: boolean) => red.prod(t, d ?? null, !!keepdim),
    std: (t: Tensor, d: unknown, correction: number, keepdim: boolean) => red.std(t, dims(d), correction, !!keepdim),
    var: (t: Tensor, d: unknown, correction: number, keepdim: boolean) => red.var_(t, dims(d), correction, !!keepdim),
    norm: (t: Tensor, p: number, d: unknown, keepdim: boolean) => red.norm(t, p, dims(d), !!keepdim),
    logsumexp: (t: Tensor, d: unknown, keepdim: boolean) => red.logsumexp(t, dims(d), !!keepdim),
    amax: (t: Tensor, d: unknown, keepdim: boolean) => red.amax(t, dims(d), !!keepdim),
    amin: (t: Tensor, d: unknown, keepdim: boolean) => red.amin(t, dims(d), !!keepdim),
    max_all: (t: Tensor) => red.max(t),
    min_all: (t: Tensor) => red.min(t),
    max_dim: (t: Tensor, d: number, keepdim: boolean) => valuesIndices(red.max(t, d, !!keepdim)),
    min_dim: (t: Tensor, d: number, keepdim: boolean) => valuesIndices(red.min(t, d, !!keepdim)),
    argmax: (t: Tensor, d: number | undefined, keepdim: boolean) => red.argmax(t, d ?? null, !!keepdim),
    argmin: (t: Tensor, d: number | undefined, keepdim: boolean) => red.argmin(t, d ?? null, !!keepdim),
    all: (t: Tensor, d: number | undefined, keepdim: boolean) => red.all(t, d ?? null, !!keepdim),
    any: (t: Tensor, d: number | undefined, keepdim: boolean) => red.any(t, d ?? null, !!keepdim),
    cumsum: red.cumsum,
    topk: (t: Tensor, k: number, d: number, largest: boolean) => valuesIndices(misc.topk(t, k, d, !!largest)),
    sort: (t: Tensor, d: number, descending: boolean) => valuesIndices(misc.sort(t, d, !!descending)),

    // ---- shape --------------------------------------------------------------------------------
    view: (t: Tensor, shape: unknown) => view.view(t, js<number[]>(shape)),
    reshape: (t: Tensor, shape: unknown) => view.reshape(t, js<number[]>(shape)),
    unsqueeze: view.unsqueeze,
    squeeze: (t: Tensor, d?: number) => view.squeeze(t, d ?? null),
    flatten: view.flatten,
    transpose: view.transpose,
    t: view.t,
    T: view.T,
    permute: (t: Tensor, order: unknown) => view.permute(t, js<number[]>(order)),
    expand: (t: Tensor, sizes: unknown) => view.expand(t, js<number[]>(sizes)),
    repeat: (t: Tensor, sizes: unknown) => view.repeat(t, js<number[]>(sizes)),
    flip: (t: Tensor, d: unknown) => view.flip(t, js<number[]>(d)),
    cat: (ts: unknown, d: number) => view.cat(js<Tensor[]>(ts), d),
    stack: (ts: unknown, d: number) => view.stack(js<Tensor[]>(ts), d),
    getitem: (t: Tensor, key: unknown) => ix.index(t, indexSpec(key)),
    setitem: (t: Tensor, key: unknown, v: Scalar) => ix.setitem(t, indexSpec(key), v),
    narrow: ix.narrow,
    split: (t: Tensor, sizes: unknown, d: number) => misc.split(t, js<number[]>(sizes), d),
    unbind: misc.unbind,
    index_select: ix.index_select,
    gather: ix.gather,
    nonzero: ix.nonzero,
    one_hot: misc.one_hot,
    tril: misc.tril,
    triu: misc.triu,
    diag: misc.diag,
    contiguous: view.contiguous,

    // ---- optimizers and schedulers ------------------------------------------------------------
    new_optimizer: (name: string, groups: unknown, options: unknown) => new OPTIMIZERS[name](js(groups), js(options)),
    param_groups: (o: optim.Optimizer<any>) => o.param_groups,
    add_param_group: (o: optim.Optimizer<any>, group: unknown) => o.add_param_group(js(group)),
    optimizer_step: (o: optim.Optimizer<any>) => {
      o.step();
    },
    optimizer_zero_grad: (o: optim.Optimizer<any>, setToNone: boolean) => o.zero_grad(!!setToNone),
    optimizer_state_dict: (o: optim.Optimizer<any>) => o.state_dict(),
    optimizer_load_state_dict: (o: optim.Optimizer<any>, d: any) => o.load_state_dict(d),
    has_key: (obj: Record<string, unknown>, key: string) => key in obj && obj[key] !== undefined,
    get_key: (obj: Record<string, unknown>, key: string) => {
      const v = obj[key];
      return v === null ? undefined : v;
    },
    set_key: (obj: Record<string, unknown>, key: string, value: unknown) => {
      obj[key] = js(value);
    },
    group_keys: (obj: Record<string, unknown>) => Object.keys(obj).filter((k) => k !== 'initial_lr' || obj[k] !== undefined),
    new_scheduler: (name: string, o: optim.Optimizer<any>, ...args: unknown[]) => {
      const converted = args.map((a) => (a === undefined ? undefined : typeof a === 'function' ? a : js(a)));
      if (name === 'LambdaLR' && Array.isArray(converted[0]) === false && isPyProxy(args[0])) converted[0] = args[0];
      return new SCHEDULERS[name](o, ...converted);
    },
    scheduler_step: (s: sched.LRScheduler, epoch?: number) => s.step(epoch),
    plateau_step: (s: sched.ReduceLROnPlateau, metric: number, epoch?: number) => s.step(metric, epoch),
    scheduler_state: (s: sched.LRScheduler) => s.state_dict(),
    scheduler_load: (s: sched.LRScheduler, d: unknown) => s.load_state_dict(js(d)),

    // ---- instrumentation ----------------------------------------------------------------------
    hint: (message: string) => hooks.hint(message),
    model_seen: (json: string, ...tensors: Tensor[]) => {
      const info = JSON.parse(json) as { modules: ModuleInfo[]; params: string[] };
      hooks.modelSeen(info.modules, info.params.map((name, i) => ({ name, tensor: tensors[i] })));
    },
    // A root nn.Sequential of Linear ('L' with bias, 'l' without), Tanh 'T', Sigmoid 'S' and ReLU 'R' in one
    // call (torch/nn/modules/container.py): the same engine ops the modules call, then each child's output
    // reported under its path and finally the root's (''), in the order Module.__call__ reports them.
    sequential_forward: (codes: string, paths: string, x: Tensor, ...params: (Tensor | undefined)[]) => {
      const names = paths.split('\n');
      let h = x;
      let k = 0;
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i];
        if (code === 'L') {
          h = mm.linear(h, params[k] as Tensor, params[k + 1]);
          k += 2;
        } else if (code === 'l') {
          h = mm.linear(h, params[k++] as Tensor);
        } else if (code === 'T') h = act.tanh(h);
        else if (code === 'S') h = act.sigmoid(h);
        else if (code === 'R') h = act.relu(h);
        else throw new Error(`internal: unknown sequential code ${code}`);
        hooks.moduleForward(names[i], h);
      }
      hooks.moduleForward('', h);
      return h;
    },
    module_outputs: (paths: string, ...outputs: Tensor[]) => {
      if (outputs.length === 0) return;
      const names = paths.split('\n');
      for (let i = 0; i < outputs.length; i++) hooks.moduleForward(names[i], outputs[i]);
    },
  };
}

function withGrad(t: Tensor, rg: boolean): Tensor {
  if (rg) t.requiresGrad = true;
  return t;
}

function valuesIndices(r: { values: Tensor; indices: Tensor }): [Tensor, Tensor] {
  return [r.values, r.indices];
}

/**
 * An index key as Python encodes it (ints, [start, stop, step] for slices, None, '...', tensors) in the
 * engine's form (Slice records, null, 'ellipsis').
 */
function indexSpec(key: unknown): ix.IndexItem[] {
  const items = js<unknown[]>(key);
  return items.map((k): ix.IndexItem => {
    if (k === undefined || k === null) return null;
    if (k === '...') return 'ellipsis';
    if (Array.isArray(k)) return { start: k[0] ?? null, stop: k[1] ?? null, step: k[2] ?? null };
    return k as ix.IndexItem;
  });
}

function unaryMap(t: Tensor, f: (x: number) => number): Tensor {
  const out = new Float32Array(t.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(t.data[i]);
  return new Tensor(out, t.shape, 'float32');
}

function pick<T extends Record<string, unknown>>(mod: T, names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) {
    if (typeof mod[n] !== 'function') throw new Error(`internal: engine has no ${n}`);
    out[n] = mod[n];
  }
  return out;
}

/** Creates the `_bl_engine` module object for one Pyodide instance. */
export function createBridge(hooks: ShimHooks): Record<string, unknown> {
  let raise: ((kind: string, message: string) => never) | null = null;
  const fail = (err: unknown): never => {
    // A Python exception coming back through JS (e.g. from a LambdaLR function) keeps its identity.
    if (err && typeof err === 'object' && (err as { constructor?: { name?: string } }).constructor?.name === 'PythonError') throw err;
    let kind = err instanceof Error ? err.name : 'RuntimeError';
    let message = err instanceof Error ? err.message : String(err);
    // Some engine errors carry the Python class in the message ("RuntimeError: ...").
    const m = /^(RuntimeError|ValueError|TypeError|IndexError|KeyError|NotImplementedError): ([\s\S]*)$/.exec(message);
    if (m && (kind === 'Error' || kind === m[1])) {
      kind = m[1];
      message = m[2];
    }
    if (kind === 'Error' || kind === 'RangeError') kind = 'RuntimeError';
    if (raise) raise(kind, message);
    throw err;
  };
  const keep = <T>(f: { copy?: () => unknown }): T => (typeof f.copy === 'function' ? f.copy() : f) as T;
  const bridge: Record<string, unknown> = {
    set_python_callbacks: (raiser: { copy?: () => unknown }, warner: { copy?: () => unknown }, printer: { copy?: () => unknown }) => {
      raise = keep(raiser);
      const warn = keep<(message: string) => void>(warner);
      const print = keep<(line: string) => void>(printer);
      loss.setWarningSink((message) => warn(message));
      sched.schedulerOutput.print = (line) => print(line);
    },
  };
  for (const [name, value] of Object.entries(engineFunctions(hooks))) {
    if (typeof value !== 'function') {
      bridge[name] = value;
      continue;
    }
    const f = value as (...args: unknown[]) => unknown;
    bridge[name] = function guarded(...args: unknown[]) {
      try {
        return f(...args);
      } catch (err) {
        return fail(err);
      }
    };
  }
  return bridge;
}
