// The webview side of the host connection: typed posting and the state VS Code keeps across reloads.
import type { ViewToHost } from '../../src/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: ViewToHost): void {
  api.postMessage(message);
}

export function loadState<T extends object>(defaults: T): T {
  const saved = api.getState();
  return { ...defaults, ...(saved && typeof saved === 'object' ? (saved as Partial<T>) : {}) };
}

export function saveState(state: object): void {
  api.setState(state);
}
