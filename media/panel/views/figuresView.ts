// The Figures section: every matplotlib figure the script showed (the latest of each figure number), drawn
// by src/shared/figureDraw.ts, the code that also writes savefig's PNG files, in the theme's colours. Each
// canvas is an image for screen readers with a text alternative naming its axes, ranges and what is drawn.
import type { FigureAxes, FigureEvent } from '../../../src/protocol';
import { formatNumber } from '../../../src/shared/paramStats';
import { drawFigure, type FigureTheme } from '../../../src/shared/figureDraw';
import { fmt, type Strings } from '../../../src/shared/strings';
import { CanvasPainter } from '../../common/canvasPainter';
import { h } from '../../common/dom';
import { availableWidth, setupCanvas } from '../../common/plot';
import { cssVar, themeColors } from '../../common/theme';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

interface Shown {
  element: HTMLElement;
  caption: HTMLElement;
  canvas: HTMLCanvasElement;
  drawn: FigureEvent | null;
  width: number;
}

/** What an Axes shows, in words: its title, both axes with their ranges, and how many of each artist. */
export function describeAxes(s: Strings, ax: FigureAxes, index: number): string {
  const count = (kind: string) => ax.artists.filter((a) => a.kind === kind).length;
  const points = ax.artists.reduce((n, a) => n + (a.kind === 'scatter' ? a.x.length : 0), 0);
  const bars = ax.artists.reduce((n, a) => n + (a.kind === 'rects' ? a.x.length : 0), 0);
  const parts = [
    [s.figureLines, count('line') + count('hline') + count('vline')],
    [s.figurePoints, points],
    [s.figureBars, bars],
    [s.figureImages, count('image')],
    [s.figureContours, count('contour')],
    [s.figureAreas, count('polygon')],
  ] as const;
  const drawn = parts.filter(([, n]) => n > 0).map(([text, n]) => fmt(text, n));
  const name = ax.title || fmt(s.figurePlot, index + 1);
  const num = (v: number) => formatNumber(v);
  return fmt(
    s.figureAxes,
    name,
    ax.xlabel,
    num(ax.xlim[0]),
    num(ax.xlim[1]),
    ax.ylabel,
    num(ax.ylim[0]),
    num(ax.ylim[1]),
    drawn.length ? drawn.join(', ') : s.figureNothing,
  );
}

export class FiguresView implements View {
  readonly redrawOn: readonly RunEventType[] = ['figure'];
  private readonly list: HTMLElement;
  private readonly shown = new Map<number, Shown>();
  private themeChanged = false;
  private last: ViewContext | null = null;

  constructor(
    private readonly container: HTMLElement,
    s: Strings,
  ) {
    container.append(h('p', { class: 'section-help', text: s.figuresHelp }));
    this.list = h('div', { class: 'figures' });
    container.append(this.list);
    container.hidden = true;
    new ResizeObserver(() => this.last && !container.hidden && this.update(this.last)).observe(container);
  }

  reset(): void {
    this.shown.clear();
    this.list.replaceChildren();
  }

  onThemeChange(): void {
    this.themeChanged = true;
  }

  update(context: ViewContext): void {
    this.last = context;
    const figures = context.run?.figures ?? [];
    this.container.hidden = figures.length === 0;
    if (!figures.length) return;
    const keep = new Set(figures.map((f) => f.number));
    for (const [num, shown] of this.shown) {
      if (keep.has(num)) continue;
      shown.element.remove();
      this.shown.delete(num);
    }
    const width = availableWidth(this.list, 720);
    const theme = this.theme();
    figures.forEach((fig, i) => {
      const shown = this.shownFor(fig.number, i);
      if (shown.drawn === fig && shown.width === width && !this.themeChanged) return;
      this.draw(context.strings, shown, fig, width, theme);
    });
    this.themeChanged = false;
  }

  private shownFor(num: number, index: number): Shown {
    let shown = this.shown.get(num);
    if (!shown) {
      const caption = h('figcaption');
      const canvas = h('canvas', { class: 'figure-canvas', role: 'img', tabindex: 0 });
      const element = h('figure', { class: 'figure' }, canvas, caption);
      shown = { element, caption, canvas, drawn: null, width: 0 };
      this.shown.set(num, shown);
    }
    if (this.list.children[index] !== shown.element)
      this.list.insertBefore(shown.element, this.list.children[index] ?? null);
    return shown;
  }

  private theme(): FigureTheme {
    const c = themeColors();
    return {
      background: null,
      axesBackground: null,
      foreground: c.foreground,
      grid: c.grid,
      legendBackground: c.background,
      legendEdge: c.grid,
      minFontPx: 10,
    };
  }

  private draw(s: Strings, shown: Shown, fig: FigureEvent, available: number, theme: FigureTheme): void {
    const width = Math.min(available, Math.round(fig.width * 100));
    const height = Math.round((width * fig.height) / fig.width);
    const ctx = setupCanvas(shown.canvas, width, height);
    const family = cssVar('--vscode-font-family', 'sans-serif');
    const painter = new CanvasPainter(ctx, window.devicePixelRatio || 1, family, theme.foreground);
    drawFigure(painter, fig, theme, width, height);
    shown.caption.textContent = fig.title
      ? `${fmt(s.figureCaption, fig.number)}: ${fig.title}`
      : fmt(s.figureCaption, fig.number);
    const described = fig.axes.map((ax, i) => describeAxes(s, ax, i)).join(' ');
    shown.canvas.setAttribute('aria-label', fmt(s.figureSummary, fig.number, described));
    shown.canvas.dataset.figure = String(fig.number);
    shown.drawn = fig;
    shown.width = available;
  }
}
