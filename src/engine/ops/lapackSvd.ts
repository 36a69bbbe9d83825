// The SVD LAPACK's dgesdd computes for the matrices learners factor (at most 25 columns, at least as many
// rows): a QR factorization first when the matrix is tall (m >= 11n/6), Householder bidiagonalization
// (dgebd2), the implicit QR iteration on the bidiagonal matrix with the rotations accumulated (dbdsqr as
// dbdsdc/dlasdq call it: shifts, zero-shift sweeps, dlasv2 for 2 x 2 blocks, signs made positive on Vh's rows,
// descending order), then the reflectors applied (dormbr). Followed step by step so that the singular vectors
// come out with the signs PyTorch's do; computed in double.
import { larfg, lartg, rotate } from './lapackEigh';
import { las2, lasv2, rot } from './lapack2x2';
import { type Mat, householderQR, matMul, transposed } from './linalgKernels';

const sign = (a: number, b: number) => (b >= 0 ? Math.abs(a) : -Math.abs(a));
const noRound = (x: number) => x;

/** dlasr(pivot 'V') over vectors ll..m: forward (j = 1 ... m - ll) or backward. */
function lasr(v: Float64Array[], ll: number, m: number, c: Float64Array, s: Float64Array, forward: boolean): void {
  if (forward) for (let k = 1; k <= m - ll; k++) rotate(v, ll + k - 1, c[k], s[k]);
  else for (let k = m - ll; k >= 1; k--) rotate(v, ll + k - 1, c[k], s[k]);
}

interface Bidiagonal {
  d: Float64Array;
  e: Float64Array;
  n: number;
  /** columns of U and rows of Vh (1-based), identity at the start */
  u: Float64Array[];
  vt: Float64Array[];
  w: Float64Array[];
  thresh: number;
}

/** One QR sweep over the block ll..m of dbdsqr, chasing the bulge down (idir 1) or up (idir 2). */
function sweep(b: Bidiagonal, ll: number, m: number, shift: number, idir: number): void {
  const { d, e, u, vt } = b;
  const [w1, w2, w3, w4] = b.w;
  if (shift === 0 && idir === 1) {
    let cs = 1;
    let sn: number;
    let oldcs = 1;
    let oldsn = 0;
    let r: number;
    for (let i = ll; i <= m - 1; i++) {
      [cs, sn, r] = lartg(d[i] * cs, e[i]);
      if (i > ll) e[i - 1] = oldsn * r;
      [oldcs, oldsn, d[i]] = lartg(oldcs * r, d[i + 1] * sn);
      [w1[i - ll + 1], w2[i - ll + 1], w3[i - ll + 1], w4[i - ll + 1]] = [cs, sn, oldcs, oldsn];
    }
    const h = d[m] * cs;
    d[m] = h * oldcs;
    e[m - 1] = h * oldsn;
    lasr(vt, ll, m, w1, w2, true);
    lasr(u, ll, m, w3, w4, true);
    if (Math.abs(e[m - 1]) <= b.thresh) e[m - 1] = 0;
  } else if (shift === 0) {
    let cs = 1;
    let sn: number;
    let oldcs = 1;
    let oldsn = 0;
    let r: number;
    for (let i = m; i >= ll + 1; i--) {
      [cs, sn, r] = lartg(d[i] * cs, e[i - 1]);
      if (i < m) e[i] = oldsn * r;
      [oldcs, oldsn, d[i]] = lartg(oldcs * r, d[i - 1] * sn);
      [w1[i - ll], w2[i - ll], w3[i - ll], w4[i - ll]] = [cs, -sn, oldcs, -oldsn];
    }
    const h = d[ll] * cs;
    d[ll] = h * oldcs;
    e[ll] = h * oldsn;
    lasr(vt, ll, m, w3, w4, false);
    lasr(u, ll, m, w1, w2, false);
    if (Math.abs(e[ll]) <= b.thresh) e[ll] = 0;
  } else if (idir === 1) shiftedDown(b, ll, m, shift);
  else shiftedUp(b, ll, m, shift);
}

