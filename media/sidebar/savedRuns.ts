// The inspector's webview state: the last run that ended or paused of each of the few files it showed
// (see common/restoreRun.ts), so after a window reload, when the new extension host has no run, it shows
// them again.
import type { RunState } from '../../src/shared/runState';
import { saveRun, type SavedRuns } from '../common/restoreRun';
import type { RunStore } from '../common/viewHost';
import type { WebviewApi } from '../common/vscodeApi';

export class SavedRunsStore implements RunStore {
  private readonly state: { savedRuns: SavedRuns };

  constructor(private readonly api: WebviewApi) {
    this.state = api.loadState({ savedRuns: {} as SavedRuns });
  }

  savedRuns(): SavedRuns {
    return this.state.savedRuns;
  }

  remember(fileUri: string | null, run: RunState | null, restored: boolean): void {
    if (!run || restored || !fileUri) return;
    const next = saveRun(this.state.savedRuns, fileUri, run.snapshot(false));
    if (next === this.state.savedRuns) return;
    this.state.savedRuns = next;
    this.api.saveState(this.state);
  }
}
