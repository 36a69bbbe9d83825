// Brings up Pyodide inside the worker, offline. The runtime is loaded from dist/pyodide (laid out by
// scripts/prepare-python.mjs, with a precompiled stdlib). The fast path restores the start-up snapshot
// (snapshot.ts), in which our helpers (_bl_guard, _bl_run) and the torch package are already imported:
// only their folders are mounted again (tracebacks and later imports read them) and the bridge is
// reconnected. Without a usable snapshot, CPython starts the ordinary way and everything is imported here;
// the bytecode made at build time means no Python is compiled at start-up either way, and Pyodide's own JS
// comes from V8's code cache when one fits (compiledPyodideModule). BACKPROP_LENS_DEBUG=1 times the stages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { threadId } from 'node:worker_threads';
import type { PyodideInterface } from 'pyodide';
import { createBridge } from './bridge';
import type { ShimHooks } from './hooks';
import { installTorchShim } from './shim';
import { tierUpInterpreter } from './interpreterTierUp';
import { setLibmPow } from '../engine/numpyLoops';
import { setLibmFma } from '../engine/numpyBlas';
import { setPythonHeap } from './bridge/numpyLoops';
import { bridgeDeserializer, bridgeSerializer, encodeSnapshot, readSnapshot, type SnapshotInfo } from './snapshot';

/** Where the runtime helpers live inside Pyodide's file system (dist/python, mounted). */
const HELPERS_ROOT = '/backprop_lens_runtime';
/** Where shim.ts puts the torch package (its PY_ROOT); bytecode is laid beside it. */
const SHIM_ROOT = '/backprop_lens';
const HELPER_MODULES = ['_bl_guard', '_bl_run'];
/** The JS module name the torch package imports the engine from (shim.ts registers it the same way). */
const BRIDGE_MODULE = '_bl_engine';

/** Stdlib modules imported into the snapshot besides those torch needs: common in learners' scripts. */
const SNAPSHOT_IMPORTS = [
  'traceback',
  'linecache',
  'types',
  'importlib.abc',
  'importlib.util',
  'math',
  'random',
  'collections',
  'functools',
  'itertools',
  'numbers',
  'typing',
  'dataclasses',
  'warnings',
  'contextlib',
  're',
  'json',
  'copy',
  'operator',
  'weakref',
  'enum',
  'inspect',
  'abc',
  'string',
  'textwrap',
  'builtins',
  'time',
  'os',
];

export interface StartupResult {
  py: PyodideInterface;
  /** Set when the torch shim could not be installed: `import torch` then fails with the real error. */
  shimError: string | null;
}

/** What start-up uses of Pyodide's Emscripten module. */
interface PyodideModule {
  _pow: (x: number, y: number) => number;
  _fma: (a: number, b: number, c: number) => number;
  HEAPF64: Float64Array;
}

type LoadPyodide = (options: Record<string, unknown>) => Promise<PyodideInterface>;

/** Copies a directory tree from disk into Pyodide's file system. `keep` filters files by name. */
function copyTree(
  py: PyodideInterface,
  from: string,
  to: string,
  keep: (name: string, inPycache: boolean) => boolean,
  inPycache = false,
): void {
  if (!fs.existsSync(from)) return;
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dest = `${to}/${e.name}`;
    if (e.isDirectory()) {
      copyTree(py, src, dest, keep, inPycache || e.name === '__pycache__');
    } else if (keep(e.name, inPycache)) {
      py.FS.mkdirTree(to);
      py.FS.writeFile(dest, fs.readFileSync(src)); // bytes: a string would be re-encoded in JS first
    }
  }
}

