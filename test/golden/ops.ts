// Golden ops: every case in ops.json (one op of real PyTorch 1.13, float32) must give the same forward value
// and shape, and, after backward with the recorded grad_out, the same gradient for every input PyTorch
// differentiated (rtol 1e-5, atol 1e-6).
import * as torch from '../../src/engine';
import type { Tensor } from '../../src/engine';
import { GoldenCase, GoldenTensor, compareClose, compareShape, readGolden } from './case';

type Arg = GoldenTensor | number | number[] | null;

interface OpCase {
  name: string;
  op: string;
  args: Arg[];
  kwargs: Record<string, unknown>;
  out: GoldenTensor;
  grad_out: GoldenTensor;
  grads: (GoldenTensor | null)[];
}

const RTOL = 1e-5;
const ATOL = 1e-6;

function isTensor(a: Arg): a is GoldenTensor {
  return typeof a === 'object' && a !== null && !Array.isArray(a);
}

function toTensor(g: GoldenTensor, requiresGrad: boolean): Tensor {
  if (g.dtype === 'int64') return new torch.Tensor(Float64Array.from(g.data), g.shape, 'int64');
  return new torch.Tensor(Float32Array.from(g.data), g.shape, 'float32', requiresGrad);
}

/** Calls the engine function that the torch call `op(*args, **kwargs)` corresponds to. */
function call(op: string, a: (Tensor | number | number[] | null)[], kw: Record<string, unknown>): Tensor {
  const T = (i: number) => a[i] as Tensor;
  const num = (k: string, d: number) => (kw[k] === undefined || kw[k] === null ? d : (kw[k] as number));
  const reduction = (kw.reduction as torch.Reduction | undefined) ?? 'mean';
  const dim = kw.dim as number | undefined;
  const keepdim = (kw.keepdim as boolean | undefined) ?? false;
  switch (op) {
    case 'add':
      return torch.add(T(0), a[1] as Tensor | number, num('alpha', 1));
    case 'sub':
      return torch.sub(T(0), a[1] as Tensor | number, num('alpha', 1));
    case 'mul':
      return torch.mul(T(0), a[1] as Tensor | number);
    case 'div':
      return torch.div(T(0), a[1] as Tensor | number, (kw.rounding_mode as 'trunc' | 'floor' | undefined) ?? null);
    case 'pow':
      return torch.pow(T(0), a[1] as Tensor | number);
    case 'neg':
    case 'exp':
    case 'log':
    case 'sqrt':
    case 'abs':
    case 'relu':
    case 'sigmoid':
    case 'tanh':
    case 'silu':
      return (torch[op] as (t: Tensor) => Tensor)(T(0));
    case 'clamp':
      return torch.clamp(
        T(0),
        (kw.min as number | undefined) ?? (a[1] as number | undefined) ?? null,
        (kw.max as number | undefined) ?? (a[2] as number | undefined) ?? null,
      );
    case 'matmul':
      return torch.matmul(T(0), T(1));
    case 'sum':
      return torch.sum(T(0), dim ?? (a[1] as number | undefined), keepdim);
    case 'mean':
      return torch.mean(T(0), dim ?? (a[1] as number | undefined), keepdim);
    case 'amax':
      return torch.amax(T(0), dim ?? (a[1] as number | undefined) ?? [], keepdim);
    case 'transpose':
      return torch.transpose(T(0), a[1] as number, a[2] as number);
    case 'reshape':
      return torch.reshape(T(0), a[1] as number[]);
    case 'leaky_relu':
      return torch.leaky_relu(T(0), num('negative_slope', 0.01));
    case 'elu':
      return torch.elu(T(0), num('alpha', 1));
    case 'gelu':
      return torch.gelu(T(0), (kw.approximate as 'none' | 'tanh' | undefined) ?? 'none');
    case 'softplus':
      return torch.softplus(T(0), num('beta', 1), num('threshold', 20));
    case 'softmax':
      return torch.softmax(T(0), dim);
    case 'log_softmax':
      return torch.log_softmax(T(0), dim);
    case 'linear':
      return torch.linear(T(0), T(1), (a[2] as Tensor | undefined) ?? (kw.bias as Tensor | undefined) ?? null);
    case 'mse_loss':
      return torch.mse_loss(T(0), T(1), reduction);
    case 'l1_loss':
      return torch.l1_loss(T(0), T(1), reduction);
    case 'smooth_l1_loss':
      return torch.smooth_l1_loss(T(0), T(1), reduction, num('beta', 1));
    case 'huber_loss':
      return torch.huber_loss(T(0), T(1), reduction, num('delta', 1));
    case 'binary_cross_entropy':
      return torch.binary_cross_entropy(T(0), T(1), null, reduction);
    case 'binary_cross_entropy_with_logits':
      return torch.binary_cross_entropy_with_logits(T(0), T(1), null, reduction, null);
    case 'cross_entropy':
      return torch.cross_entropy(T(0), T(1), null, num('ignore_index', -100), reduction, num('label_smoothing', 0));
    case 'nll_loss':
      return torch.nll_loss(T(0), T(1), null, num('ignore_index', -100), reduction);
    default:
      throw new Error(`golden op '${op}' is not mapped to the engine`);
  }
}

function check(c: OpCase): string | null {
  const args = c.args.map((a, i) => (isTensor(a) ? toTensor(a, c.grads[i] != null) : a));
  const out = call(c.op, args, c.kwargs);
  const problem = compareShape('out', out.shape, c.out.shape) ?? compareClose('out', out.data, c.out.data, RTOL, ATOL);
  if (problem) return problem;
  if (!c.grads.some((g) => g !== null)) return null;
  out.backward(toTensor(c.grad_out, false));
  for (let i = 0; i < c.grads.length; i++) {
    const want = c.grads[i];
    if (!want) continue;
    const got = (args[i] as Tensor).grad;
    if (!got) return `grad[${i}] missing`;
    const p =
      compareShape(`grad[${i}]`, got.shape, want.shape) ?? compareClose(`grad[${i}]`, got.data, want.data, RTOL, ATOL);
    if (p) return p;
  }
  return null;
}

export default function collect(goldenDir: string): GoldenCase[] {
  const file = readGolden<{ cases: OpCase[] }>(goldenDir, 'ops.json');
  return file.cases.map((c) => ({ name: `ops/${c.name}`, check: () => check(c) }));
}
