// Lets a browser-hosted VS Code (code-server) run the integration suite inside the real extension host.
// code-server has no `--extensionTestsPath`, so the end-to-end script starts it with
//   BACKPROP_LENS_INTEGRATION=<results.json>  and  BACKPROP_LENS_INTEGRATION_SUITE=<repo>/dist/test/integration.js
// and, once the extension is active, this loads the suite (which needs mocha from the repo's node_modules)
// and writes its results as JSON for the script to print. Without the variables it does nothing.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';

export interface IntegrationResults {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
  passes?: string[];
  error?: string;
}

/** Call at the end of `activate`; returns at once and runs the suite after activation has finished. */
export function runIntegrationSuiteIfRequested(): void {
  const resultsFile = process.env.BACKPROP_LENS_INTEGRATION;
  const suite = process.env.BACKPROP_LENS_INTEGRATION_SUITE;
  if (!resultsFile || !suite) return;
  // Only once per process, even if the extension is activated again.
  delete process.env.BACKPROP_LENS_INTEGRATION;
  setTimeout(() => {
    void runSuite(suite, resultsFile);
  }, 0);
}

async function runSuite(suite: string, resultsFile: string): Promise<void> {
  let results: IntegrationResults;
  try {
    // A path known only at run time, loaded by Node (not bundled), so mocha resolves from the repo.
    const mod = createRequire(__filename)(suite) as { runSuite(): Promise<IntegrationResults> };
    results = await mod.runSuite();
  } catch (err) {
    results = { passed: 0, failed: 1, failures: [], error: String((err as Error)?.stack ?? err) };
  }
  fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
}
