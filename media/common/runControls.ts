// The run-state line and the action buttons, shared by the panel and the inspector. The visible line
// changes often while a run goes (its steps/s rate); a separate, visually hidden live region announces
// only changes of state to screen readers.
import type { ViewAction } from '../../src/protocol';
import type { StringKey, Strings } from '../../src/shared/strings';
import { announceRun, describeRun } from './describeRun';
import { h } from './dom';
import { actionIcon } from './icons';
import type { RunEventType, View, ViewContext } from './viewHost';

const ACTIONS: readonly { action: ViewAction; text: StringKey; label: StringKey }[] = [
  { action: 'train', text: 'train', label: 'trainLabel' },
  { action: 'step', text: 'step', label: 'stepLabel' },
  { action: 'backprop', text: 'backprop', label: 'backpropLabel' },
  { action: 'phases', text: 'phasesAction', label: 'phasesLabel' },
  { action: 'continue', text: 'continue', label: 'continueLabel' },
  { action: 'stop', text: 'stop', label: 'stopLabel' },
];

export class RunControls implements View {
  readonly redrawOn: readonly RunEventType[] = ['started', 'steps', 'paused', 'resumed', 'finished', 'error'];
  readonly element: HTMLElement;
  private readonly state: HTMLElement;
  private readonly announcement: HTMLElement;
  private readonly buttons = new Map<ViewAction, HTMLButtonElement>();

  /** Appends the controls to `container`; `onAction` gets the button pressed (the host runs it). */
  constructor(container: HTMLElement, s: Strings, onAction: (action: ViewAction) => void) {
    this.state = h('p', { class: 'run-state', id: 'run-state' });
    this.announcement = h('p', {
      class: 'run-announcement visually-hidden',
      role: 'status',
      'aria-live': 'polite',
      'aria-atomic': 'true',
    });
    const bar = h('div', { class: 'actions', role: 'toolbar', 'aria-label': s.runActions });
    for (const a of ACTIONS) {
      // The accessible name is the visible word (Train, Step, ...); the icon is decoration, the longer
      // explanation the description and tooltip.
      const b = h(
        'button',
        {
          type: 'button',
          class: `action action-${a.action}`,
          'aria-label': s[a.text],
          'aria-description': s[a.label],
          title: s[a.label],
        },
        actionIcon(a.action),
        h('span', { class: 'action-text', text: s[a.text] }),
      );
      b.addEventListener('click', () => onAction(a.action));
      this.buttons.set(a.action, b);
      bar.append(b);
    }
    this.element = h('div', { class: 'run-controls' }, this.state, this.announcement, bar);
    container.append(this.element);
  }

  update({ strings: s, run, file }: ViewContext): void {
    const hasFile = file !== null;
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
      phases: hasFile && status !== 'starting',
      continue: status === 'paused',
      stop: active,
    };
    for (const [action, b] of this.buttons) b.disabled = !enabled[action];
    this.element.dataset.status = status;
  }
}
