// Golden suite: every case in the reference set computed by real PyTorch (test/reference/golden, or the folder
// named by GOLDEN_DIR) must be reproduced by the engine. Prints one line per failure, then `N passed, M failed`.
import type { GoldenCase } from './case';
import opsCases from './ops';
import rngCases from './rng';
import trainCases from './train';
import { goldenDir } from '../reference/paths';

const cases: GoldenCase[] = [...opsCases(goldenDir), ...trainCases(goldenDir), ...rngCases(goldenDir)];
let passed = 0;
let failed = 0;
for (const c of cases) {
  let problem: string | null;
  try {
    problem = c.check();
  } catch (err) {
    problem = `threw ${(err as Error).stack ?? err}`;
  }
  if (problem === null) passed++;
  else {
    failed++;
    console.log(`FAIL ${c.name}: ${problem}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
