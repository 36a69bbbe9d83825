// cos and pow as Python's math (C's libm, glibc on Linux) gives them: correctly rounded in practice, where
// V8's Math.cos and Math.pow are off by one ulp now and then (cos(6π/5) ends in ...476 in Python, ...475 in
// JavaScript). Learning-rate schedules print these doubles in full, so the schedulers and the bias
// corrections use these. Both evaluate in double-double arithmetic (about 106 bits) and round once.

type DD = [number, number];

const SPLIT = 134217729; // 2^27 + 1, Dekker's splitter

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  return quick(s, e + a[1] + b[1]);
}

function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quick(p, e + a[0] * b[1] + a[1] * b[0]);
}

function quick(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

// π/2 in three parts of 33 bits (fdlibm's pio2_1, pio2_2, pio2_3): k * part is exact for k < 2^20.
const PIO2_1 = 1.5707963267341256;
const PIO2_2 = 6.077100506303966e-11;
const PIO2_3 = 2.0222662487111665e-21;
const PIO2_3T = 8.4784276603689e-32;

/** 1 / m as double-double. */
function recip(m: number): DD {
  const q = 1 / m;
  const [p, e] = twoProd(q, m);
  return [q, (1 - p - e) / m];
}

function seriesExact(r: DD, odd: boolean): DD {
  const r2 = mul(r, r);
  let term: DD = odd ? r : [1, 0];
  let sum: DD = term;
  for (let n = odd ? 3 : 2; n < 40; n += 2) {
    term = mul(mul(term, r2), recip(-(n * (n - 1))));
    sum = add(sum, term);
    if (Math.abs(term[0]) < 1e-36 * Math.max(1e-300, Math.abs(sum[0]))) break;
  }
  return sum;
}

/** Python's math.cos(x). */
export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) > 1e6) return Math.cos(x); // beyond what a schedule computes; the simple reduction is exact below
  const k = Math.round(x / (Math.PI / 2));
  let r = twoSum(x - k * PIO2_1, -k * PIO2_2);
  r = add(r, [-k * PIO2_3, -k * PIO2_3T]);
  const q = ((k % 4) + 4) % 4;
  const v =
    q === 0
      ? seriesExact(r, false)
      : q === 1
        ? seriesExact(r, true)
        : q === 2
          ? seriesExact(r, false)
          : seriesExact(r, true);
  const s = v[0] + v[1];
  return q === 1 || q === 2 ? -s : s;
}

// ln 2 as double-double.
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

/** e^a for a double-double a (|a| < 700): a = k ln2 + r, e^r from its series at r / 1024, squared ten times. */
function expDD(a: DD): DD {
  const k = Math.round(a[0] / LN2[0]);
  let r = add(a, mul([-k, 0], LN2));
  r = [r[0] / 1024, r[1] / 1024];
  let term: DD = [1, 0];
  let sum: DD = [1, 0];
  for (let n = 1; n < 20; n++) {
    term = mul(mul(term, r), recip(n));
    sum = add(sum, term);
  }
  for (let i = 0; i < 10; i++) sum = mul(sum, sum);
  return [sum[0] * 2 ** k, sum[1] * 2 ** k];
}

/** ln x for x > 0 as double-double: Math.log, then one Newton step y + (x - e^y) / e^y. */
function logDD(x: number): DD {
  const y: DD = [Math.log(x), 0];
  const e = expDD(y);
  const diff = add([x, 0], [-e[0], -e[1]]);
  return add(y, [diff[0] / e[0], 0]);
}

/** Python's `x ** y` for floats: correctly rounded in double-double (beta ** step, a fractional power). */
export function pow(x: number, y: number): number {
  if (!Number.isInteger(y) && x > 0 && Number.isFinite(x) && Number.isFinite(y)) {
    const l = mul(logDD(x), [y, 0]);
    if (Math.abs(l[0]) > 700) return Math.pow(x, y);
    const v = expDD(l);
    return v[0] + v[1];
  }
  if (!Number.isInteger(y) || Math.abs(y) > 2 ** 31 || !Number.isFinite(x) || x === 0) return Math.pow(x, y);
  let result: DD = [1, 0];
  let base: DD = [x, 0];
  let n = Math.abs(y);
  while (n > 0) {
    if (n % 2 === 1) result = mul(result, base);
    n = Math.floor(n / 2);
    if (n > 0) base = mul(base, base);
  }
  if (y >= 0) return result[0] + result[1];
  const q = 1 / result[0];
  const [p, e] = twoProd(q, result[0]);
  return q + (1 - p - e - q * result[1]) / result[0];
}