function shiftedDown(b: Bidiagonal, ll: number, m: number, shift: number): void {
  const { d, e, u, vt } = b;
  const [w1, w2, w3, w4] = b.w;
  let f = (Math.abs(d[ll]) - shift) * (sign(1, d[ll]) + shift / d[ll]);
  let g = e[ll];
  for (let i = ll; i <= m - 1; i++) {
    const [cosr, sinr, r1] = lartg(f, g);
    if (i > ll) e[i - 1] = r1;
    f = cosr * d[i] + sinr * e[i];
    e[i] = cosr * e[i] - sinr * d[i];
    g = sinr * d[i + 1];
    d[i + 1] = cosr * d[i + 1];
    const [cosl, sinl, r2] = lartg(f, g);
    d[i] = r2;
    f = cosl * e[i] + sinl * d[i + 1];
    d[i + 1] = cosl * d[i + 1] - sinl * e[i];
    if (i < m - 1) {
      g = sinl * e[i + 1];
      e[i + 1] = cosl * e[i + 1];
    }
    [w1[i - ll + 1], w2[i - ll + 1], w3[i - ll + 1], w4[i - ll + 1]] = [cosr, sinr, cosl, sinl];
  }
  e[m - 1] = f;
  lasr(vt, ll, m, w1, w2, true);
  lasr(u, ll, m, w3, w4, true);
  if (Math.abs(e[m - 1]) <= b.thresh) e[m - 1] = 0;
}

function shiftedUp(b: Bidiagonal, ll: number, m: number, shift: number): void {
  const { d, e, u, vt } = b;
  const [w1, w2, w3, w4] = b.w;
  let f = (Math.abs(d[m]) - shift) * (sign(1, d[m]) + shift / d[m]);
  let g = e[m - 1];
  for (let i = m; i >= ll + 1; i--) {
    const [cosr, sinr, r1] = lartg(f, g);
    if (i < m) e[i] = r1;
    f = cosr * d[i] + sinr * e[i - 1];
    e[i - 1] = cosr * e[i - 1] - sinr * d[i];
    g = sinr * d[i - 1];
    d[i - 1] = cosr * d[i - 1];
    const [cosl, sinl, r2] = lartg(f, g);
    d[i] = r2;
    f = cosl * e[i - 1] + sinl * d[i - 1];
    d[i - 1] = cosl * d[i - 1] - sinl * e[i - 1];
    if (i > ll + 1) {
      g = sinl * e[i - 2];
      e[i - 2] = cosl * e[i - 2];
    }
    [w1[i - ll], w2[i - ll], w3[i - ll], w4[i - ll]] = [cosr, -sinr, cosl, -sinl];
  }
  e[ll] = f;
  if (Math.abs(e[ll]) <= b.thresh) e[ll] = 0;
  lasr(vt, ll, m, w3, w4, false);
  lasr(u, ll, m, w1, w2, false);
}

/** dbdsqr's convergence test for the block ll..m in direction idir: true when it zeroed an entry. */
function converged(b: Bidiagonal, ll: number, m: number, idir: number, tol: number): { hit: boolean; smin: number } {
  const { d, e } = b;
  if (idir === 1) {
    if (Math.abs(e[m - 1]) <= tol * Math.abs(d[m])) {
      e[m - 1] = 0;
      return { hit: true, smin: 0 };
    }
    let mu = Math.abs(d[ll]);
    let smin = mu;
    for (let l = ll; l <= m - 1; l++) {
      if (Math.abs(e[l]) <= tol * mu) {
        e[l] = 0;
        return { hit: true, smin };
      }
      mu = Math.abs(d[l + 1]) * (mu / (mu + Math.abs(e[l])));
      smin = Math.min(smin, mu);
    }
    return { hit: false, smin };
  }
  if (Math.abs(e[ll]) <= tol * Math.abs(d[ll])) {
    e[ll] = 0;
    return { hit: true, smin: 0 };
  }
  let mu = Math.abs(d[m]);
  let smin = mu;
  for (let l = m - 1; l >= ll; l--) {
    if (Math.abs(e[l]) <= tol * mu) {
      e[l] = 0;
      return { hit: true, smin };
    }
    mu = Math.abs(d[l]) * (mu / (mu + Math.abs(e[l])));
    smin = Math.min(smin, mu);
  }
  return { hit: false, smin };
}

