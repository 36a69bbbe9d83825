// L-BFGS as in PyTorch 1.13 (torch/optim/lbfgs.py): each step(closure) runs up to max_iter iterations, each a
// quasi-Newton direction from the last history_size (s, y) pairs and a step t (the first ever t is
// min(1, 1 / sum|g|) * lr, then lr), moved as is and re-evaluated, or found by line_search_fn='strong_wolfe'
// (lbfgs_wolfe.ts).
// The float32 arithmetic follows PyTorch's tensor ops one by one; `dot` is OpenBLAS's sdot for short
// vectors (float32 products summed in double), which is what Debian's PyTorch uses.
import { pyError } from '../errors';
import { setGradEnabled } from '../autograd';
import { Tensor } from '../tensor';
import { cascadeSumDims } from '../ops/cascadeSum';
import { fmaf } from '../random';
import { Num, float, strongWolfe, tensor } from './lbfgs_wolfe';
import { Optimizer, ParamGroup, ParamsInput, bumpVersion, notifyStep, withDefaults } from './optimizer';

export interface LBFGSOptions {
  lr: number;
  max_iter: number;
  max_eval: number | null;
  tolerance_grad: number;
  tolerance_change: number;
  history_size: number;
  line_search_fn: string | null;
}

const f32 = Math.fround;

/** torch.dot of two float32 vectors as OpenBLAS computes it: float32 products, a double sum, one rounding. */
function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += f32(a[i] * b[i]);
  return f32(s);
}

function absMax(a: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (v > m || v !== v) m = v;
  }
  return m;
}

/** `x.abs().sum()` in PyTorch's summation order. */
function absSum(a: Float32Array): number {
  const abs = a.map(Math.abs);
  const out = new Float32Array(1);
  cascadeSumDims(abs, [abs.length], [0], out);
  return out[0];
}

/** The iteration's memory PyTorch keeps between steps (state['d'], ['t'], ['old_dirs'], ...). */
interface Memory {
  d: Float32Array;
  t: number;
  /** Whether t is a float32 tensor in PyTorch (the first step, min(1, 1 / sum|g|) * lr) or a Python float. */
  tTensor: boolean;
  oldDirs: Float32Array[];
  oldStps: Float32Array[];
  ro: number[];
  al: number[];
  hDiag: number;
  prevFlatGrad: Float32Array | null;
  prevLoss: number;
}

export class LBFGS extends Optimizer<LBFGSOptions> {
  private memory: Memory | null = null;

  constructor(params: ParamsInput<LBFGSOptions>, options: Partial<LBFGSOptions> = {}) {
    const d = withDefaults<LBFGSOptions>(
      {
        lr: 1,
        max_iter: 20,
        max_eval: null,
        tolerance_grad: 1e-7,
        tolerance_change: 1e-9,
        history_size: 100,
        line_search_fn: null,
      },
      options,
    );
    if (d.max_eval === null || d.max_eval === undefined) d.max_eval = Math.floor((d.max_iter * 5) / 4);
    super(params, d);
    if (this.param_groups.length !== 1)
      throw pyError('ValueError', "LBFGS doesn't support per-parameter options (parameter groups)");
  }

  get name(): string {
    return 'LBFGS';
  }

  protected updateParam(): void {
    throw pyError('RuntimeError', 'LBFGS updates all parameters at once in step(closure)');
  }

  private get params(): Tensor[] {
    return this.param_groups[0].params;
  }

  private flatGrad(): Float32Array {
    const out = new Float32Array(this.params.reduce((n, p) => n + p.data.length, 0));
    let off = 0;
    for (const p of this.params) {
      if (p.grad !== null) out.set(p.grad.data as Float32Array, off);
      off += p.data.length;
    }
    return out;
  }

  /** p += t * d (add_ with alpha=t: one fused multiply-add per element). */
  private addGrad(t: number, d: Float32Array): void {
    const alpha = f32(t);
    let off = 0;
    for (const p of this.params) {
      const w = p.data as Float32Array;
      for (let i = 0; i < w.length; i++) w[i] = fmaf(d[off + i], alpha, w[i]);
      off += w.length;
      bumpVersion(p);
    }
  }

  override step(closure?: () => number | Tensor): number | Tensor | undefined {
    if (closure === undefined)
      throw pyError('TypeError', "LBFGS.step() missing 1 required positional argument: 'closure'");
    if (this.params.some((p) => p.dtype !== 'float32'))
      throw pyError('NotImplementedError', 'LBFGS in Backprop Lens supports float32 parameters only');
    const evaluate = (): number => {
      const previous = setGradEnabled(true);
      try {
        return Number(closure());
      } finally {
        setGradEnabled(previous);
      }
    };
    const previous = setGradEnabled(false);
    try {
      this.run(evaluate);
    } finally {
      setGradEnabled(previous);
    }
    this._step_count++;
    notifyStep(this);
    return undefined;
  }