/** BACKPROP_LENS_DEBUG=1 prints how long each start-up stage took (to the worker's stderr). */
const debug = !!process.env.BACKPROP_LENS_DEBUG;
let stageStart = 0;
let stageCpu: NodeJS.CpuUsage | null = null;
export function stage(name: string): void {
  if (!debug) return;
  const now = performance.now();
  const cpu = process.cpuUsage(stageCpu ?? undefined);
  const cpuMs = ((cpu.user + cpu.system) / 1000).toFixed(0);
  // fd 2 directly: a worker's process.stderr is relayed through the main thread and may be cut at exit.
  fs.writeSync(2, `backprop-lens: ${name} ${(now - stageStart).toFixed(0)} ms (process CPU ${cpuMs} ms)\n`);
  stageStart = now;
  stageCpu = process.cpuUsage();
}
export function stagesBegin(): void {
  if (!debug) return;
  stageStart = performance.now();
  stageCpu = process.cpuUsage();
}

interface PyodideLoader {
  load: LoadPyodide;
  options: Record<string, unknown>;
  dir: string;
  /** Writes V8's code cache of Pyodide's JS when there was none that fitted (call once it has run). */
  saveCodeCache: () => void;
}

/**
 * Where the code cache is kept: beside pyodide.asm.js, or in the temp folder when the install is read-only
 * or the runtime process may not write there (the permission model), keyed by V8's version and the file.
 */
function codeCacheFiles(file: string): { read: string[]; write: string } {
  const beside = `${file}.cache`;
  let stamp = '';
  try {
    stamp = `${fs.statSync(file).size}-${Math.round(fs.statSync(file).mtimeMs)}`;
  } catch {
    /* only the file beside is used */
  }
  const temp = path.join(os.tmpdir(), `backprop-lens-pyodide.${process.versions.v8}.${stamp}.cache`);
  let besideWritable = true;
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    const permission = (process as { permission?: { has(scope: string, ref: string): boolean } }).permission;
    if (permission && !permission.has('fs.write', beside)) besideWritable = false;
  } catch {
    besideWritable = false;
  }
  return { read: [beside, temp], write: besideWritable ? beside : temp };
}

/**
 * Pyodide's JS (1.2 MB) through V8's code cache: prepare-python.mjs turned pyodide.asm.mjs into a script,
 * which vm.Script compiles from `pyodide.asm.js.cache` when it matches this V8 and this file (it saves
 * about 60 ms of parsing and compiling per start); otherwise the worker writes the cache after loading.
 */
function compiledPyodideModule(dir: string): { create: unknown; saveCodeCache: () => void } | null {
  const file = path.join(dir, 'pyodide.asm.js');
  const caches = codeCacheFiles(file);
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let script: vm.Script | null = null;
  let cachedData: Buffer | undefined;
  for (const cacheFile of caches.read) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      continue;
    }
    script = new vm.Script(source, { filename: file, cachedData });
    if (!script.cachedDataRejected) break;
  }
  if (!script || script.cachedDataRejected) cachedData = undefined;
  script ??= new vm.Script(source, { filename: file });
  const factory = script.runInThisContext() as (
    importMetaUrl: string,
    dynamicImport: (s: string) => Promise<unknown>,
  ) => unknown;
  const create = factory(pathToFileURL(path.join(dir, 'pyodide.asm.mjs')).href, (specifier) => import(specifier));
  const compiled = script;
  const saveCodeCache = () => {
    if (cachedData) return;
    try {
      const tmp = `${caches.write}.${process.pid}.${threadId}.tmp`;
      fs.writeFileSync(tmp, compiled.createCachedData());
      fs.renameSync(tmp, caches.write);
    } catch {
      /* every start then compiles, as without the cache */
    }
  };
  return { create, saveCodeCache };
}

/**
 * Under Node's permission model `process.binding` throws, and Emscripten's NODEFS asks it for nothing but
 * the fs constants at start-up; a refused file operation fails with ERR_ACCESS_DENIED, a code NODEFS does
 * not know, so it becomes EACCES (Python's PermissionError).
 */
