// Tensor printing exactly as PyTorch 1.13 shows `print(t)` / `repr(t)` (torch/_tensor_str.py semantics):
// one formatter per tensor decides integer, fixed or scientific notation and a common width; rows wrap
// at the line width; large tensors are summarised with `...`; suffixes such as `grad_fn=<...>` follow.
import type { DType } from './tensor';
import { defaultFloatDType, isFloatDType } from './buffers';

export interface PrintOptions {
  precision: number;
  threshold: number;
  edgeitems: number;
  linewidth: number;
  /** null: chosen per tensor by the formatter. */
  sci_mode: boolean | null;
}

const DEFAULTS: PrintOptions = { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80, sci_mode: null };
const opts: PrintOptions = { ...DEFAULTS };

export interface SetPrintOptions {
  precision?: number;
  threshold?: number;
  edgeitems?: number;
  linewidth?: number;
  profile?: 'default' | 'short' | 'full';
  sci_mode?: boolean | null;
}

/** torch.set_printoptions. As in PyTorch, sci_mode is reset to automatic whenever it is not given. */
export function setPrintOptions(o: SetPrintOptions): void {
  if (o.profile === 'default') Object.assign(opts, { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 });
  else if (o.profile === 'short') Object.assign(opts, { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 });
  else if (o.profile === 'full')
    Object.assign(opts, { precision: 4, threshold: Infinity, edgeitems: 3, linewidth: 80 });
  if (o.precision !== undefined && o.precision !== null) opts.precision = o.precision;
  if (o.threshold !== undefined && o.threshold !== null) opts.threshold = o.threshold;
  if (o.edgeitems !== undefined && o.edgeitems !== null) opts.edgeitems = o.edgeitems;
  if (o.linewidth !== undefined && o.linewidth !== null) opts.linewidth = o.linewidth;
  opts.sci_mode = o.sci_mode ?? null;
}

export function getPrintOptions(): PrintOptions {
  return { ...opts };
}

/** Back to PyTorch's defaults (a fresh interpreter). */
export function resetPrintOptions(): void {
  Object.assign(opts, DEFAULTS);
}

// ---------------------------------------------------------------------------------------------------
// Python's float formatting ('{:.Nf}', '{:.Ne}'): correctly rounded, ties to even on the exact binary
// value. JavaScript's toFixed/toExponential are correctly rounded too but break exact ties away from
// zero, so ties (rare: the value must have few binary digits) are redone on the exact decimal expansion.

/** Exact decimal digits of a finite non-negative double as [integerDigits, fractionDigits]. */
function exactDecimal(x: number): [string, string] {
  if (Number.isInteger(x)) return [BigInt(x).toString(), ''];
  // x = m / 2^k with m an integer: scale by 2 until integral (at most 1074 steps).
  let k = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  // m / 2^k = m * 5^k / 10^k
  const digits = (BigInt(m) * 5n ** BigInt(k)).toString().padStart(k + 1, '0');
  return [digits.slice(0, digits.length - k), digits.slice(digits.length - k)];
}

/** Adds one unit in the last place of a decimal digit string (which may grow by a digit). */
function incrementDigits(d: string): string {
  const arr = d.split('');
  let i = arr.length - 1;
  while (i >= 0) {
    if (arr[i] === '9') {
      arr[i] = '0';
      i--;
    } else {
      arr[i] = String.fromCharCode(arr[i].charCodeAt(0) + 1);
      return arr.join('');
    }
  }
  return '1' + arr.join('');
}

/** Rounds the digit string `d` to its first `keep` digits, half to even on the exact remainder. */
function roundDigits(d: string, keep: number): string {
  const head = d.slice(0, keep);
  const rest = d.slice(keep);
  if (rest.length === 0 || rest[0] < '5') return head;
  const tie = rest[0] === '5' && !/[1-9]/.test(rest.slice(1));
  const lastOdd = head.length > 0 && (head.charCodeAt(head.length - 1) - 48) % 2 === 1;
  return tie && !lastOdd ? head : incrementDigits(head);
}

/** '{:.Nf}'.format(x) */
export function pyFixed(x: number, precision: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const negative = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let body: string;
  if (Number.isSafeInteger(ax)) {
    body = precision > 0 ? `${ax}.${'0'.repeat(precision)}` : String(ax);
    return negative ? `-${body}` : body;
  }
  // A tie needs the exact value to end in a 5 at digit precision+1, i.e. ax * 2^(precision+1) integral.
  if (ax < 1e21 && !Number.isInteger(ax * 2 ** (precision + 1))) {
    body = ax.toFixed(precision);
  } else {
    const [int, frac] = exactDecimal(ax);
    const all = int + frac.padEnd(precision, '0');
    const rounded = roundDigits(all, int.length + precision);
    const intLen = rounded.length - precision;
    body = precision > 0 ? `${rounded.slice(0, intLen)}.${rounded.slice(intLen)}` : rounded;
    if (body.startsWith('.')) body = '0' + body;
  }
  return negative ? `-${body}` : body;
}

