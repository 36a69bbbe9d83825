// The webview side of the host connection: typed posting and the state VS Code keeps across reloads.
// `acquireVsCodeApi` may be called only once per page, so each view's composition root (panel/main.ts,
// sidebar/main.ts) creates the one WebviewApi and hands it to what needs it.
import type { ViewToHost } from '../../src/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export class WebviewApi {
  private readonly api: VsCodeApi = acquireVsCodeApi();

  post(message: ViewToHost): void {
    this.api.postMessage(message);
  }

  /** The state saved with vscode.setState (it survives hiding the view and reloading the window), over `defaults`. */
  loadState<T extends object>(defaults: T): T {
    const saved = this.api.getState();
    return { ...defaults, ...(saved && typeof saved === 'object' ? (saved as Partial<T>) : {}) };
  }

  saveState(state: object): void {
    this.api.setState(state);
  }
}
