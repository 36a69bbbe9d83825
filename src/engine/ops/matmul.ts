// Matrix products: matmul (dot, mv, mm, batched with broadcasting), bmm, linear. Every product, forward
// and both backward ones (G B^T and A^T G), goes through the gemm kernel.
import { pyError } from '../errors';
import { Node, isGradEnabled, reserveNodeSeq } from '../autograd';
import { gemm } from '../kernels/gemm';
import { sdot } from '../kernels/dotOrder';
import { sgemvT } from '../kernels/gemvOrder';
import { BMM_NATIVE_MAX_WORK, bmmSmall } from '../kernels/bmmSmall';
import { Tensor, DType } from '../tensor';
import { floats, isFloatDType, markNoNegativeZero, scratchFloats, setFloat64Mode } from '../buffers';
import { Shape, fmtShape, numel } from '../shape';
import { add } from './arith';
import { cascadeSumDims } from './cascadeSum';
import { broadcast, broadcastOffsets, castStorage, dtypeName } from './util';
import { permuteData, reshape, transpose } from './view';
import { matmulGrads, sumTo } from './gradOps';
import { Saved, SavedView } from '../savedVersions';
import { contiguousStrides, viewStrides } from '../strided';

function recording(a: Tensor, b: Tensor | null): boolean {
  return isGradEnabled() && (a.requiresGrad || (b !== null && b.requiresGrad));
}

/** `m1` and `m2` as PyTorch prints the two matrices (rows x columns, batch dims folded into the rows). */
function cannotMultiply(m1: string, m2: string): Error {
  return mismatch(`mat1 and mat2 shapes cannot be multiplied (${m1} and ${m2})`);
}

/**
 * PyTorch 1.13's own text, nothing added: learners print these errors (a course's first shape error) and the
 * printed line must read as PyTorch's; its texts name both shapes.
 */
function mismatch(torchText: string): Error {
  return pyError('RuntimeError', torchText);
}

/**
 * The CPU kernel a product of these ranks reaches in PyTorch 1.13, which names it when it refuses bool
 * operands: dot, mv (a 1-D operand beside a matrix or a folded batch, except a row vector times a matrix,
 * which is unsqueezed into mm), mm, or bmm when both operands are batched.
 */
function productKernel(da: number, db: number): string {
  if (da === 1 && db === 1) return 'dot';
  if (da >= 3 && db >= 3) return 'bmm';
  if (da === 1 && db === 2) return 'addmm_impl_cpu_';
  return da === 1 || db === 1 ? 'addmv_impl_cpu' : 'addmm_impl_cpu_';
}

/**
 * Operands of one float dtype; PyTorch refuses mixed dtypes, and integer products compute exactly in float64
 * here. `op` is the kernel PyTorch names (productKernel).
 */
function checkDtypes(a: Tensor, b: Tensor, op: string): DType {
  if (a.dtype !== b.dtype) {
    throw pyError(
      'RuntimeError',
      op === 'dot'
        ? `dot : expected both vectors to have same dtype, but found ${dtypeName(a.dtype)} and ${dtypeName(b.dtype)}`
        : `expected scalar type ${dtypeName(a.dtype)} but found ${dtypeName(b.dtype)}`,
    );
  }
  if (a.dtype === 'bool') throw pyError('RuntimeError', `"${op}" not implemented for '${dtypeName(a.dtype)}'`);
  return a.dtype;
}

/** Integer matmul (rare: index arithmetic in scripts): the float64 product (exact below 2^53), no gradient. */
function intMatmul(a: Tensor, b: Tensor): Tensor {
  const fa = new Tensor(Float64Array.from(a.data), a.shape, 'float64');
  const fb = new Tensor(Float64Array.from(b.data), b.shape, 'float64');
  const previous = setFloat64Mode(true);
  try {
    const r = matmul(fa, fb);
    return new Tensor(castStorage(r.data, a.dtype), r.shape, a.dtype);
  } finally {
    setFloat64Mode(previous);
  }
}

function inconsistentDot(a: Shape, b: Shape): Error {
  return mismatch(
    `inconsistent tensor size, expected tensor [${a[0]}] and src [${b[0]}] to have the same number of elements, but got ${a[0]} and ${b[0]} elements respectively`,
  );
}