function prepareForPermissionModel(): void {
  const proc = process as unknown as { permission?: unknown; binding: (name: string) => unknown };
  if (!proc.permission || (proc.binding as { blPatched?: boolean }).blPatched) return;
  const binding = proc.binding.bind(process);
  const patched = (name: string) => (name === 'constants' ? { fs: fs.constants, os: os.constants } : binding(name));
  proc.binding = Object.assign(patched, { blPatched: true });
  const mutable = fs as unknown as Record<string, unknown>;
  for (const [name, fn] of Object.entries(fs)) {
    if (!name.endsWith('Sync') || typeof fn !== 'function') continue;
    mutable[name] = function (this: unknown, ...args: unknown[]) {
      try {
        return (fn as (...a: unknown[]) => unknown).apply(this, args);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_ACCESS_DENIED') (err as NodeJS.ErrnoException).code = 'EACCES';
        throw err;
      }
    };
  }
}

function pyodideLoader(distDir: string, useCodeCache = true): PyodideLoader {
  prepareForPermissionModel();
  const dir = path.join(distDir, 'pyodide');
  // A runtime path, not a bundled import: Pyodide stays a set of files beside the bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadPyodide } = require(path.join(dir, 'pyodide.js')) as { loadPyodide: LoadPyodide };
  const options: Record<string, unknown> = { indexURL: dir + path.sep, packages: [] };
  let compiled: ReturnType<typeof compiledPyodideModule> = null;
  if (useCodeCache) {
    try {
      compiled = compiledPyodideModule(dir);
    } catch {
      compiled = null; // Pyodide then imports its module file itself
    }
  }
  if (compiled) options.createPyodideModule = compiled.create;
  return { load: loadPyodide, options, dir, saveCodeCache: compiled?.saveCodeCache ?? (() => undefined) };
}

/** Makes dist/python (the helpers) importable and imports them. */
function importHelpers(py: PyodideInterface, pythonDir: string): void {
  py.mountNodeFS(HELPERS_ROOT, pythonDir);
  py.runPython(`
import sys
sys.path.insert(0, ${JSON.stringify(HELPERS_ROOT)})
import _bl_guard, _bl_run
_bl_guard.install()
_bl_run.install_open_tracking()
`);
}

/** Mounts the torch package of dist/python, sources and bytecode, where the shim would put it. */
function mountTorch(py: PyodideInterface, pythonDir: string): void {
  py.mountNodeFS(`${SHIM_ROOT}/torch`, path.join(pythonDir, 'torch'));
}

