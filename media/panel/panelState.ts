// The panel's webview state (vscode.setState), which survives hiding the panel and reloading the window:
// its file (the serializer reopens the panel on it after a reload), the loss chart's scale and smoothing,
// the heatmap's parameter, and the last run that ended or paused, shown again when the new host has none.
import type { RunState } from '../../src/shared/runState';
import type { SavedRuns } from '../common/restoreRun';
import { snapshotToJson } from '../common/snapshotJson';
import type { RunStore } from '../common/viewHost';
import type { WebviewApi } from '../common/vscodeApi';

interface Saved {
  fileUri: string | null;
  logScale: boolean;
  smoothing: number;
  selectedParam: string | null;
  /** The last run that ended or paused, as JSON (null while one runs, or when too large to keep). */
  savedRun: Record<string, unknown> | null;
}

export class PanelState implements RunStore {
  private readonly saved: Saved;

  constructor(private readonly api: WebviewApi) {
    this.saved = api.loadState<Saved>({
      fileUri: null,
      logScale: false,
      smoothing: 0,
      selectedParam: null,
      savedRun: null,
    });
  }

  get logScale(): boolean {
    return this.saved.logScale;
  }
  set logScale(on: boolean) {
    this.saved.logScale = on;
    this.save();
  }

  /** The loss curve's exponential smoothing weight, 0 (none) to 0.99. */
  get smoothing(): number {
    return this.saved.smoothing;
  }
  set smoothing(weight: number) {
    this.saved.smoothing = weight;
    this.save();
  }

  /** The parameter the heatmap shows. */
  get selectedParam(): string | null {
    return this.saved.selectedParam;
  }
  set selectedParam(name: string | null) {
    if (this.saved.selectedParam === name) return;
    this.saved.selectedParam = name;
    this.save();
  }

  savedRuns(): SavedRuns {
    const { fileUri, savedRun } = this.saved;
    return savedRun && fileUri ? { [fileUri]: savedRun } : {};
  }

  /** Keeps the panel's file and, once its run has paused or ended, the run (a run going is not kept). */
  remember(fileUri: string | null, run: RunState | null, restored: boolean): void {
    if (fileUri) this.saved.fileUri = fileUri;
    if (!run) this.saved.savedRun = null;
    else if (!restored)
      this.saved.savedRun =
        run.status === 'starting' || run.status === 'running' ? null : snapshotToJson(run.snapshot(false));
    this.save();
  }

  private save(): void {
    this.api.saveState(this.saved);
  }
}
