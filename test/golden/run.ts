// Golden suite: every case in the reference set computed by real PyTorch (../shared/golden, or the folder
// named by GOLDEN_DIR) must be reproduced by the engine. Prints one line per failure, then `N passed, M failed`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GoldenCase } from './case';
import opsCases from './ops';
import rngCases from './rng';
import trainCases from './train';

const here = path.dirname(fileURLToPath(import.meta.url));
const goldenDir = process.env.GOLDEN_DIR ?? path.resolve(here, '../../../shared/golden');

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
