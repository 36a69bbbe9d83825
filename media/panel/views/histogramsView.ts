// One small histogram of each parameter's values, refreshed with every parameter snapshot. Each is a button
// that opens the parameter in the heatmap.
import type { ParamSnapshot } from '../../../src/protocol';
import { formatNumber, histogram, meanStd } from '../../../src/shared/paramStats';
import { fmt, type Strings } from '../../../src/shared/strings';
import { h } from '../../common/dom';
import { drawHistogram, drawValueBars, FEW_VALUES } from '../../common/histogramCanvas';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

const HISTOGRAM_BINS = 24;

export class HistogramsView implements View {
  readonly redrawOn: readonly RunEventType[] = ['params', 'paused'];
  private readonly grid = h('div', { class: 'histograms' });

  /** `container` is the section, hidden while there are no parameters; `open` shows a parameter's heatmap. */
  constructor(
    private readonly container: HTMLElement,
    private readonly open: (name: string) => void,
  ) {
    container.append(this.grid);
  }

  update({ strings: s, run }: ViewContext): void {
    const params = run?.params ?? [];
    this.container.hidden = params.length === 0;
    const existing = new Map(
      Array.from(this.grid.querySelectorAll<HTMLElement>('figure')).map((f) => [f.dataset.param!, f]),
    );
    params.forEach((p, i) => {
      const fig = existing.get(p.name) ?? this.addFigure(s, p.name);
      existing.delete(p.name);
      this.draw(s, fig, p, i);
    });
    for (const stale of existing.values()) stale.remove();
  }

  private addFigure(s: Strings, name: string): HTMLElement {
    const button = h(
      'button',
      { type: 'button', class: 'histogram-button', 'aria-label': fmt(s.openHeatmap, name) },
      h('canvas', { class: 'histogram', role: 'img' }),
    );
    button.addEventListener('click', () => this.open(name));
    const fig = h('figure', { class: 'histogram-figure' }, button, h('figcaption'));
    fig.dataset.param = name;
    this.grid.append(fig);
    return fig;
  }

  private draw(s: Strings, fig: HTMLElement, p: ParamSnapshot, index: number): void {
    const hist = histogram(p.value, Math.max(6, Math.min(HISTOGRAM_BINS, Math.round(Math.sqrt(p.value.length) * 2))));
    const { mean, std } = meanStd(p.value);
    const canvas = fig.querySelector('canvas')!;
    canvas.setAttribute('aria-label', `${p.name}: ${s.mean} ${formatNumber(mean)}, ${s.std} ${formatNumber(std)}`);
    if (p.value.length <= FEW_VALUES) drawValueBars(canvas, p.value, index);
    else drawHistogram(canvas, hist, index);
    // The name and the range on lines of their own: one line wrapped in the middle of the range before.
    fig
      .querySelector('figcaption')!
      .replaceChildren(
        h('span', { class: 'caption-name' }, `${p.name} [${p.shape.join('×')}]`),
        h('span', { class: 'caption-range' }, `${formatNumber(hist.min)} … ${formatNumber(hist.max)}`),
      );
  }
}
