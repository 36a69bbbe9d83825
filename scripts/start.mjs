// `npm start`: build, then open the extension with the example files.
//   - With desktop VS Code (`code` on PATH): an Extension Development Host on examples/.
//   - Otherwise: code-server (installed by ensure-tools into the cache folder) with the freshly packaged
//     extension, serving examples/ on http://127.0.0.1:$PORT (default 8080). Ctrl-C stops it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools } from './ensure-tools.mjs';
import { packageVsix } from './package-vsix.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

async function main() {
  if (hasCommand('code') && !process.env.BACKPROP_LENS_CODE_SERVER) {
    spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
    spawn('code', [`--extensionDevelopmentPath=${root}`, examples], { stdio: 'inherit', detached: true }).unref();
    console.log('Opened VS Code with Backprop Lens in development mode on examples/.');
    return;
  }
  const tools = await ensureTools();
  const vsix = packageVsix();
  const home = path.join(tools.cacheDir, 'start');
  const userData = path.join(home, 'user-data');
  const extensions = path.join(home, 'extensions');
  fs.mkdirSync(userData, { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  const { node, entry } = tools.codeServer;
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
  fs.writeFileSync(path.join(home, 'config.yaml'), 'auth: none\n');
  common.push('--config', path.join(home, 'config.yaml'));
  const installed = spawnSync(node, [entry, ...common, '--install-extension', vsix, '--force'], { stdio: 'inherit' });
  if (installed.status !== 0) throw new Error('code-server could not install the extension');

  const port = process.env.PORT || '8080';
  const child = spawn(
    node,
    [
      entry,
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      examples,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  console.log(`Backprop Lens in code-server: http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)}`);
  console.log('Press Ctrl-C to stop.');
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