/**
 * dbdsqr('U') with U and Vh accumulated from the identity: d[1..n] becomes the singular values (descending,
 * positive), b.u the left and b.vt the right singular vectors of the upper bidiagonal matrix (d, e).
 */
function bdsqr(b: Bidiagonal, eps: number, unfl: number): void {
  const { d, e, n } = b;
  const tol = Math.max(10, Math.min(100, eps ** -0.125)) * eps;
  let sminoa = Math.abs(d[1]);
  for (let i = 2, mu = sminoa; i <= n && sminoa !== 0; i++) {
    mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i - 1])));
    sminoa = Math.min(sminoa, mu);
  }
  b.thresh = Math.max((tol * sminoa) / Math.sqrt(n), 6 * (n * (n * unfl)));
  let iter = -1;
  let iterdivn = 0;
  let oldll = -1;
  let oldm = -1;
  let idir = 0;
  let m = n;
  while (m > 1) {
    if (iter >= n) {
      iter -= n;
      if (++iterdivn >= 6 * n) break;
    }
    let smax = Math.abs(d[m]);
    let ll = 0;
    for (let lll = 1; lll <= m - 1; lll++) {
      const l = m - lll;
      const abse = Math.abs(e[l]);
      if (abse <= b.thresh || abse === 0) {
        ll = l;
        break;
      }
      smax = Math.max(smax, Math.abs(d[l]), abse);
    }
    if (ll > 0) {
      e[ll] = 0;
      if (ll === m - 1) {
        m--;
        continue;
      }
    }
    ll++;
    if (ll === m - 1) {
      const [sigmn, sigmx, sinr, cosr, sinl, cosl] = lasv2(d[m - 1], e[m - 1], d[m], eps);
      d[m - 1] = sigmx;
      e[m - 1] = 0;
      d[m] = sigmn;
      rot(b.vt[m - 1], b.vt[m], cosr, sinr);
      rot(b.u[m - 1], b.u[m], cosl, sinl);
      m -= 2;
      continue;
    }
    if (ll > oldm || m < oldll) idir = Math.abs(d[ll]) >= Math.abs(d[m]) ? 1 : 2;
    const { hit, smin } = converged(b, ll, m, idir, tol);
    if (hit) continue;
    oldll = ll;
    oldm = m;
    let shift = 0;
    if (!(n * tol * (smin / smax) <= Math.max(eps, 0.01 * tol))) {
      const sll = Math.abs(idir === 1 ? d[ll] : d[m]);
      shift = idir === 1 ? las2(d[m - 1], e[m - 1], d[m]) : las2(d[ll], e[ll], d[ll + 1]);
      if (sll > 0 && (shift / sll) ** 2 < eps) shift = 0;
    }
    iter += m - ll;
    sweep(b, ll, m, shift, idir);
  }
  positiveDescending(b);
}

/** dbdsqr's end: singular values made positive (negating Vh's rows), then sorted descending with their vectors. */
function positiveDescending(b: Bidiagonal): void {
  const { d, n } = b;
  for (let i = 1; i <= n; i++) {
    if (d[i] === 0) d[i] = 0;
    if (d[i] < 0) {
      d[i] = -d[i];
      b.vt[i].forEach((x, j, row) => (row[j] = -x));
    }
  }
  for (let i = 1; i <= n - 1; i++) {
    let isub = 1;
    let smin = d[1];
    for (let j = 2; j <= n + 1 - i; j++)
      if (d[j] <= smin) {
        isub = j;
        smin = d[j];
      }
    const last = n + 1 - i;
    if (isub !== last) {
      d[isub] = d[last];
      d[last] = smin;
      [b.vt[isub], b.vt[last]] = [b.vt[last], b.vt[isub]];
      [b.u[isub], b.u[last]] = [b.u[last], b.u[isub]];
    }
  }
}

