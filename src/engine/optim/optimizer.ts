// The Optimizer base, as torch.optim.Optimizer in PyTorch 1.13: parameter groups (each a record of its
// params plus hyper-parameters, `lr` among them), per-parameter state, zero_grad and step. Subclasses
// implement `updateParam`, which works directly on the Float32Array buffers of one parameter and its grad.
import { pyError } from '../errors';
import { setGradEnabled } from '../autograd';
import { Tensor, clearGrad } from '../tensor';
import { storageWritten } from '../strided';
import { fmaDouble, fmaf } from '../random';

/** Hyper-parameters every optimizer has. */
export interface BaseOptions {
  lr: number;
}

/** One parameter group: its params plus every hyper-parameter (filled from the defaults when absent). */
export type ParamGroup<O extends BaseOptions = BaseOptions> = O & {
  params: Tensor[];
  /** Set by an lr scheduler on creation: the lr it started from. */
  initial_lr?: number;
  [extra: string]: unknown;
};

/** What a caller may pass for one group: params and any subset of the hyper-parameters. */
export type ParamGroupInput<O extends BaseOptions = BaseOptions> = Partial<O> & {
  params: Tensor | Iterable<Tensor>;
  [extra: string]: unknown;
};

/** An iterable of tensors (one group) or of group records (several groups). */
export type ParamsInput<O extends BaseOptions = BaseOptions> = Iterable<Tensor> | Iterable<ParamGroupInput<O>>;

/** Per-parameter state: buffers (Float32Array, same length as the parameter) and counters such as `step`. */
export type ParamState = Record<string, Float32Array | number>;

export type OptimizerStepListener = (optimizer: Optimizer<any>, lrs: number[]) => void;

const stepListeners: OptimizerStepListener[] = [];

/** Instrumentation: called after every optimizer step with the lr of each param group used by that step. */
export function onOptimizerStep(listener: OptimizerStepListener): () => void {
  stepListeners.push(listener);
  return () => {
    const i = stepListeners.indexOf(listener);
    if (i >= 0) stepListeners.splice(i, 1);
  };
}

/** Tells the step listeners that `optimizer` just stepped (every optimizer's step ends with this). */
export function notifyStep(optimizer: Optimizer<any>): void {
  if (stepListeners.length === 0) return;
  const lrs = optimizer.param_groups.map((g) => g.lr);
  for (const listener of stepListeners) listener(optimizer, lrs);
}

/**
 * A constructor's defaults: each hyper-parameter of `table` as the caller gave it (null or undefined mean
 * "not given": the table's value), plus any other keys the caller passed (a newer flag such as
 * `differentiable`): PyTorch keeps every constructor argument in each group, and so does printing.
 */
export function withDefaults<O extends object>(table: O, options: Partial<O>): O {
  const given = options as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(table)) out[k] = given[k] ?? v;
  for (const [k, v] of Object.entries(given)) if (!(k in out) && k !== 'params') out[k] = v;
  return out as O;
}

/** PyTorch's constructor check `if not 0.0 <= value` (NaN fails too), with its message `Invalid <what>: <value>`. */
export function checkNonNegative(value: number, what: string): void {
  if (!(value >= 0)) throw pyError('ValueError', `Invalid ${what}: ${value}`);
}

/** Parameters are updated in place: PyTorch bumps their version counter. */
export function bumpVersion(p: Tensor): void {
  p.version++;
  // Views of the parameter (a `w.t()` kept across steps) re-gather.
  storageWritten(p.data);
}

export abstract class Optimizer<O extends BaseOptions = BaseOptions> {
  readonly defaults: O;
  param_groups: ParamGroup<O>[] = [];
  state = new Map<Tensor, ParamState>();
  /** Bumped by every step (lr schedulers use it to warn about calling order, as PyTorch does). */
  _step_count = 0;

  /** `requiredKeys` are hyper-parameters without a default (SGD's lr): every group must then give them. */
  constructor(
    params: ParamsInput<O>,
    defaults: O,
    private readonly requiredKeys: readonly string[] = [],
  ) {
    this.defaults = defaults;
    if (params instanceof Tensor) {
      throw pyError(
        'TypeError',
        'params argument given to the optimizer should be an iterable of Tensors or dicts, but got torch.FloatTensor',
      );
    }
    const list = Array.from(params as Iterable<Tensor | ParamGroupInput<O>>);
    if (list.length === 0) throw pyError('ValueError', 'optimizer got an empty parameter list');
    const groups: ParamGroupInput<O>[] =
      list[0] instanceof Tensor
        ? [{ params: list as Tensor[] } as unknown as ParamGroupInput<O>]
        : (list as ParamGroupInput<O>[]);
    for (const g of groups) this.add_param_group(g);
  }

