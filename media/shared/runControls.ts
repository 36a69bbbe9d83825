// The run-state line (announced to screen readers through aria-live) and the action buttons, shared by
// the panel and the inspector.
import type { Phase, RunSnapshot, ViewAction } from '../../src/protocol';
import { formatNumber } from '../../src/extension/paramStats';
import { h } from './dom';
import { fmt, type StringKey, type Strings } from './strings';
import { post } from './vscodeApi';

export function phaseLabel(s: Strings, phase: Phase): string {
  return s[phase === 'loss' ? 'loss' : phase];
}

/** "Idle", "Running at 1234 steps/s", "Paused after backward in step 3", "Finished: 2000 steps", ... */
export function describeRun(s: Strings, run: Pick<RunSnapshot, 'status' | 'stepsPerSecond' | 'steps' | 'paused' | 'error'> | null): string {
  if (!run) return s.idle;
  switch (run.status) {
    case 'idle':
      return s.idle;
    case 'starting':
      return s.starting;
    case 'running':
      return fmt(s.running, Math.round(run.stepsPerSecond).toLocaleString());
    case 'paused':
      return run.paused ? fmt(s.paused, phaseLabel(s, run.paused.phase).toLowerCase(), run.paused.step) : s.idle;
    case 'finished':
      return fmt(s.finished, run.steps);
    case 'stopped':
      return fmt(s.stopped, run.steps);
    case 'failed':
      return fmt(s.failed, run.error ? `${run.error.kind}: ${run.error.message}` : '');
  }
}

const ACTIONS: { action: ViewAction; glyph: string; text: StringKey; label: StringKey }[] = [
  { action: 'train', glyph: '▶', text: 'train', label: 'trainLabel' },
  { action: 'step', glyph: '⏭', text: 'step', label: 'stepLabel' },
  { action: 'backprop', glyph: '↩', text: 'backprop', label: 'backpropLabel' },
  { action: 'continue', glyph: '▶', text: 'continue', label: 'continueLabel' },
  { action: 'stop', glyph: '■', text: 'stop', label: 'stopLabel' },
];

export class RunControls {
  readonly element: HTMLElement;
  private readonly state: HTMLElement;
  private readonly buttons = new Map<ViewAction, HTMLButtonElement>();

  constructor(s: Strings) {
    this.state = h('p', { class: 'run-state', role: 'status', 'aria-live': 'polite', 'aria-label': s.runState });
    const bar = h('div', { class: 'actions', role: 'toolbar', 'aria-label': s.runState });
    for (const a of ACTIONS) {
      // The accessible name is the visible word (Train, Step, ...); the glyph is decoration, the longer
      // explanation a description.
      const b = h(
        'button',
        { type: 'button', class: `action action-${a.action}`, 'aria-label': s[a.text], 'aria-description': s[a.label], title: s[a.label] },
        h('span', { class: 'glyph', 'aria-hidden': 'true', text: a.glyph }),
        ' ',
        s[a.text],
      );
      b.addEventListener('click', () => post({ type: 'action', action: a.action }));
      this.buttons.set(a.action, b);
      bar.append(b);
    }
    this.element = h('div', { class: 'run-controls' }, this.state, bar);
  }

  update(s: Strings, run: RunSnapshot | null, hasFile: boolean): void {
    const text = hasFile ? describeRun(s, run) : s.noFile;
    // Only a changed text is written, so screen readers are not re-announced the same state.
    if (this.state.textContent !== text) this.state.textContent = text;
    const status = run?.status ?? 'idle';
    const active = status === 'starting' || status === 'running' || status === 'paused';
    const enabled: Record<ViewAction, boolean> = {
      train: hasFile && (!active || status === 'paused'),
      step: hasFile && status !== 'starting',
      backprop: hasFile && status !== 'starting',
      continue: status === 'paused',
      stop: active,
    };
    for (const [action, b] of this.buttons) b.disabled = !enabled[action];
    this.element.dataset.status = status;
  }
}

export { formatNumber };
