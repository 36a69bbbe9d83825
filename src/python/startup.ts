// Brings up Pyodide inside the worker, offline: the runtime is loaded from dist/pyodide (laid out by
// scripts/prepare-python.mjs, with a precompiled stdlib), then our helpers (_bl_guard, _bl_run) and the
// torch shim are installed. Bytecode made at build time is copied into Pyodide's file system beside the
// sources, so neither the stdlib nor our packages are compiled at start-up.
import fs from 'node:fs';
import path from 'node:path';
import type { PyodideInterface } from 'pyodide';
import type { ShimHooks } from './hooks';
import { installTorchShim } from './shim';

/** Where the runtime helpers live inside Pyodide's file system. */
const HELPERS_ROOT = '/backprop_lens_runtime';
/** Where shim.ts puts the torch package (its PY_ROOT); bytecode is laid beside it. */
const SHIM_ROOT = '/backprop_lens';
const HELPER_MODULES = ['_bl_guard', '_bl_run'];

export interface StartupResult {
  py: PyodideInterface;
  /** Set when the torch shim could not be installed: `import torch` then fails with the real error. */
  shimError: string | null;
}

type LoadPyodide = (options: Record<string, unknown>) => Promise<PyodideInterface>;

/** Copies a directory tree from disk into Pyodide's file system. `keep` filters files by name. */
function copyTree(py: PyodideInterface, from: string, to: string, keep: (name: string, inPycache: boolean) => boolean, inPycache = false): void {
  if (!fs.existsSync(from)) return;
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dest = `${to}/${e.name}`;
    if (e.isDirectory()) {
      if (e.name === 'torch' && !inPycache && to === HELPERS_ROOT) continue; // the shim installs torch
      copyTree(py, src, dest, keep, inPycache || e.name === '__pycache__');
    } else if (keep(e.name, inPycache)) {
      py.FS.mkdirTree(to);
      py.FS.writeFile(dest, fs.readFileSync(src));
    }
  }
}

/** BACKPROP_LENS_DEBUG=1 prints how long each start-up stage took (to the worker's stderr). */
const debug = !!process.env.BACKPROP_LENS_DEBUG;
let stageStart = performance.now();
let stageCpu = process.cpuUsage();
function stage(name: string): void {
  const now = performance.now();
  const cpu = process.cpuUsage(stageCpu);
  if (debug) {
    const cpuMs = ((cpu.user + cpu.system) / 1000).toFixed(0);
    // fd 2 directly: a worker's process.stderr is relayed through the main thread and may be cut at exit.
    fs.writeSync(2, `backprop-lens: ${name} ${(now - stageStart).toFixed(0)} ms (process CPU ${cpuMs} ms)\n`);
  }
  stageStart = now;
  stageCpu = process.cpuUsage();
}

export async function startPython(distDir: string, hooks: ShimHooks): Promise<StartupResult> {
  stageStart = performance.now();
  stageCpu = process.cpuUsage();
  const pyodideDir = path.join(distDir, 'pyodide');
  // A runtime path, not a bundled import: Pyodide stays a set of files beside the bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadPyodide } = require(path.join(pyodideDir, 'pyodide.js')) as { loadPyodide: LoadPyodide };
  const write = (stream: 'stdout' | 'stderr') => {
    const decoder = new TextDecoder('utf-8');
    return {
      write: (buf: Uint8Array): number => {
        const text = decoder.decode(buf, { stream: true });
        if (text) hooks.write(stream, text);
        return buf.length;
      },
    };
  };
  const options = { indexURL: pyodideDir + path.sep, packages: [] };
  const snapshotFile = path.join(pyodideDir, 'snapshot.bin');
  let py: PyodideInterface | null = null;
  if (fs.existsSync(snapshotFile)) {
    try {
      py = await loadPyodide({ ...options, _loadSnapshot: fs.readFileSync(snapshotFile) });
    } catch {
      py = null; // an unusable snapshot only costs time: start CPython the ordinary way
    }
  }
  py ??= await loadPyodide(options);
  stage('Pyodide loaded');
  py.setStdout(write('stdout'));
  py.setStderr(write('stderr'));
  py.setStdin({ stdin: () => null }); // input() sees end of file instead of hanging the worker

  const pythonDir = path.join(distDir, 'python');
  copyTree(py, pythonDir, HELPERS_ROOT, (name) => name.endsWith('.py') || name.endsWith('.pyc'));
  py.runPython(`
import sys
sys.path.insert(0, ${JSON.stringify(HELPERS_ROOT)})
import _bl_guard, _bl_run
_bl_guard.install()
`);
  stage('runtime helpers imported');

  let shimError: string | null = null;
  try {
    // Bytecode first: the shim writes the sources next to it, and the import then finds both.
    copyTree(py, path.join(pythonDir, 'torch'), `${SHIM_ROOT}/torch`, (name, inPycache) => inPycache && name.endsWith('.pyc'));
    await installTorchShim(py, hooks);
    stage('torch imported');
  } catch (err) {
    // Plain Python files still run; `import torch` in the user's file then raises the real error.
    shimError = err instanceof Error ? err.message : String(err);
  }
  for (const m of HELPER_MODULES) if (!py.runPython(`'${m}' in sys.modules`)) throw new Error(`runtime helper ${m} missing`);
  return { py, shimError };
}
