// The four phases of a training step, forward → loss → backward → update, with the one a paused run
// stopped after marked as current, and under each name what that phase last showed: the first prediction
// beside its target, the loss, the total gradient norm, the update's rule.
import type { PausedEvent, Phase } from '../../../src/protocol';
import { formatNumber, l2Norm } from '../../../src/shared/paramStats';
import { formatPrecise, impliedRate, ruleFormula } from '../../../src/shared/phaseText';
import { fmt, type Strings } from '../../../src/shared/strings';
import { phaseLabel } from '../../common/describeRun';
import { h } from '../../common/dom';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

const PHASES: readonly Phase[] = ['forward', 'loss', 'backward', 'update'];

/** What a pause after `paused.phase` shows in one line, or null when it carries nothing for it. */
export function phaseValue(s: Strings, paused: PausedEvent): string | null {
  switch (paused.phase) {
    case 'forward': {
      const f = paused.forward;
      if (!f || f.prediction.values.length === 0) return null;
      const target = f.target && f.target.values.length > 0 ? formatPrecise(f.target.values[0]) : '?';
      return fmt(s.phaseForwardValue, formatPrecise(f.prediction.values[0]), target);
    }
    case 'loss':
      return paused.loss ? formatNumber(paused.loss.value) : null;
    case 'backward': {
      const grads = paused.params.filter((p) => p.grad);
      if (grads.length === 0) return null;
      const total = Math.sqrt(grads.reduce((sum, p) => sum + l2Norm(p.grad!) ** 2, 0));
      return fmt(s.phaseGradValue, formatNumber(total));
    }
    case 'update':
      if (!paused.update) return s.lrTimesGrad;
      return ruleFormula(
        s,
        paused.update,
        paused.pos?.line ?? null,
        paused.update.rule === 'manual' ? impliedRate(paused) : null,
      );
  }
}

export class PhaseStripView implements View {
  readonly redrawOn: readonly RunEventType[] = ['started', 'paused', 'resumed', 'finished'];
  private readonly items = new Map<Phase, HTMLElement>();
  private readonly values = new Map<Phase, HTMLElement>();
  /** The run the values belong to (a new run clears them). */
  private runId = -1;
  private lastPaused: PausedEvent | null = null;

  /** `list` is the strip's (empty) ordered list. */
  constructor(list: HTMLOListElement, s: Strings) {
    for (const p of PHASES) {
      const value = h('span', { class: 'phase-value' });
      const li = h(
        'li',
        { class: `phase phase-${p}` },
        h('span', { class: 'phase-name', text: phaseLabel(s, p) }),
        value,
      );
      this.items.set(p, li);
      this.values.set(p, value);
      list.append(li);
    }
  }

  update({ strings: s, run }: ViewContext): void {
    if (run && run.runId !== this.runId) {
      this.runId = run.runId;
      for (const v of this.values.values()) v.textContent = '';
    }
    const paused = run?.paused ?? null;
    // Each phase keeps the value of its latest pause, so the strip reads as the step so far.
    if (paused && paused !== this.lastPaused) {
      this.lastPaused = paused;
      const text = phaseValue(s, paused);
      if (text !== null) this.values.get(paused.phase)!.textContent = text;
    }
    const phase = paused?.phase;
    for (const [p, li] of this.items) {
      li.classList.toggle('current', p === phase);
      if (p === phase) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    }
  }
}
