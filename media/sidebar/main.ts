// The inspector: run state with the action buttons, then the model's module tree with live numbers for
// each parameter (shape, count, mean, std, gradient norm, update/weight ratio). A parameter's button opens
// its heatmap in the panel. It keeps the last finished run of the files it showed in vscode.setState, so
// after a window reload (when the new extension host has no run) it shows them again.
import type { HostToView, ModuleInfo, ParamSnapshot } from '../../src/protocol';
import { RunRecorder } from '../../src/extension/runRecorder';
import { formatNumber, l2Norm, meanStd } from '../../src/extension/paramStats';
import { clear, frameThrottle, h } from '../shared/dom';
import { RunControls } from '../shared/runControls';
import { runToShow, saveRun, type SavedRuns } from '../shared/restoreRun';
import { fmt, plural, VIEW_STRINGS, type Strings } from '../shared/strings';
import { loadState, post, saveState } from '../shared/vscodeApi';

const viewState = loadState({ savedRuns: {} as SavedRuns });

let strings: Strings = { ...VIEW_STRINGS };
let fileName: string | null = null;
let fileUri: string | null = null;
/** The run shown is one saved before a window reload, not one the host knows. */
let restored = false;
let restoredNote: HTMLElement | null = null;
let recorder: RunRecorder | null = null;
let controls: RunControls | null = null;
let heading: HTMLElement | null = null;
let tree: HTMLElement | null = null;
/** The module tree drawn, so it is rebuilt only when the model changes. */
let drawnModules: ModuleInfo[] | null | undefined;
const statCells = new Map<string, Record<'mean' | 'std' | 'grad' | 'ratio', HTMLElement>>();

function build(): void {
  const app = document.getElementById('app')!;
  clear(app);
  controls = new RunControls(strings);
  heading = h('h2', { class: 'file-name' });
  tree = h('div', { class: 'module-tree' });
  restoredNote = h('p', { class: 'empty restored-note', hidden: true });
  app.append(heading, controls.element, restoredNote, h('h3', { text: strings.model }), tree);
  app.removeAttribute('aria-busy');
}

/** Finds a child module by dotted path; children may be listed by path or by attribute name. */
function childOf(modules: Map<string, ModuleInfo>, parent: ModuleInfo, child: string): ModuleInfo | undefined {
  return modules.get(child) ?? modules.get(parent.path ? `${parent.path}.${child}` : child);
}

function drawTree(): void {
  if (!tree) return;
  const modules = recorder?.modules ?? [];
  const params = recorder?.params ?? [];
  if (drawnModules === modules && tree.childElementCount > 0) return;
  drawnModules = modules;
  clear(tree);
  statCells.clear();
  if (modules.length === 0) {
    // No nn.Module (e.g. gradient descent by hand): list the tensors that get gradients.
    if (params.length === 0) {
      tree.append(h('p', { class: 'empty', text: fileName ? strings.noModel : strings.noFile }));
      return;
    }
    tree.append(paramList(params.map((p) => ({ name: p.name, shape: p.shape, numel: p.value.length }))));
    return;
  }
  const byPath = new Map(modules.map((m) => [m.path, m]));
  const root = byPath.get('') ?? modules[0];
  tree.append(moduleNode(byPath, root, true));
}

function moduleNode(byPath: Map<string, ModuleInfo>, m: ModuleInfo, isRoot: boolean): HTMLElement {
  const name = isRoot ? m.type : `${m.path.split('.').pop()}: ${m.type}`;
  const total = countParams(byPath, m);
  const summary = h('summary', {}, h('span', { class: 'module-name', text: name }), m.extra ? h('span', { class: 'module-extra', text: `(${m.extra})` }) : null, h('span', { class: 'module-count', text: plural(strings, ['parametersOne', 'parameters'], total, total.toLocaleString()) }));
  const details = h('details', { class: 'module', open: true }, summary);
  if (m.params.length) details.append(paramList(m.params));
  for (const c of m.children) {
    const child = childOf(byPath, m, c);
    if (child) details.append(moduleNode(byPath, child, false));
  }
  return details;
}

