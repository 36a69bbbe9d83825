// LBFGS's line_search_fn='strong_wolfe' as PyTorch 1.13 writes it (torch/optim/lbfgs.py, `_strong_wolfe` and
// `_cubic_interpolate`, ported there from minFunc). PyTorch mixes Python floats (the losses, the step when
// it is a plain lr) with float32 0-dim tensors (directional derivatives g·d, a first step scaled by the
// gradient): each arithmetic result is a tensor, rounded to float32, as soon as one operand is. `Num` keeps
// that distinction so the numbers and the branches taken are PyTorch's.

const f32 = Math.fround;

/** A Python float (`t: false`) or a float32 0-dim tensor (`t: true`). */
export interface Num {
  v: number;
  t: boolean;
}

export const float = (v: number): Num => ({ v, t: false });
export const tensor = (v: number): Num => ({ v: f32(v), t: true });

function op(a: Num, b: Num, f: (x: number, y: number) => number): Num {
  return a.t || b.t ? tensor(f(f32(a.v), f32(b.v))) : float(f(a.v, b.v));
}
const plus = (a: Num, b: Num) => op(a, b, (x, y) => x + y);
const minus = (a: Num, b: Num) => op(a, b, (x, y) => x - y);
const times = (a: Num, b: Num) => op(a, b, (x, y) => x * y);
/** `a / b`; a Python float over a tensor is `b.reciprocal() * a` in PyTorch. */
function over(a: Num, b: Num): Num {
  if (!a.t && b.t) return tensor(f32(1 / b.v) * f32(a.v));
  return op(a, b, (x, y) => x / y);
}
const abs = (a: Num): Num => ({ v: Math.abs(a.v), t: a.t });
/** A comparison: in float32 when either side is a tensor (the float is cast to the tensor's dtype). */
function lt(a: Num, b: Num): boolean {
  return a.t || b.t ? f32(a.v) < f32(b.v) : a.v < b.v;
}
const le = (a: Num, b: Num) => lt(a, b) || (a.t || b.t ? f32(a.v) === f32(b.v) : a.v === b.v);
/** Python's max(a, b) and min(a, b): the first unless the second is strictly beyond it. */
const pyMax = (a: Num, b: Num) => (lt(a, b) ? b : a);
const pyMin = (a: Num, b: Num) => (lt(b, a) ? b : a);

function cubicInterpolate(x1: Num, f1: Num, g1: Num, x2: Num, f2: Num, g2: Num, bounds?: [Num, Num]): Num {
  const [lo, hi] = bounds ?? (le(x1, x2) ? [x1, x2] : [x2, x1]);
  const d1 = minus(plus(g1, g2), over(times(float(3), minus(f1, f2)), minus(x1, x2)));
  const d2Square = minus(times(d1, d1), times(g1, g2));
  if (le(float(0), d2Square)) {
    const d2 = tensor(Math.sqrt(d2Square.v));
    const minPos = le(x1, x2)
      ? minus(x2, times(minus(x2, x1), over(minus(plus(g2, d2), d1), plus(minus(g2, g1), times(float(2), d2)))))
      : minus(x1, times(minus(x1, x2), over(minus(plus(g1, d2), d1), plus(minus(g1, g2), times(float(2), d2)))));
    return pyMin(pyMax(minPos, lo), hi);
  }
  return over(plus(lo, hi), float(2));
}

/** One evaluation at x + t d: the loss (a Python float) and the flat gradient there. */
export type Evaluate = (t: Num) => { f: number; g: Float32Array };

export interface WolfeResult {
  f: number;
  g: Float32Array;
  t: Num;
  evals: number;
}

interface Point {
  t: Num;
  f: Num;
  g: Float32Array;
  gtd: Num;
}

/**
 * PyTorch's `_strong_wolfe(obj_func, x, t, d, f, g, gtd)` with its defaults (c1 = 1e-4, c2 = 0.9,
 * tolerance_change = 1e-9, max_ls = 25). `dot` is the engine's torch.dot; `dNorm` is d.abs().max().
 */
