// The symmetric eigensolver LAPACK's dsyevd runs for the matrices learners factor (n <= 25): Householder
// tridiagonalization of one triangle (dsytd2), the implicit QL/QR iteration on the tridiagonal matrix with
// the rotations accumulated (dsteqr, COMPZ='I'; dlaev2 for 2 x 2 blocks, dlartg of LAPACK 3.10+), the
// eigenvalues sorted by selection, then the reflectors applied (dormtr). Followed step by step so that each
// eigenvector comes out with the sign PyTorch's does (a sign is otherwise a free choice); computed in double.
import type { Mat } from './linalgKernels';

/** The Givens rotation [c s; -s c] taking (f, g) to (r, 0), with c >= 0 and r of f's sign (dlartg). */
export function lartg(f: number, g: number): [number, number, number] {
  if (g === 0) return [1, 0, f];
  if (f === 0) return [0, Math.sign(g) || 1, Math.abs(g)];
  const d = Math.sqrt(f * f + g * g);
  const r = f >= 0 ? d : -d;
  return [Math.abs(f) / d, g / r, r];
}

/** Eigenvalues rt1 (larger magnitude), rt2 of [[a, b], [b, c]] and rt1's unit eigenvector (cs, sn) (dlaev2). */
function laev2(a: number, b: number, c: number): [number, number, number, number] {
  const sm = a + c;
  const df = a - c;
  const adf = Math.abs(df);
  const tb = b + b;
  const ab = Math.abs(tb);
  const [acmx, acmn] = Math.abs(a) > Math.abs(c) ? [a, c] : [c, a];
  const rt =
    adf > ab ? adf * Math.sqrt(1 + (ab / adf) ** 2) : adf < ab ? ab * Math.sqrt(1 + (adf / ab) ** 2) : ab * Math.SQRT2;
  let rt1: number;
  let rt2: number;
  let sgn1: number;
  if (sm < 0) {
    rt1 = 0.5 * (sm - rt);
    sgn1 = -1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else if (sm > 0) {
    rt1 = 0.5 * (sm + rt);
    sgn1 = 1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else {
    rt1 = 0.5 * rt;
    rt2 = -0.5 * rt;
    sgn1 = 1;
  }
  const sgn2 = df >= 0 ? 1 : -1;
  const cs = df >= 0 ? df + rt : df - rt;
  let cs1: number;
  let sn1: number;
  if (Math.abs(cs) > ab) {
    const ct = -tb / cs;
    sn1 = 1 / Math.sqrt(1 + ct * ct);
    cs1 = ct * sn1;
  } else if (ab === 0) {
    cs1 = 1;
    sn1 = 0;
  } else {
    const tn = -cs / tb;
    cs1 = 1 / Math.sqrt(1 + tn * tn);
    sn1 = tn * cs1;
  }
  if (sgn1 === sgn2) [cs1, sn1] = [-sn1, cs1];
  return [rt1, rt2, cs1, sn1];
}

/** Columns j and j + 1 of z (column arrays) rotated as dlasr('R', 'V', ...) rotates them. */
export function rotate(z: Float64Array[], j: number, c: number, s: number): void {
  if (c === 1 && s === 0) return;
  const a = z[j];
  const b = z[j + 1];
  for (let i = 0; i < a.length; i++) {
    const t = b[i];
    b[i] = c * t - s * a[i];
    a[i] = s * t + c * a[i];
  }
}

interface SteqrState {
  d: Float64Array;
  e: Float64Array;
  z: Float64Array[];
  eps2: number;
  safmin: number;
  R: (x: number) => number;
  nmaxit: number;
  jtot: number;
  work: Float64Array;
  work2: Float64Array;
}

const sign = (a: number, b: number) => (b >= 0 ? Math.abs(a) : -Math.abs(a));

/** dsteqr's QL iteration on the block l..lend (lend > l), deflating eigenvalues from the top. */
function ql(st: SteqrState, l: number, lend: number): void {
  const { d, e, z, eps2, safmin, R, work, work2 } = st;
  let m: number;
  // QL iteration
  for (;;) {
    m = l;
    for (; m < lend; m++) if (Math.abs(e[m]) ** 2 <= eps2 * Math.abs(d[m]) * Math.abs(d[m + 1]) + safmin) break;
    if (m < lend) e[m] = 0;
    let p = d[l];
    if (m === l) {
      d[l] = p;
      if (++l <= lend) continue;
      break;
    }
    if (m === l + 1) {
      const [rt1, rt2, c, s] = laev2(d[l], e[l], d[l + 1]);
      rotate(z, l, c, s);
      d[l] = rt1;
      d[l + 1] = rt2;
      e[l] = 0;
      l += 2;
      if (l <= lend) continue;
      break;
    }
    if (st.jtot === st.nmaxit) break;
    st.jtot++;
    let g = R(R(d[l + 1] - p) / R(2 * e[l]));
    let r = R(Math.hypot(g, 1));
    g = R(R(d[m] - p) + R(e[l] / R(g + sign(r, g))));
    let s = 1;
    let c = 1;
    p = 0;
    for (let i = m - 1; i >= l; i--) {
      const f = R(s * e[i]);
      const b = R(c * e[i]);
      [c, s, r] = lartg(g, f).map(R) as [number, number, number];
      if (i !== m - 1) e[i + 1] = r;
      g = R(d[i + 1] - p);
      r = R(R(R(d[i] - g) * s) + R(R(2 * c) * b));
      p = R(s * r);
      d[i + 1] = R(g + p);
      g = R(R(c * r) - b);
      work[i] = c;
      work2[i] = -s;
    }
    for (let j = m - 1; j >= l; j--) rotate(z, j, work[j], work2[j]);
    d[l] = R(d[l] - p);
    e[l] = g;
  }
}

/** dsteqr's QR iteration on the block lend..l (lend < l), deflating eigenvalues from the bottom. */
function qr(st: SteqrState, l: number, lend: number): void {
  const { d, e, z, eps2, safmin, R, work, work2 } = st;
  let m: number;
  for (;;) {
    m = l;
    for (; m > lend; m--) if (Math.abs(e[m - 1]) ** 2 <= eps2 * Math.abs(d[m]) * Math.abs(d[m - 1]) + safmin) break;
    if (m > lend) e[m - 1] = 0;
    let p = d[l];
    if (m === l) {
      d[l] = p;
      if (--l >= lend) continue;
      break;
    }
    if (m === l - 1) {
      const [rt1, rt2, c, s] = laev2(d[l - 1], e[l - 1], d[l]);
      rotate(z, l - 1, c, s);
      d[l - 1] = rt1;
      d[l] = rt2;
      e[l - 1] = 0;
      l -= 2;
      if (l >= lend) continue;
      break;
    }
    if (st.jtot === st.nmaxit) break;
    st.jtot++;
    let g = R(R(d[l - 1] - p) / R(2 * e[l - 1]));
    let r = R(Math.hypot(g, 1));
    g = R(R(d[m] - p) + R(e[l - 1] / R(g + sign(r, g))));
    let s = 1;
    let c = 1;
    p = 0;
    for (let i = m; i <= l - 1; i++) {
      const f = R(s * e[i]);
      const b = R(c * e[i]);
      [c, s, r] = lartg(g, f).map(R) as [number, number, number];
      if (i !== m) e[i - 1] = r;
      g = R(d[i] - p);
      r = R(R(R(d[i + 1] - g) * s) + R(R(2 * c) * b));
      p = R(s * r);
      d[i] = R(g + p);
      g = R(R(c * r) - b);
      work[i] = c;
      work2[i] = s;
    }
    for (let j = m; j <= l - 1; j++) rotate(z, j, work[j], work2[j]);
    d[l] = R(d[l] - p);
    e[l - 1] = g;
  }
}

/**
 * dsteqr('I'): eigenvalues (ascending, into d) and eigenvectors (the columns z[1..n]) of the symmetric
 * tridiagonal matrix with diagonal d[1..n] and off-diagonal e[1..n-1] (1-based, as the Fortran indexes them).
 */
function steqr(
  d: Float64Array,
  e: Float64Array,
  n: number,
  eps: number,
  safmin: number,
  R: (x: number) => number,
): Float64Array[] {
  const z: Float64Array[] = [];
  for (let j = 0; j <= n; j++) {
    const col = new Float64Array(n);
    if (j >= 1) col[j - 1] = 1;
    z.push(col);
  }
  const st: SteqrState = {
    d,
    e,
    z,
    eps2: eps * eps,
    safmin,
    R,
    nmaxit: n * 30,
    jtot: 0,
    work: new Float64Array(n + 1),
    work2: new Float64Array(n + 1),
  };
  let l1 = 1;
  while (l1 <= n) {
    if (l1 > 1) e[l1 - 1] = 0;
    let m = l1;
    for (; m <= n - 1; m++) {
      const tst = Math.abs(e[m]);
      if (tst === 0) break;
      if (tst <= Math.sqrt(Math.abs(d[m])) * Math.sqrt(Math.abs(d[m + 1])) * eps) {
        e[m] = 0;
        break;
      }
    }
    let l = l1;
    const lsv = l;
    let lend = m;
    const lendsv = lend;
    l1 = m + 1;
    if (lend === l) continue;
    let anorm = 0;
    for (let i = l; i <= lend; i++) anorm = Math.max(anorm, Math.abs(d[i]), i < lend ? Math.abs(e[i]) : 0);
    if (anorm === 0) continue;
    if (Math.abs(d[lend]) < Math.abs(d[l])) {
      lend = lsv;
      l = lendsv;
    }
    if (lend > l) ql(st, l, lend);
    else qr(st, l, lend);
    if (st.jtot >= st.nmaxit) break;
  }
  // selection sort, swapping eigenvectors along
  for (let ii = 2; ii <= n; ii++) {
    const i = ii - 1;
    let k = i;
    let p = d[i];
    for (let j = ii; j <= n; j++)
      if (d[j] < p) {
        k = j;
        p = d[j];
      }
    if (k !== i) {
      d[k] = d[i];
      d[i] = p;
      [z[i], z[k]] = [z[k], z[i]];
    }
  }
  return z;
}

/** The reflector H = I - tau v v^T taking (alpha, x) to (beta, 0) (dlarfg); x is overwritten by v's tail. */
export function larfg(alpha: number, x: Float64Array, R: (x: number) => number): { beta: number; tau: number } {
  let xnorm = 0;
  for (const v of x) xnorm = Math.hypot(xnorm, v);
  if (xnorm === 0) return { beta: alpha, tau: 0 };
  const beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, xnorm);
  const scale = R(1 / R(alpha - beta));
  for (let i = 0; i < x.length; i++) x[i] = R(x[i] * scale);
  return { beta: R(beta), tau: R((beta - alpha) / beta) };
}

/**
 * Eigenvalues (ascending) and eigenvectors (columns of v, n x n row-major) of the symmetric matrix whose
 * `lower` (or upper) triangle is at src[offset...], as LAPACK's dsyevd computes them. eps and safmin are the
 * dtype's (slamch/dlamch), which decide when an off-diagonal entry counts as zero.
 */
export function lapackEigh(
  src: ArrayLike<number>,
  offset: number,
  n: number,
  lower: boolean,
  eps: number,
  safmin: number,
): { w: Mat; v: Mat } {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      a[i * n + j] = (lower ? i >= j : i <= j) ? src[offset + i * n + j] : src[offset + j * n + i];
  // float32 inputs: every stored intermediate rounded to float32, as ssyevd's are
  const R = eps > 1e-10 ? Math.fround : (x: number) => x;
  const d = new Float64Array(n + 1);
  const e = new Float64Array(n + 1);
  const reflectors: { v: Float64Array; tau: number; start: number }[] = [];
  // dsytd2: A = Q T Q^T, reflector i acting on rows start..start+len-1
  const update = (start: number, v: Float64Array, tau: number) => {
    const len = v.length;
    const w = new Float64Array(len);
    for (let r = 0; r < len; r++) {
      let s = 0;
      for (let c = 0; c < len; c++) s += a[(start + r) * n + start + c] * v[c];
      w[r] = R(tau * s);
    }
    let dot = 0;
    for (let r = 0; r < len; r++) dot += w[r] * v[r];
    const alpha = -0.5 * tau * dot;
    for (let r = 0; r < len; r++) w[r] = R(w[r] + R(alpha) * v[r]);
    for (let r = 0; r < len; r++)
      for (let c = 0; c < len; c++)
        a[(start + r) * n + start + c] = R(a[(start + r) * n + start + c] - (v[r] * w[c] + w[r] * v[c]));
  };
  if (lower) {
    for (let i = 0; i < n - 1; i++) {
      const x = new Float64Array(n - i - 2);
      for (let r = i + 2; r < n; r++) x[r - i - 2] = a[r * n + i];
      const { beta, tau } = larfg(a[(i + 1) * n + i], x, R);
      e[i + 1] = beta;
      const v = new Float64Array(n - i - 1);
      v[0] = 1;
      v.set(x, 1);
      if (tau !== 0) update(i + 1, v, tau);
      d[i + 1] = a[i * n + i];
      reflectors.push({ v, tau, start: i + 1 });
    }
    d[n] = a[(n - 1) * n + n - 1];
  } else {
    for (let i = n - 2; i >= 0; i--) {
      const x = new Float64Array(i);
      for (let r = 0; r < i; r++) x[r] = a[r * n + i + 1];
      const { beta, tau } = larfg(a[i * n + i + 1], x, R);
      e[i + 1] = beta;
      const v = new Float64Array(i + 1);
      v.set(x, 0);
      v[i] = 1;
      if (tau !== 0) update(0, v, tau);
      d[i + 2] = a[(i + 1) * n + i + 1];
      reflectors.push({ v, tau, start: 0 });
    }
    d[1] = a[0];
  }
  for (let i = 0; i <= n; i++) {
    d[i] = R(d[i]);
    e[i] = R(e[i]);
  }
  const z = steqr(d, e, n, eps, safmin, R);
  // dormtr: V = Q Z, Q = H(1) ... H(n-1) (lower) or H(n-1) ... H(1) (upper): the last reflector made acts first
  const v = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) v[i * n + j] = z[j + 1][i];
  for (let k = reflectors.length - 1; k >= 0; k--) {
    const { v: h, tau, start } = reflectors[k];
    if (tau === 0) continue;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let r = 0; r < h.length; r++) s += h[r] * v[(start + r) * n + j];
      for (let r = 0; r < h.length; r++) v[(start + r) * n + j] -= tau * h[r] * s;
    }
  }
  return { w: d.slice(1), v };
}