interface Reflector {
  v: Float64Array;
  tau: number;
  start: number;
}

/** dgebd2 (m >= n): A = Q B P^T, B upper bidiagonal (d, e, 1-based); Q's and P's reflectors. */
function gebd2(a: Mat, m: number, n: number) {
  const d = new Float64Array(n + 1);
  const e = new Float64Array(n + 1);
  const qs: Reflector[] = [];
  const ps: Reflector[] = [];
  for (let i = 0; i < n; i++) {
    const x = new Float64Array(m - i - 1);
    for (let r = i + 1; r < m; r++) x[r - i - 1] = a[r * n + i];
    const h = larfg(a[i * n + i], x, noRound);
    d[i + 1] = h.beta;
    const v = new Float64Array(m - i);
    v[0] = 1;
    v.set(x, 1);
    if (h.tau !== 0)
      for (let c = i + 1; c < n; c++) {
        let s = 0;
        for (let r = 0; r < v.length; r++) s += v[r] * a[(i + r) * n + c];
        for (let r = 0; r < v.length; r++) a[(i + r) * n + c] -= h.tau * v[r] * s;
      }
    qs.push({ v, tau: h.tau, start: i });
    if (i >= n - 1) continue;
    const y = new Float64Array(n - i - 2);
    for (let c = i + 2; c < n; c++) y[c - i - 2] = a[i * n + c];
    const g = larfg(a[i * n + i + 1], y, noRound);
    e[i + 1] = g.beta;
    const w = new Float64Array(n - i - 1);
    w[0] = 1;
    w.set(y, 1);
    if (g.tau !== 0)
      for (let r = i + 1; r < m; r++) {
        let s = 0;
        for (let k = 0; k < w.length; k++) s += a[r * n + i + 1 + k] * w[k];
        for (let k = 0; k < w.length; k++) a[r * n + i + 1 + k] -= g.tau * s * w[k];
      }
    ps.push({ v: w, tau: g.tau, start: i + 1 });
  }
  return { d, e, qs, ps };
}

/** dgebd2 (m < n): A = Q B P^T, B lower bidiagonal (d, e, 1-based); Q's and P's reflectors. */
function gebd2Wide(a: Mat, m: number, n: number) {
  const d = new Float64Array(m + 1);
  const e = new Float64Array(m + 1);
  const qs: Reflector[] = [];
  const ps: Reflector[] = [];
  for (let i = 0; i < m; i++) {
    const y = new Float64Array(n - i - 1);
    for (let c = i + 1; c < n; c++) y[c - i - 1] = a[i * n + c];
    const g = larfg(a[i * n + i], y, noRound);
    d[i + 1] = g.beta;
    const w = new Float64Array(n - i);
    w[0] = 1;
    w.set(y, 1);
    if (g.tau !== 0)
      for (let r = i + 1; r < m; r++) {
        let s = 0;
        for (let k = 0; k < w.length; k++) s += a[r * n + i + k] * w[k];
        for (let k = 0; k < w.length; k++) a[r * n + i + k] -= g.tau * s * w[k];
      }
    ps.push({ v: w, tau: g.tau, start: i });
    if (i >= m - 1) continue;
    const x = new Float64Array(m - i - 2);
    for (let r = i + 2; r < m; r++) x[r - i - 2] = a[r * n + i];
    const h = larfg(a[(i + 1) * n + i], x, noRound);
    e[i + 1] = h.beta;
    const v = new Float64Array(m - i - 1);
    v[0] = 1;
    v.set(x, 1);
    if (h.tau !== 0)
      for (let c = i + 1; c < n; c++) {
        let s = 0;
        for (let r = 0; r < v.length; r++) s += v[r] * a[(i + 1 + r) * n + c];
        for (let r = 0; r < v.length; r++) a[(i + 1 + r) * n + c] -= h.tau * v[r] * s;
      }
    qs.push({ v, tau: h.tau, start: i + 1 });
  }
  return { d, e, qs, ps };
}

