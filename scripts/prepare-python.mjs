// Lays out what the Python worker needs beside its bundle, all offline:
//   dist/pyodide/          Pyodide's runtime files, with python_stdlib.zip replaced by a copy that also holds
//                          bytecode (.pyc) for every stdlib module, so start-up does not compile ~200 modules
//   dist/python/torch/     our torch package, plus __pycache__ bytecode for each module
//   dist/python/*.py       the runtime's own helpers (import guard, file runner), plus bytecode
//   dist/pyodide/snapshot.bin  Pyodide's memory right after start-up with common stdlib modules imported:
//                          the worker restores it instead of initialising CPython (about twice as fast)
// Bytecode is made by Pyodide itself (its CPython and magic number) and cached by content hash in
// a cache folder (below), so a rebuild with unchanged sources does not start Pyodide at all.
// Run by scripts/build.mjs after bundling; also runnable on its own.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pyodideSrc = path.join(root, 'node_modules', 'pyodide');
const dist = path.join(root, 'dist');
// $BACKPROP_LENS_CACHE (CI keeps it between runs; `npm ci` wipes node_modules) or node_modules/.cache.
const cacheDir = process.env.BACKPROP_LENS_CACHE
  ? path.join(process.env.BACKPROP_LENS_CACHE, 'python')
  : path.join(root, 'node_modules', '.cache', 'backprop-lens');
/** Bump when the way bytecode is made changes, to invalidate the cache. */
const RECIPE = 'pyc-v1';

const RUNTIME_FILES = ['pyodide.js', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'pyodide-lock.json', 'package.json'];

const sha = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 20);

function copyIfChanged(from, to) {
  const a = fs.statSync(from);
  if (fs.existsSync(to)) {
    const b = fs.statSync(to);
    if (a.size === b.size && a.mtimeMs <= b.mtimeMs) return;
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

/** Every .py file under dir (relative paths, `/`-separated), skipping __pycache__. */
function pythonFiles(dir, rel = '') {
  if (!fs.existsSync(path.join(dir, rel))) return [];
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const sub = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (e.name !== '__pycache__') out.push(...pythonFiles(dir, sub));
    } else if (e.name.endsWith('.py')) out.push(sub);
  }
  return out;
}

let pyodidePromise = null;
/** A Pyodide used only as a compiler; started on the first cache miss. */
function compiler(stdLibURL) {
  pyodidePromise ??= (async () => {
    const { loadPyodide } = await import(pathToFileURL(path.join(pyodideSrc, 'pyodide.mjs')).href);
    const py = await loadPyodide({ indexURL: pyodideSrc + path.sep, ...(stdLibURL ? { stdLibURL } : {}) });
    py.runPython(`
import zipfile, importlib.util, importlib._bootstrap_external as _be, sys

def _bl_pyc(source, filename, checked):
    if isinstance(source, str):
        source = source.encode('utf-8')
    code = compile(source, filename, 'exec', dont_inherit=True)
    return bytes(_be._code_to_hash_pyc(code, importlib.util.source_hash(source), checked))

def _bl_stdlib(src, dst, prefix):
    # Each module keeps its .py (for tracebacks) and gains an unchecked hash-based .pyc, which zipimport
    # loads without looking at the source.
    out = zipfile.ZipFile(dst, 'w')
    with zipfile.ZipFile(src) as zin:
        for info in zin.infolist():
            data = zin.read(info)
            out.writestr(info, data)
            if not info.filename.endswith('.py'):
                continue
            try:
                pyc = _bl_pyc(data, prefix + info.filename, False)
            except SyntaxError:
                continue  # test data and the like; zipimport falls back to the source
            pi = zipfile.ZipInfo(info.filename[:-3] + '.pyc', date_time=info.date_time)
            out.writestr(pi, pyc, compress_type=zipfile.ZIP_STORED)
    out.close()
`);
    return py;
  })();
  return pyodidePromise;
}

async function cacheTag() {
  // The tag (cpython-314) only changes with Pyodide's version, so it is cached beside the bytecode.
  const version = JSON.parse(fs.readFileSync(path.join(pyodideSrc, 'package.json'), 'utf8')).version;
  const file = path.join(cacheDir, `cache-tag-${version}.txt`);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  const py = await compiler(null);
  const tag = py.runPython('sys.implementation.cache_tag');
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(file, tag);
  return tag;
}

async function prepareStdlib() {
  const src = path.join(pyodideSrc, 'python_stdlib.zip');
  const key = sha(Buffer.concat([fs.readFileSync(src), Buffer.from(RECIPE)]));
  const cached = path.join(cacheDir, `python_stdlib.${key}.zip`);
  if (!fs.existsSync(cached)) {
    const started = Date.now();
    const py = await compiler(null);
    py.FS.writeFile('/tmp/stdlib-in.zip', fs.readFileSync(src));
    const version = py.runPython("f'{sys.version_info[0]}{sys.version_info[1]}'");
    py.globals.get('_bl_stdlib')('/tmp/stdlib-in.zip', '/tmp/stdlib-out.zip', `/lib/python${version}.zip/`);
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(cached + '.tmp', py.FS.readFile('/tmp/stdlib-out.zip'));
    fs.renameSync(cached + '.tmp', cached);
    console.log(`prepare-python: precompiled the stdlib in ${Date.now() - started} ms`);
  }
  copyIfChanged(cached, path.join(dist, 'pyodide', 'python_stdlib.zip'));
}

