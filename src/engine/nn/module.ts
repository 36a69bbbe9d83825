// nn.Module as in PyTorch 1.13: parameters, buffers and child modules registered by name in insertion order;
// recursive traversal with dotted names (each object reported once); train/eval; state_dict; forward hooks.
// Subclasses register with `register_parameter` / `add_module` (or `setattr`, which dispatches on the value
// like Python's Module.__setattr__) and implement `forward`; callers use `call`, which runs the hooks.
import { pyError } from '../errors';
import { noGrad } from '../autograd';
import { Tensor, clearGrad } from '../tensor';
import { fmtShape } from '../shape';
import { Parameter } from './parameter';

export type ForwardHook = (module: Module, inputs: any[], output: any) => any;
export type ForwardPreHook = (module: Module, inputs: any[]) => any;

/** Returned by register_*_hook; `remove()` unregisters the hook. */
export class RemovableHandle {
  constructor(
    private readonly hooks: Map<number, unknown>,
    readonly id: number,
  ) {}
  remove(): void {
    this.hooks.delete(this.id);
  }
}

let nextHookId = 0;

export interface LoadResult {
  missing_keys: string[];
  unexpected_keys: string[];
}

export class Module {
  training = true;
  readonly _parameters = new Map<string, Parameter | null>();
  readonly _buffers = new Map<string, Tensor | null>();
  readonly _non_persistent_buffers = new Set<string>();
  readonly _modules = new Map<string, Module | null>();
  readonly _forward_hooks = new Map<number, ForwardHook>();
  readonly _forward_pre_hooks = new Map<number, ForwardPreHook>();

  /** The class name PyTorch prints (`Linear`, `Sequential`, a user's `Net`). */
  get typeName(): string {
    return this.constructor.name;
  }

  /** The layer's own computation; subclasses override it. Call modules through `call`, not `forward`. */
  forward(..._inputs: any[]): any {
    throw pyError('NotImplementedError', `Module [${this.typeName}] is missing the required "forward" function`);
  }

  /** `module(*inputs)`: forward pre-hooks, forward, then forward hooks (a hook's non-undefined result replaces). */
  call(...inputs: any[]): any {
    let args = inputs;
    for (const hook of this._forward_pre_hooks.values()) {
      const r = hook(this, args);
      if (r !== undefined) args = Array.isArray(r) ? r : [r];
    }
    let out = this.forward(...args);
    for (const hook of this._forward_hooks.values()) {
      const r = hook(this, args, out);
      if (r !== undefined) out = r;
    }
    return out;
  }

  register_forward_hook(hook: ForwardHook): RemovableHandle {
    const id = nextHookId++;
    this._forward_hooks.set(id, hook);
    return new RemovableHandle(this._forward_hooks, id);
  }

  register_forward_pre_hook(hook: ForwardPreHook): RemovableHandle {
    const id = nextHookId++;
    this._forward_pre_hooks.set(id, hook);
    return new RemovableHandle(this._forward_pre_hooks, id);
  }

  // ---- registration ----

  private checkName(name: string, what: string, own: Map<string, unknown>): void {
    if (typeof name !== 'string') throw pyError('TypeError', `${what} name should be a string. Got ${typeof name}`);
    if (name.includes('.')) throw pyError('KeyError', `${what} name can't contain "."`);
    if (name === '') throw pyError('KeyError', `${what} name can't be empty string ""`);
    if (name in this && !own.has(name) && !this.isRegistered(name)) {
      throw pyError('KeyError', `attribute '${name}' already exists`);
    }
  }

  private isRegistered(name: string): boolean {
    return this._parameters.has(name) || this._buffers.has(name) || this._modules.has(name);
  }