export function strongWolfe(
  evaluate: Evaluate,
  dot: (a: Float32Array, b: Float32Array) => number,
  d: Float32Array,
  dNorm: number,
  t0: Num,
  f0: number,
  g0: Float32Array,
  gtd0: Num,
): WolfeResult {
  const c1 = float(1e-4);
  const c2 = float(0.9);
  const tolChange = 1e-9;
  const maxLs = 25;
  const f = float(f0);
  let t = t0;
  let evals = 1;
  let now = evaluate(t);
  let cur: Point = { t, f: float(now.f), g: now.g, gtd: tensor(dot(now.g, d)) };
  let prev: Point = { t: float(0), f, g: g0.slice(), gtd: gtd0 };
  let done = false;
  let lsIter = 0;
  let bracket: Point[] = [];
  const armijoFails = (p: Point) => lt(plus(f, times(times(c1, p.t), gtd0)), p.f);
  const curvatureHolds = (p: Point) => le(abs(p.gtd), times(float(-c2.v), gtd0));
  while (lsIter < maxLs) {
    if (armijoFails(cur) || (lsIter > 1 && le(prev.f, cur.f))) {
      bracket = [prev, { ...cur, g: cur.g.slice() }];
      break;
    }
    if (curvatureHolds(cur)) {
      bracket = [cur];
      done = true;
      break;
    }
    if (le(float(0), cur.gtd)) {
      bracket = [prev, { ...cur, g: cur.g.slice() }];
      break;
    }
    const minStep = plus(t, times(float(0.01), minus(t, prev.t)));
    const maxStep = times(t, float(10));
    const tmp = t;
    t = cubicInterpolate(prev.t, prev.f, prev.gtd, t, cur.f, cur.gtd, [minStep, maxStep]);
    prev = { t: tmp, f: cur.f, g: cur.g.slice(), gtd: cur.gtd };
    now = evaluate(t);
    evals++;
    cur = { t, f: float(now.f), g: now.g, gtd: tensor(dot(now.g, d)) };
    lsIter++;
  }
  if (lsIter === maxLs)
    bracket = [
      { t: float(0), f, g: g0, gtd: gtd0 },
      { ...cur, t },
    ];
  return zoom(evaluate, dot, d, dNorm, bracket, done, lsIter, evals, { f, gtd0, c1, c2, tolChange, maxLs });
}

interface ZoomConstants {
  f: Num;
  gtd0: Num;
  c1: Num;
  c2: Num;
  tolChange: number;
  maxLs: number;
}

/** The zoom phase: shrink the bracket until a point satisfies the strong Wolfe conditions. */
function zoom(
  evaluate: Evaluate,
  dot: (a: Float32Array, b: Float32Array) => number,
  d: Float32Array,
  dNorm: number,
  bracket: Point[],
  done: boolean,
  lsIter: number,
  evals: number,
  k: ZoomConstants,
): WolfeResult {
  let insufProgress = false;
  let [low, high] = bracket.length > 1 && lt(bracket[1].f, bracket[0].f) ? [1, 0] : [0, 1];
  if (bracket.length === 1) [low, high] = le(bracket[0].f, bracket[0].f) ? [0, 1] : [1, 0];
  while (!done && lsIter < k.maxLs) {
    const [b0, b1] = bracket;
    if (lt(times(abs(minus(b1.t, b0.t)), tensor(dNorm)), float(k.tolChange))) break;
    let t = cubicInterpolate(b0.t, b0.f, b0.gtd, b1.t, b1.f, b1.gtd);
    const bMax = pyMax(b0.t, b1.t);
    const bMin = pyMin(b0.t, b1.t);
    const eps = times(float(0.1), minus(bMax, bMin));
    if (lt(pyMin(minus(bMax, t), minus(t, bMin)), eps)) {
      if (insufProgress || le(bMax, t) || le(t, bMin)) {
        t = lt(abs(minus(t, bMax)), abs(minus(t, bMin))) ? minus(bMax, eps) : plus(bMin, eps);
        insufProgress = false;
      } else insufProgress = true;
    } else insufProgress = false;
    const now = evaluate(t);
    evals++;
    const p: Point = { t, f: float(now.f), g: now.g, gtd: tensor(dot(now.g, d)) };
    lsIter++;
    if (lt(plus(k.f, times(times(k.c1, t), k.gtd0)), p.f) || le(bracket[low].f, p.f)) {
      bracket[high] = { ...p, g: p.g.slice() };
      [low, high] = le(bracket[0].f, bracket[1].f) ? [0, 1] : [1, 0];
    } else {
      if (le(abs(p.gtd), times(float(-k.c2.v), k.gtd0))) done = true;
      else if (le(float(0), times(p.gtd, minus(bracket[high].t, bracket[low].t)))) bracket[high] = bracket[low];
      bracket[low] = { ...p, g: p.g.slice() };
    }
  }
  const best = bracket[low];
  return { f: best.f.v, g: best.g, t: best.t, evals };
}
