// Builds the extension and packs it into backprop-lens-<version>.vsix with @vscode/vsce, then checks the
// archive holds what the extension needs at run time and none of the sources, tests or node_modules.
// Usage: node scripts/package-vsix.mjs   (prints the .vsix path on the last line of stdout)
// As a module: `await packageVsix()` returns the path.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Entries that must be in the archive (paths inside extension/). */
const REQUIRED = ['package.json', 'dist/extension.js'];
/** Path prefixes that must not be in the archive. */
const FORBIDDEN = ['src/', 'test/', 'node_modules/', 'scripts/', 'bench/', 'assembly/', 'dist/test/'];

export function packageVsix({ build = true } = {}) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const out = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
  if (build)
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
  execFileSync(
    process.execPath,
    [
      vsce,
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--no-rewrite-relative-links',
      '--skip-license',
      '--out',
      out,
    ],
    // stdin closed: vsce must never wait on a question.
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  checkContents(out);
  return out;
}

function checkContents(vsix) {
  const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\n')
    .filter(Boolean);
  const inside = listing.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
  const missing = REQUIRED.filter((r) => !inside.includes(r));
  const forbidden = inside.filter((e) => FORBIDDEN.some((f) => e.startsWith(f)));
  if (missing.length || forbidden.length) {
    throw new Error(
      `bad ${path.basename(vsix)}: missing ${JSON.stringify(missing)}, should not hold ${JSON.stringify(forbidden.slice(0, 10))}`,
    );
  }
  const mb = (fs.statSync(vsix).size / 1e6).toFixed(1);
  console.error(`[package] ${path.basename(vsix)}: ${inside.length} files, ${mb} MB`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(packageVsix());
  } catch (err) {
    console.error(`[package] ${err.message}`);
    process.exit(1);
  }
}
