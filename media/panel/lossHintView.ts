// The hint under the loss chart when the curve shows the learning rate's signature (see lossHints.ts):
// rising or oscillating suggests it is too large, a slow creep that it is too small. It is a status line,
// not an alert: it never takes focus and disappears as soon as the curve looks healthy again.
import { lossHint } from '../../src/extension/lossHints';
import { h } from '../shared/dom';
import { plural, type Strings } from '../shared/strings';

export class LossHintView {
  readonly element = h('p', { class: 'loss-hint', id: 'loss-hint', role: 'status', hidden: true });

  update(s: Strings, losses: Float32Array | undefined): void {
    const hint = losses ? lossHint(losses) : null;
    this.element.hidden = !hint;
    if (!hint) {
      delete this.element.dataset.kind;
      this.element.textContent = '';
      return;
    }
    this.element.dataset.kind = hint.kind;
    const text = hint.kind === 'rising' ? plural(s, ['hintRisingOne', 'hintRising'], hint.steps) : hint.kind === 'oscillating' ? s.hintOscillating : s.hintSlow;
    if (this.element.textContent !== text) this.element.textContent = text;
  }
}
