// Lays out what the Python worker needs beside its bundle, all offline:
//   dist/pyodide/          Pyodide's runtime files, with python_stdlib.zip replaced by a copy that also holds
//                          bytecode (.pyc) for every stdlib module, so start-up does not compile ~200 modules
//   dist/pyodide/pyodide.asm.js  pyodide.asm.mjs as a classic script (a function expression), which the
//                          worker compiles with V8's code cache (pyodide.asm.js.cache, written by the worker
//                          on its first start): ES modules get no code cache in Node 20
//   dist/python/torch/     our torch package, plus __pycache__ bytecode for each module
//   dist/python/numpy/     our numpy package (pure Python), likewise; importable as `numpy` because
//                          dist/python is on sys.path (the helpers' folder)
//   dist/python/matplotlib/  our matplotlib (pure Python; pyplot draws through the worker), likewise
//   dist/python/mpl_toolkits/  mplot3d over our matplotlib (pure Python), likewise
//   dist/python/tqdm/      our tqdm (progress bars around learners' loops; pure Python), likewise
//   dist/python/torchvision/  our torchvision subset (transforms on tensors, model architectures, local
//                          datasets; pure Python over our torch), likewise
//   dist/python/sklearn/   our scikit-learn subset (data sets, splits, scalers, metrics; pure Python over our
//                          numpy), likewise; not in the start-up snapshot: imported when a file asks for it
//   dist/python/pandas/    our pandas subset (frames, CSV, printing; pure Python over our numpy), likewise
//   dist/python/*.py       the runtime's own helpers (import guard, file runner), plus bytecode
//   dist/probe/*.py        the Python backend's probe (src/python/real), run by the learner's own Python
//   dist/pyodide/snapshot.bin  Pyodide's memory right after start-up with common stdlib modules, our
//                          helpers and torch imported (src/python/snapshot.ts): the worker restores it
//                          instead of initialising CPython and importing everything (cold start halved).
//                          Made by dist/worker.js itself, so it must run after the bundles are built.
// Bytecode is made by Pyodide itself (its CPython and magic number) and cached by content hash in
// a cache folder (below), so a rebuild with unchanged sources does not start Pyodide at all.
// Run by scripts/build.mjs after bundling; also runnable on its own.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pyodideSrc = path.join(root, 'node_modules', 'pyodide');
const dist = path.join(root, 'dist');
// $BACKPROP_LENS_CACHE (CI keeps it between runs; `npm ci` wipes node_modules) or node_modules/.cache.
const cacheDir = process.env.BACKPROP_LENS_CACHE
  ? path.join(process.env.BACKPROP_LENS_CACHE, 'python')
  : path.join(root, 'node_modules', '.cache', 'backprop-lens');
/** Bump when the way bytecode is made changes, to invalidate the cache. */
const RECIPE = 'pyc-v1';
/** Likewise for the snapshot's format and contents. */
const SNAPSHOT_RECIPE = 'snapshot-v2';

const RUNTIME_FILES = ['pyodide.js', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'pyodide-lock.json', 'package.json'];

const sha = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 20);

