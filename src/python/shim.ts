// Installs our Python `torch` package into a Pyodide instance: copies the package's .py files into
// Pyodide's in-memory file system, puts them on sys.path and registers the engine bridge as the JS module
// `_bl_engine` that the package imports. The .py files are read from disk at run time: next to the bundle
// (dist/python/torch, copied there by scripts/prepare-python.mjs) or, when running from source, from
// src/python/torch. The package calls hooks.modelSeen / hooks.moduleForward from nn.Module.__call__ (module
// outputs arrive in one batch when the root model's forward returns); the script's stdout/stderr are routed
// by the runtime (startup.ts), so hooks.write is not used here.
import fs from 'node:fs';
import path from 'node:path';
import type { PyodideInterface } from 'pyodide';
import { createBridge } from './bridge';
import type { ShimHooks } from './hooks';

/** Where the package lives inside Pyodide's file system. */
const PY_ROOT = '/backprop_lens';

export interface ShimOptions {
  /** Directory holding the `torch` package sources; found automatically when absent. */
  torchDir?: string;
}

/** Finds the directory of the Python `torch` package, from a bundle in dist/ or from the sources. */
export function findTorchDir(): string {
  const candidates = [
    path.join(__dirname, 'python', 'torch'), // dist/worker.js, dist/cli.js
    path.join(__dirname, 'torch'), // src/python/shim.ts run through tsx
    path.join(__dirname, '..', 'python', 'torch'),
    path.join(__dirname, '..', '..', 'src', 'python', 'torch'),
  ];
  for (const dir of candidates) if (fs.existsSync(path.join(dir, '__init__.py'))) return dir;
  throw new Error(`Backprop Lens: the Python torch package was not found (looked in ${candidates.join(', ')})`);
}

/** Every .py file under `dir`, as paths relative to it. */
function listPythonFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const sub = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== '__pycache__') out.push(...listPythonFiles(dir, sub));
    } else if (entry.name.endsWith('.py')) out.push(sub);
  }
  return out;
}

export async function installTorchShim(
  py: PyodideInterface,
  hooks: ShimHooks,
  options: ShimOptions = {},
): Promise<void> {
  const torchDir = options.torchDir ?? findTorchDir();
  const target = `${PY_ROOT}/torch`;
  for (const rel of listPythonFiles(torchDir)) {
    const dest = `${target}/${rel}`;
    py.FS.mkdirTree(dest.slice(0, dest.lastIndexOf('/')));
    py.FS.writeFile(dest, fs.readFileSync(path.join(torchDir, rel), 'utf8'));
  }
  py.registerJsModule('_bl_engine', createBridge(hooks));
  py.runPython(`
import sys
if ${JSON.stringify(PY_ROOT)} not in sys.path:
    sys.path.insert(0, ${JSON.stringify(PY_ROOT)})
for _name in [m for m in sys.modules if m == 'torch' or m.startswith('torch.')]:
    del sys.modules[_name]
import torch
`);
}
