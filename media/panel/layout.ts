// The panel's page: a header with the file name and the run's actions, the run-state notes, the four-phase
// strip, then one card per view, in reading order. The views fill these elements (see main.ts).
import type { Strings } from '../../src/shared/strings';
import { clear, h } from '../common/dom';

export interface PanelLayout {
  /** The header: the file name (`title`), then the run controls. */
  header: HTMLElement;
  title: HTMLElement;
  /** Python backend: PyTorch, devices, processes, step time and memory (hidden on the built-in engine). */
  environment: HTMLElement;
  /** "No run yet" or "shown as before the reload". */
  empty: HTMLElement;
  phases: HTMLOListElement;
  error: HTMLElement;
  paused: HTMLElement;
  /** Compare learning rates, slow motion, exports. */
  tools: HTMLElement;
  loss: HTMLElement;
  /** The learning-rate comparison's overlaid curves (hidden until one arrives). */
  compare: HTMLElement;
  /** The concept views (hidden until their events arrive). */
  boundary: HTMLElement;
  fit: HTMLElement;
  landscape: HTMLElement;
  /** matplotlib figures the script showed (hidden until one arrives). */
  figures: HTMLElement;
  /** Values the script logged with SummaryWriter (hidden until one arrives). */
  scalars: HTMLElement;
  network: HTMLElement;
  graph: HTMLElement;
  explorer: HTMLElement;
  lr: HTMLElement;
  grad: HTMLElement;
  histograms: HTMLElement;
  activations: HTMLElement;
  heatmap: HTMLElement;
  output: HTMLElement;
}

/** A titled section of the panel (`#id`, labelled by its `#id-title` heading). */
function card(id: string, title: string, hidden = false): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': `${id}-title`, id, hidden },
    h('h2', { id: `${id}-title`, text: title }),
  );
}

/** Replaces the content of `app` with the panel's empty layout and returns its parts. */
export function panelLayout(app: HTMLElement, s: Strings): PanelLayout {
  const title = h('h1', { class: 'title' });
  const layout: PanelLayout = {
    header: h('header', { class: 'panel-header' }, title),
    title,
    environment: h('p', { class: 'environment', 'aria-label': s.envLabel, hidden: true }),
    empty: h('p', { class: 'empty', text: s.noRun }),
    phases: h('ol', { class: 'phase-strip', 'aria-label': s.phases }),
    error: h('div', { class: 'error', role: 'alert', hidden: true }),
    paused: card('paused', s.pausedTable),
    tools: h('div', { class: 'tools', role: 'group', 'aria-label': s.tools }),
    loss: card('loss', s.lossChart),
    compare: card('compare', s.compareTitle, true),
    boundary: card('boundary', s.boundary, true),
    fit: card('fit', s.fit, true),
    landscape: card('landscape', s.landscape, true),
    figures: card('figures', s.figures, true),
    scalars: card('scalars', s.scalars, true),
    network: card('network', s.network, true),
    graph: card('graph', s.graph, true),
    explorer: card('explorer', s.explorer, true),
    lr: card('lr', s.lrChart),
    grad: card('grad', s.gradChart),
    histograms: card('histograms', s.histograms),
    activations: card('activations', s.activations, true),
    heatmap: card('heatmap', s.heatmap),
    output: card('output', s.output),
  };
  const l = layout;
  clear(app);
  const concepts = h('div', { class: 'grid-2 concept-row' }, l.boundary, l.fit, l.landscape);
  app.append(
    l.header,
    l.environment,
    l.empty,
    l.phases,
    l.error,
    l.paused,
    l.tools,
    l.loss,
    l.compare,
    concepts,
    l.figures,
    l.scalars,
    l.network,
    h('div', { class: 'grid-2' }, l.lr, l.grad),
    l.histograms,
    l.activations,
    l.explorer,
    l.graph,
    l.heatmap,
    l.output,
  );
  app.removeAttribute('aria-busy');
  return layout;
}
