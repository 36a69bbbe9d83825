// Where a run on the Python backend happens (interpreter, PyTorch, devices, processes under torchrun) and what
// a step costs there (time, GPU memory): folded from its events into RunSnapshot.environment, and the one-line
// summary the panel and the inspector show. The built-in engine sends no `environment` event: null there.
// Shared code (src/shared): imports only the protocol and its neighbours.
import type { RunEnvironment, RunEvent } from '../protocol';
import { fmt, type Strings } from './strings';

/** `env` after `event`: the same object when the event says nothing about the environment. */
export function foldEnvironment(env: RunEnvironment | null, event: RunEvent): RunEnvironment | null {
  switch (event.type) {
    case 'environment':
      return {
        python: event.python,
        torch: event.torch,
        cuda: event.cuda,
        devices: event.devices,
        worldSize: event.worldSize,
        modelDevices: env?.modelDevices ?? [],
        stepMs: env?.stepMs ?? null,
        maxMemory: env?.maxMemory ?? null,
      };
    case 'model':
      return env && event.devices ? { ...env, modelDevices: event.devices } : env;
    case 'steps': {
      if (!env || (!event.stepMs && event.maxMemory === undefined)) return env;
      const stepMs = event.stepMs ? median(event.stepMs) : null;
      return { ...env, stepMs: stepMs ?? env.stepMs, maxMemory: event.maxMemory ?? env.maxMemory };
    }
    default:
      return env;
  }
}

/** The median of the finite values (a step after a pause is NaN), or null when there is none. */
function median(values: ArrayLike<number>): number | null {
  const finite = Array.from(values).filter(Number.isFinite);
  if (finite.length === 0) return null;
  finite.sort((a, b) => a - b);
  const mid = finite.length >> 1;
  return finite.length % 2 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
}

/** "PyTorch 1.13.1 · Python 3.11.2 · devices: cpu · model on cpu · 0.42 ms/step"; null without an environment. */
export function environmentText(env: RunEnvironment | null | undefined, s: Strings): string | null {
  if (!env) return null;
  const parts = [fmt(s.envTorch, env.torch, env.python), fmt(s.envDevices, env.devices.join(', '))];
  if (env.modelDevices.length) parts.push(fmt(s.envModelOn, env.modelDevices.join(', ')));
  if (env.worldSize > 1) parts.push(fmt(s.envProcesses, env.worldSize));
  if (env.stepMs !== null) parts.push(fmt(s.envStepMs, formatMs(env.stepMs)));
  if (env.maxMemory !== null) parts.push(fmt(s.envMemory, formatBytes(env.maxMemory)));
  return parts.join(' · ');
}

function formatMs(ms: number): string {
  return ms >= 100 ? String(Math.round(ms)) : ms.toPrecision(2);
}

/** Bytes as KB, MB or GB (powers of 1024, as torch.cuda's memory summaries count). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toPrecision(3)} ${units[i]}`;
}
