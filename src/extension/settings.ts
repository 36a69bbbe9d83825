// The extension's settings (contributes.configuration in package.json), read fresh each time they are used.
import * as vscode from 'vscode';
import { parseBackend, type Backend } from './backendChoice';

export interface Settings {
  /** Most parameter/activation snapshots per second the worker sends. */
  updatesPerSecond: number;
  /** Most points a chart draws; older points are decimated. */
  maxChartPoints: number;
  /** When a number, `torch.manual_seed(seed)` runs before the file. */
  seed: number | null;
  /** Pause (instead of running on) when the loss becomes NaN or infinite. */
  pauseOnNaN: boolean;
  /** Most MB a run's process may use (tensors and its JavaScript heap). */
  memoryLimitMB: number;
  /** Where files run: the built-in engine, or the learner's own Python and PyTorch. */
  backend: Backend;
  /** The Python for the python backend ('' : the Python extension's interpreter, else python3). */
  pythonPath: string;
  /** Processes `Run with torchrun` starts (torchrun's --nproc_per_node). */
  torchrunProcesses: number;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('backpropLens');
  const seed = c.get<number | null>('seed', null);
  return {
    updatesPerSecond: clamp(c.get<number>('updatesPerSecond', 10), 1, 60),
    maxChartPoints: clamp(c.get<number>('maxChartPoints', 2000), 100, 100_000),
    seed: typeof seed === 'number' && Number.isFinite(seed) ? Math.trunc(seed) : null,
    pauseOnNaN: c.get<boolean>('pauseOnNaN', true),
    memoryLimitMB: Math.round(clamp(c.get<number>('memoryLimitMB', 4096), 256, 65536)),
    backend: parseBackend(c.get<unknown>('backend', 'builtin')),
    pythonPath: (c.get<string>('pythonPath', '') ?? '').trim(),
    torchrunProcesses: Math.round(clamp(c.get<number>('torchrunProcesses', 2), 1, 64)),
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo;
}