  /** Registers (or with null, declares absent) a parameter; it also becomes the property `name`. */
  register_parameter<P extends Parameter | null>(name: string, param: P): P {
    this.checkName(name, 'parameter', this._parameters);
    if (param !== null && !(param instanceof Parameter)) {
      throw pyError(
        'TypeError',
        `cannot assign '${(param as object).constructor.name}' object to parameter '${name}' (torch.nn.Parameter or None required)`,
      );
    }
    if (param !== null && !param.isLeaf) {
      throw pyError('ValueError', `Cannot assign non-leaf Tensor to parameter '${name}'.`);
    }
    this._buffers.delete(name);
    this._modules.delete(name);
    this._parameters.set(name, param);
    (this as Record<string, unknown>)[name] = param;
    return param;
  }

  /** Registers a child module under `name` (also the property `name`). */
  add_module<M extends Module | null>(name: string, module: M): M {
    if (module !== null && !(module instanceof Module)) {
      throw pyError('TypeError', `${(module as object).constructor.name} is not a Module subclass`);
    }
    this.checkName(name, 'module', this._modules);
    this._parameters.delete(name);
    this._buffers.delete(name);
    this._modules.set(name, module);
    (this as Record<string, unknown>)[name] = module;
    return module;
  }

  register_module<M extends Module | null>(name: string, module: M): M {
    return this.add_module(name, module);
  }

  register_buffer<T extends Tensor | null>(name: string, tensor: T, persistent = true): T {
    this.checkName(name, 'buffer', this._buffers);
    this._parameters.delete(name);
    this._modules.delete(name);
    this._buffers.set(name, tensor);
    if (persistent) this._non_persistent_buffers.delete(name);
    else this._non_persistent_buffers.add(name);
    (this as Record<string, unknown>)[name] = tensor;
    return tensor;
  }

  /** Python's `module.name = value`: a Parameter or Module registers, a tensor updates a known buffer. */
  setattr(name: string, value: unknown): void {
    if (value instanceof Parameter) this.register_parameter(name, value);
    else if (this._parameters.has(name)) {
      if (value !== null) {
        throw pyError(
          'TypeError',
          `cannot assign '${typeNameOf(value)}' as parameter '${name}' (torch.nn.Parameter or None expected)`,
        );
      }
      this.register_parameter(name, null);
    } else if (value instanceof Module) this.add_module(name, value);
    else if (this._modules.has(name)) {
      if (value !== null) {
        throw pyError(
          'TypeError',
          `cannot assign '${typeNameOf(value)}' as child module '${name}' (torch.nn.Module or None expected)`,
        );
      }
      this.add_module(name, null);
    } else if (this._buffers.has(name)) {
      if (value !== null && !(value instanceof Tensor)) {
        throw pyError(
          'TypeError',
          `cannot assign '${typeNameOf(value)}' as buffer '${name}' (torch.Tensor or None expected)`,
        );
      }
      this._buffers.set(name, value as Tensor | null);
      (this as Record<string, unknown>)[name] = value;
    } else (this as Record<string, unknown>)[name] = value;
  }

  /** Python's `del module.name`. */
  delattr(name: string): void {
    this._parameters.delete(name);
    this._buffers.delete(name);
    this._non_persistent_buffers.delete(name);
    this._modules.delete(name);
    delete (this as Record<string, unknown>)[name];
  }

  // ---- traversal ----

  *named_modules(memo: Set<Module> = new Set(), prefix = '', removeDuplicate = true): Generator<[string, Module]> {
    if (memo.has(this)) return;
    if (removeDuplicate) memo.add(this);
    yield [prefix, this];
    for (const [name, module] of this._modules) {
      if (module === null) continue;
      yield* module.named_modules(memo, prefix + (prefix ? '.' : '') + name, removeDuplicate);
    }
  }

  *modules(): Generator<Module> {
    for (const [, m] of this.named_modules()) yield m;
  }

  *named_children(): Generator<[string, Module]> {
    const memo = new Set<Module>();
    for (const [name, module] of this._modules) {
      if (module !== null && !memo.has(module)) {
        memo.add(module);
        yield [name, module];
      }
    }
  }