function copyIfChanged(from, to) {
  const a = fs.statSync(from);
  if (fs.existsSync(to)) {
    const b = fs.statSync(to);
    if (a.size === b.size && a.mtimeMs <= b.mtimeMs) return;
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  // Copy, then rename: a worker starting meanwhile (tests, another build) never reads half a file.
  const tmp = `${to}.${process.pid}.tmp`;
  fs.copyFileSync(from, tmp);
  fs.renameSync(tmp, to);
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
      const py = await compiler(
        fs.existsSync(path.join(dist, 'pyodide', 'python_stdlib.zip'))
          ? path.join(dist, 'pyodide', 'python_stdlib.zip')
          : null,
      );
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

/** Every file under dir (sorted relative paths), for the snapshot's cache key. */
function allFiles(dir, rel = '') {
  const out = [];
  for (const e of fs
    .readdirSync(path.join(dir, rel), { withFileTypes: true })
    .sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const sub = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...allFiles(dir, sub));
    else out.push(sub);
  }
  return out;
}

/** Runs dist/worker.js in snapshot mode: the code that restores the snapshot also makes it. */
function makeSnapshotInWorker(workerFile) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { makeSnapshot: true }, execArgv: [] });
    worker.once('message', (msg) => {
      void worker.terminate();
      resolve(msg);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the snapshot worker exited (code ${code}) without a snapshot`)));
  });
}

async function prepareSnapshot() {
  const indexDir = path.join(dist, 'pyodide');
  const workerFile = path.join(dist, 'worker.js');
  const target = path.join(indexDir, 'snapshot.bin');
  if (!fs.existsSync(workerFile)) {
    // Start-up still works without it, only slower.
    fs.rmSync(target, { force: true });
    console.log('prepare-python: no dist/worker.js yet (bundle first): no start-up snapshot');
    return;
  }
  // Everything the snapshot's memory depends on: the runtime, the stdlib, the worker (bridge, import
  // list) and the Python files it imports.
  const pythonDir = path.join(dist, 'python');
  const hash = crypto.createHash('sha256');
  for (const f of [path.join(indexDir, 'python_stdlib.zip'), path.join(indexDir, 'pyodide.asm.wasm'), workerFile])
    hash.update(fs.readFileSync(f));
  for (const rel of allFiles(pythonDir)) hash.update(rel).update(fs.readFileSync(path.join(pythonDir, rel)));
  hash.update(SNAPSHOT_RECIPE);
  const key = hash.digest('hex').slice(0, 20);
  const cached = path.join(cacheDir, `snapshot.${key}.bin`);
  if (!fs.existsSync(cached)) {
    const started = Date.now();
    let made;
    try {
      made = await makeSnapshotInWorker(workerFile);
    } catch (err) {
      // Start-up still works without it, only slower; the build goes on.
      fs.rmSync(target, { force: true });
      console.log(`prepare-python: warning: no start-up snapshot: ${err instanceof Error ? err.message : err}`);
      return;
    }
    const { snapshot, info } = made;
    fs.mkdirSync(cacheDir, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, snapshot);
    fs.renameSync(tmp, cached);
    // Each build of the worker makes a new snapshot: keep the newest few (another build may be using one).
    const old = fs
      .readdirSync(cacheDir)
      .filter((f) => /^snapshot\.[0-9a-f]+\.bin$/.test(f))
      .map((f) => ({ f, t: fs.statSync(path.join(cacheDir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(3);
    for (const { f } of old) fs.rmSync(path.join(cacheDir, f), { force: true });
    const mb = (snapshot.length / 1048576).toFixed(1);
    console.log(`prepare-python: made the start-up snapshot (${mb} MB) in ${Date.now() - started} ms`);
    if (!info.torch) console.log(`prepare-python: warning: torch is not in the start-up snapshot: ${info.torchError}`);
  }
  copyIfChanged(cached, target);
}

/**
 * Rewrites Pyodide's ES module into `(function (importMetaUrl, dynamicImport) { ...; return
 * _createPyodideModule; })`: import.meta.url and import() become parameters, the default export the return
 * value. When the module no longer has the expected shape, the script is not made and the worker imports
 * the module as before.
 */
function prepareScriptForm() {
  const out = path.join(dist, 'pyodide', 'pyodide.asm.js');
  const source = fs.readFileSync(path.join(pyodideSrc, 'pyodide.asm.mjs'), 'utf8');
  const ending = /export default _createPyodideModule;\s*$/;
  const body = source
    .replace(ending, '')
    .replace(/import\.meta\.url/g, '__bl_import_meta_url')
    .replace(/(?<![.\w$])import\(/g, '__bl_import(');
  const script = `(function (__bl_import_meta_url, __bl_import) {${body}\nreturn _createPyodideModule;\n})`;
  let problem = !ending.test(source)
    ? 'no default export'
    : /import\.meta|(?<![.\w$])import\(|\bexport default\b/.test(body)
      ? 'module syntax left'
      : null;
  if (!problem) {
    try {
      new vm.Script(script, { filename: out });
    } catch (err) {
      problem = String(err);
    }
  }
  if (problem) {
    fs.rmSync(out, { force: true });
    console.log(
      `prepare-python: warning: pyodide.asm.mjs not turned into a script (${problem}); start-up compiles it each time`,
    );
    return;
  }
  if (!fs.existsSync(out) || fs.readFileSync(out, 'utf8') !== script) {
    fs.writeFileSync(`${out}.${process.pid}.tmp`, script);
    fs.renameSync(`${out}.${process.pid}.tmp`, out);
  }
}

/**
 * The probe for the learner's own Python + PyTorch (src/python/real -> dist/probe, the Python backend): plain
 * copies, no bytecode (that interpreter compiles its own) and outside dist/python, so the Pyodide snapshot's
 * cache key does not change with it.
 */
function prepareProbe() {
  const from = path.join(root, 'src', 'python', 'real');
  const to = path.join(dist, 'probe');
  const files = pythonFiles(from);
  for (const rel of files) copyIfChanged(path.join(from, rel), path.join(to, rel));
  const keep = new Set(files);
  for (const rel of pythonFiles(to)) if (!keep.has(rel)) fs.rmSync(path.join(to, rel));
}

async function main() {
  const started = Date.now();
  for (const f of RUNTIME_FILES) copyIfChanged(path.join(pyodideSrc, f), path.join(dist, 'pyodide', f));
  prepareScriptForm();
  await prepareStdlib();
  const tag = await cacheTag();
  const torchSrc = path.join(root, 'src', 'python', 'torch');
  await preparePackage(torchSrc, path.join(dist, 'python', 'torch'), pythonFiles(torchSrc), tag, true);
  const numpySrc = path.join(root, 'src', 'python', 'numpy');
  await preparePackage(numpySrc, path.join(dist, 'python', 'numpy'), pythonFiles(numpySrc), tag, true);
  const matplotlibSrc = path.join(root, 'src', 'python', 'matplotlib');
  await preparePackage(matplotlibSrc, path.join(dist, 'python', 'matplotlib'), pythonFiles(matplotlibSrc), tag, true);
  const toolkitsSrc = path.join(root, 'src', 'python', 'mpl_toolkits');
  await preparePackage(toolkitsSrc, path.join(dist, 'python', 'mpl_toolkits'), pythonFiles(toolkitsSrc), tag, true);
  const tqdmSrc = path.join(root, 'src', 'python', 'tqdm');
  await preparePackage(tqdmSrc, path.join(dist, 'python', 'tqdm'), pythonFiles(tqdmSrc), tag, true);
  const visionSrc = path.join(root, 'src', 'python', 'torchvision');
  await preparePackage(visionSrc, path.join(dist, 'python', 'torchvision'), pythonFiles(visionSrc), tag, true);
  const sklearnSrc = path.join(root, 'src', 'python', 'sklearn');
  await preparePackage(sklearnSrc, path.join(dist, 'python', 'sklearn'), pythonFiles(sklearnSrc), tag, true);
  const pandasSrc = path.join(root, 'src', 'python', 'pandas');
  await preparePackage(pandasSrc, path.join(dist, 'python', 'pandas'), pythonFiles(pandasSrc), tag, true);
  // The runtime helpers: the top-level .py files of src/python (not the torch package).
  const pySrc = path.join(root, 'src', 'python');
  const helpers = fs.readdirSync(pySrc).filter((f) => f.endsWith('.py'));
  await preparePackage(pySrc, path.join(dist, 'python'), helpers, tag, false);
  prepareProbe();
  await prepareSnapshot(); // last: it imports everything above
  if (pyodidePromise) console.log(`prepare-python: done in ${Date.now() - started} ms`);
}

await main();