function mvMismatch(a: Shape, v: Shape): Error {
  return mismatch(`size mismatch, got ${a[0]}, ${a[0]}x${a[1]},${v[0]}`);
}

export function dot(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 1 || b.ndim !== 1) {
    throw pyError('RuntimeError', `1D tensors expected, but got ${a.ndim}D and ${b.ndim}D tensors`);
  }
  if (a.shape[0] !== b.shape[0]) {
    throw inconsistentDot(a.shape, b.shape);
  }
  if (!isFloatDType(checkDtypes(a, b, 'dot'))) return intMatmul(a, b);
  const x = a.data as Float32Array;
  const y = b.data as Float32Array;
  const out = floats(1);
  // float32: BLAS sdot's own order (not sgemm's); float64: the double kernel's one chain.
  if (out instanceof Float32Array) out[0] = sdot(x, 0, y, 0, x.length);
  else gemm(false, false, 1, 1, x.length, x, 0, y, 0, out, 0, false);
  const node = recording(a, b)
    ? new Node(
        'DotBackward0',
        [a, b],
        (g) => {
          const ga = a.requiresGrad ? floats(x.length) : null;
          const gb = b.requiresGrad ? floats(y.length) : null;
          const s = g[0];
          for (let i = 0; i < x.length; i++) {
            if (ga) ga[i] = s * y[i];
            if (gb) gb[i] = s * x[i];
          }
          return [ga, gb];
        },
        productDiff(a, b),
      )
        .save(a, b.requiresGrad)
        .save(b, a.requiresGrad)
    : null;
  return Tensor.result(out, [], node);
}

/** [m, k] @ [k, n] on flat buffers, with the gradient products. */
function mm2(
  a: Tensor,
  b: Tensor,
  m: number,
  k: number,
  n: number,
  outShape: number[],
  name: string,
  saved: MatmulSaved = [a, b],
): Tensor {
  const A = a.data as Float32Array;
  const B = b.data as Float32Array;
  const out = floats(m * n);
  // float32 matrix @ vector (mv, and matmul's fold of a >= 3-D operand times a 1-D one, which PyTorch runs as
  // mv): BLAS sgemv's own order, not sgemm's; float64 and the rest: the gemm kernels.
  if (b.ndim === 1 && a.ndim >= 2 && out instanceof Float32Array) sgemvT(m, k, A, 0, B, 0, out, 0);
  else gemm(false, false, m, n, k, A, 0, B, 0, out, 0, false);
  const node = recording(a, b)
    ? new Node(
        name,
        [a, b],
        (g) => {
          let ga: Float32Array | null = null;
          let gb: Float32Array | null = null;
          if (a.requiresGrad) {
            ga = floats(m * k);
            if (columnMajor(a)) {
              // PyTorch's mm_mat1_backward for a column-major operand (x.t()): (B G^T)^T. The same sums as
              // G B^T, but BLAS pairs its chains by the position in the product it makes.
              const r = scratchFloats(k * m);
              gemm(false, true, k, m, n, B, 0, g, 0, r, 0, false);
              permuteData(r, [k, m], [1, 0], ga);
            } else gemm(false, true, m, k, n, g, 0, B, 0, ga, 0, false); // G B^T
          }
          if (b.requiresGrad) {
            gb = floats(k * n);
            if (columnMajor(b)) {
              // mm_mat2_backward for a column-major operand (x @ w.t()): (G^T A)^T.
              const r = scratchFloats(n * k);
              gemm(true, false, n, k, m, g, 0, A, 0, r, 0, false);
              permuteData(r, [n, k], [1, 0], gb);
            } else gemm(true, false, k, n, m, A, 0, g, 0, gb, 0, false); // A^T G
          }
          return [ga, gb];
        },
        productDiff(a, b),
      )
    : null;
  if (node !== null) saveOperands(node, a, b, saved);
  return Tensor.result(out, outShape, node);
}

export function mm(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 2) throw pyError('RuntimeError', `self must be a matrix`);
  if (b.ndim !== 2) throw pyError('RuntimeError', `mat2 must be a matrix`);
  const [m, k] = a.shape;
  const [k2, n] = b.shape;
  if (k !== k2) throw cannotMultiply(`${m}x${k}`, `${k2}x${n}`);
  if (!isFloatDType(checkDtypes(a, b, productKernel(2, 2)))) return intMatmul(a, b);
  return mm2(a, b, m, k, n, [m, n], 'MmBackward0');
}

