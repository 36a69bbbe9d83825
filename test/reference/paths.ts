// Where the reference data lives. The repository carries its own copy (test/reference/), made by real
// PyTorch 1.13, so a fresh clone tests with nothing beside it; GOLDEN_DIR and SCRIPTS_DIR point the suites
// at another reference set of the same format instead.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root. */
export const repoRoot = path.resolve(here, '..', '..');

/** ops.json, train.json and rng.json: values and gradients computed by PyTorch. */
export const goldenDir = path.resolve(process.env.GOLDEN_DIR ?? path.join(here, 'golden'));

/** Learner scripts, each with NAME.expected.txt: what PyTorch printed running it. */
export const scriptsDir = path.resolve(process.env.SCRIPTS_DIR ?? path.join(here, 'scripts'));

/** The bundled reference scripts, whatever SCRIPTS_DIR says (tests that name one script read it here). */
export const bundledScriptsDir = path.join(here, 'scripts');

/** Compares an expected and an actual output token by token (numbers within tolerance). */
export const compareTool = path.join(here, 'tools', 'compare-output.mjs');
