// One parameter's values and gradients as two heatmaps (rows: the first dimension, columns: the rest), with
// a picker of the parameter. Hovering a cell, or moving over the cells with the arrow keys while a heatmap
// has focus (an outlined cursor marks the cell), reads its value out in the caption below (a live region).
import type { ParamSnapshot } from '../../../src/protocol';
import { formatNumber, histogram } from '../../../src/shared/paramStats';
import { fmt, type Strings } from '../../../src/shared/strings';
import { clear, h } from '../../common/dom';
import { cellAt, drawColorScale, drawHeatmap, gridOf, maxAbs } from '../../common/heatmap';
import { moveCell, type Cell } from '../../common/heatmapKeys';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

/** The parameter shown, kept in the panel's state. */
export interface HeatmapSettings {
  selectedParam: string | null;
}

/** One of the two heatmaps: the values or the gradients. */
interface Pane {
  which: 'value' | 'grad';
  canvas: HTMLCanvasElement;
  cursor: HTMLElement;
  caption: HTMLElement;
  /** What the rows and columns are (output neurons × inputs for a Linear weight). */
  axes: HTMLElement;
  /** The colour scale under the cells. */
  scale: HTMLCanvasElement;
  /** The keyboard's cell (null until an arrow key is pressed). */
  cell: Cell | null;
}

export class HeatmapView implements View {
  readonly redrawOn: readonly RunEventType[] = ['params', 'paused'];
  private readonly select: HTMLSelectElement;
  private readonly caption = h('p', { class: 'heatmap-caption', 'aria-live': 'polite' });
  private readonly values: Pane;
  private readonly grads: Pane;
  /** The parameter drawn, which the mouse and the keys read. */
  private param: ParamSnapshot | undefined;
  private strings: Strings;

  /** `container` is the section, hidden while no parameter is shown; `onSelect` gets a parameter picked. */
  constructor(
    private readonly container: HTMLElement,
    s: Strings,
    private readonly settings: HeatmapSettings,
    onSelect: (name: string) => void,
  ) {
    this.strings = s;
    this.select = h('select', { id: 'heatmap-param', 'aria-label': s.parameter });
    this.values = this.pane('value', s.values, 'values-caption');
    this.grads = this.pane('grad', s.gradients, 'grads-caption');
    const figure = (p: Pane) => h('figure', {}, p.axes, p.canvas, p.cursor, p.scale, p.caption);
    container.append(
      h('label', { for: 'heatmap-param' }, s.parameter, ' ', this.select),
      h('div', { class: 'heatmaps' }, figure(this.values), figure(this.grads)),
      this.caption,
    );
    this.select.addEventListener('change', () => {
      // Another parameter (another shape) starts the cursors over.
      for (const p of [this.values, this.grads]) {
        p.cell = null;
        p.cursor.hidden = true;
      }
      onSelect(this.select.value);
    });
  }

  /** A focusable heatmap canvas: the arrow keys move over its cells and the caption reads the value out. */
  private pane(which: Pane['which'], label: string, captionId: string): Pane {
    const s = this.strings;
    const pane: Pane = {
      which,
      canvas: h('canvas', {
        class: 'heatmap',
        role: 'img',
        tabindex: 0,
        'aria-label': label,
        'aria-description': s.heatmapKeys,
      }),
      cursor: h('div', { class: 'heatmap-cursor', hidden: true }),
      caption: h('figcaption', { id: captionId, text: label }),
      axes: h('p', { class: 'heatmap-axes' }),
      scale: h('canvas', { class: 'heatmap-scale', role: 'img' }),
      cell: null,
    };
    pane.canvas.addEventListener('mousemove', (ev) => {
      const cell = this.param && cellAt(pane.canvas, this.param.shape, ev.clientX, ev.clientY);
      if (cell) this.describeCell(pane, cell);
    });
    pane.canvas.addEventListener('keydown', (ev) => this.onKey(pane, ev));
    pane.canvas.addEventListener('focus', () => this.placeCursor(pane));
    pane.canvas.addEventListener('blur', () => this.placeCursor(pane));
    return pane;
  }

  /** Shows `name` (the host asked, or a histogram was clicked): the picker scrolls into view with focus. */
  reveal(name: string): void {
    this.select.value = name;
    this.container.scrollIntoView({ block: 'nearest' });
    this.select.focus();
  }

