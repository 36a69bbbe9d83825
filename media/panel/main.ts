// The training panel of one file, as a composition root: it lays out the page, creates one view per part
// (run state and actions, the four-phase strip, the paused step's update table, loss / learning-rate /
// gradient-norm charts, weight histograms, activations, a heatmap of any parameter, the script's output)
// and hands the host's messages to the update loop shared with the inspector (common/viewHost.ts), which
// folds them into its RunState and redraws the views that changed at most 30 times a second. The host
// re-sends the whole snapshot whenever the panel is shown again.
import type { HostToView, ToolCommand } from '../../src/protocol';
import { environmentText } from '../../src/shared/environment';
import { fmt } from '../../src/shared/strings';
import { RunControls } from '../common/runControls';
import { TextView } from '../common/textView';
import { ViewHost, type View, type ViewContext } from '../common/viewHost';
import { WebviewApi } from '../common/vscodeApi';
import { panelLayout } from './layout';
import { PanelState } from './panelState';
import { chartImages } from './chartImages';
import { ActivationExplorerView } from './views/activationExplorerView';
import { ChartNoteView } from './views/chartNoteView';
import { CompareView } from './views/compareView';
import { ToolsView } from './views/toolsView';
import { ActivationsView } from './views/activationsView';
import { BoundaryView } from './views/boundaryView';
import { FiguresView } from './views/figuresView';
import { ScalarsView } from './views/scalarsView';
import { FitView } from './views/fitView';
import { GraphView } from './views/graphView';
import { LandscapeView } from './views/landscapeView';
import { NetworkView } from './views/networkView';
import { GradChartView } from './views/gradChartView';
import { HeatmapView } from './views/heatmapView';
import { HistogramsView } from './views/histogramsView';
import { LossChartView } from './views/lossChartView';
import { LossHintView } from './views/lossHintView';
import { LrChartView } from './views/lrChartView';
import { OutputView } from './views/outputView';
import { PausedTableView } from './views/pausedTableView';
import { PhaseStripView } from './views/phaseStripView';

/** The error box's text: the exception with its line, message and traceback; null (hidden) without one. */
function errorText({ strings: s, run }: ViewContext): string | null {
  const err = run?.error;
  if (!err) return null;
  const where = err.pos ? fmt(s.errorAt, err.kind, err.pos.line) : err.kind;
  return `${where}: ${err.message}\n${err.traceback}`;
}

/** "No run yet", or that the run is shown as before the window reloaded; null (hidden) while a live run shows. */
function emptyText({ strings: s, run, restored }: ViewContext): string | null {
  if (run && !restored) return null;
  return restored ? s.restored : s.noRun;
}

/** The events that change the environment line (Python backend). */
const ENVIRONMENT_EVENTS = ['environment', 'model', 'steps'] as const;

function main(): void {
  const api = new WebviewApi();
  const state = new PanelState(api);
  let heatmap: HeatmapView | null = null;
  let compare: CompareView | null = null;
  const exportCharts = () => {
    const c = host.context;
    const images = chartImages(document.getElementById('app')!, c.strings, c.run, compare?.svg(c.strings) ?? null);
    api.post({ type: 'chartImages', images });
  };
  const selectParam = (name: string) => {
    state.selectedParam = name;
    if (!heatmap) return; // drawn with the first snapshot
    heatmap.reveal(name);
    host.redraw(heatmap);
  };
  const build = ({ strings: s }: ViewContext): View[] => {
    const layout = panelLayout(document.getElementById('app')!, s);
    const loss: LossChartView = new LossChartView(layout.loss, s, state, () => host.redraw(loss));
    heatmap = new HeatmapView(layout.heatmap, s, state, selectParam);
    compare = new CompareView(layout.compare, s);
    const tool = (command: ToolCommand, arg?: string | number) => api.post({ type: 'tool', command, arg });
    return [
      new TextView(layout.title, (c) => c.file ?? ''),
      new RunControls(layout.header, s, (action) => api.post({ type: 'action', action })),
      new TextView(layout.environment, (c) => environmentText(c.run?.environment, c.strings), ENVIRONMENT_EVENTS),
      new TextView(layout.empty, emptyText),
      new PhaseStripView(layout.phases, s),
      new TextView(layout.error, errorText, ['error']),
      new PausedTableView(layout.paused, s),
      new ToolsView(layout.tools, s, tool, exportCharts),
      loss,
      new LossHintView(layout.loss),
      new ChartNoteView(layout.loss, {
        loss: layout.loss,
        lr: layout.lr,
        grad: layout.grad,
        histograms: layout.histograms,
      }),
      compare,
      new BoundaryView(layout.boundary, s),
      new FitView(layout.fit, s),
      new LandscapeView(layout.landscape, s),
      new FiguresView(layout.figures, s),
      new ScalarsView(layout.scalars, s),
      new NetworkView(layout.network, s),
      new LrChartView(layout.lr, s),
      new GradChartView(layout.grad, s),
      new HistogramsView(layout.histograms, selectParam),
      new ActivationsView(layout.activations, s),
      new ActivationExplorerView(layout.explorer, s),
      new GraphView(layout.graph, s),
      heatmap,
      new OutputView(layout.output, s),
    ];
  };
  const host = new ViewHost({ build, store: state, framesPerSecond: 30, onSelectParam: selectParam });
  window.addEventListener('message', (ev: MessageEvent<HostToView>) => {
    const m = ev.data;
    if (m.type === 'comparison') {
      compare?.show(m.comparison);
      if (compare) host.redraw(compare);
    } else if (m.type === 'requestChartImages') exportCharts();
    else host.receive(m);
  });
  api.post({ type: 'ready' });
}

main();
