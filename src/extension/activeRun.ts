// Which file's run the editor chrome (title-bar buttons via context keys, the status bar) describes: the
// ACTIVE editor's file, never another file's run. Pure (no vscode import) so node tests it.
import type { RunStatus } from '../protocol';

/** What the host knows about the active editor: nothing (focus is in a webview, the panel, ...) or its file. */
export interface ActiveEditorInfo {
  /** `uri.toString()` of the document. */
  key: string;
  languageId: string;
}

/**
 * The file the chrome follows after the active editor changed to `active`.
 * A Python editor is followed; any other text editor (Markdown, Output, ...) means no file; no text editor
 * at all (focus moved into the training panel or a tool view) keeps the file followed before, so clicking
 * into the panel of xor.py still shows xor.py's state.
 */
export function followedFile(active: ActiveEditorInfo | undefined, previous: string | undefined): string | undefined {
  if (!active) return previous;
  return active.languageId === 'python' ? active.key : undefined;
}

export interface RunContext {
  /** `backpropLens.running`: the followed file's run is starting, running or paused (Stop applies). */
  running: boolean;
  /** `backpropLens.paused`: the followed file's run is paused (Continue applies). */
  paused: boolean;
}

/** The context keys for the followed file's run status (undefined: the file has no run). */
export function runContext(status: RunStatus | undefined): RunContext {
  return {
    running: status === 'starting' || status === 'running' || status === 'paused',
    paused: status === 'paused',
  };
}
