// The engine as the Python `torch` package sees it: the JS module `_bl_engine` (registered under that name
// by shim.ts and startup.ts; a start-up snapshot re-binds its members by name, see snapshot.ts). The bridge
// converts arguments and calls the engine, which does all the math:
//   convert.ts          PyProxy -> JS, dims, index keys, (values, indices) pairs
//   tensors.ts          tensor state, grad mode, printing, factories, random numbers
//   ops.ts              arithmetic, comparisons, math, losses, reductions, shapes and indexing
//   opsExtra.ts         addcmul/addcdiv and other elementwise extras, index_add/put/take, cov, trapezoid
//   conv.ts             convolution and pooling
//   spatial.ts          affine_grid and grid_sample
//   linalg.ts           torch.linalg's solvers and factorizations
//   gamma.ts            lgamma/digamma and the Gamma/Dirichlet draws of torch.distributions
//   optimizers.ts       torch.optim and lr_scheduler objects
//   instrumentation.ts  what the package reports to the runtime (model tree, module outputs, hints)
//   figures.ts, scalars.ts  matplotlib figures and SummaryWriter's values, for the panel
//   sequential.ts       the fused nn.Sequential forward
//   savedTensors.ts     torch.autograd.graph's saved-tensor hooks
// Every function is wrapped so that a JS error reaches Python as the Python exception its `name` says
// (RuntimeError, IndexError, ...), raised through the `_raise` callback torch/_errors.py sets.
import * as loss from '../../engine/ops/loss';
import * as sched from '../../engine/lr_scheduler';
import { inFloat64Mode, isReducedFloat, setFloat64Mode } from '../../engine/buffers';
import { hasReducedFloat, roundToReducedFloat, runInReducedFloat } from '../../engine/reducedFloat';
import { Tensor } from '../../engine/tensor';
import { numpyBlas, numpyLoops } from './numpyLoops';
import { computesInFloat64 } from '../../engine/ops/util';
import type { ShimHooks } from '../hooks';
import { factories, randomness, state } from './tensors';
import { arithmetic, comparisons, losses, math, reductions, shapes } from './ops';
import { extraOps } from './opsExtra';
import { convolutions } from './conv';
import { spatial } from './spatial';
import { optimizers, schedulers } from './optimizers';
import { figures } from './figures';
import { scalars } from './scalars';
import { instrumentation } from './instrumentation';
import { sequentialForward } from './sequential';
import { sequence } from './sequence';
import { linalg } from './linalg';
import { gammaFamily } from './gamma';
import { instrumentStepping } from './stepping';
import { savedTensors } from './savedTensors';

/** The functions `_bl_engine` exposes, before error wrapping. */
function engineFunctions(hooks: ShimHooks): Record<string, unknown> {
  const groups = [
    state,
    factories,
    randomness,
    arithmetic,
    comparisons,
    math,
    losses,
    reductions,
    shapes,
    extraOps,
    sequence,
    convolutions,
    spatial,
    linalg,
    gammaFamily,
    optimizers,
    schedulers,
    instrumentation(hooks),
    figures(hooks),
    scalars(hooks),
    sequentialForward(hooks),
    numpyLoops,
    numpyBlas,
    savedTensors,
  ];
  const out: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [name, value] of Object.entries(group)) {
      if (name in out) throw new Error(`internal: _bl_engine.${name} is defined twice`);
      out[name] = value;
    }
  }
  instrumentStepping(out, hooks);
  return out;
}

type Raiser = (kind: string, message: string) => never;

/** The Python exception class and message for an error thrown by the engine. */
function pythonError(err: unknown): { kind: string; message: string } {
  let kind = err instanceof Error ? err.name : 'RuntimeError';
  let message = err instanceof Error ? err.message : String(err);
  // Some engine errors carry the Python class in the message ("RuntimeError: ...").
  const m = /^(RuntimeError|ValueError|TypeError|IndexError|KeyError|NotImplementedError): ([\s\S]*)$/.exec(message);
  if (m && (kind === 'Error' || kind === m[1])) {
    kind = m[1];
    message = m[2];
  }
  if (kind === 'Error' || kind === 'RangeError') kind = 'RuntimeError';
  return { kind, message };
}

/** Engine functions handed float16/bfloat16 tensors as they are (not run as float32, reducedFloat.ts): unique
 * hashes a bfloat16's own 16 bits. */
const SEES_REDUCED_FLOAT = new Set(['format', 'cast', 'view_dtype', 'set_data', 'unique']);

/** A float16/bfloat16 tensor made from numbers (torch.full(..., 0.1, dtype=torch.float16)) holds rounded values. */
function roundedResult(r: unknown): unknown {
  if (r instanceof Tensor && isReducedFloat(r.dtype) && r.layout === null) {
    roundToReducedFloat(r.data as Float32Array, r.dtype);
  }
  return r;
}

/** Creates the `_bl_engine` module object for one Pyodide instance. */
export function createBridge(hooks: ShimHooks): Record<string, unknown> {
  let raise: Raiser | null = null;
  const fail = (err: unknown): never => {
    // A Python exception coming back through JS (e.g. from a LambdaLR function) keeps its identity.
    if (
      err &&
      typeof err === 'object' &&
      (err as { constructor?: { name?: string } }).constructor?.name === 'PythonError'
    )
      throw err;
    const { kind, message } = pythonError(err);
    if (raise) raise(kind, message);
    throw err;
  };
  const keep = <T>(f: { copy?: () => unknown }): T => (typeof f.copy === 'function' ? f.copy() : f) as T;
  const bridge: Record<string, unknown> = {
    set_python_callbacks: (
      raiser: { copy?: () => unknown },
      warner: { copy?: () => unknown },
      printer: { copy?: () => unknown },
    ) => {
      raise = keep(raiser);
      const warn = keep<(message: string) => void>(warner);
      const print = keep<(line: string) => void>(printer);
      loss.setWarningSink((message) => warn(message));
      sched.schedulerOutput.print = (line) => print(line);
    },
  };
  for (const [name, value] of Object.entries(engineFunctions(hooks))) {
    if (typeof value !== 'function') {
      bridge[name] = value;
      continue;
    }
    const plain = value as (...args: unknown[]) => unknown;
    // float16/bfloat16 operands: the op runs on them as float32 and its results are rounded back
    // (reducedFloat.ts); printing, casting and moving data between tensors see their real dtype.
    const seesReducedFloat = SEES_REDUCED_FLOAT.has(name);
    const f = seesReducedFloat
      ? plain
      : (...args: unknown[]) =>
          hasReducedFloat(args) ? runInReducedFloat(name, plain, args) : roundedResult(plain(...args));
    bridge[name] = function guarded(...args: unknown[]) {
      // Ops allocate float64 buffers while their result dtype is float64 (see buffers.ts); a float32 call
      // (nearly all of them) leaves the mode alone.
      const double = computesInFloat64(args);
      if (!double && !inFloat64Mode()) {
        try {
          return f(...args);
        } catch (err) {
          return fail(err);
        }
      }
      const mode = setFloat64Mode(double);
      try {
        return f(...args);
      } catch (err) {
        return fail(err);
      } finally {
        setFloat64Mode(mode);
      }
    };
  }
  return bridge;
}
