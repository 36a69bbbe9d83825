// Reads the learning rate's signature in the tail of a loss curve, as the study notes describe it: too large
// a rate makes the loss climb or jump back and forth across the valley, too small a rate makes it creep.
// Only the latest steps count, so a hint disappears once the run recovers (for example after the rate decays).
// Shared code (src/shared): the panel shows the result; node tests feed it real runs from the CLI.

export type LossHintKind = 'rising' | 'oscillating' | 'slow';

export interface LossHint {
  kind: LossHintKind;
  /** Steps in the pattern: consecutive rises, or the window the oscillation / slow decrease was seen in. */
  steps: number;
}

export const HINT_WINDOWS = {
  /** Consecutive rises that mean "too large". */
  rising: 5,
  /** Deltas looked at for oscillation. */
  oscillation: 20,
  /** Deltas looked at for a slow decrease ("many steps"). */
  slow: 40,
} as const;

/** A rise or a swing smaller than this fraction of the loss's range so far is noise, not a signal. */
const SIGNIFICANT = 0.01;
/** Oscillating: at least this share of consecutive deltas change sign ... */
const OSCILLATION_SIGN_CHANGES = 0.5;
/** ... and the average |delta| is at least this fraction of the loss's range so far. */
const OSCILLATION_AMPLITUDE = 0.05;
/** Slow: at least this share of deltas are decreases (it is still going down, not at a noise floor) ... */
const SLOW_STEADY = 0.9;
/** ... each step lowers the loss by less than this fraction of its size ... */
const SLOW_RELATIVE_DECREASE = 0.005;
/** ... and the loss is still above this fraction of where the run started. */
const SLOW_PROGRESS = 0.5;

/** The hint for the latest losses, or null when the curve looks healthy (or is too short to tell). */
export function lossHint(losses: ArrayLike<number>): LossHint | null {
  const n = losses.length;
  if (n < 2) return null;
  const last = losses[n - 1];
  if (!Number.isFinite(last)) {
    // Diverged to inf/NaN after finite values: the classic sign of a learning rate far too large.
    for (let i = n - 2; i >= 0; i--) if (Number.isFinite(losses[i])) return { kind: 'rising', steps: n - 1 - i };
    return null;
  }
  let min = Infinity;
  let max = -Infinity;
  let first = NaN;
  for (let i = 0; i < n; i++) {
    const v = losses[i];
    if (!Number.isFinite(v)) continue;
    if (Number.isNaN(first)) first = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max - min;
  if (!(range > 0)) return null;

  // Rising: the last few steps all went up, by a visible amount.
  let rises = 0;
  while (rises < n - 1 && losses[n - 1 - rises] > losses[n - 2 - rises]) rises++;
  if (rises >= HINT_WINDOWS.rising && last - losses[n - 1 - rises] > SIGNIFICANT * range)
    return { kind: 'rising', steps: rises };

  const deltas = (window: number): number[] | null => {
    if (n < window + 1) return null;
    const d: number[] = [];
    for (let i = n - window; i < n; i++) d.push(losses[i] - losses[i - 1]);
    return d.every(Number.isFinite) ? d : null;
  };

  // Oscillating: the loss goes up and down step after step, by a large share of its range.
  const od = deltas(HINT_WINDOWS.oscillation);
  if (od) {
    let changes = 0;
    for (let i = 1; i < od.length; i++) if (od[i] * od[i - 1] < 0) changes++;
    const amplitude = od.reduce((a, d) => a + Math.abs(d), 0) / od.length;
    if (changes >= OSCILLATION_SIGN_CHANGES * (od.length - 1) && amplitude >= OSCILLATION_AMPLITUDE * range)
      return { kind: 'oscillating', steps: od.length };
  }

  // Slow: still falling nearly every step, but by a sliver each time, and far from where it would be worth stopping.
  const sd = deltas(HINT_WINDOWS.slow);
  if (sd) {
    const start = losses[n - 1 - sd.length];
    const decreases = sd.filter((d) => d < 0).length;
    const perStep = (start - last) / sd.length / Math.abs(start);
    const progress = (first - last) / Math.abs(first);
    if (
      decreases >= SLOW_STEADY * sd.length &&
      last < start &&
      perStep < SLOW_RELATIVE_DECREASE &&
      progress < SLOW_PROGRESS
    )
      return { kind: 'slow', steps: sd.length };
  }
  return null;
}