  private run(evaluate: () => number): void {
    const group = this.param_groups[0] as ParamGroup<LBFGSOptions>;
    const { lr, max_iter: maxIter, history_size: historySize } = group;
    const maxEval = group.max_eval as number;
    const tolGrad = f32(group.tolerance_grad);
    const tolChange = group.tolerance_change;
    const state = this.stateOf(this.params[0]);
    state.func_evals = typeof state.func_evals === 'number' ? state.func_evals : 0;
    state.n_iter = typeof state.n_iter === 'number' ? state.n_iter : 0;
    let loss = evaluate();
    let currentEvals = 1;
    state.func_evals++;
    let flat = this.flatGrad();
    if (absMax(flat) <= tolGrad) return;
    const mem: Memory = this.memory ?? {
      d: flat,
      t: lr,
      tTensor: false,
      oldDirs: [],
      oldStps: [],
      ro: [],
      al: [],
      hDiag: 1,
      prevFlatGrad: null,
      prevLoss: loss,
    };
    let nIter = 0;
    while (nIter < maxIter) {
      nIter++;
      state.n_iter++;
      mem.d = state.n_iter === 1 ? this.firstDirection(mem, flat) : this.direction(mem, flat, historySize);
      mem.prevFlatGrad = flat.slice();
      mem.prevLoss = loss;
      // The first step ever is scaled down by the gradient's size; min(1., tensor) keeps the tensor when smaller.
      if (state.n_iter === 1) {
        const r = f32(1 / absSum(flat));
        mem.t = r < 1 ? f32(r * f32(lr)) : lr;
        mem.tTensor = r < 1;
      } else {
        mem.t = lr;
        mem.tTensor = false;
      }
      const gtd = dot(flat, mem.d);
      if (gtd > f32(-tolChange)) break;
      let lsEvals = 0;
      let optCond = false;
      if (group.line_search_fn !== null && group.line_search_fn !== undefined) {
        if (group.line_search_fn !== 'strong_wolfe') throw pyError('RuntimeError', "only 'strong_wolfe' is supported");
        const x = this.params.map((p) => (p.data as Float32Array).slice());
        const t0 = mem.tTensor ? tensor(mem.t) : float(mem.t);
        const search = (t: Num) => this.directionalEvaluate(evaluate, x, t.v, mem.d);
        const found = strongWolfe(search, dot, mem.d, absMax(mem.d), t0, loss, flat, tensor(gtd));
        loss = found.f;
        flat = found.g;
        mem.t = found.t.v;
        mem.tTensor = found.t.t;
        lsEvals = found.evals;
        this.addGrad(mem.t, mem.d);
        optCond = absMax(flat) <= tolGrad;
      } else {
        this.addGrad(mem.t, mem.d);
        if (nIter !== maxIter) {
          loss = evaluate();
          flat = this.flatGrad();
          optCond = absMax(flat) <= tolGrad;
          lsEvals = 1;
        }
      }
      currentEvals += lsEvals;
      state.func_evals += lsEvals;
      if (nIter === maxIter || currentEvals >= maxEval || optCond) break;
      const tt = f32(mem.t);
      if (absMax(mem.d.map((x) => x * tt)) <= f32(tolChange)) break;
      if (Math.abs(loss - mem.prevLoss) < tolChange) break;
    }
    this.memory = mem;
  }

  /** PyTorch's _directional_evaluate: the loss and gradient at x + t d, then the parameters back to x. */
  private directionalEvaluate(
    evaluate: () => number,
    x: Float32Array[],
    t: number,
    d: Float32Array,
  ): { f: number; g: Float32Array } {
    this.addGrad(t, d);
    const f = evaluate();
    const g = this.flatGrad();
    this.params.forEach((p, i) => {
      (p.data as Float32Array).set(x[i]);
      bumpVersion(p);
    });
    return { f, g };
  }

  private firstDirection(mem: Memory, flat: Float32Array): Float32Array {
    mem.oldDirs = [];
    mem.oldStps = [];
    mem.ro = [];
    mem.hDiag = 1;
    return flat.map((x) => -x);
  }

  /** The two-loop recursion: -H g from the stored pairs, after storing the newest pair when ys > 1e-10. */
  private direction(mem: Memory, flat: Float32Array, historySize: number): Float32Array {
    const prev = mem.prevFlatGrad as Float32Array;
    const t = f32(mem.t);
    const y = flat.map((x, i) => x - prev[i]);
    const s = mem.d.map((x) => x * t);
    const ys = dot(y, s);
    if (ys > f32(1e-10)) {
      if (mem.oldDirs.length === historySize) {
        mem.oldDirs.shift();
        mem.oldStps.shift();
        mem.ro.shift();
      }
      mem.oldDirs.push(y);
      mem.oldStps.push(s);
      mem.ro.push(f32(1 / ys));
      mem.hDiag = f32(ys / dot(y, y));
    }
    const num = mem.oldDirs.length;
    const al = mem.al;
    const q = flat.map((x) => -x);
    for (let i = num - 1; i >= 0; i--) {
      al[i] = f32(dot(mem.oldStps[i], q) * mem.ro[i]);
      const dirs = mem.oldDirs[i];
      const alpha = f32(-al[i]);
      for (let k = 0; k < q.length; k++) q[k] = fmaf(dirs[k], alpha, q[k]);
    }
    const h = f32(mem.hDiag);
    const r = q.map((x) => x * h);
    for (let i = 0; i < num; i++) {
      const be = f32(dot(mem.oldDirs[i], r) * mem.ro[i]);
      const stps = mem.oldStps[i];
      const alpha = f32(al[i] - be);
      for (let k = 0; k < r.length; k++) r[k] = fmaf(stps[k], alpha, r[k]);
    }
    return r;
  }

  override state_dict(): ReturnType<Optimizer['state_dict']> {
    const out = super.state_dict();
    const s = out.state[0];
    const mem = this.memory;
    if (s && mem) {
      s.d = mem.d.slice();
      s.t = mem.t;
      s.H_diag = mem.hDiag;
      if (mem.prevFlatGrad) s.prev_flat_grad = mem.prevFlatGrad.slice();
      s.prev_loss = mem.prevLoss;
    }
    return out;
  }
}