/**
 * dgesdd of a wide m x n matrix (m < n): an LQ factorization first when n >= 11m/6 (A = L Q, L's SVD as
 * a square one, Vh = VhL Q), else the lower bidiagonal form. U m x m, Vh (full ? n : m) x n.
 */
function wideSvd(a: Mat, m: number, n: number, full: boolean, eps: number, unfl: number) {
  const vr = full ? n : m;
  const vt = new Float64Array(vr * n);
  if (n >= Math.floor((m * 11) / 6)) {
    // A^T = Q' R' computes the same reflectors as dgelqf: L = R'^T, Q = Q'^T
    const { q, r, qCols } = householderQR(transposed(a, m, n), 0, n, m, full);
    const inner = bidiagonalSvd(transposed(r.slice(0, m * m), m, m), m, m, eps, unfl);
    const q1 = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) q1[i * n + j] = q[j * qCols + i];
    vt.set(matMul(inner.vt, q1, m, m, n));
    for (let i = m; i < vr; i++) for (let j = 0; j < n; j++) vt[i * n + j] = q[j * qCols + i];
    return { u: inner.u, s: inner.s, vt };
  }
  const { d, e, qs, ps } = gebd2Wide(a, m, n);
  const small = bdsdc(d, e, m, true, eps, unfl);
  applyLeft(small.u, m, m, qs);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) vt[i * n + j] = small.vt[i * m + j];
  for (let i = m; i < vr; i++) vt[i * n + i] = 1;
  applyRightT(vt, vr, n, ps);
  return { u: small.u, s: small.s, vt };
}

/** c (rows x cols) <- H c for each reflector, the last first (dormbr 'Q', 'L', 'N'). */
function applyLeft(c: Mat, rows: number, cols: number, hs: Reflector[]): void {
  for (let k = hs.length - 1; k >= 0; k--) {
    const { v, tau, start } = hs[k];
    if (tau === 0) continue;
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let r = 0; r < v.length; r++) s += v[r] * c[(start + r) * cols + j];
      for (let r = 0; r < v.length; r++) c[(start + r) * cols + j] -= tau * v[r] * s;
    }
  }
  void rows;
}

/** c (rows x cols) <- c P^T = c G(n-1) ... G(1) (dormbr 'P', 'R', 'T'). */
function applyRightT(c: Mat, rows: number, cols: number, gs: Reflector[]): void {
  for (let k = gs.length - 1; k >= 0; k--) {
    const { v, tau, start } = gs[k];
    if (tau === 0) continue;
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let r = 0; r < v.length; r++) s += c[i * cols + start + r] * v[r];
      for (let r = 0; r < v.length; r++) c[i * cols + start + r] -= tau * s * v[r];
    }
  }
}

/** Identity columns (1-based, each of length k) for bdsqr to accumulate into. */
function identity(k: number): Float64Array[] {
  return Array.from({ length: k + 1 }, (_, j) => {
    const x = new Float64Array(k);
    if (j >= 1) x[j - 1] = 1;
    return x;
  });
}

/**
 * dbdsdc('I') for n <= 25: the SVD Ub S VTb of the bidiagonal (d, e) of order n, upper or lower (a lower one
 * first rotated to upper, U updated by the same rotations at the end). Ub and VTb row-major n x n.
 */
