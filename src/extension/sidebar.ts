// The inspector in the activity bar: the model's module tree with live numbers for each parameter and the
// run's state with buttons for the actions. It follows the active Python editor; with none, the latest run.
import * as vscode from 'vscode';
import type { ViewToHost } from '../protocol';
import type { PanelManager } from './panel';
import type { RunController } from './runController';
import { eventsMessage, snapshotMessage, webviewHtml, webviewOptions } from './webviewHost';

export const SIDEBAR_VIEW_ID = 'backpropLens.inspector';

export class InspectorViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private shown: vscode.Uri | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly controller: RunController,
    private readonly panels: PanelManager,
  ) {
    this.disposables.push(
      controller.onDidBatch(({ key, events }) => {
        if (this.ready && this.view?.visible && key === this.shown?.toString())
          void this.view.webview.postMessage(eventsMessage(events));
      }),
      controller.onDidReset((key) => {
        // A run that starts is what the user wants to watch.
        this.shown = vscode.Uri.parse(key);
        this.sendSnapshot();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    view.webview.options = webviewOptions(this.extensionUri);
    view.webview.html = webviewHtml(
      view.webview,
      this.extensionUri,
      'sidebar',
      vscode.l10n.t('Backprop Lens Inspector'),
    );
    this.follow();
    const subscriptions = [
      view.webview.onDidReceiveMessage((m: ViewToHost) => this.onMessage(m)),
      view.onDidChangeVisibility(() => {
        if (!view.visible) this.ready = false;
      }),
    ];
    view.onDidDispose(() => {
      subscriptions.forEach((s) => s.dispose());
      if (this.view === view) this.view = undefined;
      this.ready = false;
    });
  }

  /** Shows the active editor's file when it is Python; otherwise keeps what is shown (or finds one). */
  private follow(): void {
    const doc = vscode.window.activeTextEditor?.document;
    let next = this.shown;
    if (doc?.languageId === 'python') next = doc.uri;
    else if (!next) {
      // No Python editor has focus (a panel has): the latest run, else a visible Python editor.
      const latest = this.controller.files().at(-1);
      const visible = vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'python')?.document.uri;
      next = latest ? vscode.Uri.parse(latest) : visible;
    }
    if (next?.toString() !== this.shown?.toString()) {
      this.shown = next;
      this.sendSnapshot();
    }
  }

  private sendSnapshot(): void {
    if (this.ready && this.view) void this.view.webview.postMessage(snapshotMessage(this.controller, this.shown));
  }

  private onMessage(message: ViewToHost): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.sendSnapshot();
        break;
      case 'action':
        void vscode.commands.executeCommand(`backpropLens.${message.action}`, this.shown);
        break;
      case 'selectParam':
        if (this.shown) this.panels.show(this.shown, { selectParam: message.name });
        break;
      case 'viewState':
        break;
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
