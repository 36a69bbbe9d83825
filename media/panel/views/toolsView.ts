// The panel's tools under the header: compare learning rates (factors of the file's own rate, editable),
// slow motion (steps per second for Train, kept per workspace by the host), and exports (metrics as CSV,
// the final state_dict as a .pt file, the charts as images). Each posts a `tool` message; the host runs
// the command of the same name on the panel's file (src/extension/toolCommands.ts).
import type { ToolCommand } from '../../../src/protocol';
import { DEFAULT_FACTORS, parseFactors } from '../../../src/shared/lrComparison';
import type { Strings } from '../../../src/shared/strings';
import { h } from '../../common/dom';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

export class ToolsView implements View {
  readonly redrawOn: readonly RunEventType[] = ['finished', 'started', 'steps', 'paused'];
  private readonly factors: HTMLInputElement;
  private readonly slowMotion: HTMLInputElement;
  private readonly exports: HTMLButtonElement[];

  constructor(
    container: HTMLElement,
    s: Strings,
    private readonly tool: (command: ToolCommand, arg?: string | number) => void,
    exportCharts: () => void,
  ) {
    this.factors = h('input', {
      type: 'text',
      id: 'compare-factors',
      value: DEFAULT_FACTORS.join(', '),
      'aria-label': s.compareFactors,
      size: 12,
      spellcheck: false,
    });
    const compare = h('button', { type: 'button', id: 'compare-button', title: s.compareLabel }, s.compareButton);
    compare.addEventListener('click', () => this.compare());
    this.factors.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.compare();
    });
    this.factors.addEventListener('input', () => {
      this.factors.setAttribute('aria-invalid', String(parseFactors(this.factors.value) === null));
    });
    this.slowMotion = h('input', { type: 'number', id: 'slow-motion', min: 0, max: 1000, step: 1, value: 0 });
    this.slowMotion.addEventListener('change', () => {
      const v = Number(this.slowMotion.value);
      if (Number.isFinite(v) && v >= 0) this.tool('setSlowMotion', v);
    });
    const button = (id: string, text: string, onClick: () => void) => {
      const b = h('button', { type: 'button', id, class: 'secondary' }, text);
      b.addEventListener('click', onClick);
      return b;
    };
    this.exports = [
      button('export-csv', s.exportCsv, () => this.tool('exportMetrics')),
      button('export-pt', s.exportPt, () => this.tool('exportStateDict')),
      button('export-charts', s.exportCharts, exportCharts),
    ];
    container.append(
      h(
        'div',
        { class: 'tool-row' },
        h('label', { for: 'compare-factors' }, s.compareTitle, ' ×', this.factors),
        compare,
        h('label', { for: 'slow-motion' }, s.slowMotion, ' ', this.slowMotion),
      ),
      h(
        'div',
        { class: 'tool-row', role: 'group', 'aria-label': s.exportLabel },
        h('span', {}, `${s.exportLabel}:`),
        ...this.exports,
      ),
    );
  }

  private compare(): void {
    const factors = parseFactors(this.factors.value);
    if (factors) this.tool('compareLearningRates', factors.join(', '));
  }

  update({ run, slowMotion }: ViewContext): void {
    if (document.activeElement !== this.slowMotion) this.slowMotion.value = String(slowMotion);
    const hasRun = !!run && run.steps > 0;
    for (const b of this.exports) b.disabled = !hasRun;
  }
}
