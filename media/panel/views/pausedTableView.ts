// While a run is paused, what the phase it paused after shows: the predictions beside the targets
// (forward), the loss and how it was computed, the gradients layer by layer (backward), and the update
// element by element: the value before, its gradient, what the optimizer's rule subtracted (lr × grad, lr ×
// velocity, lr × m̂ / (√v̂ + ε), ...), the value after, and after − before, so the columns add up. Every
// value of every parameter is reachable a page at a time, and the card scrolls inside a bounded height so
// the loss curve below stays on screen. It never scrolls sideways: at the panel's default width the numbers
// show 4 significant digits (all of them in the cell's title and for screen readers), and a narrower panel
// stacks each element's values under it with all their digits (webview.css).
import type { ParamSnapshot, PausedEvent } from '../../../src/protocol';
import {
  elementName,
  formatChange,
  formatPrecise,
  impliedRate,
  ruleDetails,
  ruleFormula,
} from '../../../src/shared/phaseText';
import { formatNumber } from '../../../src/shared/paramStats';
import { fmt, type Strings } from '../../../src/shared/strings';
import { clear, h } from '../../common/dom';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';
import { forwardTable, gradientLayers, keepTableRoles, lossLine, valueCell } from './phaseTables';

/** Values of one parameter listed per page. */
export const PAGE_SIZE = 8;

/**
 * The row header of element `k`: its index ("[2, 1]") under the parameter's own header row, the name before
 * it read by screen readers only ("fc1.weight[2, 1]"), so the number columns keep the width.
 */
function elementHeader(p: ParamSnapshot, k: number): HTMLTableCellElement {
  const full = elementName(p.name, p.shape, k);
  if (!full.startsWith(`${p.name}[`)) return h('th', { scope: 'row', text: full });
  return h(
    'th',
    { scope: 'row', title: full },
    h('span', { class: 'visually-hidden', text: p.name }),
    full.slice(p.name.length),
  );
}

/** The card's title after each phase. */
const TITLES = { forward: 'forwardHeading', loss: 'loss', backward: 'backwardHeading', update: 'pausedTable' } as const;

export class PausedTableView implements View {
  readonly redrawOn: readonly RunEventType[] = ['paused', 'params', 'resumed', 'finished'];
  private readonly body = h('div', { class: 'paused-body', tabindex: 0 });
  /** The first element shown of each parameter (by name), kept across pauses. */
  private readonly pageStart = new Map<string, number>();
  private lastPaused: PausedEvent | null = null;
  private strings: Strings;

  /** `container` is the section, shown only while the run is paused. */
  constructor(
    private readonly container: HTMLElement,
    s: Strings,
  ) {
    this.strings = s;
    this.body.setAttribute('aria-labelledby', `${container.id}-title`);
    container.append(this.body);
  }

  update({ strings: s, run }: ViewContext): void {
    const paused = run?.paused ?? null;
    this.container.hidden = !paused;
    this.strings = s;
    if (!paused || (paused === this.lastPaused && this.body.firstChild)) return;
    this.lastPaused = paused;
    this.render(paused);
  }

  private render(paused: PausedEvent): void {
    const s = this.strings;
    clear(this.body);
    this.container.dataset.phase = paused.phase;
    const title = this.container.querySelector('h2');
    if (title) title.textContent = s[TITLES[paused.phase]];
    if (paused.phase === 'forward' && paused.forward) this.body.append(...forwardTable(s, paused.forward));
    else if (paused.phase === 'loss') this.body.append(...lossLine(s, paused));
    else if (paused.phase === 'backward') this.body.append(...gradientLayers(s, paused.params));
    if (paused.phase === 'update' || paused.phase === 'backward') this.body.append(this.elementTable(paused));
  }

