// The run's metrics as CSV, one row per training step: the loss, each param group's learning rate and each
// parameter's gradient norm (empty where a step was not recorded). Plain RFC 4180: a header row, commas,
// quoted names; numbers in JavaScript's shortest round-trip form (the float32 values exactly).
// Shared code (src/shared): the host's "Export metrics" command writes it; node tests read it back.
import type { RunState } from './runState';

/** A value: nan and inf as Python and pandas write them. */
function value(v: number | undefined): string {
  if (v === undefined) return '';
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return String(v);
}

/** A learning rate: NaN means no optimizer reported one at that step (an empty cell). */
function cell(v: number | undefined): string {
  return v === undefined || Number.isNaN(v) ? '' : String(v);
}

function quote(name: string): string {
  return /[",\n]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
}

export function metricsCsv(run: RunState): string {
  const losses = run.lossView();
  const lrs = run.lrViews();
  const grads = run.gradNormViews();
  const names = Object.keys(grads.norms);
  // Gradient norms are kept at recorded steps: index them by step.
  const gradRow = new Map<number, number>();
  grads.steps.forEach((step, i) => gradRow.set(step, i));
  const header = ['step', 'loss', ...lrs.map((_, k) => `lr_group${k}`), ...names.map((n) => quote(`grad_norm ${n}`))];
  const rows = [header.join(',')];
  for (let step = 0; step < losses.length; step++) {
    const g = gradRow.get(step);
    rows.push(
      [
        String(step),
        value(losses[step]),
        ...lrs.map((l) => cell(l[step])),
        ...names.map((n) => (g === undefined ? '' : value(grads.norms[n][g]))),
      ].join(','),
    );
  }
  return rows.join('\n') + '\n';
}
