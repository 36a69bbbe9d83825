// `_bl_engine.scalar_logged`, called by our torch.utils.tensorboard (src/python/torch/utils/tensorboard/
// _panel.py) for every value SummaryWriter logs: it goes to the runtime's hooks, which batch them into
// `scalars` events for the panel.
import os from 'node:os';
import type { ShimHooks } from '../hooks';

export function scalars(hooks: ShimHooks): Record<string, unknown> {
  return {
    scalar_logged: (chart: string, label: string, step: number, value: number) =>
      hooks.scalar?.(String(chart), String(label), Number(step), Number(value)),
    // The machine's name and the process id, for log folder and event file names (Pyodide's own are
    // `emscripten` and 42): `runs/Dec07_10-15-00_<host>`, `events.out.tfevents.<time>.<host>.<pid>.0`.
    host_identity: () => [os.hostname(), process.pid].join('\n'),
  };
}
