// The run-state sentence of the panel and the inspector ("Finished: 1 step", "Paused after backward in
// step 3", ...), and the shorter one announced to screen readers. Pure (no DOM) so node tests it.
import type { Phase, RunSnapshot } from '../../src/protocol';
import { fmt, plural, type Strings } from '../../src/shared/strings';

export type RunSummary = Pick<RunSnapshot, 'status' | 'stepsPerSecond' | 'steps' | 'paused' | 'error'>;

export function phaseLabel(s: Strings, phase: Phase): string {
  return s[phase === 'loss' ? 'loss' : phase];
}

/** "Idle", "Running at 1,234 steps/s", "Paused after backward in step 3", "Finished: 2000 steps", ... */
export function describeRun(s: Strings, run: RunSummary | null): string {
  if (!run) return s.idle;
  switch (run.status) {
    case 'idle':
      return s.idle;
    case 'starting':
      return s.starting;
    case 'running': {
      const rate = Math.round(run.stepsPerSecond);
      return plural(s, ['runningOne', 'running'], rate, rate.toLocaleString());
    }
    case 'paused':
      return run.paused ? fmt(s.paused, phaseLabel(s, run.paused.phase).toLowerCase(), run.paused.step) : s.idle;
    case 'finished':
      return plural(s, ['finishedOne', 'finished'], run.steps);
    case 'stopped':
      return plural(s, ['stoppedOne', 'stopped'], run.steps);
    case 'failed':
      return fmt(s.failed, run.error ? `${run.error.kind}: ${run.error.message}` : '');
  }
}

/**
 * What a screen reader is told when the run changes state: the sentence above, except that a running run is
 * announced once as "Running" rather than again at every change of its steps-per-second rate.
 */
export function announceRun(s: Strings, run: RunSummary | null): string {
  return run?.status === 'running' ? s.runningNow : describeRun(s, run);
}