/** Copies a tree of .py files and writes checked hash-based bytecode for each into __pycache__. */
async function preparePackage(fromDir, toDir, files, tag, prune) {
  for (const rel of files) {
    const source = fs.readFileSync(path.join(fromDir, rel));
    const dest = path.join(toDir, rel);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    if (!fs.existsSync(dest) || !fs.readFileSync(dest).equals(source)) fs.writeFileSync(dest, source);
    const cached = path.join(cacheDir, 'pyc', `${sha(Buffer.concat([source, Buffer.from(tag + RECIPE)]))}.pyc`);
    if (!fs.existsSync(cached)) {
      const py = await compiler(fs.existsSync(path.join(dist, 'pyodide', 'python_stdlib.zip')) ? path.join(dist, 'pyodide', 'python_stdlib.zip') : null);
      let pyc;
      try {
        // Checked: the loader verifies the source hash, so a stale .pyc can never win over edited source.
        pyc = py.globals.get('_bl_pyc')(source.toString('utf8'), rel, true);
      } catch (err) {
        // A syntax error surfaces when the module is imported, with the real message.
        if (String(err).includes('SyntaxError')) continue;
        throw err;
      }
      fs.mkdirSync(path.dirname(cached), { recursive: true });
      fs.writeFileSync(cached, pyc.toJs ? pyc.toJs() : pyc);
    }
    const name = path.basename(rel, '.py');
    copyIfChanged(cached, path.join(path.dirname(dest), '__pycache__', `${name}.${tag}.pyc`));
  }
  // Drop files whose source is gone (renamed modules) so they cannot be imported by accident.
  if (!prune) return;
  const keep = new Set(files);
  for (const rel of pythonFiles(toDir)) {
    if (!keep.has(rel)) fs.rmSync(path.join(toDir, rel));
  }
}

/** Stdlib modules the runtime and the torch package import: loading them is part of the snapshot. */
const SNAPSHOT_IMPORTS = [
  'traceback', 'linecache', 'types', 'importlib.abc', 'importlib.util', 'math', 'random', 'collections',
  'functools', 'itertools', 'numbers', 'typing', 'dataclasses', 'warnings', 'contextlib', 're', 'json', 'copy',
  'operator', 'weakref', 'enum', 'inspect', 'abc', 'string', 'textwrap', 'builtins', 'time', 'os',
];

async function prepareSnapshot() {
  const indexDir = path.join(dist, 'pyodide');
  const stdlib = fs.readFileSync(path.join(indexDir, 'python_stdlib.zip'));
  const key = sha(Buffer.concat([stdlib, fs.readFileSync(path.join(indexDir, 'pyodide.asm.wasm')), Buffer.from(SNAPSHOT_IMPORTS.join() + RECIPE)]));
  const cached = path.join(cacheDir, `snapshot.${key}.bin`);
  if (!fs.existsSync(cached)) {
    const started = Date.now();
    // The same loader file the worker uses (CommonJS), so the snapshot matches what restores it.
    const { loadPyodide } = createRequire(import.meta.url)(path.join(indexDir, 'pyodide.js'));
    const py = await loadPyodide({ indexURL: indexDir + path.sep, packages: [], _makeSnapshot: true });
    py.runPython(SNAPSHOT_IMPORTS.map((m) => `import ${m}`).join('\n'));
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(cached + '.tmp', py.makeMemorySnapshot());
    fs.renameSync(cached + '.tmp', cached);
    console.log(`prepare-python: made the start-up snapshot in ${Date.now() - started} ms`);
  }
  copyIfChanged(cached, path.join(indexDir, 'snapshot.bin'));
}

async function main() {
  const started = Date.now();
  for (const f of RUNTIME_FILES) copyIfChanged(path.join(pyodideSrc, f), path.join(dist, 'pyodide', f));
  await prepareStdlib();
  await prepareSnapshot();
  const tag = await cacheTag();
  const torchSrc = path.join(root, 'src', 'python', 'torch');
  await preparePackage(torchSrc, path.join(dist, 'python', 'torch'), pythonFiles(torchSrc), tag, true);
  // The runtime helpers: the top-level .py files of src/python (not the torch package).
  const pySrc = path.join(root, 'src', 'python');
  const helpers = fs.readdirSync(pySrc).filter((f) => f.endsWith('.py'));
  await preparePackage(pySrc, path.join(dist, 'python'), helpers, tag, false);
  if (pyodidePromise) console.log(`prepare-python: done in ${Date.now() - started} ms`);
}

await main();