  *children(): Generator<Module> {
    for (const [, m] of this.named_children()) yield m;
  }

  /** Every parameter with its dotted name, in registration order, each parameter once. */
  *named_parameters(prefix = '', recurse = true, removeDuplicate = true): Generator<[string, Parameter]> {
    const memo = new Set<Parameter>();
    const owners: Iterable<[string, Module]> = recurse
      ? this.named_modules(new Set(), prefix, removeDuplicate)
      : [[prefix, this]];
    for (const [modulePrefix, module] of owners) {
      for (const [name, p] of module._parameters) {
        if (p === null || memo.has(p)) continue;
        if (removeDuplicate) memo.add(p);
        yield [modulePrefix + (modulePrefix ? '.' : '') + name, p];
      }
    }
  }

  *parameters(recurse = true): Generator<Parameter> {
    for (const [, p] of this.named_parameters('', recurse)) yield p;
  }

  *named_buffers(prefix = '', recurse = true): Generator<[string, Tensor]> {
    const memo = new Set<Tensor>();
    const owners: Iterable<[string, Module]> = recurse ? this.named_modules(new Set(), prefix) : [[prefix, this]];
    for (const [modulePrefix, module] of owners) {
      for (const [name, b] of module._buffers) {
        if (b === null || memo.has(b)) continue;
        memo.add(b);
        yield [modulePrefix + (modulePrefix ? '.' : '') + name, b];
      }
    }
  }

  *buffers(recurse = true): Generator<Tensor> {
    for (const [, b] of this.named_buffers('', recurse)) yield b;
  }

  /** Runs fn on every submodule (children first, as PyTorch does), then on this module. */
  apply(fn: (module: Module) => void): this {
    for (const child of this.children()) child.apply(fn);
    fn(this);
    return this;
  }

  /** `model.get_submodule('blocks.0.linear')`, with PyTorch's AttributeError when a step is missing. */
  get_submodule(target: string): Module {
    if (target === '') return this;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk down the tree starts here
    let mod: Module = this;
    for (const item of target.split('.')) {
      const next = mod._modules.get(item);
      if (next === undefined || next === null) {
        throw pyError('AttributeError', `${mod.typeName} has no attribute \`${item}\``);
      }
      mod = next;
    }
    return mod;
  }

  /** Device and dtype moves are no-ops here (CPU, float32 only), returning the module as PyTorch does. */
  to(..._args: unknown[]): this {
    return this;
  }

  cpu(): this {
    return this;
  }

  float(): this {
    return this;
  }

  // ---- modes and gradients ----

  train(mode = true): this {
    if (typeof mode !== 'boolean') throw pyError('ValueError', 'training mode is expected to be boolean');
    this.training = mode;
    for (const child of this.children()) child.train(mode);
    return this;
  }

  eval(): this {
    return this.train(false);
  }

  requires_grad_(requiresGrad = true): this {
    for (const p of this.parameters()) p.requires_grad_(requiresGrad);
    return this;
  }

  /** Clears parameter gradients: zeros in place (1.13's default) or to null with setToNone. */
  zero_grad(setToNone = false): void {
    for (const p of this.parameters()) clearGrad(p, setToNone);
  }

  // ---- state ----

  /** Parameters and persistent buffers by dotted name, detached but sharing storage (PyTorch's state_dict). */
  state_dict(destination: Map<string, Tensor> = new Map(), prefix = '', keepVars = false): Map<string, Tensor> {
    for (const [name, p] of this._parameters) {
      if (p !== null) destination.set(prefix + name, keepVars ? p : p.detach());
    }
    for (const [name, b] of this._buffers) {
      if (b !== null && !this._non_persistent_buffers.has(name))
        destination.set(prefix + name, keepVars ? b : b.detach());
    }
    for (const [name, m] of this._modules) {
      if (m !== null) m.state_dict(destination, prefix + name + '.', keepVars);
    }
    return destination;
  }

