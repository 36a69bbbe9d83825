// Elementwise arithmetic. Each op computes its forward value and records, beside it, how the gradient
// flows back to each input (micrograd style).
import { Node, needsGrad } from '../autograd';
import { Tensor } from '../tensor';
import { broadcastMap, sumToShape } from './broadcast';

export function add(a: Tensor, b: Tensor, alpha = 1): Tensor {
  const { data, shape } = broadcastMap(a.data, a.shape, b.data, b.shape, 'add', alpha === 1 ? (x, y) => x + y : (x, y) => x + alpha * y);
  const node = needsGrad(a, b)
    ? new Node('AddBackward0', [a, b], (g) => [
        a.requiresGrad ? sumToShape(g, shape, a.shape) : null,
        b.requiresGrad ? scale(sumToShape(g, shape, b.shape), alpha) : null,
      ])
    : null;
  return Tensor.result(data, shape, node);
}

export function mul(a: Tensor, b: Tensor): Tensor {
  const { data, shape } = broadcastMap(a.data, a.shape, b.data, b.shape, 'mul', (x, y) => x * y);
  const node = needsGrad(a, b)
    ? new Node('MulBackward0', [a, b], (g) => [
        // d(ab)/da = b, d(ab)/db = a
        a.requiresGrad ? sumToShape(broadcastMap(g, shape, b.data, b.shape, 'mul', (x, y) => x * y).data, shape, a.shape) : null,
        b.requiresGrad ? sumToShape(broadcastMap(g, shape, a.data, a.shape, 'mul', (x, y) => x * y).data, shape, b.shape) : null,
      ])
    : null;
  return Tensor.result(data, shape, node);
}

function scale(g: Float32Array, k: number): Float32Array {
  if (k === 1) return g;
  const out = new Float32Array(g.length);
  for (let i = 0; i < g.length; i++) out[i] = g[i] * k;
  return out;
}