export async function startPython(distDir: string, hooks: ShimHooks): Promise<StartupResult> {
  stagesBegin();
  const { load, options, dir, saveCodeCache } = pyodideLoader(distDir);
  const pythonDir = path.join(distDir, 'python');
  const snapshot = readSnapshot(path.join(dir, 'snapshot.bin'));
  stage('Pyodide code and snapshot read');
  let py: PyodideInterface | null = null;
  let torchRestored = false;
  if (snapshot) {
    try {
      const bridge = createBridge(hooks);
      py = await load({ ...options, _loadSnapshot: snapshot.bytes, _snapshotDeserializer: bridgeDeserializer(bridge) });
      torchRestored = snapshot.info.torch;
    } catch (err) {
      py = null; // an unusable snapshot only costs time: start CPython the ordinary way
      stage(`start-up snapshot not usable (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  const fromSnapshot = py !== null;
  py ??= await load(options);
  stage(fromSnapshot ? 'Pyodide restored' : 'Pyodide loaded');
  const pyodideModule = (py as unknown as { _module: PyodideModule })._module;
  if (tierUpInterpreter(pyodideModule)) stage('interpreter optimized');
  // numpy's float64 loops in the engine: power and fused multiply-adds as Python's math.pow and math.fma
  // compute them, arrays in Python's memory.
  setLibmPow(pyodideModule._pow);
  setLibmFma(pyodideModule._fma);
  setPythonHeap(() => pyodideModule.HEAPF64);
  const write = (stream: 'stdout' | 'stderr') => ({
    write: (buf: Uint8Array): number => {
      hooks.write(stream, buf);
      return buf.length;
    },
  });
  py.setStdout(write('stdout'));
  py.setStderr(write('stderr'));
  py.setStdin({ stdin: () => null }); // input() sees end of file instead of hanging the worker

  if (fromSnapshot)
    py.mountNodeFS(HELPERS_ROOT, pythonDir); // imported already: only their files
  else importHelpers(py, pythonDir);
  stage('runtime helpers ready');

  let shimError: string | null = null;
  if (torchRestored) {
    mountTorch(py, pythonDir);
    // The bridge of the snapshot's torch is this worker's (restored by name), but the Python callbacks
    // it calls back (errors, warnings, printing) were handed to the build's bridge by torch/_errors.py:
    // hand them to this one (as that module does on import; reloading it would cost a compile check).
    py.runPython(
      `import sys\n_m = sys.modules['torch._errors']\n_m.E.set_python_callbacks(_m._raise, _m._warn, _m._print)\ndel _m`,
    );
    stage('torch reconnected');
  } else {
    try {
      // Bytecode first: the shim writes the sources next to it, and the import then finds both.
      copyTree(
        py,
        path.join(pythonDir, 'torch'),
        `${SHIM_ROOT}/torch`,
        (name, inPycache) => inPycache && name.endsWith('.pyc'),
      );
      await installTorchShim(py, hooks);
      stage('torch imported');
    } catch (err) {
      // Plain Python files still run; `import torch` in the user's file then raises the real error.
      shimError = err instanceof Error ? err.message : String(err);
    }
  }
  for (const m of HELPER_MODULES)
    if (!py.runPython(`'${m}' in sys.modules`)) throw new Error(`runtime helper ${m} missing`);
  saveCodeCache();
  return { py, shimError };
}

/** Hooks for the snapshot's bridge: nothing runs while the snapshot is made. */
const NO_HOOKS: ShimHooks = {
  modelSeen: () => undefined,
  moduleForward: () => undefined,
  hint: () => undefined,
  write: () => undefined,
};

async function snapshotBase(distDir: string): Promise<PyodideInterface> {
  // Without the code cache: the cache is written by a worker that restores the snapshot (its code paths).
  const { load, options } = pyodideLoader(distDir, false);
  const py = await load({ ...options, _makeSnapshot: true });
  py.runPython(SNAPSHOT_IMPORTS.map((m) => `import ${m}`).join('\n'));
  importHelpers(py, path.join(distDir, 'python'));
  return py;
}

/**
 * Makes the start-up snapshot (run at build time in a worker of dist/worker.js, so that the snapshot is
 * made by the very code that restores it) in the sparse file format. If torch does not import (a broken
 * package at build time), the snapshot holds the stdlib and the helpers only, and start-up imports torch,
 * reporting its error where the user's file imports it.
 */
export async function makeStartupSnapshot(distDir: string): Promise<{ file: Uint8Array; info: SnapshotInfo }> {
  const pythonDir = path.join(distDir, 'python');
  let py = await snapshotBase(distDir);
  const bridge = createBridge(NO_HOOKS);
  let info: SnapshotInfo = { torch: true };
  try {
    mountTorch(py, pythonDir);
    py.registerJsModule(BRIDGE_MODULE, bridge);
    py.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(SHIM_ROOT)})\nimport torch`);
  } catch (err) {
    info = { torch: false, torchError: err instanceof Error ? err.message : String(err) };
    py = await snapshotBase(distDir); // a clean instance, without the half-imported package
  }
  try {
    // Our matplotlib (pure Python, in dist/python) too, so `import matplotlib.pyplot` costs nothing at run time.
    py.runPython('import matplotlib.pyplot');
  } catch {
    // Imported when the file asks for it, raising its error there: no half-imported package in the snapshot.
    py.runPython(
      "import sys\nfor m in [m for m in sys.modules if m.split('.')[0] == 'matplotlib']: del sys.modules[m]",
    );
  }
  if (info.torch) {
    try {
      // Our torchvision (pure Python over torch) likewise: its ~20 small files take about a second to import.
      py.runPython('import torchvision');
    } catch {
      py.runPython(
        "import sys\nfor m in [m for m in sys.modules if m.split('.')[0] == 'torchvision']: del sys.modules[m]",
      );
    }
  }
  py.runPython('import gc\ngc.collect()');
  const raw = py.makeMemorySnapshot({ serializer: bridgeSerializer(bridge) });
  return { file: encodeSnapshot(raw, info), info };
}
