// End-to-end test: the packaged extension in a real VS Code (code-server) driven through Chromium the way a
// learner uses it. Three sessions, each with fresh folders:
//   1. the integration suite (test/integration) runs inside code-server's extension host;
//   2. the UI: Train via the CodeLens and compare the panel's final loss with the CLI's, Step and its
//      before/after table, a syntax error in the Problems panel, a parameter shape in the sidebar
//      inspector, and Stop on a runaway loop;
//   3. Restricted Mode: an untrusted folder offers no action that runs code, and Train from the palette
//      explains instead of running;
//   4. the python backend: xor.py trained on real PyTorch from the "Run on PyTorch" lens and after Switch
//      Backend, compared with `backprop-lens run xor.py --backend python` (needs a Python with torch).
// Every step saves a screenshot under test-results/e2e/. Prints `N passed, M failed`; exits 1 on failure.
//
// Usage: node test/e2e/run.mjs [--keep] [--only=integration|ui|restricted|pytorch]
//   --keep leaves the session folders for inspection; --only runs one of the two sessions.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, ensureTools } from '../../scripts/ensure-tools.mjs';
import { packageVsix } from '../../scripts/package-vsix.mjs';
import { prepareSession, startCodeServer } from './codeServer.mjs';
import { Workbench, eventually, launchBrowser } from './workbench.mjs';
import { uiTests } from './uiTests.mjs';
import { restrictedModeTests } from './restrictedMode.mjs';
import { pytorchBackendTests } from './pytorchBackend.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// One run at a time on a machine (they share test-results/ and the CPU): re-run this script under
// flock(1) on a lock file in the tool cache when it is available.
if (
  !process.env.BACKPROP_LENS_E2E_LOCKED &&
  spawnSync('sh', ['-c', 'command -v flock'], { stdio: 'ignore' }).status === 0
) {
  fs.mkdirSync(cacheDir(), { recursive: true });
  const r = spawnSync('flock', [path.join(cacheDir(), 'e2e.lock'), process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BACKPROP_LENS_E2E_LOCKED: '1' },
  });
  process.exit(r.status ?? 1);
}
const resultsDir = process.env.BACKPROP_LENS_E2E_RESULTS ?? path.join(root, 'test-results', 'e2e');
const keep = process.argv.includes('--keep');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

let passed = 0;
let failed = 0;
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

function say(msg) {
  console.log(`[e2e ${elapsed()}] ${msg}`);
}

