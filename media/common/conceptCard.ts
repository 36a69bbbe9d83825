// The frame every concept view draws into: its card's heading, a one-line caption, the line naming the data
// it was computed from (the tensors the model was called with and the loss compared against), a canvas that
// screen readers read as one image with a summary, and a redraw when the card's width changes.
import type { TensorRef } from '../../src/protocol';
import { fmt, type Strings } from '../../src/shared/strings';
import { h } from './dom';

/** `X [4×2]`, or `an unnamed tensor [4×2]`. */
export function tensorLabel(s: Strings, ref: TensorRef | null): string {
  if (!ref) return s.unnamedTensor;
  return `${ref.name ?? s.unnamedTensor} [${ref.shape.join('×')}]`;
}

/** "Model called with X [4×2]; the loss compares its output with y [4×1]." */
export function dataLine(s: Strings, input: TensorRef | null, target: TensorRef | null): string {
  if (!input) return s.conceptNoData;
  return fmt(s.conceptData, tensorLabel(s, input), tensorLabel(s, target));
}

/** A short variable name for axis titles: the user's name, else `x`. */
export function shortName(ref: TensorRef | null, fallback: string): string {
  return ref?.name ?? fallback;
}

export class ConceptCard {
  readonly title: HTMLElement;
  readonly help: HTMLElement;
  readonly data: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private width = 0;

  /** `container` is the card (a section with its h2); `redraw` is called when its width changes. */
  constructor(
    readonly container: HTMLElement,
    help: string,
    redraw: () => void,
  ) {
    this.title = container.querySelector('h2') ?? h('h2');
    this.help = h('p', { class: 'section-help', text: help });
    this.data = h('p', { class: 'concept-data' });
    this.canvas = h('canvas', { class: 'concept-canvas', role: 'img', tabindex: 0 });
    container.append(this.help, this.data, this.canvas);
    container.hidden = true;
    new ResizeObserver(() => {
      const w = container.clientWidth;
      if (w !== this.width && !container.hidden) {
        this.width = w;
        redraw();
      }
    }).observe(container);
  }

  /** Shows or hides the card; returns `visible`. */
  show(visible: boolean): boolean {
    this.container.hidden = !visible;
    if (visible) this.width = this.container.clientWidth;
    return visible;
  }

  /** The text a screen reader reads for the canvas. */
  describe(summary: string): void {
    this.canvas.setAttribute('aria-label', summary);
  }
}
