// The inspector's model: the module tree (each module with its parameter count, open by default) and under
// each module its parameters with live numbers: shape, count, mean, std, gradient norm and update/weight
// ratio. A parameter's button opens its heatmap in the panel. A script with no nn.Module lists the tensors
// that get gradients instead.
import type { ModuleInfo, ParamInfo } from '../../../src/protocol';
import { formatNumber, l2Norm, meanStd } from '../../../src/shared/paramStats';
import type { RunState } from '../../../src/shared/runState';
import { fmt, plural, type Strings } from '../../../src/shared/strings';
import { clear, h } from '../../common/dom';
import { drawSparkline, sparklineSvg } from '../../common/sparkline';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

type StatCells = Record<'mean' | 'std' | 'grad' | 'ratio', HTMLElement> & { ratioLine: SVGSVGElement };

/** Finds a child module by dotted path; children may be listed by path or by attribute name. */
function childOf(modules: Map<string, ModuleInfo>, parent: ModuleInfo, child: string): ModuleInfo | undefined {
  return modules.get(child) ?? modules.get(parent.path ? `${parent.path}.${child}` : child);
}

function countParams(byPath: Map<string, ModuleInfo>, m: ModuleInfo): number {
  let n = m.params.reduce((a, p) => a + p.numel, 0);
  for (const c of m.children) {
    const child = childOf(byPath, m, c);
    if (child) n += countParams(byPath, child);
  }
  return n;
}

export class ModuleTreeView implements View {
  readonly redrawOn: readonly RunEventType[] = ['model', 'params', 'paused', 'steps'];
  /** What the drawn tree was built from, so it is rebuilt only when the model (or the file) changes. */
  private drawn: { modules: ModuleInfo[]; params: string; file: string | null } | null = null;
  private readonly statCells = new Map<string, StatCells>();
  private strings: Strings;

  /** `tree` is the (empty) element the tree is drawn into; `open` shows a parameter's heatmap. */
  constructor(
    private readonly tree: HTMLElement,
    s: Strings,
    private readonly open: (name: string) => void,
  ) {
    this.strings = s;
  }

  reset(): void {
    this.drawn = null;
  }

  update({ strings, run, file }: ViewContext): void {
    this.strings = strings;
    const modules = run?.modules ?? [];
    // Without an nn.Module the tensors listed are the parameters; with one, only the model counts.
    const params = modules.length === 0 ? (run?.params ?? []).map((p) => p.name).join('\n') : '';
    const d = this.drawn;
    if (!d || d.modules !== modules || d.params !== params || d.file !== file) {
      this.drawn = { modules, params, file };
      this.drawTree(run, file);
    }
    this.drawStats(run);
  }

  private drawTree(run: RunState | null, file: string | null): void {
    const s = this.strings;
    const modules = run?.modules ?? [];
    const params = run?.params ?? [];
    clear(this.tree);
    this.statCells.clear();
    if (modules.length === 0) {
      // No nn.Module (e.g. gradient descent by hand): list the tensors that get gradients.
      if (params.length === 0) this.tree.append(h('p', { class: 'empty', text: file ? s.noModel : s.noFile }));
      else
        this.tree.append(this.paramList(params.map((p) => ({ name: p.name, shape: p.shape, numel: p.value.length }))));
      return;
    }
    const byPath = new Map(modules.map((m) => [m.path, m]));
    this.tree.append(this.moduleNode(byPath, byPath.get('') ?? modules[0], true));
  }

  private moduleNode(byPath: Map<string, ModuleInfo>, m: ModuleInfo, isRoot: boolean): HTMLElement {
    const s = this.strings;
    const name = isRoot ? m.type : `${m.path.split('.').pop()}: ${m.type}`;
    const total = countParams(byPath, m);
    const summary = h(
      'summary',
      {},
      h('span', { class: 'module-name', text: name }),
      m.extra ? h('span', { class: 'module-extra', text: `(${m.extra})` }) : null,
      h('span', {
        class: 'module-count',
        text: plural(s, ['parametersOne', 'parameters'], total, total.toLocaleString()),
      }),
    );
    const details = h('details', { class: 'module', open: true }, summary);
    if (m.params.length) details.append(this.paramList(m.params));
    for (const c of m.children) {
      const child = childOf(byPath, m, c);
      if (child) details.append(this.moduleNode(byPath, child, false));
    }
    return details;
  }

  private paramList(params: ParamInfo[]): HTMLElement {
    const list = h('ul', { class: 'param-list' });
    for (const p of params) list.append(this.paramItem(p));
    return list;
  }

  private paramItem(p: ParamInfo): HTMLElement {
    const s = this.strings;
    const button = h(
      'button',
      { type: 'button', class: 'param-button', title: fmt(s.openHeatmap, p.name) },
      h('span', { class: 'param-name', text: p.name }),
      h('span', { class: 'param-shape', 'aria-hidden': 'true', text: `[${p.shape.join('×')}]` }),
    );
    button.setAttribute('aria-label', fmt(s.openHeatmap, p.name));
    button.addEventListener('click', () => this.open(p.name));
    const cells: StatCells = {
      mean: h('dd', { text: '–' }),
      std: h('dd', { text: '–' }),
      grad: h('dd', { text: '–' }),
      ratio: h('dd', { text: '–' }),
      ratioLine: sparklineSvg(),
    };
    this.statCells.set(p.name, cells);
    const stat = (label: string, value: HTMLElement) => h('div', { class: 'stat' }, h('dt', { text: label }), value);
    const stats = h(
      'dl',
      { class: 'param-stats', 'aria-label': p.name },
      stat(s.shape, h('dd', { text: `[${p.shape.join(', ')}]` })),
      stat(s.count, h('dd', { text: p.numel.toLocaleString() })),
      stat(s.mean, cells.mean),
      stat(s.std, cells.std),
      stat(s.gradNorm, cells.grad),
      stat(s.updateRatio, cells.ratio),
    );
    // Every step's ratio (recorded per step by the runtime), as a small line beside the latest value.
    cells.ratio.after(cells.ratioLine);
    return h('li', { class: 'param' }, button, stats);
  }

  private drawStats(run: RunState | null): void {
    const history = run?.ratioHistoryView();
    for (const p of run?.params ?? []) {
      const cells = this.statCells.get(p.name);
      if (!cells) continue;
      const { mean, std } = meanStd(p.value);
      cells.mean.textContent = formatNumber(mean);
      cells.std.textContent = Number.isNaN(std) ? '–' : formatNumber(std);
      cells.grad.textContent = p.grad ? formatNumber(l2Norm(p.grad)) : '–';
      const ratio = run?.updateRatios[p.name];
      cells.ratio.textContent = ratio === undefined ? '–' : formatNumber(ratio);
      drawSparkline(cells.ratioLine, history?.ratios[p.name] ?? []);
    }
  }
}
