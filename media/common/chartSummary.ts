// Text alternatives of the line charts (their aria-label): what a chart shows, in a sentence a screen
// reader can read. Pure (no DOM) so node tests it.
import { formatNumber } from '../../src/shared/paramStats';
import { fmt, type Strings } from '../../src/shared/strings';

/** "Learning rate per step. Step 0: lr (group 0) 0.1 … Step 99: lr (group 0) 0.01", one clause per group. */
export function lrChartSummary(s: Strings, lrs: ArrayLike<number>[]): string {
  const groups = lrs.filter((l) => l.length > 0);
  if (groups.length === 0) return s.lrChart;
  const parts = lrs.flatMap((l, k) => {
    if (l.length === 0) return [];
    const name = fmt(s.lrGroup, k);
    const at = (i: number) => `${fmt(s.stepValue, i)}: ${name} ${formatNumber(l[i])}`;
    return [l.length === 1 ? at(0) : `${at(0)} … ${at(l.length - 1)}`];
  });
  return `${s.lrChart}. ${parts.join('; ')}`;
}

/** "Gradient norm per parameter. Step 99: fc1.weight 0.1234, fc1.bias 0.05" (the latest recorded norms). */
export function gradChartSummary(
  s: Strings,
  grad: { steps: ArrayLike<number>; norms: Record<string, ArrayLike<number>> } | undefined,
): string {
  const n = grad?.steps.length ?? 0;
  if (!grad || n === 0) return s.gradChart;
  const latest = Object.entries(grad.norms).map(([name, norms]) => `${name} ${formatNumber(norms[n - 1])}`);
  return `${s.gradChart}. ${fmt(s.stepValue, grad.steps[n - 1])}: ${latest.join(', ')}`;
}