/** Runs one named check; a failure is reported with a screenshot and does not stop the others. */
async function check(name, fn, wb) {
  const start = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok ${name} (${((Date.now() - start) / 1000).toFixed(1)}s)`);
  } catch (err) {
    failed++;
    console.log(
      `not ok ${name}\n  ${String(err?.stack ?? err)
        .split('\n')
        .slice(0, 6)
        .join('\n  ')}`,
    );
    if (wb) await wb.screenshot(`FAILED-${name.replace(/\W+/g, '-').slice(0, 50)}`).catch(() => undefined);
  }
}

/**
 * The same file through the CLI (the same runtime, without VS Code): every step's loss from its events
 * file, and the text the script printed.
 */
function cliRun(file, extra = []) {
  const events = path.join(resultsDir, `cli-${extra.length ? 'python-' : ''}${path.basename(file)}.jsonl`);
  const args = [path.join(root, 'dist/cli.js'), 'run', file, '--events', events, ...extra];
  const printed = execFileSync(process.execPath, args, { encoding: 'utf8', timeout: 300_000, cwd: path.dirname(file) });
  const losses = [];
  for (const line of fs.readFileSync(events, 'utf8').split('\n')) {
    if (!line) continue;
    const e = JSON.parse(line);
    if (e.type === 'steps') losses.splice(e.firstStep, e.losses.length, ...e.losses);
  }
  if (losses.length === 0) throw new Error(`the CLI recorded no loss for ${file}:\n${printed.slice(-2000)}`);
  return { losses, finalLoss: losses.at(-1), printed };
}

async function integrationSession({ tools, vsix, browser, base }) {
  const session = prepareSession({
    tools,
    vsix,
    examples: path.join(root, 'examples'),
    dir: path.join(base, 'integration'),
  });
  const resultsFile = path.join(session.dir, 'integration-results.json');
  const server = await startCodeServer({
    tools,
    session,
    env: {
      BACKPROP_LENS_INTEGRATION: resultsFile,
      BACKPROP_LENS_INTEGRATION_SUITE: path.join(root, 'dist/test/integration.js'),
    },
    logFile: path.join(resultsDir, 'code-server-integration.log'),
  });
  let wb;
  try {
    wb = await Workbench.open(browser, server.folderUrl, path.join(resultsDir, 'integration'));
    // The extension activates on Python files.
    await wb.openFile('xor.py');
    const results = await eventually(
      'integration results',
      () => fs.existsSync(resultsFile) && JSON.parse(fs.readFileSync(resultsFile, 'utf8')),
      300_000,
      500,
    );
    await wb.screenshot('integration-done');
    for (const title of results.passes ?? []) console.log(`ok integration: ${title}`);
    for (const f of results.failures ?? [])
      console.log(`not ok integration: ${f.title}\n  ${f.error.split('\n').slice(0, 6).join('\n  ')}`);
    if (results.error)
      console.log(`not ok integration suite did not load\n  ${results.error.split('\n').slice(0, 6).join('\n  ')}`);
    console.log(`integration: ${results.passed} passed, ${results.failed} failed`);
    passed += results.passed;
    failed += results.failed;
  } catch (err) {
    failed++;
    console.log(
      `not ok integration suite in code-server\n  ${String(err?.stack ?? err)
        .split('\n')
        .slice(0, 6)
        .join('\n  ')}`,
    );
    if (wb) await wb.screenshot('FAILED-integration').catch(() => undefined);
  } finally {
    await wb?.page
      .context()
      .close()
      .catch(() => undefined);
    await server.stop();
  }
}

async function uiSession({ tools, vsix, browser, base, cli }) {
  const session = prepareSession({ tools, vsix, examples: path.join(root, 'examples'), dir: path.join(base, 'ui') });
  const server = await startCodeServer({ tools, session, logFile: path.join(resultsDir, 'code-server-ui.log') });
  let wb;
  try {
    wb = await Workbench.open(browser, server.folderUrl, resultsDir);
    await wb.screenshot('workbench');
    for (const t of uiTests({ cli, workspace: session.workspace })) {
      await check(t.name, () => t.run(wb), wb);
    }
  } finally {
    await wb?.page
      .context()
      .close()
      .catch(() => undefined);
    await server.stop();
  }
}

/** An untrusted folder (Restricted Mode): the extension must offer no way to run the learner's code. */
async function restrictedSession({ tools, vsix, browser, base }) {
  const session = prepareSession({
    tools,
    vsix,
    examples: path.join(root, 'examples'),
    dir: path.join(base, 'restricted'),
    settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' },
  });
  const server = await startCodeServer({
    tools,
    session,
    workspaceTrust: true,
    logFile: path.join(resultsDir, 'code-server-restricted.log'),
  });
  let wb;
  try {
    wb = await Workbench.open(browser, server.folderUrl, path.join(resultsDir, 'restricted'));
    for (const t of restrictedModeTests()) await check(t.name, () => t.run(wb), wb);
  } finally {
    await wb?.page
      .context()
      .close()
      .catch(() => undefined);
    await server.stop();
  }
}

/** The python backend, with backpropLens.pythonPath set to a Python that imports torch. */
async function pytorchSession({ tools, vsix, browser, base, cli, python }) {
  const session = prepareSession({
    tools,
    vsix,
    examples: path.join(root, 'examples'),
    dir: path.join(base, 'pytorch'),
    settings: { 'backpropLens.pythonPath': python },
  });
  const server = await startCodeServer({ tools, session, logFile: path.join(resultsDir, 'code-server-pytorch.log') });
  let wb;
  try {
    wb = await Workbench.open(browser, server.folderUrl, path.join(resultsDir, 'pytorch'));
    for (const t of pytorchBackendTests({ cli, python })) await check(t.name, () => t.run(wb), wb);
  } finally {
    await wb?.page
      .context()
      .close()
      .catch(() => undefined);
    await server.stop();
  }
}

/** The Python the python backend's session uses: $BACKPROP_LENS_PYTHON, else Debian's python3 with python3-torch. */
function torchPython() {
  const python = process.env.BACKPROP_LENS_PYTHON ?? '/usr/bin/python3';
  const r = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore', timeout: 120_000 });
  return r.status === 0 ? python : null;
}

async function main() {
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'backprop-lens-e2e-'));

  const tools = await ensureTools();
  say('tools ready');
  const vsix = packageVsix();
  say(`packaged ${path.basename(vsix)}`);

  const browser = await launchBrowser(tools.chromium);
  try {
    if (!only || only === 'integration') {
      await integrationSession({ tools, vsix, browser, base });
      say('integration session done');
    }
    if (!only || only === 'ui') {
      const cli = cliRun(path.join(root, 'examples', 'xor.py'));
      say(`CLI: xor.py ran ${cli.losses.length} steps, final loss ${cli.finalLoss}`);
      await uiSession({ tools, vsix, browser, base, cli });
      say('UI session done');
    }
    if (!only || only === 'restricted') {
      await restrictedSession({ tools, vsix, browser, base });
      say('Restricted Mode session done');
    }
    if (!only || only === 'pytorch') {
      const python = torchPython();
      // Without a Python that imports torch the session cannot run: a failure, as the unit suites do on CI.
      if (!python) throw new Error('no Python imports torch: install python3-torch or set BACKPROP_LENS_PYTHON');
      const xor = path.join(root, 'examples', 'xor.py');
      const cli = cliRun(xor, ['--backend', 'python', '--python', python]);
      say(`CLI --backend python: xor.py ran ${cli.losses.length} steps, final loss ${cli.finalLoss}`);
      await pytorchSession({ tools, vsix, browser, base, cli, python });
      say('PyTorch backend session done');
    }
  } finally {
    await browser.close();
    if (!keep) fs.rmSync(base, { recursive: true, force: true });
    else say(`session folders kept in ${base}`);
  }
}

main()
  .catch((err) => {
    failed++;
    console.log(
      `not ok e2e setup\n  ${String(err?.stack ?? err)
        .split('\n')
        .slice(0, 8)
        .join('\n  ')}`,
    );
  })
  .finally(() => {
    say('done');
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
  });
