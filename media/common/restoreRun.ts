// After a window reload the new extension host knows no run, but a webview's vscode.setState survives it:
// the panel and the inspector keep the last finished (or paused) run of each file they showed as JSON and
// draw it again when the host has nothing newer. Pure (no DOM) so node tests it.
import type { RunSnapshot } from '../../src/protocol';
import { snapshotFromJson, snapshotToJson } from './snapshotJson';

type Json = Record<string, unknown>;

/** Saved runs by file URI, oldest first; kept in the webview state. */
export type SavedRuns = Record<string, Json>;

/** Most files whose run a view keeps (the state is stored with the window and must stay small). */
export const SAVED_RUN_FILES = 4;

/**
 * What to draw for a snapshot message: the host's run when it has one, else the run saved for that file
 * (`restored`: it is from before the reload and cannot be continued), else nothing.
 */
export function runToShow(
  message: { fileUri: string | null; run: RunSnapshot | null },
  saved: SavedRuns,
): { run: RunSnapshot | null; restored: boolean } {
  if (message.run) return { run: message.run, restored: false };
  const json = message.fileUri ? saved[message.fileUri] : undefined;
  if (!json) return { run: null, restored: false };
  try {
    return { run: snapshotFromJson(json), restored: true };
  } catch {
    return { run: null, restored: false }; // state from an older version of the extension
  }
}

/**
 * The saved runs with `run` stored for `fileUri` (most recent last, at most SAVED_RUN_FILES files).
 * A run still going is not saved; a run too large for the state removes the file's older saved run.
 */
export function saveRun(saved: SavedRuns, fileUri: string, run: RunSnapshot): SavedRuns {
  if (run.status === 'starting' || run.status === 'running') return saved;
  const next: SavedRuns = { ...saved };
  delete next[fileUri];
  const json = snapshotToJson(run);
  if (json) next[fileUri] = json;
  const files = Object.keys(next);
  for (const old of files.slice(0, Math.max(0, files.length - SAVED_RUN_FILES))) delete next[old];
  return next;
}