export function mv(a: Tensor, v: Tensor): Tensor {
  if (a.ndim !== 2 || v.ndim !== 1) {
    throw pyError('RuntimeError', `vector + matrix @ vector expected, got 1, ${a.ndim}, ${v.ndim}`);
  }
  const [m, k] = a.shape;
  if (v.shape[0] !== k) {
    throw mvMismatch(a.shape, v.shape);
  }
  if (!isFloatDType(checkDtypes(a, v, productKernel(2, 1)))) return intMatmul(a, v);
  return mm2(a, v, m, k, 1, [m], 'MvBackward0');
}

/**
 * Batched product of a [...batchA, n, k] and b [...batchB, k, m] with broadcast batch dims. `squeezeRows` /
 * `squeezeCols` drop the unit dim a 1-D operand was promoted with.
 */
function batched(
  a: Tensor,
  b: Tensor,
  aShape: number[],
  bShape: number[],
  outShapeFinal: (s: number[]) => number[],
  name: string,
  saved: MatmulSaved = [a, b],
): Tensor {
  const n = aShape[aShape.length - 2];
  const k = aShape[aShape.length - 1];
  const k2 = bShape[bShape.length - 2];
  const m = bShape[bShape.length - 1];
  const batchA = aShape.slice(0, -2);
  const batchB = bShape.slice(0, -2);
  const batch = broadcastBatch(batchA, batchB, a.shape, b.shape);
  const nb = numel(batch);
  if (k !== k2) {
    throw mismatch(
      `Expected size for first two dimensions of batch2 tensor to be: [${nb}, ${k}] but got: [${nb}, ${k2}].`,
    );
  }
  const offA = broadcastOffsets(batchA, batch, nb);
  const offB = broadcastOffsets(batchB, batch, nb);
  const A = a.data as Float32Array;
  const B = b.data as Float32Array;
  const out = floats(nb * n * m);
  // Small float32 entries PyTorch sums in its own loop, not BLAS; the backward products (bmm too) have the same size.
  const product = out instanceof Float32Array && n * k * m < BMM_NATIVE_MAX_WORK ? bmmSmall : gemm;
  for (let i = 0; i < nb; i++)
    product(false, false, n, m, k, A, offA[i] * n * k, B, offB[i] * k * m, out, i * n * m, false);
  const node = recording(a, b)
    ? new Node(
        name,
        [a, b],
        (g) => {
          let ga: Float32Array | null = null;
          let gb: Float32Array | null = null;
          if (a.requiresGrad) {
            ga = floats(A.length);
            // Accumulate: a batch entry of a broadcast operand collects gradient from several products.
            for (let i = 0; i < nb; i++)
              product(false, true, n, k, m, g, i * n * m, B, offB[i] * k * m, ga, offA[i] * n * k, true);
          }
          if (b.requiresGrad) {
            gb = floats(B.length);
            for (let i = 0; i < nb; i++)
              product(true, false, k, m, n, A, offA[i] * n * k, g, i * n * m, gb, offB[i] * k * m, true);
          }
          return [ga, gb];
        },
        productDiff(a, b),
      )
    : null;
  if (node !== null) saveOperands(node, a, b, saved);
  return Tensor.result(out, outShapeFinal([...batch, n, m]), node);
}

function broadcastBatch(batchA: number[], batchB: number[], a: Shape, b: Shape): number[] {
  return broadcast(batchA, batchB, `matmul batch dims of ${fmtShape(a)} and ${fmtShape(b)}`);
}

/**
 * What the mm/mv/bmm inside a product saves of each operand (PyTorch's SavedVariables): the operand itself,
 * a view of it (shares its version: the message shows the view's shape), or null where PyTorch's reshape
 * copied it (a copy's version is its own: writing the operand later is not seen).
 */
type MatmulSaved = readonly [Saved | null, Saved | null];

/** Each operand is saved when the other's gradient needs it (mm's and bmm's derivatives). */
function saveOperands(node: Node, a: Tensor, b: Tensor, saved: MatmulSaved): void {
  node.save(saved[0], b.requiresGrad).save(saved[1], a.requiresGrad);
}

/** t's strides as PyTorch has them, or null where the engine does not know them (nonzero's result). */
function stridesOf(t: Tensor): number[] | null {
  if (t.layout !== null) return t.layout.strides.slice();
  return t.nonContiguous ? null : contiguousStrides(t.shape);
}

