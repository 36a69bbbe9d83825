// The run-state line and the action buttons, shared by the panel and the inspector. The visible line
// changes often while a run goes (its steps/s rate); a separate, visually hidden live region announces
// only changes of state to screen readers.
import type { RunSnapshot, ViewAction } from '../../src/protocol';
import { formatNumber } from '../../src/extension/paramStats';
import { announceRun, describeRun, phaseLabel } from './describeRun';
import { h } from './dom';
import { actionIcon } from './icons';
import type { StringKey, Strings } from './strings';
import { post } from './vscodeApi';

const ACTIONS: { action: ViewAction; text: StringKey; label: StringKey }[] = [
  { action: 'train', text: 'train', label: 'trainLabel' },
  { action: 'step', text: 'step', label: 'stepLabel' },
  { action: 'backprop', text: 'backprop', label: 'backpropLabel' },
  { action: 'continue', text: 'continue', label: 'continueLabel' },
  { action: 'stop', text: 'stop', label: 'stopLabel' },
];

export class RunControls {
  readonly element: HTMLElement;
  private readonly state: HTMLElement;
  private readonly announcement: HTMLElement;
  private readonly buttons = new Map<ViewAction, HTMLButtonElement>();

  constructor(s: Strings) {
    this.state = h('p', { class: 'run-state', id: 'run-state' });
    this.announcement = h('p', { class: 'run-announcement visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    const bar = h('div', { class: 'actions', role: 'toolbar', 'aria-label': s.runActions });
    for (const a of ACTIONS) {
      // The accessible name is the visible word (Train, Step, ...); the icon is decoration, the longer
      // explanation the description and tooltip.
      const b = h(
        'button',
        { type: 'button', class: `action action-${a.action}`, 'aria-label': s[a.text], 'aria-description': s[a.label], title: s[a.label] },
        actionIcon(a.action),
        h('span', { class: 'action-text', text: s[a.text] }),
      );
      b.addEventListener('click', () => post({ type: 'action', action: a.action }));
      this.buttons.set(a.action, b);
      bar.append(b);
    }
    this.element = h('div', { class: 'run-controls' }, this.state, this.announcement, bar);
  }

  update(s: Strings, run: RunSnapshot | null, hasFile: boolean): void {
    const text = hasFile ? describeRun(s, run) : s.noFile;
    if (this.state.textContent !== text) this.state.textContent = text;
    // Only a changed text is written, so screen readers are not re-announced the same state.
    const spoken = hasFile ? announceRun(s, run) : s.noFile;
    if (this.announcement.textContent !== spoken) this.announcement.textContent = spoken;
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

export { describeRun, formatNumber, phaseLabel };
