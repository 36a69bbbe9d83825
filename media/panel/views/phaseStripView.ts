// The four phases of a training step, forward → loss → backward → update, with the one a paused run
// stopped after marked as current.
import type { Phase } from '../../../src/protocol';
import type { Strings } from '../../../src/shared/strings';
import { phaseLabel } from '../../common/describeRun';
import { h } from '../../common/dom';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

const PHASES: readonly Phase[] = ['forward', 'loss', 'backward', 'update'];

export class PhaseStripView implements View {
  readonly redrawOn: readonly RunEventType[] = ['paused', 'resumed', 'finished'];
  private readonly items = new Map<Phase, HTMLElement>();

  /** `list` is the strip's (empty) ordered list. */
  constructor(list: HTMLOListElement, s: Strings) {
    for (const p of PHASES) {
      const li = h('li', { class: `phase phase-${p}`, text: phaseLabel(s, p) });
      this.items.set(p, li);
      list.append(li);
    }
  }

  update({ run }: ViewContext): void {
    const phase = run?.paused?.phase;
    for (const [p, li] of this.items) {
      li.classList.toggle('current', p === phase);
      if (p === phase) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    }
  }
}