/** A view of `t` reshaped to `target` (sharing t's version) when t's `strides` allow it, else null (a copy). */
function reshaped(t: Tensor, shape: number[], strides: number[] | null, target: number[]): Saved | null {
  if (strides === null || t.data.length === 0) return null;
  return viewStrides(shape, strides, target) ? new SavedView(t, target) : null;
}

/**
 * matmul's fold of a >= 3-D operand into the rows of one mm: `t.reshape(-1, t.size(-1))`, of `t.mT()` when
 * `transposed` (the batched operand on the right: PyTorch 1.13 multiplies the transposes).
 */
function foldedView(t: Tensor, transposed: boolean): Saved | null {
  const shape = t.shape.slice();
  const strides = stridesOf(t);
  if (transposed && strides !== null) {
    const d = shape.length;
    [shape[d - 2], shape[d - 1]] = [shape[d - 1], shape[d - 2]];
    [strides[d - 2], strides[d - 1]] = [strides[d - 1], strides[d - 2]];
  }
  const cols = shape[shape.length - 1];
  return reshaped(t, shape, strides, [t.data.length / cols, cols]);
}

/**
 * PyTorch 1.13's should_fold refuses a 3-D @ 2-D product whose 3-D operand has its last two dims transposed
 * in an otherwise row-major batch (x.transpose(1, 2) @ w): that one goes through bmm.
 */
function foldRefused(a: Tensor, db: number): boolean {
  const s = stridesOf(a);
  return a.ndim === 3 && db === 2 && s !== null && s[2] !== 1 && s[0] === a.shape[1] * a.shape[2];
}

/**
 * The batched case: each operand expanded to the common batch and reshaped to [batch, rows, cols] for bmm,
 * a view when the reshape needs no copy.
 */
function batchedViews(a: Tensor, b: Tensor): MatmulSaved {
  const batch = broadcastBatch(a.shape.slice(0, -2), b.shape.slice(0, -2), a.shape, b.shape);
  const expandedView = (t: Tensor): Saved | null => {
    const own = stridesOf(t);
    const shape = [...batch, ...t.shape.slice(-2)];
    const off = shape.length - t.ndim;
    // expand keeps t's strides, 0 along the dims it broadcasts (new ones, or size 1 grown).
    const strides = own && shape.map((s, i) => (i < off || (t.shape[i - off] === 1 && s !== 1) ? 0 : own[i - off]));
    return reshaped(t, shape, strides, [numel(batch), ...t.shape.slice(-2)]);
  };
  return [expandedView(a), expandedView(b)];
}

/** torch.matmul with PyTorch's dispatch on ranks (and its grad_fn names for each case). */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const da = a.ndim;
  const db = b.ndim;
  if (da === 0 || db === 0) {
    throw pyError('RuntimeError', `both arguments to matmul need to be at least 1D, but they are ${da}D and ${db}D`);
  }
  if (a.dtype !== 'float32' || b.dtype !== 'float32') {
    // A matrix or vector times a batch runs as the batch's transpose times it: the dtypes are named swapped.
    const [p, q] = da <= 2 && db >= 3 ? [b, a] : [a, b];
    if (!isFloatDType(checkDtypes(p, q, productKernel(da, db)))) return intMatmul(a, b);
  }
  if (da === 1 && db === 1) {
    if (a.shape[0] !== b.shape[0]) throw inconsistentDot(a.shape, b.shape);
    return dot(a, b);
  }
  if (da === 2 && db === 1) {
    if (a.shape[1] !== b.shape[0]) throw mvMismatch(a.shape, b.shape);
    return mv(a, b);
  }
  if (da === 1 && db === 2) {
    const [k, n] = b.shape;
    if (a.shape[0] !== k) throw cannotMultiply(`1x${a.shape[0]}`, `${k}x${n}`);
    return mm2(a, b, 1, k, n, [n], 'SqueezeBackward3', [new SavedView(a, [1, k]), b]);
  }
  if (da === 2 && db === 2) {
    const [m, k] = a.shape;
    const [k2, n] = b.shape;
    if (k !== k2) throw cannotMultiply(`${m}x${k}`, `${k2}x${n}`);
    return mm2(a, b, m, k, n, [m, n], 'MmBackward0');
  }
  if (da >= 3 && db <= 2) {
    // Fold the batch into the rows: one product [(batch n) x k] @ [k x m].
    const k = a.shape[da - 1];
    const rows = a.data.length / Math.max(k, 1);
    const m = db === 1 ? 1 : b.shape[1];
    if (b.shape[0] !== k) {
      // A vector on the right is mv's check on the folded rows.
      if (db === 1) throw mvMismatch([rows, k], b.shape);
      throw cannotMultiply(`${rows}x${k}`, `${b.shape[0]}x${m}`);
    }
    const outShape = db === 1 ? a.shape.slice(0, -1) : [...a.shape.slice(0, -1), m];
    const saved: MatmulSaved = foldRefused(a, db) ? batchedViews(a, b) : [foldedView(a, false), b];
    return mm2(a, b, rows, k, m, outShape, 'UnsafeViewBackward0', saved);
  }
  // Batched with broadcasting; a 1-D operand is promoted to a matrix and its unit dim dropped after.
  const aShape = da === 1 ? [1, a.shape[0]] : a.shape;
  const bShape = db === 1 ? [b.shape[0], 1] : b.shape;
  return batched(
    a,
    b,
    aShape,
    bShape,
    (s) => (da === 1 ? [...s.slice(0, -2), s[s.length - 1]] : db === 1 ? s.slice(0, -1) : s),
    'UnsafeViewBackward0',
    da <= 2 ? [da === 1 ? a : new SavedView(a, [a.shape[1], a.shape[0]]), foldedView(b, true)] : batchedViews(a, b),
  );
}

