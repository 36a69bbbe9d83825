// Runs the integration suite (test/integration, bundled to dist/test/integration.js by `npm run build`) in
// desktop VS Code with @vscode/test-electron, on machines that can run Electron:
//   npm run build && node .vscode-test.mjs
// It downloads a VS Code build into .vscode-test/ unless VSCODE_EXECUTABLE names an installed one.
// Headless Linux CI runs the same suite inside code-server instead (test/e2e/run.mjs).
import { runTests } from '@vscode/test-electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'dist/test/integration.js'),
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
    // The examples folder is the workspace; other extensions stay off so only ours is tested.
    launchArgs: [path.join(root, 'examples'), '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (err) {
  console.error(`integration tests failed: ${err?.message ?? err}`);
  process.exit(1);
}
