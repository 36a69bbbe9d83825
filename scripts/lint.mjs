// The habits `npm test` checks before any suite runs: ESLint (typescript-eslint, layer boundaries, size
// limits), Prettier for TypeScript/JSON/CSS, Pyright for the Python we ship and test with (undefined names,
// unbound variables), Ruff's formatter (compiled to WebAssembly, no Python needed) for the same files, and
// the 600-line limit for Python sources. `--fix` rewrites what the formatters can fix.
//
// Usage: node scripts/lint.mjs [--fix]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format as formatPython } from '@wasm-fmt/ruff_fmt';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fix = process.argv.includes('--fix');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** Python files formatted and size-checked (reference data keeps the form it came in). */
// Examples and the conformance corpus are left as written: their line numbers are part of what they show
// (tracebacks, CodeLens rows), and pyright still checks them.
const PYTHON_ROOTS = ['src/python', 'bench', 'test/unit'];
const PYTHON_KEEP = new Set();
const PYTHON_STYLE = { indent_width: 4, line_width: 120, quote_style: 'preserve', magic_trailing_comma: 'respect' };
const MAX_PYTHON_LINES = 600;

let failures = 0;

function step(name, cmd, args) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  const ok = r.status === 0;
  console.log(`${ok ? 'ok' : 'not ok'} ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  if (!ok) failures++;
}

function pythonFiles() {
  const out = [];
  const walk = (dir) => {
    if (!fs.existsSync(path.join(root, dir))) return;
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, e.name);
      if (e.isDirectory() && e.name !== '__pycache__') walk(rel);
      else if (e.isFile() && e.name.endsWith('.py') && !PYTHON_KEEP.has(rel)) out.push(rel);
    }
  };
  PYTHON_ROOTS.forEach(walk);
  return out.sort();
}

function checkPython() {
  const t0 = Date.now();
  const problems = [];
  for (const rel of pythonFiles()) {
    const file = path.join(root, rel);
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n').length - 1;
    if (rel.startsWith('src/') && lines > MAX_PYTHON_LINES) {
      problems.push(`${rel}: ${lines} lines (at most ${MAX_PYTHON_LINES}: split it by concern)`);
    }
    let formatted;
    try {
      formatted = formatPython(text, rel, PYTHON_STYLE);
    } catch (err) {
      problems.push(`${rel}: ${String(err).split('\n')[0]}`);
      continue;
    }
    if (formatted === text) continue;
    if (fix) fs.writeFileSync(file, formatted);
    else problems.push(`${rel}: not formatted (npm run lint:fix)`);
  }
  for (const p of problems) console.log(`  ${p}`);
  const ok = problems.length === 0;
  console.log(`${ok ? 'ok' : 'not ok'} python format and size (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  if (!ok) failures++;
}

step('eslint', bin('eslint'), [...(fix ? ['--fix'] : []), 'src', 'media', 'test', 'bench', 'scripts', '*.mjs']);
step('prettier', bin('prettier'), [fix ? '--write' : '--check', '--log-level', 'warn', '.']);
step('pyright', bin('pyright'), []);
checkPython();

const total = 4;
console.log(`lint: ${total - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
