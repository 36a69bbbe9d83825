// What the panel and the sidebar share: the webview's options and HTML, and turning a file's run into the
// messages a view needs (a snapshot, then batches of events).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostToView, RunEvent } from '../protocol';
import type { RunController } from './runController';
import { readSettings } from './settings';
import { viewStrings } from './viewStrings';
import { makeNonce, renderWebviewHtml } from './webviewHtml';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'dist', 'media'),
      vscode.Uri.joinPath(extensionUri, 'media'),
    ],
  };
}

export function webviewHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  view: 'panel' | 'sidebar',
  title: string,
): string {
  return renderWebviewHtml({
    cspSource: webview.cspSource,
    nonce: makeNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'media', `${view}.js`)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview.css')).toString(),
    title,
    lang: vscode.env.language,
    view,
  });
}

/** The name a file is shown by: its base name (`xor.py`, `Untitled-1`). */
export function displayName(uri: vscode.Uri): string {
  return path.posix.basename(uri.path);
}

export function snapshotMessage(controller: RunController, uri: vscode.Uri | undefined): HostToView {
  return {
    type: 'snapshot',
    file: uri ? displayName(uri) : null,
    fileUri: uri?.toString() ?? null,
    run: uri ? controller.snapshot(uri.toString()) : null,
    strings: viewStrings(),
    config: { maxChartPoints: readSettings().maxChartPoints, slowMotion: controller.slowMotion },
  };
}

export function eventsMessage(events: RunEvent[]): HostToView {
  return { type: 'events', events };
}
