"""scipy's L-BFGS-B (v3.0, as scipy.optimize.minimize(method='L-BFGS-B') runs it for scikit-learn's
LogisticRegression) on an unbounded problem, step for step: the first step along -g (the Cauchy point with
theta = 1) of length 1 / ||g||, then the limited-memory direction (10 pairs, theta = y'y / s'y, a pair skipped
when s'y <= eps * -g's; computed here by the two-loop recursion, which is the compact form's H g to rounding),
MINPACK-2's line search dcsrch/dcstep (ftol=1e-3, gtol=0.9, xtol=0.1, at most 20 evaluations), and scipy's
stopping rules in its order: max iterations first, then max |g| <= gtol, then a relative drop of f under
factr * eps. The iterates follow scipy's to rounding, so coefficients stop where scikit-learn's stop."""

import math

import numpy as np

_EPS = 2.220446049250313e-16
_FTOL_REL = 2.220446049250313e-09  # scipy's default ftol, factr * epsmch
_STPMAX = 1e10


def _dcstep(stx, fx, dx, sty, fy, dy, stp, fp, dp, brackt, stpmin, stpmax):
    sgnd = dp * (dx / abs(dx))
    if fp > fx:
        theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp
        s = max(abs(theta), abs(dx), abs(dp))
        gamma = s * math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s))
        if stp < stx:
            gamma = -gamma
        p = (gamma - dx) + theta
        q = ((gamma - dx) + gamma) + dp
        r = p / q
        stpc = stx + r * (stp - stx)
        stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2.0) * (stp - stx)
        stpf = stpc if abs(stpc - stx) < abs(stpq - stx) else stpc + (stpq - stpc) / 2.0
        brackt = True
    elif sgnd < 0.0:
        theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp
        s = max(abs(theta), abs(dx), abs(dp))
        gamma = s * math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s))
        if stp > stx:
            gamma = -gamma
        p = (gamma - dp) + theta
        q = ((gamma - dp) + gamma) + dx
        r = p / q
        stpc = stp + r * (stx - stp)
        stpq = stp + (dp / (dp - dx)) * (stx - stp)
        stpf = stpc if abs(stpc - stp) > abs(stpq - stp) else stpq
        brackt = True
    elif abs(dp) < abs(dx):
        theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp
        s = max(abs(theta), abs(dx), abs(dp))
        gamma = s * math.sqrt(max(0.0, (theta / s) ** 2 - (dx / s) * (dp / s)))
        if stp > stx:
            gamma = -gamma
        p = (gamma - dp) + theta
        q = (gamma + (dx - dp)) + gamma
        r = p / q
        if r < 0.0 and gamma != 0.0:
            stpc = stp + r * (stx - stp)
        elif stp > stx:
            stpc = stpmax
        else:
            stpc = stpmin
        stpq = stp + (dp / (dp - dx)) * (stx - stp)
        if brackt:
            stpf = stpc if abs(stpc - stp) < abs(stpq - stp) else stpq
            if stp > stx:
                stpf = min(stp + 0.66 * (sty - stp), stpf)
            else:
                stpf = max(stp + 0.66 * (sty - stp), stpf)
        else:
            stpf = stpc if abs(stpc - stp) > abs(stpq - stp) else stpq
            stpf = max(stpmin, min(stpmax, stpf))
    else:
        if brackt:
            theta = 3.0 * (fp - fy) / (sty - stp) + dy + dp
            s = max(abs(theta), abs(dy), abs(dp))
            gamma = s * math.sqrt((theta / s) ** 2 - (dy / s) * (dp / s))
            if stp > sty:
                gamma = -gamma
            p = (gamma - dp) + theta
            q = ((gamma - dp) + gamma) + dy
            r = p / q
            stpf = stp + r * (sty - stp)
        elif stp > stx:
            stpf = stpmax
        else:
            stpf = stpmin
    if fp > fx:
        sty, fy, dy = stp, fp, dp
    else:
        if sgnd < 0.0:
            sty, fy, dy = stx, fx, dx
        stx, fx, dx = stp, fp, dp
    return stx, fx, dx, sty, fy, dy, stpf, brackt