function countParams(byPath: Map<string, ModuleInfo>, m: ModuleInfo): number {
  let n = m.params.reduce((a, p) => a + p.numel, 0);
  for (const c of m.children) {
    const child = childOf(byPath, m, c);
    if (child) n += countParams(byPath, child);
  }
  return n;
}

function paramList(params: { name: string; shape: number[]; numel: number }[]): HTMLElement {
  const s = strings;
  const list = h('ul', { class: 'param-list' });
  for (const p of params) {
    const button = h('button', { type: 'button', class: 'param-button', title: fmt(s.openHeatmap, p.name) }, h('span', { class: 'param-name', text: p.name }), h('span', { class: 'param-shape', 'aria-hidden': 'true', text: `[${p.shape.join('×')}]` }));
    button.setAttribute('aria-label', fmt(s.openHeatmap, p.name));
    button.addEventListener('click', () => post({ type: 'selectParam', name: p.name }));
    const cells = { mean: h('dd', { text: '–' }), std: h('dd', { text: '–' }), grad: h('dd', { text: '–' }), ratio: h('dd', { text: '–' }) };
    statCells.set(p.name, cells);
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
    list.append(h('li', { class: 'param' }, button, stats));
  }
  return list;
}

function drawStats(): void {
  const params: ParamSnapshot[] = recorder?.params ?? [];
  for (const p of params) {
    const cells = statCells.get(p.name);
    if (!cells) continue;
    const { mean, std } = meanStd(p.value);
    cells.mean.textContent = formatNumber(mean);
    cells.std.textContent = Number.isNaN(std) ? '–' : formatNumber(std);
    cells.grad.textContent = p.grad ? formatNumber(l2Norm(p.grad)) : '–';
    const ratio = recorder?.updateRatios[p.name];
    cells.ratio.textContent = ratio === undefined ? '–' : formatNumber(ratio);
  }
}

const redraw = frameThrottle(() => {
  if (!controls || !heading) return;
  heading.textContent = fileName ?? '';
  controls.update(strings, recorder?.snapshot(false) ?? null, fileName !== null);
  if (restoredNote) {
    restoredNote.hidden = !restored;
    restoredNote.textContent = strings.restoredShort;
  }
  drawTree();
  drawStats();
}, 10);

/** Saves the shown run (when it has ended or paused) for the next window reload. */
function keepRun(): void {
  if (!recorder || !fileUri) return;
  const next = saveRun(viewState.savedRuns, fileUri, recorder.snapshot(false));
  if (next === viewState.savedRuns) return;
  viewState.savedRuns = next;
  saveState(viewState);
}

window.addEventListener('message', (ev: MessageEvent<HostToView>) => {
  const m = ev.data;
  if (m.type === 'snapshot') {
    strings = { ...VIEW_STRINGS, ...m.strings } as Strings;
    fileName = m.file;
    fileUri = m.fileUri;
    const shown = runToShow(m, viewState.savedRuns);
    recorder = shown.run ? RunRecorder.fromSnapshot(shown.run) : null;
    restored = shown.restored;
    if (recorder && !restored) keepRun();
    drawnModules = undefined;
    if (!controls) build();
  } else if (m.type === 'events') {
    for (const e of m.events) {
      if (e.type === 'started' && (restored || recorder?.runId !== e.runId)) {
        recorder = new RunRecorder(e.runId, e.file, e.mode, 'starting');
        restored = false;
        drawnModules = undefined;
      }
      if (restored) continue;
      recorder?.apply(e, performance.now());
      if (e.type === 'finished' || e.type === 'paused') keepRun();
    }
    // A model that appears only now, or parameters of a script with no nn.Module, need the tree redrawn.
    if (m.events.some((e) => e.type === 'model' || (e.type === 'params' && (recorder?.modules.length ?? 0) === 0 && statCells.size === 0))) drawnModules = undefined;
  }
  redraw();
});
post({ type: 'ready' });
