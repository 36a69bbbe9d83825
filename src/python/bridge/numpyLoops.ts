// `_bl_engine.np_*`: the float64 loops our numpy package runs in the engine (numpy/_typed.py,
// src/engine/numpyLoops.ts). Python passes the addresses of its array('d') buffers in Pyodide's memory,
// which the loops read and write through views: no copies, no JS objects for Python to hold.
import { ddotF64, gemmF64, gemvNF64, gemvTF64 } from '../../engine/numpyBlas';
import { npBinaryF64, npBinaryStridedF64, npSumAxisF64, npSumF64, npUnaryF64 } from '../../engine/numpyLoops';
import { npSvmlF64 } from '../../engine/numpySvml';

let pythonHeap: () => Float64Array = () => {
  throw new Error("internal: numpy's engine loops called before Python's memory was set");
};

/** Pyodide's memory as float64s (Module.HEAPF64, which Pyodide replaces when the memory grows). */
export function setPythonHeap(heap: () => Float64Array): void {
  pythonHeap = heap;
}

/** A Python tuple of ints as Pyodide hands it over (a proxy with toJs), or already an array. */
type PythonSequence = number[] | { toJs: () => number[] };

function toNumbers(seq: PythonSequence): number[] {
  return Array.isArray(seq) ? seq : seq.toJs();
}

function view(address: number, n: number): Float64Array {
  return new Float64Array(pythonHeap().buffer, address, n);
}

export const numpyLoops: Record<string, unknown> = {
  /** `x` and `y` are an address (isArray bit 1 for x, 2 for y) or a number. */
  np_binary_f64: (op: number, x: number, y: number, isArray: number, out: number, n: number) =>
    npBinaryF64(op, isArray & 1 ? view(x, n) : x, isArray & 2 ? view(y, n) : y, view(out, n)),
  np_unary_f64: (name: string, x: number, out: number, n: number) => npUnaryF64(name, view(x, n), view(out, n)),
  np_sum_f64: (x: number, n: number) => npSumF64(view(x, n)),
  /** A broadcast binary loop: each operand an address with its element count and strides, or a number. */
  np_binary_strided_f64: (
    op: number,
    x: number,
    xCount: number,
    xStrides: PythonSequence,
    y: number,
    yCount: number,
    yStrides: PythonSequence,
    shape: PythonSequence,
    out: number,
  ) => {
    const dims = toNumbers(shape);
    const n = dims.reduce((p, d) => p * d, 1);
    const xs = xCount > 0 ? view(x, xCount) : x;
    const ys = yCount > 0 ? view(y, yCount) : y;
    return npBinaryStridedF64(op, xs, toNumbers(xStrides), ys, toNumbers(yStrides), dims, view(out, n));
  },
  np_sum_axis_f64: (x: number, rows: number, cols: number, axis: number, out: number) =>
    npSumAxisF64(view(x, rows * cols), rows, cols, axis, view(out, axis === 0 ? cols : rows)),
  np_svml_f64: (name: string, x: number, out: number, n: number) => npSvmlF64(name, view(x, n), view(out, n)),
};

/** numpy's float64 matrix products in OpenBLAS's orders (src/engine/numpyBlas.ts), over Python's arrays. */
export const numpyBlas: Record<string, unknown> = {
  np_gemm_f64: (a: number, b: number, n: number, k: number, m: number, out: number) =>
    gemmF64(view(a, n * k), view(b, k * m), n, k, m, view(out, n * m)),
  np_gemv_t_f64: (a: number, x: number, n: number, k: number, y: number) =>
    gemvTF64(view(a, n * k), view(x, k), n, k, view(y, n)),
  np_gemv_n_f64: (a: number, x: number, n: number, k: number, packed: boolean, y: number) =>
    gemvNF64(view(a, n * k), view(x, k), n, k, packed, view(y, n)),
  np_ddot_f64: (x: number, y: number, n: number) => ddotF64(view(x, n), view(y, n), n),
};
