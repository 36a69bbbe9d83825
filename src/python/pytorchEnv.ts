// For the Python backend (pytorchRunner.ts): finding the probe that ships with us, checking that the
// learner's interpreter can run it (Python 3.8+ that imports torch) with a plain explanation of what is
// missing and how to install it, and turning the probe's JSON lines back into RunEvents with typed arrays.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FigureEvent, ParamSnapshot, PausedEvent, RunEvent, TensorValues } from '../protocol';
import { reviveConceptEvent } from '../shared/conceptState';
import { reviveFigure } from '../shared/figureState';
import { reviveScalarPoints } from '../shared/scalarState';

export const PROBE_FILE = 'backprop_lens_probe.py';

/** The probe script: dist/probe/ beside the bundle (copied by scripts/prepare-python.mjs) or the sources. */
export function findProbe(distDir: string): string {
  const candidates = [
    path.join(distDir, 'probe', PROBE_FILE),
    path.join(__dirname, 'probe', PROBE_FILE), // dist/cli.js, dist/extension.js
    path.join(__dirname, 'real', PROBE_FILE), // src/python/*.ts through tsx
    path.join(__dirname, '..', '..', 'src', 'python', 'real', PROBE_FILE),
  ];
  for (const file of candidates) if (fs.existsSync(file)) return file;
  throw new Error(`Backprop Lens: the PyTorch probe was not found (looked in ${candidates.join(', ')})`);
}

export type TorchCheck =
  | { ok: true; python: string; executable: string; version: string; torch: string; cuda: string | null }
  | { ok: false; python: string; problem: string };

const CHECK_SCRIPT = `
import json, platform, sys
info = {"executable": sys.executable, "version": platform.python_version()}
if sys.version_info < (3, 8):
    info["error"] = "Python 3.8 or newer is needed"
else:
    try:
        import torch
        info["torch"] = str(torch.__version__)
        info["cuda"] = getattr(torch.version, "cuda", None)
    except Exception as e:
        info["error"] = "%s: %s" % (type(e).__name__, e)
print(json.dumps(info))
`;

/** How to get PyTorch for an interpreter, in the words the CLI and the extension show. */
export function installAdvice(executable: string): string {
  return (
    `Install it with \`${executable} -m pip install torch\` (on Debian or Ubuntu: \`sudo apt install python3-torch\`), ` +
    'or choose a Python that has it (--python PATH on the command line).'
  );
}

/** Runs `python` once to see whether it can run the probe: Python 3.8+ importing torch. */
export function checkPython(python: string, timeoutMs = 120_000): Promise<TorchCheck> {
  return new Promise((resolve) => {
    execFile(python, ['-c', CHECK_SCRIPT], { timeout: timeoutMs, encoding: 'utf8' }, (err, stdout, stderr) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      let info: Record<string, string | null> | null;
      try {
        info = JSON.parse(line);
      } catch {
        info = null;
      }
      if (!info) {
        const code = (err as NodeJS.ErrnoException | null)?.code;
        const problem =
          code === 'ENOENT'
            ? `Python was not found: '${python}'. Install Python 3 with PyTorch, or choose the interpreter (--python PATH).`
            : `'${python}' did not run as Python 3: ${(stderr || String(err)).trim().split('\n').pop()}`;
        return resolve({ ok: false, python, problem });
      }
      const executable = info.executable ?? python;
      if (info.error) {
        const missing = /No module named|ModuleNotFoundError|ImportError/.test(info.error);
        const problem = missing
          ? `PyTorch is not installed for ${executable} (Python ${info.version}): ${info.error}. ${installAdvice(executable)}`
          : `${executable} (Python ${info.version}) cannot run Backprop Lens: ${info.error}.`;
        return resolve({ ok: false, python, problem });
      }
      resolve({
        ok: true,
        python,
        executable,
        version: info.version ?? '',
        torch: info.torch ?? '',
        cuda: info.cuda ?? null,
      });
    });
  });
}

const floats = (a: number[] | null | undefined): Float32Array | null =>
  a ? Float32Array.from(a, (v) => (v === null ? NaN : v)) : null;

function reviveParams(ps: any[]): ParamSnapshot[] {
  return ps.map((p) => ({ ...p, value: floats(p.value) ?? new Float32Array(0), grad: floats(p.grad) }));
}

function revivePaused(e: any): PausedEvent {
  const values = (t: any): TensorValues | null => (t ? { ...t, values: floats(t.values) } : null);
  const out: PausedEvent = { ...e, params: reviveParams(e.params), before: e.before ? e.before.map(floats) : null };
  if (e.forward) out.forward = { prediction: values(e.forward.prediction)!, target: values(e.forward.target) };
  if (e.update) out.update = { ...e.update, amounts: e.update.amounts ? e.update.amounts.map(floats) : null };
  return out;
}

/** One line the probe wrote, as the RunEvent the built-in runtime would have posted (typed arrays, NaN). */
export function parseProbeLine(line: string): RunEvent | null {
  let e: any;
  try {
    e = JSON.parse(line);
  } catch {
    return null;
  }
  if (!e || typeof e.type !== 'string') return null;
  switch (e.type) {
    case 'steps': {
      const out = { ...e, losses: floats(e.losses), lrs: e.lrs.map(floats) };
      if (e.stepMs) out.stepMs = floats(e.stepMs);
      if (e.gradNorms) out.gradNorms = { ...e.gradNorms, norms: e.gradNorms.norms.map(floats) };
      if (e.updateRatios) out.updateRatios = { ...e.updateRatios, ratios: e.updateRatios.ratios.map(floats) };
      return out;
    }
    case 'params':
      return { ...e, params: reviveParams(e.params) };
    case 'paused':
      return revivePaused(e);
    case 'activations':
      return { ...e, outputs: e.outputs.map((o: any) => ({ ...o, data: floats(o.data) })) };
    case 'prediction':
    case 'landscape':
    case 'graph':
    case 'activationInputs':
    case 'batch':
      return reviveConceptEvent(e);
    case 'figure':
      return reviveFigure(e as FigureEvent);
    case 'scalars':
      return { ...e, series: reviveScalarPoints(e.series) };
    default:
      return e as RunEvent;
  }
}
