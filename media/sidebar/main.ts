// The inspector, as a composition root: the file's name, the run state with the action buttons, then the
// model's module tree with live numbers for each parameter (views/moduleTreeView.ts). It shares the panel's
// update loop (common/viewHost.ts), redrawing at most 10 times a second, and keeps the last finished run of
// the files it showed in vscode.setState (savedRuns.ts), so after a window reload it shows them again.
import type { HostToView } from '../../src/protocol';
import { environmentText } from '../../src/shared/environment';
import type { Strings } from '../../src/shared/strings';
import { clear, h } from '../common/dom';
import { RunControls } from '../common/runControls';
import { TextView } from '../common/textView';
import { ViewHost, type View } from '../common/viewHost';
import { WebviewApi } from '../common/vscodeApi';
import { SavedRunsStore } from './savedRuns';
import { ModuleTreeView } from './views/moduleTreeView';

function build(app: HTMLElement, s: Strings, api: WebviewApi): View[] {
  clear(app);
  const heading = h('h2', { class: 'file-name' });
  app.append(heading);
  const controls = new RunControls(app, s, (action) => api.post({ type: 'action', action }));
  const restoredNote = h('p', { class: 'empty restored-note', hidden: true });
  const environment = h('p', { class: 'environment', 'aria-label': s.envLabel, hidden: true });
  const tree = h('div', { class: 'module-tree' });
  app.append(restoredNote, environment, h('h3', { text: s.model }), tree);
  app.removeAttribute('aria-busy');
  return [
    new TextView(heading, (c) => c.file ?? ''),
    controls,
    new TextView(restoredNote, (c) => (c.restored ? c.strings.restoredShort : null)),
    new TextView(environment, (c) => environmentText(c.run?.environment, c.strings), ['environment', 'model', 'steps']),
    new ModuleTreeView(tree, s, (name) => api.post({ type: 'selectParam', name })),
  ];
}

function main(): void {
  const api = new WebviewApi();
  const host = new ViewHost({
    build: ({ strings }) => build(document.getElementById('app')!, strings, api),
    store: new SavedRunsStore(api),
    framesPerSecond: 10,
  });
  window.addEventListener('message', (ev: MessageEvent<HostToView>) => host.receive(ev.data));
  api.post({ type: 'ready' });
}

main();
