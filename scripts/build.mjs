// Bundles each runtime separately with esbuild: the extension host, the Python runtime's process and its
// worker, the CLI, and the webviews (browser). Entries whose source does not exist yet are skipped so the
// build grows with the project. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const exists = (p) => fs.existsSync(path.join(root, p));

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
const builds = [
  // VS Code loads the extension as CommonJS and provides `vscode`.
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The worker and CLI load Pyodide from dist/pyodide at run time, so it stays outside the bundle.
  { ...node, entryPoints: ['src/python/worker.ts'], outfile: 'dist/worker.js', external: ['pyodide'] },
  // The runtime's own process (forked by src/python/runner.ts), which hosts the worker.
  { ...node, entryPoints: ['src/python/process.ts'], outfile: 'dist/runtime-process.js' },
  {
    ...node,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    external: ['pyodide'],
    banner: { js: '#!/usr/bin/env node' },
  },
  // Integration tests run inside the extension host.
  {
    ...node,
    entryPoints: ['test/integration/index.ts'],
    outfile: 'dist/test/integration.js',
    external: ['vscode', 'mocha'],
  },
  // Webviews run in a browser sandbox.
  {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: true,
    logLevel: 'warning',
    entryPoints: ['media/panel/main.ts'],
    outfile: 'dist/media/panel.js',
  },
  {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: true,
    logLevel: 'warning',
    entryPoints: ['media/sidebar/main.ts'],
    outfile: 'dist/media/sidebar.js',
  },
].filter((b) => b.entryPoints.every(exists));

// Generated sources the bundles embed (the engine's WebAssembly kernels, as base64).
const preSteps = ['scripts/build-wasm.mjs'].filter(exists);
// Non-code assets each runtime needs beside its bundle (Pyodide, the Python torch package, styles).
const postSteps = ['scripts/prepare-python.mjs'].filter(exists);

async function main() {
  for (const step of preSteps) await import(path.join(root, step));
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
    console.log(`watching ${builds.length} bundles`);
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  for (const step of postSteps) await import(path.join(root, step));
  console.log(`built ${builds.length} bundles`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
