// Helpers the integration tests share: the extension under test and the example files it ships with.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'backprop-lens.backprop-lens';

export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  await ext.activate();
  return ext;
}

/** An example file: from the opened workspace (a copy of examples/) if it has it, else the extension's own. */
export async function exampleUri(name: string): Promise<vscode.Uri> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const candidate = vscode.Uri.joinPath(folder.uri, name);
    if (fs.existsSync(candidate.fsPath)) return candidate;
  }
  const ext = await activeExtension();
  return vscode.Uri.file(path.join(ext.extensionPath, 'examples', name));
}

export async function openExample(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(await exampleUri(name));
  return vscode.window.showTextDocument(doc);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}