  /** The element table: before, gradient, the rule's amount, after, after − before. */
  private elementTable(paused: PausedEvent): HTMLElement {
    const s = this.strings;
    const update = paused.phase === 'update' ? (paused.update ?? null) : null;
    const rate = update?.rule === 'manual' ? impliedRate(paused) : null;
    const rule = update ? ruleFormula(s, update, paused.pos?.line ?? null, rate) : s.lrTimesGrad;
    // After backward only the values and their gradients are known; the update adds its columns.
    const titles =
      paused.phase === 'update'
        ? [s.element, s.before, s.gradient, rule, s.after, s.changeLabel]
        : [s.element, s.before, s.gradient];
    const head = h('tr', {}, ...titles.map((t) => h('th', { scope: 'col', text: t })));
    const table = h('table', { class: 'paused-table stacking' }, h('thead', {}, head));
    paused.params.forEach((p, i) => table.append(this.paramRows(paused, p, i, titles)));
    keepTableRoles(table);
    const wrap = h('div', { class: 'update-table' });
    if (update) wrap.append(h('p', { class: 'paused-note rule-line', text: `${rule}. ${ruleDetails(s, update)}` }));
    wrap.append(table);
    return wrap;
  }

  private paramRows(
    paused: PausedEvent,
    p: ParamSnapshot,
    i: number,
    titles: readonly string[],
  ): HTMLTableSectionElement {
    const columns = titles.length;
    const isUpdate = paused.phase === 'update';
    const before = isUpdate ? (paused.before?.[i] ?? null) : p.value;
    const after = isUpdate ? p.value : null;
    // Without a known rule (an older event), lr × grad is what plain SGD subtracts; a hand-written update
    // subtracted before − after.
    const manual = paused.update?.rule === 'manual';
    const amounts = isUpdate && !manual ? (paused.update?.amounts?.[i] ?? null) : null;
    const lr = paused.lrs[0] ?? NaN;
    const n = p.value.length;
    const start = Math.min(this.pageStart.get(p.name) ?? 0, Math.max(0, n - 1));
    const end = Math.min(n, start + PAGE_SIZE);
    const group = h('tbody', { class: 'param-group' });
    const shape = p.shape.length > 0 ? ` [${p.shape.join('×')}]` : '';
    group.append(
      h('tr', { class: 'param-row' }, h('th', { scope: 'rowgroup', colspan: columns, text: `${p.name}${shape}` })),
    );
    // Four significant digits keep every column on screen at the panel's default width; the cell's title and
    // what a screen reader reads keep all seven (see valueCell).
    const cell = (column: number, v: number | null) =>
      valueCell(titles[column], v === null ? null : formatPrecise(v), v === null ? null : formatNumber(v));
    for (let k = start; k < end; k++) {
      const g = p.grad ? p.grad[k] : null;
      const amount = amounts
        ? amounts[k]
        : manual && before && after
          ? before[k] - after[k]
          : !paused.update && g !== null && isUpdate
            ? lr * g
            : null;
      const row = h('tr', {}, elementHeader(p, k), cell(1, before ? before[k] : null), cell(2, g));
      if (isUpdate) {
        const change = before && after ? formatChange(after[k] - before[k]) : null;
        row.append(cell(3, amount), cell(4, after ? after[k] : null), valueCell(titles[5], change, change));
      }
      group.append(row);
    }
    if (n > PAGE_SIZE) group.append(this.pager(p.name, start, end, n, columns));
    return group;
  }

  /** "Values 9–16 of 24" with previous/next buttons. */
  private pager(name: string, start: number, end: number, n: number, columns: number): HTMLTableRowElement {
    const s = this.strings;
    const go = (to: number) => {
      this.pageStart.set(name, Math.max(0, Math.min(to, n - 1)));
      if (this.lastPaused) this.render(this.lastPaused);
      this.body
        .querySelector<HTMLButtonElement>(
          `button[data-param="${CSS.escape(name)}"][data-dir="${to > start ? 'next' : 'prev'}"]`,
        )
        ?.focus();
    };
    const button = (dir: 'prev' | 'next', label: string, text: string, to: number, disabled: boolean) => {
      const b = h('button', {
        type: 'button',
        class: 'page-button',
        'data-param': name,
        'data-dir': dir,
        'aria-label': `${label}: ${name}`,
        text,
        disabled,
      });
      b.addEventListener('click', () => go(to));
      return b;
    };
    return h(
      'tr',
      { class: 'pager' },
      h(
        'td',
        { colspan: columns },
        button('prev', s.previousPage, '‹', start - PAGE_SIZE, start === 0),
        h('span', { class: 'page-range', text: ` ${fmt(s.tableRange, start + 1, end, n)} ` }),
        button('next', s.nextPage, '›', start + PAGE_SIZE, end >= n),
      ),
    );
  }
}