  /** Class name as PyTorch prints it (`SGD`, `Adam`, ...). */
  abstract get name(): string;

  add_param_group(group: ParamGroupInput<O>): void {
    const raw = group.params;
    if (raw instanceof Set) {
      throw pyError(
        'TypeError',
        'optimizer parameters need to be organized in ordered collections, but the ordering of tensors in sets ' +
          'will change between runs. Please use a list instead.',
      );
    }
    const params = raw instanceof Tensor ? [raw] : Array.from(raw);
    for (const p of params) {
      if (!(p instanceof Tensor))
        throw pyError('TypeError', 'optimizer can only optimize Tensors, but one of the params is ' + typeof p);
      if (!p.isLeaf) throw pyError('ValueError', "can't optimize a non-leaf Tensor");
    }
    const filled: Record<string, unknown> = { ...group, params };
    for (const [key, value] of Object.entries(this.defaults)) {
      if (filled[key] !== undefined) continue;
      if (this.requiredKeys.includes(key)) {
        throw pyError('ValueError', `parameter group didn't specify a value of required optimization parameter ${key}`);
      }
      filled[key] = Array.isArray(value) ? value.slice() : value;
    }
    const seen = new Set<Tensor>();
    for (const g of this.param_groups) for (const p of g.params) seen.add(p);
    for (const p of params) {
      if (seen.has(p)) throw pyError('ValueError', 'some parameters appear in more than one parameter group');
    }
    this.param_groups.push(filled as ParamGroup<O>);
  }

  /** Clears every parameter's gradient: to None (`setToNone`) or to zeros in place (1.13's default). */
  zero_grad(setToNone = false): void {
    for (const group of this.param_groups) for (const p of group.params) clearGrad(p, setToNone);
  }

  /** One update of every parameter that has a gradient. `closure` re-evaluates the loss (with grad on). */
  step(closure?: () => number | Tensor): number | Tensor | undefined {
    const loss = closure ? closure() : undefined;
    // Updates are not recorded (PyTorch's step runs under no_grad); no closure, so no allocation per step.
    const previous = setGradEnabled(false);
    try {
      for (const group of this.param_groups) this.updateGroup(group);
    } finally {
      setGradEnabled(previous);
    }
    this._step_count++;
    notifyStep(this);
    return loss;
  }

  /** Applies this optimizer's rule to every parameter of `group` that has a gradient (an update in place). */
  private updateGroup(group: ParamGroup<O>): void {
    for (const p of group.params) {
      if (p.grad === null) continue;
      this.double = p.dtype === 'float64';
      this.updateParam(p, p.data as Float32Array, p.grad.data as Float32Array, group);
      bumpVersion(p);
    }
  }

  /** Whether the parameter being updated is float64 (its data, gradient and state are Float64Arrays). */
  protected double = false;

  /**
   * The rounding an update rule applies, by the parameter's dtype: float32 rounds every step and fuses
   * multiply-adds as PyTorch's AVX2 kernels do; float64 keeps doubles, with fused multiply-adds in double.
   * Rules shadow their module-level `f32`/`fmaf` with these, so one loop serves both.
   */
  protected rounding(): { f32: (x: number) => number; fmaf: (a: number, b: number, c: number) => number } {
    return this.double ? DOUBLE_ROUNDING : FLOAT_ROUNDING;
  }

  /** This optimizer's rule for one parameter `p` of `group`: `w` is its data, `g` its gradient's. */
  protected abstract updateParam(p: Tensor, w: Float32Array, g: Float32Array, group: ParamGroup<O>): void;

  /** The state record of `p`, created empty on first use. */
  protected stateOf(p: Tensor): ParamState {
    let s = this.state.get(p);
    if (s === undefined) {
      s = {};
      this.state.set(p, s);
    }
    return s;
  }

  /** Increments the `step` counter of a parameter's state (absent on its first update) and returns it. */
  protected nextStep(state: ParamState): number {
    const step = (typeof state.step === 'number' ? state.step : 0) + 1;
    state.step = step;
    return step;
  }