/** torch.bmm: strictly [B, n, k] @ [B, k, m]. */
export function bmm(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 3) throw pyError('RuntimeError', `batch1 must be a 3D tensor`);
  if (b.ndim !== 3) throw pyError('RuntimeError', `batch2 must be a 3D tensor`);
  if (a.shape[0] !== b.shape[0] || a.shape[2] !== b.shape[1]) {
    throw mismatch(
      `Expected size for first two dimensions of batch2 tensor to be: [${a.shape[0]}, ${a.shape[2]}] but got: [${b.shape[0]}, ${b.shape[1]}].`,
    );
  }
  // Integer batches: the exact float64 product cast back, as mm does (the float kernels would make floats).
  if (!isFloatDType(checkDtypes(a, b, 'bmm'))) return intMatmul(a, b);
  return batched(a, b, a.shape, b.shape, (s) => s, 'BmmBackward0');
}

/**
 * F.linear: x W^T + b with W [out, in]. One gemm (transB) on the rows of x, bias preloaded into the output.
 * grad_fn as PyTorch 1.13 names it: AddmmBackward0 for 2-D input with bias, ViewBackward0 for 3-D input with
 * bias (flattened addmm), the matmul name without bias, AddBackward0 otherwise.
 */
export function linear(x: Tensor, w: Tensor, bias: Tensor | null = null): Tensor {
  if (x.ndim === 0 || w.ndim === 0) {
    throw pyError(
      'RuntimeError',
      `both arguments to linear need to be at least 1D, but they are ${x.ndim}D and ${w.ndim}D`,
    );
  }
  if (bias && x.ndim >= 2 && w.ndim === 2) {
    // addmm's checks, in its order.
    if (bias.dtype !== w.dtype) throw pyError('RuntimeError', 'self and mat2 must have the same dtype');
    if (x.dtype !== w.dtype) throw pyError('RuntimeError', 'mat1 and mat2 must have the same dtype');
  }
  // float32 and float64 share this path: its buffers follow the float64 mode the caller set (buffers.ts).
  if (w.ndim !== 2 || !isFloatDType(x.dtype) || x.dtype !== w.dtype || (bias && bias.dtype !== w.dtype)) {
    return linearGeneric(x, w, bias);
  }
  const inF = w.shape[1];
  const outF = w.shape[0];
  const xin = x.shape[x.ndim - 1];
  const rows = x.ndim === 1 ? 1 : x.data.length / Math.max(xin, 1);
  if (xin !== inF) {
    throw cannotMultiply(`${rows}x${xin}`, `${inF}x${outF}`);
  }
  if (bias && !(bias.data.length === outF || bias.data.length === 1)) return linearGeneric(x, w, bias);
  const X = x.data as Float32Array;
  const W = w.data as Float32Array;
  // Every element is written: by the gemm onto the bias rows (addmm's order: C starts at the bias and each
  // K block of the product is added to it), or by the gemm alone, then + bias. PyTorch 1.13's F.linear
  // takes addmm for 2-D input and contiguous 3-D (flattened to 2-D), and matmul then add_ for the rest (1-D
  // samples, 4-D): the two differ in the last bit once K spans several blocks (more than 320 inputs).
  const out = scratchFloats(rows * outF);
  const bv = bias?.data as Float32Array | undefined;
  const scalarBias = bv !== undefined && bv.length !== outF; // F.linear with a one-value bias, broadcast
  const fused = x.ndim === 2 || (x.ndim === 3 && x.is_contiguous());
  if (bv && !fused) {
    gemm(false, true, rows, outF, inF, X, 0, W, 0, out, 0, false);
    for (let r = 0, i = 0; r < rows; r++) for (let j = 0; j < outF; j++, i++) out[i] += bv[scalarBias ? 0 : j];
  } else {
    if (scalarBias) out.fill(bv[0]);
    gemm(false, true, rows, outF, inF, X, 0, W, 0, out, 0, scalarBias, scalarBias ? undefined : bv);
  }
  const outShape = x.ndim === 1 ? [outF] : [...x.shape.slice(0, -1), outF];
  let node: Node | null = null;
  if (isGradEnabled() && (x.requiresGrad || w.requiresGrad || (bias !== null && bias.requiresGrad))) {
    const route: LinearRoute = { tSeq: reserveNodeSeq(), node: null, wt: null, routed: false };
    node = new Node(
      linearGradFnName(x.ndim, bias !== null),
      bias ? [x, w, bias] : [x, w],
      (g) => {
        let gx: Float32Array | null = null;
        let gw: Float32Array | null = null;
        let gb: Float32Array | null = null;
        if (x.requiresGrad) {
          gx = scratchFloats(X.length); // fully written: the gemm does not accumulate
          gemm(false, false, rows, inF, outF, g, 0, W, 0, gx, 0, false); // G W
          markNoNegativeZero(gx);
        }
        if (w.requiresGrad) gw = linearWeightGrad(g, X, outF, inF, rows, route.routed);
        if (bias && bias.requiresGrad) {
          // The bias gradient is grad.sum(0), in PyTorch's summation order (float32 and float64 alike).
          gb = floats(bias.data.length);
          cascadeSumDims(g, [rows, outF], bias.data.length === outF ? [0] : [0, 1], gb);
          // Sums from +0, like the gemm outputs: never -0.
          if (gb instanceof Float32Array) markNoNegativeZero(gb);
        }
        return bias ? [gx, gw, gb] : [gx, gw];
      },
      linearDiff(x, w, bias, route),
    );
    route.node = node;
    saveLinearOperands(node, x, w, bias !== null, rows);
  }
  return Tensor.result(out, outShape, node);
}

