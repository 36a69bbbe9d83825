// While a run is paused: each parameter's first elements before the update, their gradient, lr × grad and
// the value after the update (after a backward pass only "before" and the gradient are known yet).
import type { ParamSnapshot, RunSnapshot } from '../../../src/protocol';
import { formatNumber } from '../../../src/shared/paramStats';
import { fmt, type Strings } from '../../../src/shared/strings';
import { clear, h } from '../../common/dom';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

/** Most elements of one parameter listed. */
const TABLE_ELEMENTS = 8;

type Paused = NonNullable<RunSnapshot['paused']>;

export class PausedTableView implements View {
  readonly redrawOn: readonly RunEventType[] = ['paused', 'params', 'resumed', 'finished'];
  private readonly body = h('tbody');

  /** `container` is the section, shown only while the run is paused. */
  constructor(
    private readonly container: HTMLElement,
    s: Strings,
  ) {
    const head = h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[s.element, s.before, s.gradient, s.lrTimesGrad, s.after].map((t) => h('th', { scope: 'col', text: t })),
      ),
    );
    container.append(
      h('table', { class: 'paused-table', 'aria-labelledby': `${container.id}-title` }, head, this.body),
    );
  }

  update({ strings: s, run }: ViewContext): void {
    const paused = run?.paused;
    this.container.hidden = !paused;
    if (!paused) return;
    clear(this.body);
    paused.params.forEach((p, i) => this.addRows(s, paused, p, i));
  }

  private addRows(s: Strings, paused: Paused, p: ParamSnapshot, i: number): void {
    const lr = paused.lrs[0] ?? NaN;
    const before = paused.before?.[i] ?? (paused.phase !== 'update' ? p.value : null);
    const after = paused.phase === 'update' ? p.value : null;
    const n = Math.min(TABLE_ELEMENTS, p.value.length);
    this.body.append(
      h(
        'tr',
        { class: 'param-row' },
        h('th', { scope: 'rowgroup', colspan: 5, text: `${p.name} [${p.shape.join('×')}]` }),
      ),
    );
    const cell = (v: number | null) => h('td', { text: v === null || Number.isNaN(v) ? '–' : formatNumber(v) });
    for (let k = 0; k < n; k++) {
      const g = p.grad ? p.grad[k] : NaN;
      this.body.append(
        h(
          'tr',
          {},
          h('th', { scope: 'row', text: `${p.name}[${k}]` }),
          cell(before ? before[k] : null),
          cell(p.grad ? g : null),
          cell(p.grad ? lr * g : null),
          cell(after ? after[k] : null),
        ),
      );
    }
    if (p.value.length > n)
      this.body.append(
        h('tr', { class: 'truncated' }, h('td', { colspan: 5, text: fmt(s.truncated, n, p.value.length) })),
      );
  }
}
