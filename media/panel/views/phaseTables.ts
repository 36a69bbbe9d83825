// What the paused card shows after forward, loss and backward (the update's element table is in
// pausedTableView.ts): the predictions beside the targets, the loss and how it was computed, the gradients
// layer by layer from the output back; and the cells the update table is made of. Plain functions that build
// DOM from a paused event.
import type { ForwardDetail, ParamSnapshot, PausedEvent } from '../../../src/protocol';
import { formatNumber, l2Norm } from '../../../src/shared/paramStats';
import { formatPrecise, lossHow } from '../../../src/shared/phaseText';
import { fmt, type Strings } from '../../../src/shared/strings';
import { h } from '../../common/dom';

/** Rows of a [n, k] tensor's values: each row's k values joined (a long output row shows its first 4). */
function rows(values: Float32Array, shape: readonly number[]): string[] {
  const perRow = shape.length >= 2 ? shape.slice(1).reduce((a, b) => a * b, 1) : 1;
  const out: string[] = [];
  for (let r = 0; r * perRow < values.length; r++) {
    const row = Array.from(values.subarray(r * perRow, Math.min(values.length, (r + 1) * perRow)));
    out.push(
      row
        .slice(0, 4)
        .map((v) => formatPrecise(v))
        .join(', ') + (row.length > 4 ? ', …' : ''),
    );
  }
  return out;
}

function tensorLabel(s: Strings, name: string | null, shape: readonly number[]): string {
  return `${name ?? s.unnamedTensor} [${shape.join('×')}]`;
}

/** After forward: one row per sample, the model's prediction beside the target. */
export function forwardTable(s: Strings, detail: ForwardDetail): HTMLElement[] {
  const preds = rows(detail.prediction.values, detail.prediction.shape);
  const targets = detail.target ? rows(detail.target.values, detail.target.shape) : [];
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col', text: s.rowLabel }),
    h('th', {
      scope: 'col',
      text: `${s.predictionLabel}: ${tensorLabel(s, detail.prediction.name, detail.prediction.shape)}`,
    }),
    h('th', {
      scope: 'col',
      text: detail.target
        ? `${s.targetLabel}: ${tensorLabel(s, detail.target.name, detail.target.shape)}`
        : s.targetLabel,
    }),
  );
  const body = h('tbody');
  preds.forEach((p, i) =>
    body.append(
      h(
        'tr',
        {},
        h('th', { scope: 'row', text: String(i) }),
        h('td', { text: p }),
        h('td', { text: targets[i] ?? '–' }),
      ),
    ),
  );
  const out: HTMLElement[] = [h('table', { class: 'paused-table forward-table' }, h('thead', {}, head), body)];
  if (!detail.target) out.push(h('p', { class: 'paused-note', text: s.forwardNoTarget }));
  return out;
}

/** After the loss: its value and how it was computed. */
export function lossLine(s: Strings, paused: PausedEvent): HTMLElement[] {
  const loss = paused.loss;
  if (!loss) return [];
  return [
    h('p', { class: 'paused-note loss-line', text: fmt(s.lossHeading, formatPrecise(loss.value), lossHow(s, loss)) }),
  ];
}

/** After backward: each parameter's gradient norm, from the output layer back to the input. */
export function gradientLayers(s: Strings, params: readonly ParamSnapshot[]): HTMLElement[] {
  const body = h('tbody');
  for (const p of [...params].reverse()) {
    const first = p.grad ? Array.from(p.grad.subarray(0, 3), (v) => formatNumber(v)).join(', ') : '–';
    body.append(
      h(
        'tr',
        {},
        h('th', { scope: 'row', text: `${p.name} [${p.shape.join('×')}]` }),
        h('td', { 'data-label': s.gradNorm, text: p.grad ? formatNumber(l2Norm(p.grad)) : '–' }),
        h('td', { 'data-label': s.gradients, text: first + (p.grad && p.grad.length > 3 ? ', …' : '') }),
      ),
    );
  }
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col', text: s.parameter }),
    h('th', { scope: 'col', text: s.gradNorm }),
    h('th', { scope: 'col', text: s.gradients }),
  );
  const table = h('table', { class: 'paused-table grad-layers stacking' }, h('thead', {}, head), body);
  keepTableRoles(table);
  return [table];
}

/**
 * A number cell of the update table: `compact` on screen, `full` (every digit the value has) in its title and
 * for screen readers, and on screen too where a narrow panel stacks the table (webview.css); `label` names
 * the column there.
 */
export function valueCell(label: string, full: string | null, compact: string | null): HTMLTableCellElement {
  if (full === null || compact === null) return h('td', { 'data-label': label, text: '–' });
  if (full === compact) return h('td', { 'data-label': label, title: full, text: full });
  return h(
    'td',
    { 'data-label': label, title: full },
    h('span', { class: 'value-compact', 'aria-hidden': 'true', text: compact }),
    h('span', { class: 'value-full', text: full }),
  );
}

/**
 * Spells out a table's roles: the stacked layout of a narrow panel sets `display: block` on its rows, which
 * some browsers take as a reason to read it as plain text instead of rows, columns and headers.
 */
export function keepTableRoles(table: HTMLTableElement): void {
  table.setAttribute('role', 'table');
  table.querySelectorAll('thead, tbody').forEach((el) => el.setAttribute('role', 'rowgroup'));
  table.querySelectorAll('tr').forEach((el) => el.setAttribute('role', 'row'));
  table
    .querySelectorAll('th')
    .forEach((el) => el.setAttribute('role', el.scope === 'col' ? 'columnheader' : 'rowheader'));
  table.querySelectorAll('td').forEach((el) => el.setAttribute('role', 'cell'));
}