/** '{:.Ne}'.format(x) */
export function pyExp(x: number, precision: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const negative = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let mant: string;
  let exp: number;
  if (ax === 0) {
    mant = precision > 0 ? `0.${'0'.repeat(precision)}` : '0';
    exp = 0;
  } else {
    const probe = ax.toExponential(precision + 1);
    const probeMant = probe.slice(0, probe.indexOf('e'));
    const possibleTie = probeMant[probeMant.length - 1] === '5';
    if (!possibleTie) {
      const s = ax.toExponential(precision);
      mant = s.slice(0, s.indexOf('e'));
      exp = Number(s.slice(s.indexOf('e') + 1));
    } else {
      const [int, frac] = exactDecimal(ax);
      const all = (int + frac).replace(/^0+/, '');
      // decimal exponent of the leading significant digit
      const lead = int !== '0' ? int.length - 1 : -(frac.length - frac.replace(/^0+/, '').length) - 1;
      let digits = roundDigits(all, precision + 1);
      exp = lead;
      if (digits.length > precision + 1) {
        digits = digits.slice(0, precision + 1);
        exp++;
      }
      mant = precision > 0 ? `${digits[0]}.${digits.slice(1)}` : digits;
    }
  }
  const e = Math.abs(exp).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${mant}e${exp < 0 ? '-' : '+'}${e}`;
}

/** Python's str() of an integral value held in a double. */
function pyInt(v: number): string {
  if (Object.is(v, -0)) return '0';
  return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
}

// ---------------------------------------------------------------------------------------------------
// The formatter: one per printed tensor, built from the (summarised) values.

class Formatter {
  readonly floating: boolean;
  intMode = true;
  sciMode = false;
  maxWidth = 1;

  constructor(values: ArrayLike<number>, dtype: DType) {
    this.floating = isFloatDType(dtype);
    const p = opts.precision;
    if (!this.floating) {
      for (let i = 0; i < values.length; i++) {
        this.maxWidth = Math.max(this.maxWidth, this.plain(values[i], dtype).length);
      }
      return;
    }
    const finite: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isFinite(v) && v !== 0) finite.push(v);
    }
    // PyTorch returns before applying a forced sci_mode when nothing is finite and nonzero.
    if (finite.length === 0) return;
    let min = Infinity;
    let max = 0;
    for (const v of finite) {
      const a = Math.abs(v);
      if (a < min) min = a;
      if (a > max) max = a;
      if (this.intMode && v !== Math.ceil(v)) this.intMode = false;
    }
    if (this.intMode) {
      if (max / min > 1000 || max > 1e8) {
        this.sciMode = true;
        for (const v of finite) this.maxWidth = Math.max(this.maxWidth, pyExp(v, p).length);
      } else {
        for (const v of finite) this.maxWidth = Math.max(this.maxWidth, pyFixed(v, 0).length + 1);
      }
    } else if (max / min > 1000 || max > 1e8 || min < 1e-4) {
      this.sciMode = true;
      for (const v of finite) this.maxWidth = Math.max(this.maxWidth, pyExp(v, p).length);
    } else {
      for (const v of finite) this.maxWidth = Math.max(this.maxWidth, pyFixed(v, p).length);
    }
    if (opts.sci_mode !== null) this.sciMode = opts.sci_mode;
  }

  private plain(v: number, dtype: DType): string {
    return dtype === 'bool' ? (v !== 0 ? 'True' : 'False') : pyInt(v);
  }

  format(v: number, dtype: DType): string {
    let s: string;
    if (this.floating) {
      if (this.sciMode) s = pyExp(v, opts.precision);
      else if (this.intMode) {
        s = pyFixed(v, 0);
        if (Number.isFinite(v)) s += '.';
      } else s = pyFixed(v, opts.precision);
    } else s = this.plain(v, dtype);
    return s.length < this.maxWidth ? ' '.repeat(this.maxWidth - s.length) + s : s;
  }
}

// ---------------------------------------------------------------------------------------------------
// Layout

interface View {
  data: ArrayLike<number>;
  shape: readonly number[];
  dtype: DType;
}

function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** The elements the formatter sees when summarising: edgeitems from each end of every dimension. */
function summarisedValues(v: View): number[] {
  const out: number[] = [];
  const { data, shape } = v;
  const e = opts.edgeitems;
  const walk = (dim: number, offset: number): void => {
    if (dim === shape.length) {
      out.push(data[offset]);
      return;
    }
    const size = shape[dim];
    const inner = sizeOf(shape.slice(dim + 1));
    const indices: number[] = [];
    if (size > 2 * e) {
      for (let i = 0; i < e; i++) indices.push(i);
      for (let i = size - e; i < size; i++) indices.push(i);
    } else for (let i = 0; i < size; i++) indices.push(i);
    for (const i of indices) walk(dim + 1, offset + i * inner);
  };
  walk(0, 0);
  return out;
}

function vectorStr(v: View, offset: number, size: number, indent: number, summarize: boolean, fmt: Formatter): string {
  const elementLength = fmt.maxWidth + 2;
  const perLine = Math.max(1, Math.floor((opts.linewidth - indent) / elementLength));
  const items: string[] = [];
  const e = opts.edgeitems;
  if (summarize && size > 2 * e) {
    for (let i = 0; i < e; i++) items.push(fmt.format(v.data[offset + i], v.dtype));
    items.push(' ...');
    for (let i = size - e; i < size; i++) items.push(fmt.format(v.data[offset + i], v.dtype));
  } else {
    for (let i = 0; i < size; i++) items.push(fmt.format(v.data[offset + i], v.dtype));
  }
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) lines.push(items.slice(i, i + perLine).join(', '));
  return '[' + lines.join(',\n' + ' '.repeat(indent + 1)) + ']';
}

function tensorStr(v: View, dim: number, offset: number, indent: number, summarize: boolean, fmt: Formatter): string {
  const nd = v.shape.length - dim;
  if (nd === 0) return fmt.format(v.data[offset], v.dtype);
  const size = v.shape[dim];
  if (nd === 1) return vectorStr(v, offset, size, indent, summarize, fmt);
  const inner = sizeOf(v.shape.slice(dim + 1));
  const e = opts.edgeitems;
  const slices: string[] = [];
  const row = (i: number) => tensorStr(v, dim + 1, offset + i * inner, indent + 1, summarize, fmt);
  if (summarize && size > 2 * e) {
    for (let i = 0; i < e; i++) slices.push(row(i));
    slices.push('...');
    for (let i = size - e; i < size; i++) slices.push(row(i));
  } else {
    for (let i = 0; i < size; i++) slices.push(row(i));
  }
  return '[' + slices.join(',' + '\n'.repeat(nd - 1) + ' '.repeat(indent + 1)) + ']';
}

/** _tensor_str: the bracketed contents, indented for a prefix of `indent` characters. */
export function tensorContents(v: View, indent: number): string {
  if (v.data.length === 0) return '[]';
  const summarize = v.data.length > opts.threshold;
  const fmt = new Formatter(summarize ? summarisedValues(v) : v.data, v.dtype);
  return tensorStr(v, 0, 0, indent, summarize, fmt);
}

/** _add_suffixes, including PyTorch's estimate of the last line's length (two more than it is). */
function addSuffixes(text: string, suffixes: string[], indent: number): string {
  const parts = [text];
  let lastLineLen = text.length - text.lastIndexOf('\n') + 1;
  for (const suffix of suffixes) {
    if (lastLineLen + suffix.length + 2 > opts.linewidth) {
      parts.push(',\n' + ' '.repeat(indent) + suffix);
      lastLineLen = indent + suffix.length;
    } else {
      parts.push(', ' + suffix);
      lastLineLen += suffix.length + 2;
    }
  }
  parts.push(')');
  return parts.join('');
}

function pyTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

const DTYPE_NAMES: Record<DType, string> = {
  float32: 'torch.float32',
  float64: 'torch.float64',
  float16: 'torch.float16',
  bfloat16: 'torch.bfloat16',
  int64: 'torch.int64',
  int32: 'torch.int32',
  int16: 'torch.int16',
  int8: 'torch.int8',
  uint8: 'torch.uint8',
  bool: 'torch.bool',
};

export interface FormatOptions {
  /** Defaults to the tensor's own flag. */
  requiresGrad?: boolean;
  /** PyTorch's grad_fn class name, e.g. `AddmmBackward0`; defaults to the tensor's gradFn name. */
  gradFnName?: string | null;
  /** An nn.Parameter: printed as `Parameter containing:` then the tensor. */
  isParameter?: boolean;
}

export interface Printable extends View {
  requiresGrad?: boolean;
  gradFn?: { name: string } | null;
}

/** What `repr(t)` / `print(t)` shows in PyTorch 1.13. */
export function formatTensor(t: Printable, options: FormatOptions = {}): string {
  const prefix = 'tensor(';
  const indent = prefix.length;
  const suffixes: string[] = [];
  let contents: string;
  if (t.data.length === 0) {
    if (t.shape.length !== 1) suffixes.push(`size=${pyTuple(t.shape)}`);
    if (t.dtype !== defaultFloatDType()) suffixes.push(`dtype=${DTYPE_NAMES[t.dtype]}`);
    contents = '[]';
  } else {
    contents = tensorContents(t, indent);
    // The default dtype, int64 and bool never print their dtype.
    if (t.dtype !== defaultFloatDType() && t.dtype !== 'int64' && t.dtype !== 'bool') {
      suffixes.push(`dtype=${DTYPE_NAMES[t.dtype]}`);
    }
  }
  const gradFnName = options.gradFnName !== undefined ? options.gradFnName : (t.gradFn?.name ?? null);
  const requiresGrad = options.requiresGrad ?? t.requiresGrad ?? false;
  if (gradFnName) suffixes.push(`grad_fn=<${gradFnName}>`);
  else if (requiresGrad) suffixes.push('requires_grad=True');
  const text = addSuffixes(prefix + contents, suffixes, indent);
  return options.isParameter ? `Parameter containing:\n${text}` : text;
}