  /** A state buffer of `p`, created filled with `init` on first use (or when `p` was resized). */
  protected buffer(state: ParamState, key: string, n: number, init = 0): Float32Array {
    let b = state[key];
    if (!(b instanceof (this.double ? Float64Array : Float32Array)) || b.length !== n) {
      // A float64 parameter keeps float64 state, as PyTorch's zeros_like(p) does.
      b = this.double ? (new Float64Array(n) as unknown as Float32Array) : new Float32Array(n);
      if (init !== 0) b.fill(init);
      state[key] = b;
    }
    return b;
  }

  /** Optimizer state with params replaced by their index in group order, copied (as PyTorch's state_dict). */
  state_dict(): { state: Record<number, ParamState>; param_groups: Record<string, unknown>[] } {
    const state: Record<number, ParamState> = {};
    const groups: Record<string, unknown>[] = [];
    let index = 0;
    for (const group of this.param_groups) {
      const ids: number[] = [];
      for (const p of group.params) {
        const s = this.state.get(p);
        if (s !== undefined) state[index] = copyState(s);
        ids.push(index++);
      }
      groups.push({ ...(group as Record<string, unknown>), params: ids });
    }
    return { state, param_groups: groups };
  }

  load_state_dict(dict: { state: Record<number, ParamState>; param_groups: Record<string, unknown>[] }): void {
    if (dict.param_groups.length !== this.param_groups.length) {
      throw pyError('ValueError', 'loaded state dict has a different number of parameter groups');
    }
    const byIndex: Tensor[] = [];
    dict.param_groups.forEach((saved, gi) => {
      const own = this.param_groups[gi];
      const ids = saved.params as number[];
      if (ids.length !== own.params.length) {
        throw pyError(
          'ValueError',
          "loaded state dict contains a parameter group that doesn't match the size of optimizer's group",
        );
      }
      ids.forEach((id, k) => (byIndex[id] = own.params[k]));
    });
    this.state.clear();
    for (const [id, s] of Object.entries(dict.state)) {
      const p = byIndex[Number(id)];
      if (p !== undefined) this.state.set(p, copyState(s));
    }
    // In place: the Python side holds these group records (optimizer.param_groups[i] reads them), so a
    // loaded lr is what it reads next. Values the bridge could not carry (None) keep the group's own.
    dict.param_groups.forEach((saved, gi) => {
      const own = this.param_groups[gi] as Record<string, unknown>;
      for (const [key, value] of Object.entries(saved)) if (key !== 'params' && value !== undefined) own[key] = value;
    });
  }

  /** PyTorch's repr: the class name, then each group's hyper-parameters in sorted key order. */
  repr(): string {
    let s = `${this.name} (`;
    this.param_groups.forEach((group, i) => {
      s += `\nParameter Group ${i}`;
      for (const key of Object.keys(group).sort()) {
        if (key === 'params') continue;
        s += `\n    ${key}: ${pyRepr(group[key])}`;
      }
    });
    return s + '\n)';
  }
}

function copyState(s: ParamState): ParamState {
  const out: ParamState = {};
  // Buffers (Float32Array, or float64 state typed as one) are copied; numbers pass.
  for (const [k, v] of Object.entries(s)) out[k] = typeof v === 'number' ? v : v.slice();
  return out;
}

/** How Python prints a hyper-parameter value (True, None, (0.9, 0.999), 0.001). */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyFloatOrInt(v);
  if (Array.isArray(v)) return `(${v.map(pyRepr).join(', ')}${v.length === 1 ? ',' : ''})`;
  if (typeof v === 'string') return `'${v}'`;
  return String(v);
}

/** JS numbers print like Python ints when integral; Python floats need exponent style past 1e16 / below 1e-4. */
function pyFloatOrInt(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  const s = String(v);
  const m = /^(-?[\d.]+)e([+-])(\d+)$/.exec(s);
  if (m) return `${m[1]}e${m[2]}${m[3].padStart(2, '0')}`;
  if (Math.abs(v) > 0 && Math.abs(v) < 1e-4) {
    const [mant, exp] = v.toExponential().split('e');
    const e = Number(exp);
    return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return s;
}

const FLOAT_ROUNDING = { f32: Math.fround, fmaf };
const DOUBLE_ROUNDING = { f32: (x: number) => x, fmaf: fmaDouble };
