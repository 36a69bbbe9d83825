// Shape arithmetic shared by every op: sizes, strides, broadcasting and the errors that name both shapes.

export type Shape = readonly number[];

export class ShapeError extends Error {
  override name = 'RuntimeError';
}

export function numel(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/** Formats a shape the way PyTorch's messages do: `[2, 3]`. */
export function fmtShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Wraps a possibly negative dim into [0, ndim), with PyTorch's IndexError text when out of range. */
export function normDim(dim: number, ndim: number): number {
  const n = Math.max(ndim, 1);
  if (dim < -n || dim >= n) {
    const err = new Error(`Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
    err.name = 'IndexError';
    throw err;
  }
  return dim < 0 ? dim + n : dim;
}

/** NumPy/PyTorch broadcasting: align from the right, sizes must match or be 1. */
export function broadcastShapes(a: Shape, b: Shape, op: string): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = i < n - a.length ? 1 : a[i - (n - a.length)];
    const db = i < n - b.length ? 1 : b[i - (n - b.length)];
    if (da === db || db === 1) out[i] = da;
    else if (da === 1) out[i] = db;
    else {
      throw new ShapeError(
        `${op}: the size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}` +
          ` (shapes ${fmtShape(a)} and ${fmtShape(b)})`,
      );
    }
  }
  return out;
}

/**
 * The shape several shapes broadcast to (torch.broadcast_shapes / broadcast_tensors), folding from the left
 * as PyTorch's infer_size does; a mismatch raises PyTorch's message for tensors, or for plain shapes (`shapes`).
 */
export function commonShape(shapes: readonly Shape[], forShapes = false): number[] {
  let out: number[] = [];
  for (const b of shapes) {
    const a = out;
    const n = Math.max(a.length, b.length);
    out = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const da = i < n - a.length ? 1 : a[i - (n - a.length)];
      const db = i < n - b.length ? 1 : b[i - (n - b.length)];
      if (da === db || db === 1) out[i] = da;
      else if (da === 1) out[i] = db;
      else {
        throw new ShapeError(
          forShapes
            ? 'Shape mismatch: objects cannot be broadcast to a single shape'
            : `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}`,
        );
      }
    }
  }
  return out;
}

/** Strides of `shape` read as if broadcast to `outShape` (0 along broadcast dims). */
export function broadcastStrides(shape: Shape, outShape: Shape): number[] {
  const strides = stridesOf(shape);
  const off = outShape.length - shape.length;
  const out = new Array<number>(outShape.length).fill(0);
  for (let i = 0; i < shape.length; i++) out[i + off] = shape[i] === 1 ? 0 : strides[i];
  return out;
}
