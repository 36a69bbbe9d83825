// The hint under the loss chart when the curve shows the learning rate's signature (see
// src/shared/lossHints.ts): rising or oscillating suggests it is too large, a slow creep that it is too
// small. It is a status line, not an alert: it never takes focus and disappears as soon as the curve looks
// healthy again.
import { lossHint } from '../../../src/shared/lossHints';
import { plural } from '../../../src/shared/strings';
import { h } from '../../common/dom';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

export class LossHintView implements View {
  readonly redrawOn: readonly RunEventType[] = ['steps'];
  private readonly element = h('p', { class: 'loss-hint', id: 'loss-hint', role: 'status', hidden: true });

  constructor(container: HTMLElement) {
    container.append(this.element);
  }

  update({ strings: s, run }: ViewContext): void {
    const losses = run?.lossView();
    const hint = losses ? lossHint(losses) : null;
    this.element.hidden = !hint;
    if (!hint) {
      delete this.element.dataset.kind;
      this.element.textContent = '';
      return;
    }
    this.element.dataset.kind = hint.kind;
    const text =
      hint.kind === 'rising'
        ? plural(s, ['hintRisingOne', 'hintRising'], hint.steps)
        : hint.kind === 'oscillating'
          ? s.hintOscillating
          : s.hintSlow;
    if (this.element.textContent !== text) this.element.textContent = text;
  }
}