  update({ strings, run }: ViewContext): void {
    this.strings = strings;
    const params = run?.params ?? [];
    const names = params.map((p) => p.name);
    if (
      Array.from(this.select.options)
        .map((o) => o.value)
        .join('\n') !== names.join('\n')
    ) {
      clear(this.select);
      for (const n of names) this.select.append(h('option', { value: n, text: n }));
    }
    if (!this.settings.selectedParam || !names.includes(this.settings.selectedParam)) {
      this.settings.selectedParam = params.find((p) => p.shape.length >= 2)?.name ?? names[0] ?? null;
    }
    if (this.settings.selectedParam) this.select.value = this.settings.selectedParam;
    this.param = params.find((p) => p.name === this.settings.selectedParam);
    this.container.hidden = !this.param;
    if (this.param) this.draw(this.param);
  }

  private draw(p: ParamSnapshot): void {
    const s = this.strings;
    const { rows, cols } = gridOf(p.shape);
    // Cells as large as fit a 320px box (between 3 and 48px a side), so a 48×2 weight is not a sliver.
    const side = (n: number) => Math.max(3, Math.min(48, Math.floor(320 / n)));
    for (const { canvas } of [this.values, this.grads]) {
      canvas.style.width = `${cols * side(cols)}px`;
      canvas.style.height = `${rows * side(rows)}px`;
    }
    // The colour scale is symmetric around 0: blue below, red above, strongest at the largest magnitude.
    const range = (a: Float32Array | null) => {
      if (!a) return ` (${s.noGrad})`;
      const { min, max } = histogram(a, 1);
      return ` ${formatNumber(min)} … ${formatNumber(max)}`;
    };
    const shape = `[${p.shape.join('×')}]`;
    this.drawScales(p, cols * side(cols));
    drawHeatmap(this.values.canvas, p.value, p.shape);
    this.values.caption.textContent = `${s.values}:${range(p.value)}`;
    this.values.canvas.setAttribute('aria-label', `${p.name} ${s.values} ${shape}:${range(p.value)}`);
    const grads = this.grads.canvas;
    if (p.grad) drawHeatmap(grads, p.grad, p.shape);
    else grads.getContext('2d')!.clearRect(0, 0, grads.width, grads.height);
    this.grads.caption.textContent = `${s.gradients}:${range(p.grad)}`;
    grads.setAttribute(
      'aria-label',
      p.grad ? `${p.name} ${s.gradients} ${shape}:${range(p.grad)}` : `${p.name}: ${s.noGrad}`,
    );
  }

  /** Row and column meaning above each heatmap, and its colour scale (-max .. +max) under it. */
  private drawScales(p: ParamSnapshot, width: number): void {
    const s = this.strings;
    const { rows, cols } = gridOf(p.shape);
    const axes = p.shape.length >= 2 ? fmt(s.heatmapAxes, rows, cols) : fmt(s.heatmapAxes1d, cols);
    for (const pane of [this.values, this.grads]) {
      pane.axes.textContent = axes;
      const data = pane.which === 'value' ? p.value : p.grad;
      pane.scale.hidden = !data;
      if (!data) continue;
      const max = maxAbs(data) || 1;
      drawColorScale(pane.scale, max, Math.max(120, width), formatNumber);
      pane.scale.setAttribute('aria-label', fmt(s.colorScale, formatNumber(max)));
    }
  }

  private describeCell(pane: Pane, cell: Cell): void {
    const p = this.param;
    const data = pane.which === 'value' ? p?.value : p?.grad;
    if (!p || !data) return;
    const { cols } = gridOf(p.shape);
    const what = pane.which === 'value' ? this.strings.values : this.strings.gradients;
    this.caption.textContent = `${p.name}[${cell.row}, ${cell.col}] ${what}: ${formatNumber(data[cell.row * cols + cell.col])}`;
  }

  private onKey(pane: Pane, ev: KeyboardEvent): void {
    if (!this.param) return;
    const grid = gridOf(this.param.shape);
    const cur = pane.cell;
    const next = moveCell(cur && cur.row < grid.rows && cur.col < grid.cols ? cur : null, ev.key, grid);
    if (!next) return;
    ev.preventDefault();
    pane.cell = next;
    this.describeCell(pane, next);
    this.placeCursor(pane);
  }

  /** The keyboard cursor: an outlined box over the pane's cell while the canvas has focus. */
  private placeCursor({ canvas, cursor, cell }: Pane): void {
    const p = this.param;
    const { rows, cols } = gridOf(p?.shape ?? []);
    cursor.hidden = !p || !cell || cell.row >= rows || cell.col >= cols || document.activeElement !== canvas;
    if (!p || !cell) return;
    const w = canvas.clientWidth / cols;
    const hgt = canvas.clientHeight / rows;
    cursor.style.left = `${canvas.offsetLeft + canvas.clientLeft + cell.col * w}px`;
    cursor.style.top = `${canvas.offsetTop + canvas.clientTop + cell.row * hgt}px`;
    cursor.style.width = `${w}px`;
    cursor.style.height = `${hgt}px`;
  }
}