/**
 * What PyTorch 1.13's F.linear saves: addmm (or mm) of the input, as a [rows, in] view for contiguous 3-D
 * input with bias, and of `weight.t()`, each when the other's gradient needs it. Other ranks go through matmul's
 * reshapes, not tracked.
 */
function saveLinearOperands(node: Node, x: Tensor, w: Tensor, hasBias: boolean, rows: number): void {
  const flat = x.ndim === 3 && hasBias && x.is_contiguous();
  if (x.ndim !== 2 && !flat) return;
  const inF = w.shape[1];
  node.save(flat ? new SavedView(x, [rows, inF]) : x, w.requiresGrad);
  node.save(new SavedView(w, [inF, w.shape[0]]), x.requiresGrad);
}

/** A product's gradients (G B^T, A^T G) as recorded ops, for create_graph. */
function productDiff(a: Tensor, b: Tensor) {
  if (a.ndim !== 2 || b.ndim !== 2) return (g: Tensor) => matmulGrads(a, b, g, a.requiresGrad, b.requiresGrad);
  // mm's gradients as PyTorch's mm_mat1_backward / mm_mat2_backward write them, column-major operands included.
  return (g: Tensor) => [
    !a.requiresGrad ? null : columnMajor(a) ? transpose(mm(b, transpose(g, 0, 1)), 0, 1) : mm(g, transpose(b, 0, 1)),
    !b.requiresGrad ? null : columnMajor(b) ? transpose(mm(transpose(g, 0, 1), a), 0, 1) : mm(transpose(a, 0, 1), g),
  ];
}

