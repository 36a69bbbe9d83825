// A view that is one element's text, such as the file name or a note: hidden while `text` gives null.
import type { RunEventType, View, ViewContext } from './viewHost';

export class TextView implements View {
  /**
   * `element` is already in place; `text` says what it shows for a context (null: hide it), `redrawOn` after
   * which events besides a reset that can change.
   */
  constructor(
    private readonly element: HTMLElement,
    private readonly text: (context: ViewContext) => string | null,
    readonly redrawOn: readonly RunEventType[] = [],
  ) {}

  update(context: ViewContext): void {
    const text = this.text(context);
    this.element.hidden = text === null;
    if (text !== null && this.element.textContent !== text) this.element.textContent = text;
  }
}
