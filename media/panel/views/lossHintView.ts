// What to check, under the loss chart (src/shared/findings.ts): gradients adding up without zero_grad(),
// dead ReLU units, vanishing or exploding gradients, divergence, a plateau, and the learning rate's
// signatures in the loss curve (too large: rising or oscillating; too small: a slow creep), each saying what
// to try. A status list, not an alert: it never takes focus, and a learning-rate hint disappears as soon as
// the curve looks healthy again. The same findings go to the Problems panel at their lines (the host).
import { findingText, findingsOfRun } from '../../../src/shared/findings';
import { h } from '../../common/dom';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

export class LossHintView implements View {
  readonly redrawOn: readonly RunEventType[] = ['steps', 'params', 'warning', 'activationInputs', 'finished'];
  private readonly element = h('div', { class: 'loss-hint', id: 'loss-hint', role: 'status', hidden: true });
  private shown = '';

  constructor(container: HTMLElement) {
    container.append(this.element);
  }

  update({ strings: s, run }: ViewContext): void {
    const findings = run ? findingsOfRun(run, null) : [];
    const texts = findings.map((f) => findingText(f, s));
    const key = texts.join('\n');
    if (key === this.shown) return;
    this.shown = key;
    this.element.hidden = findings.length === 0;
    this.element.dataset.kind = findings.map((f) => f.kind).join(' ');
    if (findings.length === 0) delete this.element.dataset.kind;
    const items = findings.map((f, i) => h('li', { 'data-kind': f.kind }, texts[i]));
    this.element.replaceChildren(...(items.length > 1 ? [h('ul', {}, ...items)] : texts.map((t) => h('span', {}, t))));
  }
}