function bdsdc(d: Float64Array, e: Float64Array, n: number, lower: boolean, eps: number, unfl: number) {
  const b: Bidiagonal = {
    d,
    e,
    n,
    u: identity(n),
    vt: identity(n),
    w: [0, 1, 2, 3].map(() => new Float64Array(n + 1)),
    thresh: 0,
  };
  const cs = new Float64Array(n + 1);
  const sn = new Float64Array(n + 1);
  if (n === 1) {
    // the sign goes to U, not to Vh as bdsqr would put it
    b.u[1][0] = d[1] >= 0 ? 1 : -1;
    d[1] = Math.abs(d[1]);
  } else {
    if (lower)
      for (let i = 1; i <= n - 1; i++) {
        const [c, s, r] = lartg(d[i], e[i]);
        d[i] = r;
        e[i] = s * d[i + 1];
        d[i + 1] = c * d[i + 1];
        cs[i] = c;
        sn[i] = -s;
      }
    bdsqr(b, eps, unfl);
  }
  const u = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) u[i * n + j] = b.u[j + 1][i];
  if (lower && n > 1) {
    // dlasr('L', 'V', 'B') on U's rows
    const rows = Array.from({ length: n + 1 }, (_, i) =>
      i === 0 ? new Float64Array(n) : u.subarray((i - 1) * n, i * n),
    );
    for (let k = n - 1; k >= 1; k--) rotate(rows, k, cs[k], sn[k]);
  }
  const vt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) vt.set(b.vt[i + 1], i * n);
  return { u, s: d.slice(1, n + 1), vt };
}

/** U S Vh of a (m x n, m >= n) through gebd2 and bdsdc: U m x n, Vh n x n, and Q's reflectors. */
function bidiagonalSvd(a: Mat, m: number, n: number, eps: number, unfl: number) {
  const { d, e, qs, ps } = gebd2(a, m, n);
  const small = bdsdc(d, e, n, false, eps, unfl);
  const u = new Float64Array(m * n);
  u.set(small.u);
  applyLeft(u, m, n, qs);
  applyRightT(small.vt, n, n, ps);
  return { u, s: small.s, vt: small.vt, qs };
}

/**
 * dgesdd (JOBZ 'S' or 'A') of an m x n matrix: U m x (full ? m : k), s, Vh (full ? n : k) x n with k = min(m, n)
 * (wideSvd when m < n). eps and unfl
 * are LAPACK's machine epsilon and safe minimum for the dtype.
 */
export function lapackSvd(
  src: ArrayLike<number>,
  offset: number,
  m: number,
  n: number,
  full: boolean,
  eps: number,
  unfl: number,
) {
  const a = Float64Array.from({ length: m * n }, (_, i) => src[offset + i]);
  if (m < n) return wideSvd(a, m, n, full, eps, unfl);
  const uc = full ? m : n;
  const u = new Float64Array(m * uc);
  if (m >= Math.floor((n * 11) / 6)) {
    // QR first: A = Q R, R = Ur S Vh, U = Q[:, :n] Ur (and Q's further columns for a full U)
    const { q, r, qCols } = householderQR(a, 0, m, n, full);
    const inner = bidiagonalSvd(r.slice(0, n * n), n, n, eps, unfl);
    const q1 = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) q1[i * n + j] = q[i * qCols + j];
    const un = matMul(q1, inner.u, m, n, n);
    for (let i = 0; i < m; i++) for (let j = 0; j < uc; j++) u[i * uc + j] = j < n ? un[i * n + j] : q[i * qCols + j];
    return { u, s: inner.s, vt: inner.vt };
  }
  const { u: un, s, vt, qs } = bidiagonalSvd(a, m, n, eps, unfl);
  if (!full) return { u: un, s, vt };
  // the full U: Q [[Ub, 0], [0, I]], the reflectors applied to the identity's last columns too
  const ext = new Float64Array(m * m);
  const small = new Float64Array(m * m);
  void small;
  for (let i = 0; i < m; i++) for (let j = n; j < m; j++) ext[i * m + j] = i === j ? 1 : 0;
  applyLeft(ext, m, m, qs);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) u[i * m + j] = j < n ? un[i * n + j] : ext[i * m + j];
  return { u, s, vt };
}
