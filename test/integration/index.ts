// Entry of the integration suite, which runs INSIDE the extension host (it can use the real `vscode` API).
// Two ways in:
//   - @vscode/test-electron (desktop VS Code, see .vscode-test.mjs) calls `run()`, which rejects on failure;
//   - code-server (the end-to-end script) loads it through src/extension/integrationHook.ts, which calls
//     `runSuite()` and writes the counts to a results file.
// The test files are required only after mocha has installed its globals (`suite`, `test`), so esbuild's
// lazy `require` of each bundled file defines the tests at that moment.
import Mocha from 'mocha';

export interface SuiteResults {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
  /** Full titles of the tests that passed, for the log. */
  passes: string[];
}

export function runSuite(): Promise<SuiteResults> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 120_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  require('./commands.test');
  require('./codelens.test');
  require('./run.test');
  return new Promise((resolve) => {
    const failures: SuiteResults['failures'] = [];
    const passes: string[] = [];
    const runner = mocha.run(() => {
      console.log(`${passes.length} passed, ${failures.length} failed`);
      resolve({ passed: passes.length, failed: failures.length, failures, passes });
    });
    runner.on('pass', (t) => passes.push(t.fullTitle()));
    runner.on('fail', (t, err) => failures.push({ title: t.fullTitle(), error: String(err?.stack ?? err) }));
  });
}

export async function run(): Promise<void> {
  const results = await runSuite();
  if (results.failed > 0) throw new Error(`${results.failed} integration tests failed`);
}