/**
 * Whether a matrix is laid out column by column (strides [1, rows]), as `w.t()` of a contiguous w: PyTorch's
 * mm backward then computes that operand's gradient as the transpose of the product the other way round.
 */
function columnMajor(t: Tensor): boolean {
  if (t.ndim !== 2) return false;
  const strides = t.layout?.strides ?? contiguousStrides(t.shape);
  return strides[0] === 1 && strides[1] === t.shape[0];
}

/**
 * G^T X, the weight's gradient (PyTorch's mm_mat2_backward for the column-major w.t()); transposed into the
 * gradient of w.t() once the node is routed through it (LinearRoute), which its own node turns back.
 */
function linearWeightGrad(
  g: Float32Array,
  X: Float32Array,
  outF: number,
  inF: number,
  rows: number,
  routed: boolean,
): Float32Array {
  const gw = scratchFloats(outF * inF);
  gemm(true, false, outF, inF, rows, g, 0, X, 0, gw, 0, false);
  markNoNegativeZero(gw);
  if (!routed) return gw;
  const gwt = floats(outF * inF);
  permuteData(gw, [outF, inF], [1, 0], gwt);
  return gwt;
}

/**
 * How a linear node's weight gradient travels. PyTorch's F.linear multiplies by w.t(), a node of its own made
 * just before the product's, so all the gradients meant for that w.t() (the product's own, and those of the
 * graph a create_graph pass builds on it) add up there before they reach w. Here the product takes w
 * directly, which is the same until a create_graph pass: then linearDiff makes that w.t() (with the sequence
 * number reserved in the forward pass, `tSeq`) and, from the next pass on, the node takes it instead of w
 * (`routed`), so that later gradients add up in PyTorch's grouping, bit for bit.
 */
interface LinearRoute {
  tSeq: number;
  node: Node | null;
  wt: Tensor | null;
  routed: boolean;
}

/** linear's gradients as recorded ops: those of x @ w^T, and the bias's g summed to its shape. */
function linearDiff(x: Tensor, w: Tensor, bias: Tensor | null, route: LinearRoute) {
  return (g: Tensor) => {
    if (!route.wt) {
      route.wt = transpose(w, 0, 1);
      if (route.wt.gradFn && route.node) {
        route.wt.gradFn.seq = route.tSeq;
        const node = route.node;
        const wt = route.wt;
        node.rewire = () => {
          (node.inputs as (Tensor | null)[])[1] = wt;
          route.routed = true;
        };
      }
    }
    const wt = route.wt;
    // mm_mat1_backward: grad.mm(w.t().t()).
    const [gx] = matmulGrads(x, wt, g, x.requiresGrad, false);
    // The weight's gradient over every row at once, G^T X, as PyTorch's mm_mat2_backward (on the input folded
    // to 2-D) computes it for the column-major w.t(): the plain backward's product, so the same bits; for w
    // itself until the node is routed through w.t(), then for w.t().
    const rowsOf = (t: Tensor) => reshape(t, [-1, t.shape[t.ndim - 1]]);
    const gw = w.requiresGrad ? mm(transpose(rowsOf(g), 0, 1), rowsOf(x)) : null;
    const gWeight = gw && route.routed ? transpose(gw, 0, 1) : gw;
    return bias ? [gx, gWeight, bias.requiresGrad ? sumTo(g, bias.shape) : null] : [gx, gWeight];
  };
}

/** The grad_fn PyTorch 1.13 reports for F.linear, which depends on how it dispatched (addmm, mm, matmul). */
function linearGradFnName(ndim: number, hasBias: boolean): string {
  if (hasBias) return ndim === 2 ? 'AddmmBackward0' : ndim === 3 ? 'ViewBackward0' : 'AddBackward0';
  return ndim === 2 ? 'MmBackward0' : ndim === 1 ? 'SqueezeBackward3' : 'UnsafeViewBackward0';
}

/** Rare shapes (1-D weight, unusual bias, integer dtypes): compose from matmul and add. */
function linearGeneric(x: Tensor, w: Tensor, bias: Tensor | null): Tensor {
  const y = matmul(x, w.ndim === 2 ? transpose(w, 0, 1) : w);
  return bias ? add(y, bias) : y;
}
