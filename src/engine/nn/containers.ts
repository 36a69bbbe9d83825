// Containers: Sequential (children called in order), ModuleList (an indexable list of children), and the
// two trivial layers Identity and Flatten.
import { Tensor } from '../tensor';
import { Module } from './module';
import { flatten } from './functional';

/** Python-style index into `n` items (negative counts from the end), with PyTorch's IndexError. */
function wrapIndex(idx: number, n: number): number {
  if (!Number.isInteger(idx) || idx < -n || idx >= n) {
    const err = new Error(`index ${idx} is out of range`);
    err.name = 'IndexError';
    throw err;
  }
  return idx < 0 ? idx + n : idx;
}

export class Sequential extends Module {
  constructor(...modules: Module[] | [Map<string, Module>]) {
    super();
    if (modules.length === 1 && modules[0] instanceof Map) {
      for (const [name, m] of modules[0]) this.add_module(name, m);
    } else {
      (modules as Module[]).forEach((m, i) => this.add_module(String(i), m));
    }
  }

  get length(): number {
    return this._modules.size;
  }

  /** `seq[idx]` (negative allowed). */
  get(idx: number): Module {
    const keys = [...this._modules.keys()];
    return this._modules.get(keys[wrapIndex(idx, keys.length)]) as Module;
  }

  /** `seq[start:stop]`: a new Sequential keeping the original names. */
  slice(start?: number, stop?: number): Sequential {
    const entries = [...this._modules.entries()].slice(start, stop) as [string, Module][];
    return new Sequential(new Map(entries));
  }

  append(module: Module): this {
    this.add_module(String(this._modules.size), module);
    return this;
  }

  [Symbol.iterator](): Iterator<Module> {
    return ([...this._modules.values()] as Module[])[Symbol.iterator]();
  }

  override forward(input: any): any {
    let x = input;
    for (const m of this._modules.values()) if (m !== null) x = m.call(x);
    return x;
  }
}

export class ModuleList extends Module {
  constructor(modules: Iterable<Module> = []) {
    super();
    for (const m of modules) this.append(m);
  }

  get length(): number {
    return this._modules.size;
  }

  get(idx: number): Module {
    return this._modules.get(String(wrapIndex(idx, this._modules.size))) as Module;
  }

  set(idx: number, module: Module): void {
    this.add_module(String(wrapIndex(idx, this._modules.size)), module);
  }

  append(module: Module): this {
    this.add_module(String(this._modules.size), module);
    return this;
  }

  extend(modules: Iterable<Module>): this {
    for (const m of modules) this.append(m);
    return this;
  }

  /** Inserts before `index`, renumbering the later children as PyTorch does. */
  insert(index: number, module: Module): void {
    const list = [...this._modules.values()] as Module[];
    const n = list.length;
    const at = index < 0 ? Math.max(0, n + index) : Math.min(index, n);
    list.splice(at, 0, module);
    for (const key of [...this._modules.keys()]) this.delattr(key);
    list.forEach((m, i) => this.add_module(String(i), m));
  }

  [Symbol.iterator](): Iterator<Module> {
    return ([...this._modules.values()] as Module[])[Symbol.iterator]();
  }
}

export class Identity extends Module {
  override forward(input: any): any {
    return input;
  }
}

export class Flatten extends Module {
  constructor(
    readonly start_dim = 1,
    readonly end_dim = -1,
  ) {
    super();
  }

  override forward(input: Tensor): Tensor {
    return flatten(input, this.start_dim, this.end_dim);
  }

  override extraRepr(): string {
    return `start_dim=${this.start_dim}, end_dim=${this.end_dim}`;
  }
}