class _Dcsrch:
    """MINPACK-2's dcsrch as a state machine: start(f0, g0, stp) then step(f, g) -> ('FG', stp) or a stop."""

    def __init__(self, f, g, stp, stpmax, ftol=1e-3, gtol=0.9, xtol=0.1):
        self.ftol, self.gtol, self.xtol, self.stpmin, self.stpmax = ftol, gtol, xtol, 0.0, stpmax
        self.brackt = False
        self.stage = 1
        self.finit, self.ginit = f, g
        self.gtest = ftol * g
        self.width = stpmax
        self.width1 = self.width / 0.5
        self.stx, self.fx, self.gx = 0.0, f, g
        self.sty, self.fy, self.gy = 0.0, f, g
        self.stmin = 0.0
        self.stmax = stp + 4.0 * stp
        self.stp = stp

    def step(self, f, g):
        stp = self.stp
        ftest = self.finit + stp * self.gtest
        if self.stage == 1 and f <= ftest and g >= 0.0:
            self.stage = 2
        brackt = self.brackt
        if brackt and (stp <= self.stmin or stp >= self.stmax):
            return 'WARN'
        if brackt and self.stmax - self.stmin <= self.xtol * self.stmax:
            return 'WARN'
        if stp == self.stpmax and f <= ftest and g <= self.gtest:
            return 'WARN'
        if stp == self.stpmin and (f > ftest or g >= self.gtest):
            return 'WARN'
        if f <= ftest and abs(g) <= self.gtol * (-self.ginit):
            return 'CONV'
        stx, sty = self.stx, self.sty
        if self.stage == 1 and f <= self.fx and f > ftest:
            gt = self.gtest
            fm, fxm, fym = f - stp * gt, self.fx - stx * gt, self.fy - sty * gt
            gm, gxm, gym = g - gt, self.gx - gt, self.gy - gt
            stx, fxm, gxm, sty, fym, gym, stp, brackt = _dcstep(
                stx, fxm, gxm, sty, fym, gym, stp, fm, gm, brackt, self.stmin, self.stmax
            )
            self.fx, self.fy = fxm + stx * gt, fym + sty * gt
            self.gx, self.gy = gxm + gt, gym + gt
        else:
            stx, self.fx, self.gx, sty, self.fy, self.gy, stp, brackt = _dcstep(
                stx, self.fx, self.gx, sty, self.fy, self.gy, stp, f, g, brackt, self.stmin, self.stmax
            )
        self.stx, self.sty, self.brackt = stx, sty, brackt
        if brackt:
            if abs(sty - stx) >= 0.66 * self.width1:
                stp = stx + 0.5 * (sty - stx)
            self.width1 = self.width
            self.width = abs(sty - stx)
            self.stmin, self.stmax = min(stx, sty), max(stx, sty)
        else:
            self.stmin = stp + 1.1 * (stp - stx)
            self.stmax = stp + 4.0 * (stp - stx)
        stp = min(max(stp, self.stpmin), self.stpmax)
        if (
            brackt
            and (stp <= self.stmin or stp >= self.stmax)
            or (brackt and self.stmax - self.stmin <= self.xtol * self.stmax)
        ):
            stp = stx
        self.stp = stp
        return 'FG'


def _direction(g, pairs, theta):
    """-H g for the L-BFGS inverse Hessian with H0 = I / theta and the stored (s, y, s'y) pairs."""
    q = g.copy()
    alphas = []
    for s, y, sy in reversed(pairs):
        a = float(np.dot(s, q)) / sy
        alphas.append(a)
        q = q - a * y
    q = q / theta
    for (s, y, sy), a in zip(pairs, reversed(alphas)):
        b = float(np.dot(y, q)) / sy
        q = q + (a - b) * s
    return -q


def minimize(fg, x0, pgtol, max_iter, memory=10, maxls=20):
    """(x, n_iter, status, message) as scipy's minimize(method='L-BFGS-B') ends for an unbounded problem."""
    x = x0.copy()
    f, g = fg(x)
    if float(np.max(np.abs(g), initial=0.0)) <= pgtol:
        return x, 0, 0, 'CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL'
    pairs = []
    theta = 1.0
    n_iter = 0
    while True:
        direction = -g / theta if not pairs else _direction(g, pairs, theta)
        z = x + direction
        d = z - x
        dnorm = math.sqrt(float(np.dot(d, d)))
        stp = min(1.0 / dnorm, _STPMAX) if n_iter == 0 else 1.0
        t, r, fold = x, g, f
        gd = float(np.dot(g, d))
        gdold = gd
        if gd >= 0.0:
            status = None
        else:
            search = _Dcsrch(f, gd, stp, _STPMAX)
            status = 'FG'
        evals = 0
        while status == 'FG':
            if evals >= maxls:
                status = None
                break
            stp = search.stp
            x = z if stp == 1.0 else stp * d + t
            f, g = fg(x)
            evals += 1
            gd = float(np.dot(g, d))
            status = search.step(f, gd)
        if status is None:
            # line search failed: back to the last point; with no pairs to drop, scipy gives up
            x, g, f = t, r, fold
            if not pairs:
                return x, n_iter, 2, 'ABNORMAL_TERMINATION_IN_LNSRCH'
            pairs, theta = [], 1.0
            continue
        n_iter += 1
        if n_iter >= max_iter:
            return x, n_iter, 1, 'STOP: TOTAL NO. of ITERATIONS REACHED LIMIT'
        if float(np.max(np.abs(g), initial=0.0)) <= pgtol:
            return x, n_iter, 0, 'CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL'
        if fold - f <= _FTOL_REL * max(abs(fold), abs(f), 1.0):
            return x, n_iter, 0, 'CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH'
        y = g - r
        rr = float(np.dot(y, y))
        if stp == 1.0:
            dr, ddum, s = gd - gdold, -gdold, d
        else:
            dr, ddum, s = (gd - gdold) * stp, -gdold * stp, stp * d
        if dr <= _EPS * ddum:
            continue
        pairs.append((s, y, dr))
        if len(pairs) > memory:
            del pairs[0]
        theta = rr / dr
