// When a run has nothing to plot, the chart cards would show empty frames with made-up axes: instead they
// are hidden and one sentence says why and what to do. A syntax error (nothing ran), a file that never calls
// loss.backward() (no training steps: a forward pass only), a loop whose parameters never change (no
// optimizer.step() and no hand-written update). The learning-rate chart is hidden whenever no optimizer
// reported a rate (a hand-written update has none).
import type { RunState } from '../../../src/shared/runState';
import type { StringKey } from '../../../src/shared/strings';
import { h } from '../../common/dom';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

export interface ChartCards {
  loss: HTMLElement;
  lr: HTMLElement;
  grad: HTMLElement;
  histograms: HTMLElement;
}

/** Why the charts are empty (a string key), or null when there is something to draw or the run goes on. */
export function emptyChartsReason(run: RunState | null): StringKey | null {
  if (!run) return null;
  if (run.steps > 0) return !run.isActive && !updated(run) ? 'noChartNoOptimizer' : null;
  if (run.error && /^(SyntaxError|IndentationError|TabError)$/.test(run.error.kind)) return 'noChartSyntax';
  if (run.isActive || run.status === 'failed' || run.status === 'stopped') return null;
  return 'noChartNoBackward';
}

/** Whether any optimizer reported a learning rate (a finite one at some step). */
function hasLr(run: RunState): boolean {
  return run.lrViews().some((l) => l.some(Number.isFinite));
}

/**
 * Whether the parameters moved: an optimizer stepped, the values changed between snapshots, or the loss of
 * the run changed at all (a converged hand-written update ends with changes too small to see).
 */
function updated(run: RunState): boolean {
  if (hasLr(run) || Object.values(run.updateRatios).some((r) => r > 0)) return true;
  const losses = run.lossView();
  return losses.some((v) => v !== losses[0]);
}

export class ChartNoteView implements View {
  readonly redrawOn: readonly RunEventType[] = ['steps', 'params', 'error', 'finished', 'started'];
  private readonly note = h('p', { class: 'chart-note', id: 'chart-note', role: 'note', hidden: true });

  constructor(
    container: HTMLElement,
    private readonly cards: ChartCards,
  ) {
    container.after(this.note);
  }

  update({ strings: s, run }: ViewContext): void {
    const reason = emptyChartsReason(run);
    this.note.hidden = reason === null;
    this.note.textContent = reason ? s[reason] : '';
    if (reason) this.note.dataset.reason = reason;
    else delete this.note.dataset.reason;
    const nothing = reason === 'noChartSyntax' || reason === 'noChartNoBackward';
    this.cards.loss.hidden = nothing;
    this.cards.grad.hidden = nothing;
    this.cards.histograms.hidden = nothing;
    // Before the first step it is not known yet whether an optimizer will report a rate.
    this.cards.lr.hidden = nothing || (!!run && run.steps > 0 && !hasLr(run));
  }
}
