// Starts and stops code-server (VS Code in a browser) for one test session: a fresh user-data folder,
// extensions folder and workspace each time, our .vsix installed the way a user would, and no network.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** User settings that keep the workbench quiet and predictable for screenshots. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'editor.codeLens': true,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'files.autoSave': 'off',
};

/** A config file inside the session: code-server would otherwise write one into ~/.config. */
function configArgs(dir) {
  const file = path.join(dir, 'config.yaml');
  if (!fs.existsSync(file)) fs.writeFileSync(file, 'auth: none\n');
  return ['--config', file];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Prepares a session folder: <dir>/user-data, <dir>/extensions and <dir>/workspace (a copy of examples/),
 * and installs the .vsix into the extensions folder with `code-server --install-extension`.
 */
export function prepareSession({ tools, vsix, examples, dir, settings = {} }) {
  fs.rmSync(dir, { recursive: true, force: true });
  const userData = path.join(dir, 'user-data');
  const extensions = path.join(dir, 'extensions');
  const workspace = path.join(dir, 'workspace');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.cpSync(examples, workspace, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 2));
  // code-server is a remote window: once the browser's workbench sends its configuration, the extension host
  // no longer sees machine-overridable user settings (backpropLens.pythonPath), only the remote machine's.
  fs.mkdirSync(path.join(userData, 'Machine'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'Machine', 'settings.json'), JSON.stringify(settings, null, 2));
  const { node, entry } = tools.codeServer;
  execFileSync(
    node,
    [
      entry,
      ...configArgs(dir),
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensions,
      '--install-extension',
      vsix,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    },
  );
  return { dir, userData, extensions, workspace };
}

/**
 * Starts code-server on 127.0.0.1 without auth; resolves once it answers /healthz. With `workspaceTrust`,
 * Workspace Trust is on (the session's settings must enable it too) and the folder opens untrusted.
 */
export async function startCodeServer({ tools, session, env = {}, logFile, workspaceTrust = false }) {
  const port = await freePort();
  const { node, entry } = tools.codeServer;
  const args = [
    entry,
    ...configArgs(session.dir),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    session.userData,
    '--extensions-dir',
    session.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    session.workspace,
  ];
  const log = fs.openSync(logFile, 'w');
  const child = spawn(node, args, { env: { ...process.env, ...env }, stdio: ['ignore', log, log], detached: true });
  const url = `http://127.0.0.1:${port}/`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      const res = await fetch(`${url}healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - t0 > 60_000) throw new Error(`code-server did not answer on ${url} within 60 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    folderUrl: `${url}?folder=${encodeURIComponent(session.workspace)}`,
    async stop() {
      if (child.exitCode !== null) return;
      // Its own process group: the extension host and the Python worker go with it.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
  };
}