  /** Copies values in by name; with `strict`, missing or unexpected keys are an error (as in PyTorch). */
  load_state_dict(stateDict: Map<string, Tensor> | Record<string, Tensor>, strict = true): LoadResult {
    const entries = stateDict instanceof Map ? stateDict : new Map(Object.entries(stateDict));
    const own = this.state_dict(new Map(), '', true);
    const missing: string[] = [];
    const errors: string[] = [];
    const used = new Set<string>();
    for (const [key, target] of own) {
      const source = entries.get(key);
      if (source === undefined) {
        missing.push(key);
        continue;
      }
      used.add(key);
      if (!(source instanceof Tensor)) {
        errors.push(
          `While copying the parameter named "${key}", expected torch.Tensor or Tensor-like object from checkpoint but received ${typeNameOf(source)}`,
        );
        continue;
      }
      if (
        source.data.length !== target.data.length ||
        source.shape.length !== target.shape.length ||
        source.shape.some((d, i) => d !== target.shape[i])
      ) {
        errors.push(
          `size mismatch for ${key}: copying a param with shape torch.Size(${fmtShape(source.shape)}) from checkpoint, ` +
            `the shape in current model is torch.Size(${fmtShape(target.shape)}).`,
        );
        continue;
      }
      noGrad(() => target.copy_(source));
    }
    const unexpected = [...entries.keys()].filter((k) => !used.has(k) && !own.has(k));
    if (strict) {
      if (unexpected.length > 0) {
        errors.unshift(`Unexpected key(s) in state_dict: ${unexpected.map((k) => `"${k}"`).join(', ')}. `);
      }
      if (missing.length > 0) {
        errors.unshift(`Missing key(s) in state_dict: ${missing.map((k) => `"${k}"`).join(', ')}. `);
      }
    }
    if (errors.length > 0) {
      throw pyError('RuntimeError', `Error(s) in loading state_dict for ${this.typeName}:\n\t${errors.join('\n\t')}`);
    }
    return { missing_keys: missing, unexpected_keys: unexpected };
  }

  // ---- printing ----

  /** PyTorch's extra_repr: the constructor arguments worth printing (`in_features=2, out_features=4, bias=True`). */
  extraRepr(): string {
    return '';
  }

  /** Python spelling of extraRepr. */
  extra_repr(): string {
    return this.extraRepr();
  }

  /** PyTorch's repr(module): the class name, its extra_repr and each child indented. */
  repr(): string {
    const extra = this.extraRepr();
    const extraLines = extra ? extra.split('\n') : [];
    const childLines: string[] = [];
    for (const [name, m] of this._modules) {
      childLines.push(`(${name}): ${addIndent(m === null ? 'None' : m.repr(), 2)}`);
    }
    const lines = [...extraLines, ...childLines];
    let s = this.typeName + '(';
    if (lines.length > 0) {
      if (extraLines.length === 1 && childLines.length === 0) s += extraLines[0];
      else s += '\n  ' + lines.join('\n  ') + '\n';
    }
    return s + ')';
  }

  toString(): string {
    return this.repr();
  }
}

/** Indents every line but the first by `n` spaces (PyTorch's _addindent). */
function addIndent(s: string, n: number): string {
  const lines = s.split('\n');
  if (lines.length === 1) return s;
  const pad = ' '.repeat(n);
  return [lines[0], ...lines.slice(1).map((l) => pad + l)].join('\n');
}

function typeNameOf(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'object') return (v as object).constructor.name;
  return typeof v;
}

/** Python's str() of a float argument in extra_repr: integral values keep a `.0` (`alpha=1.0`). */
export function pyFloat(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return v.toFixed(1);
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  const abs = Math.abs(v);
  if (abs < 1e-4 || abs >= 1e16) {
    const [mant, exp] = v.toExponential().split('e');
    const e = Number(exp);
    return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(v);
}

/** Python's str() of a bool. */
export function pyBool(v: boolean): string {
  return v ? 'True' : 'False';
}
