// The learning-rate hint on real loss curves: scripts that train the same model with several learning rates,
// run through the CLI. Each script trains its runs one after another, so the step stream splits into equal
// segments, one per printed result line; the printed final losses confirm the split.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lossHint, type LossHintKind } from '../../src/shared/lossHints';
import { numbersAfter, runThroughCli } from './extension-cliRun';

function segments(losses: Float32Array, count: number): Float32Array[] {
  assert.equal(losses.length % count, 0, 'runs of equal length');
  const n = losses.length / count;
  return Array.from({ length: count }, (_, k) => losses.subarray(k * n, (k + 1) * n));
}

/** The hint the panel would show after each step of a run. */
function hintsAtEveryStep(losses: Float32Array): (LossHintKind | null)[] {
  return Array.from(losses, (_, i) => lossHint(losses.subarray(0, i + 1))?.kind ?? null);
}

/** Same value at the printed precision (`:.4g` or `:.4f`). */
function closeToPrinted(actual: number, printed: number): void {
  assert.ok(Math.abs(actual - printed) <= 5e-4 * Math.max(1, Math.abs(printed)), `${actual} vs printed ${printed}`);
}

test('examples/learning_rates.py: too large a rate is flagged as rising, a good rate never gets a hint', () => {
  const run = runThroughCli('examples/learning_rates.py');
  const printed = numbersAfter(run.printed, 'final loss'); // lr 0.02, 0.5, 1.1
  assert.equal(printed.length, 3);
  const [small, good, large] = segments(run.losses, 3);
  [small, good, large].forEach((s, k) => closeToPrinted(s[s.length - 1], printed[k]));

  assert.equal(lossHint(large)?.kind, 'rising');
  assert.ok(lossHint(large)!.steps >= 5);
  assert.ok(
    hintsAtEveryStep(good).every((h) => h === null),
    'lr 0.5 converges: no hint at any step',
  );
  assert.ok(
    hintsAtEveryStep(small).every((h) => h !== 'rising' && h !== 'oscillating'),
    'lr 0.02 is never called too large',
  );
  // The panel sees the three runs as one stream: at its end the diverging run's hint shows.
  assert.equal(lossHint(run.losses)?.kind, 'rising');
});

test('shared learning_rates.py: the same on the script whose output PyTorch printed', () => {
  const run = runThroughCli('test/reference/scripts/learning_rates.py');
  const printed = numbersAfter(run.printed, 'last'); // lr 0.01, 0.3, 1.2
  assert.equal(printed.length, 3);
  const [small, good, large] = segments(run.losses, 3);
  [small, good, large].forEach((s, k) => closeToPrinted(s[s.length - 1], printed[k]));

  assert.equal(lossHint(large)?.kind, 'rising');
  assert.ok(hintsAtEveryStep(good).every((h) => h === null));
  assert.ok(hintsAtEveryStep(small).every((h) => h !== 'rising' && h !== 'oscillating'));
});

test('examples/learning_rate_decay.py: too small is slow, too large oscillates, decayed settles with no hint', () => {
  const run = runThroughCli('examples/learning_rate_decay.py');
  const printed = numbersAfter(run.printed, 'f(w) =');
  assert.equal(printed.length, 3);
  const [small, large, decayed] = segments(run.losses, 3);
  [small, large, decayed].forEach((s, k) => closeToPrinted(s[s.length - 1], printed[k]));

  assert.equal(lossHint(small)?.kind, 'slow');
  assert.ok(hintsAtEveryStep(small).every((h) => h === null || h === 'slow'));
  assert.equal(lossHint(large)?.kind, 'oscillating');
  assert.equal(lossHint(decayed), null);
  // Decay fixes it: the oscillation seen early in the decayed run is gone by its end.
  const decayedHints = hintsAtEveryStep(decayed);
  assert.ok(decayedHints.slice(-20).every((h) => h === null));
  // In the panel's single stream, the too-large run is still flagged at its end and nothing is at the very end.
  const n = small.length;
  assert.equal(lossHint(run.losses.subarray(0, 2 * n))?.kind, 'oscillating');
  assert.equal(lossHint(run.losses), null);
});

test('a loss that turns into inf or NaN after finite values is flagged as too large a rate', () => {
  assert.deepEqual(lossHint([1, 0.5, Infinity]), { kind: 'rising', steps: 1 });
  assert.deepEqual(lossHint([1, 0.5, 2, NaN, NaN]), { kind: 'rising', steps: 2 }); // two non-finite steps
  assert.equal(lossHint([NaN, NaN]), null);
  assert.equal(lossHint([0.3]), null);
});
