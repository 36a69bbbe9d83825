// What the script printed (and its warnings), kept scrolled to the end unless the reader scrolled up.
import type { Strings } from '../../../src/shared/strings';
import { h } from '../../common/dom';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

export class OutputView implements View {
  readonly redrawOn: readonly RunEventType[] = ['output', 'warning'];
  private readonly output: HTMLElement;

  constructor(container: HTMLElement, s: Strings) {
    this.output = h('pre', { class: 'output', tabindex: 0, 'aria-label': s.output });
    container.append(this.output);
  }

  update({ strings: s, run }: ViewContext): void {
    const text = run?.output || s.noOutput;
    if (this.output.textContent === text) return;
    const atBottom = this.output.scrollTop + this.output.clientHeight >= this.output.scrollHeight - 4;
    this.output.textContent = text;
    if (atBottom) this.output.scrollTop = this.output.scrollHeight;
  }
}
