"""L-BFGS (10 correction pairs, a strong-Wolfe line search with scipy's constants ftol=1e-3, gtol=0.9, first
step 1/||g|| then 1, as scipy's L-BFGS-B takes them on an unbounded problem) run to a gradient far smaller
than scikit-learn's tol, so the answer is the optimum to far more digits than scikit-learn's. It also records the iteration at which scipy's
own stopping rules (max |g| <= tol, or a relative drop of the loss under 2.2e-9) would first have held, which
is how LogisticRegression tells whether scikit-learn would have hit max_iter."""

import math

import numpy as np

_SCIPY_FTOL = 2.220446049250313e-09


def _line_search(fg, x, f0, g0, d, step, c1=1e-3, c2=0.9, max_evals=40):
    """A step along d meeting the strong Wolfe conditions (Nocedal & Wright, algorithms 3.5 and 3.6)."""
    dg0 = float(np.dot(g0, d))
    lo, f_lo, dg_lo = 0.0, f0, dg0
    hi = None
    prev, f_prev = 0.0, f0
    evals = 0
    while evals < max_evals:
        evals += 1
        f, g = fg(x + step * d)
        dg = float(np.dot(g, d))
        if hi is None:
            if f > f0 + c1 * step * dg0 or (evals > 1 and f >= f_prev):
                lo, hi, f_lo = prev, step, f_prev
                dg_lo = dg_prev if evals > 1 else dg0
            elif abs(dg) <= -c2 * dg0:
                return step, f, g
            elif dg >= 0:
                lo, hi, f_lo, dg_lo = step, prev, f, dg
            else:
                prev, f_prev, dg_prev = step, f, dg
                step *= 2.0
                continue
            step = 0.5 * (lo + hi)
            continue
        if f > f0 + c1 * step * dg0 or f >= f_lo:
            hi = step
        else:
            if abs(dg) <= -c2 * dg0:
                return step, f, g
            if dg * (hi - lo) >= 0:
                hi = lo
            lo, f_lo, dg_lo = step, f, dg
        if abs(hi - lo) <= 1e-16 * max(1.0, abs(lo)):
            break
        step = 0.5 * (lo + hi)
    if f_lo < f0 and lo > 0:
        f, g = fg(x + lo * d)
        return lo, f, g
    return None, f0, g0


def minimize(fg, x0, tol, max_iter, limit=2000, memory=10):
    """(x, scipy_iterations) with x the minimizer of fg (returning loss, gradient) to max |g| <= tol * 1e-4
    (scikit-learn's answer is within about tol of the optimum, ours 10,000 times closer), or as close as
    float64 gets; scipy_iterations as described above (None if scipy's rules did not hold within `limit`
    iterations)."""
    x = x0.copy()
    f, g = fg(x)
    # the summed gradient's own rounding: no point going below it
    gtol = max(tol * 1e-4, 1e-13 * max(1.0, float(np.max(np.abs(g), initial=0.0))))
    s_list, y_list, rho_list = [], [], []
    scipy_iter = 0 if float(np.max(np.abs(g), initial=0.0)) <= tol else None
    for it in range(1, limit + 1):
        if float(np.max(np.abs(g), initial=0.0)) <= gtol and scipy_iter is not None:
            break
        q = g.copy()
        alphas = []
        for s, y, rho in reversed(list(zip(s_list, y_list, rho_list))):
            a = rho * float(np.dot(s, q))
            alphas.append(a)
            q = q - a * y
        if s_list:
            q = q * (float(np.dot(s_list[-1], y_list[-1])) / float(np.dot(y_list[-1], y_list[-1])))
        for (s, y, rho), a in zip(zip(s_list, y_list, rho_list), reversed(alphas)):
            b = rho * float(np.dot(y, q))
            q = q + (a - b) * s
        d = -q
        if float(np.dot(d, g)) >= 0:
            d = -g
            s_list, y_list, rho_list = [], [], []
        step = 1.0 if s_list or it > 1 else min(1.0 / math.sqrt(float(np.dot(g, g))), 1e10)
        step, f_new, g_new = _line_search(fg, x, f, g, d, step)
        if step is None:
            break
        s = step * d
        yv = g_new - g
        sy = float(np.dot(s, yv))
        x = x + s
        f_old, f, g = f, f_new, g_new
        if scipy_iter is None and (
            float(np.max(np.abs(g), initial=0.0)) <= tol or (f_old - f) <= _SCIPY_FTOL * max(abs(f_old), abs(f), 1.0)
        ):
            scipy_iter = it
        if sy > 1e-300:
            s_list.append(s)
            y_list.append(yv)
            rho_list.append(1.0 / sy)
            if len(s_list) > memory:
                del s_list[0], y_list[0], rho_list[0]
    return x, scipy_iter
