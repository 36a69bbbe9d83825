// The update loop of both webviews (the panel and the inspector), so they behave alike: it folds the host's
// messages into one RunState (a snapshot replaces it, a batch of events is folded in, a `started` event of
// another run starts a new one), keeps the run saved for a window reload through a RunStore, and redraws
// the registered views at most `framesPerSecond` times a second (on animation frames), each only when an
// event it draws from arrived. Views are plain classes: see `View` below.
import type { HostToView, RunEvent } from '../../src/protocol';
import { RunState } from '../../src/shared/runState';
import { VIEW_STRINGS, type Strings } from '../../src/shared/strings';
import { frameThrottle } from './dom';
import { runToShow, type SavedRuns } from './restoreRun';
import { onThemeChange } from './theme';

/** What every view draws from: the run shown and what surrounds it. */
export interface ViewContext {
  /** The host's translation of every string (English until the first snapshot). */
  readonly strings: Strings;
  /** The file's display name (`xor.py`), null when the view shows no file. */
  readonly file: string | null;
  readonly fileUri: string | null;
  /** Most points a line chart draws (the `backpropLens.maxChartPoints` setting). */
  readonly maxChartPoints: number;
  /** Slow motion: most steps a second for Train (0: full speed), kept per workspace by the host. */
  readonly slowMotion: number;
  /** The run shown, null before any. */
  readonly run: RunState | null;
  /** The run is one saved before a window reload: drawn as it was, not live, never continued. */
  readonly restored: boolean;
}

export type RunEventType = RunEvent['type'];

/** One part of a webview, created with the element it draws into. */
export interface View {
  /** Events after which `update` is called; a reset (snapshot, new run, theme change) always calls it. */
  readonly redrawOn: readonly RunEventType[];
  /** Draws the view from the context (called on an animation frame). */
  update(context: ViewContext): void;
  /** Right after the run folded `event` (incremental work, such as appending new steps to a chart's series). */
  onEvent?(event: RunEvent, context: ViewContext): void;
  /** The run shown was replaced (a snapshot, a new run): drop what was kept of the previous one. */
  reset?(context: ViewContext): void;
  /** The colour theme changed: re-read the colours (a redraw follows). */
  onThemeChange?(): void;
}

/** Where a view keeps runs across a window reload (in vscode.setState, as JSON). */
export interface RunStore {
  /** The saved runs by file URI, shown when the host has no run for the file. */
  savedRuns(): SavedRuns;
  /** Called after a snapshot, when a new run starts and when a run pauses or ends, with what is shown. */
  remember(fileUri: string | null, run: RunState | null, restored: boolean): void;
}

export interface ViewHostOptions {
  /** Creates the views once, on the first snapshot (they need its strings); they are updated in this order. */
  build(context: ViewContext): View[];
  store: RunStore;
  framesPerSecond: number;
  /** The host asks to show a parameter (the panel's heatmap). */
  onSelectParam?(name: string): void;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class ViewHost {
  private readonly state: Mutable<ViewContext> = {
    strings: { ...VIEW_STRINGS },
    file: null,
    fileUri: null,
    maxChartPoints: 2000,
    slowMotion: 0,
    run: null,
    restored: false,
  };
  private views: View[] | null = null;
  private readonly dirty = new Set<View>();
  private readonly scheduleDraw: () => void;

  constructor(private readonly options: ViewHostOptions) {
    this.scheduleDraw = frameThrottle(() => this.draw(), options.framesPerSecond);
    onThemeChange(() => {
      this.views?.forEach((v) => v.onThemeChange?.());
      this.redrawAll();
    });
  }

  get context(): ViewContext {
    return this.state;
  }

  receive(message: HostToView): void {
    switch (message.type) {
      case 'snapshot':
        this.show(message);
        break;
      case 'events':
        for (const e of message.events) this.fold(e);
        break;
      case 'selectParam':
        this.options.onSelectParam?.(message.name);
        break;
    }
    this.scheduleDraw();
  }

  /** Redraws one view on the next frame (its own setting changed, e.g. the loss chart's smoothing). */
  redraw(view: View): void {
    this.dirty.add(view);
    this.scheduleDraw();
  }

  redrawAll(): void {
    this.views?.forEach((v) => this.dirty.add(v));
    this.scheduleDraw();
  }

  private show(message: Extract<HostToView, { type: 'snapshot' }>): void {
    // After a reload the new extension host has no run: show the one this view saved for the file.
    const shown = runToShow(message, this.options.store.savedRuns());
    const s = this.state;
    s.strings = { ...VIEW_STRINGS, ...message.strings } as Strings;
    s.file = message.file;
    s.fileUri = message.fileUri;
    s.maxChartPoints = message.config.maxChartPoints;
    s.slowMotion = message.config.slowMotion ?? 0;
    s.run = shown.run ? RunState.fromSnapshot(shown.run) : null;
    s.restored = shown.restored;
    this.options.store.remember(s.fileUri, s.run, s.restored);
    this.views ??= this.options.build(s);
    this.reset();
  }

  private fold(e: RunEvent): void {
    const s = this.state;
    if (e.type === 'started' && (s.restored || s.run?.runId !== e.runId)) {
      s.run = new RunState(e.runId, e.file, e.mode, 'starting');
      s.restored = false;
      this.options.store.remember(s.fileUri, s.run, false);
      this.reset();
    }
    if (!s.run || s.restored) return;
    s.run.apply(e, performance.now());
    if (e.type === 'finished' || e.type === 'paused') this.options.store.remember(s.fileUri, s.run, false);
    for (const v of this.views ?? []) {
      v.onEvent?.(e, s);
      if (v.redrawOn.includes(e.type)) this.dirty.add(v);
    }
  }

  private reset(): void {
    for (const v of this.views ?? []) {
      v.reset?.(this.state);
      this.dirty.add(v);
    }
  }

  private draw(): void {
    for (const v of this.views ?? []) {
      if (!this.dirty.has(v)) continue;
      this.dirty.delete(v);
      v.update(this.state);
    }
  }
}
