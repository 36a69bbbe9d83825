// The training panel: one WebviewPanel per file, titled `Backprop Lens: <file name>`. Its content is not
// kept while hidden (retainContextWhenHidden is off): when it comes back it says `ready` and the host sends
// the file's snapshot again. After a window reload the serializer recreates it from the file URI the
// webview saved with vscode.setState.
import * as vscode from 'vscode';
import type { HostToView, ViewToHost } from '../protocol';
import type { RunController } from './runController';
import { displayName, eventsMessage, snapshotMessage, webviewHtml, webviewOptions } from './webviewHost';

export const PANEL_VIEW_TYPE = 'backpropLens.panel';

interface PanelEntry {
  panel: vscode.WebviewPanel;
  uri: vscode.Uri;
  /** A parameter to show in the heatmap once the webview is ready. */
  pendingParam?: string;
  ready: boolean;
}

type ChartImages = Extract<ViewToHost, { type: 'chartImages' }>['images'];

export class PanelManager implements vscode.Disposable {
  private readonly panels = new Map<string, PanelEntry>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly readyEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** A file's panel said `ready` (shown again): send it what the snapshot does not hold. */
  readonly onDidBecomeReady = this.readyEmitter.event;
  private readonly imagesEmitter = new vscode.EventEmitter<{ uri: vscode.Uri; images: ChartImages }>();
  /** A panel sent its charts as images (the "Export charts" button or command). */
  readonly onDidReceiveImages = this.imagesEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly controller: RunController,
  ) {
    this.disposables.push(
      controller.onDidBatch(({ key, events }) => {
        const entry = this.panels.get(key);
        if (entry?.ready && entry.panel.visible) void entry.panel.webview.postMessage(eventsMessage(events));
      }),
      controller.onDidReset((key) => {
        const entry = this.panels.get(key);
        if (entry?.ready) void entry.panel.webview.postMessage(snapshotMessage(controller, entry.uri));
      }),
      vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const fileUri = (state as { fileUri?: unknown } | undefined)?.fileUri;
          if (typeof fileUri !== 'string') {
            panel.dispose();
            return;
          }
          this.attach(panel, vscode.Uri.parse(fileUri));
        },
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('backpropLens.maxChartPoints')) return;
        for (const entry of this.panels.values())
          if (entry.ready) void entry.panel.webview.postMessage(snapshotMessage(controller, entry.uri));
      }),
    );
  }

  /** Opens (or reveals) the file's panel beside the editor. */
  show(uri: vscode.Uri, options: { preserveFocus?: boolean; selectParam?: string } = {}): void {
    const key = uri.toString();
    let entry = this.panels.get(key);
    if (entry) {
      entry.panel.reveal(undefined, options.preserveFocus);
    } else {
      const panel = vscode.window.createWebviewPanel(
        PANEL_VIEW_TYPE,
        panelTitle(uri),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: options.preserveFocus ?? false },
        { ...webviewOptions(this.extensionUri), retainContextWhenHidden: false },
      );
      entry = this.attach(panel, uri);
    }
    if (options.selectParam) {
      if (entry.ready) void entry.panel.webview.postMessage({ type: 'selectParam', name: options.selectParam });
      else entry.pendingParam = options.selectParam;
    }
  }

  /** Sends a message to the file's panel, when it is open and ready. */
  post(key: string, message: HostToView): void {
    const entry = this.panels.get(key);
    if (entry?.ready) void entry.panel.webview.postMessage(message);
  }

  /** Sends every ready panel a fresh snapshot (a setting the views show changed). */
  refreshConfig(): void {
    for (const entry of this.panels.values())
      if (entry.ready) void entry.panel.webview.postMessage(snapshotMessage(this.controller, entry.uri));
  }

  /** Asks the file's panel for its charts as images (they arrive through onDidReceiveImages). */
  requestChartImages(uri: vscode.Uri): void {
    this.show(uri, { preserveFocus: true });
    const entry = this.panels.get(uri.toString());
    if (entry?.ready) void entry.panel.webview.postMessage({ type: 'requestChartImages' } satisfies HostToView);
  }

  private attach(panel: vscode.WebviewPanel, uri: vscode.Uri): PanelEntry {
    const key = uri.toString();
    const entry: PanelEntry = { panel, uri, ready: false };
    this.panels.set(key, entry);
    panel.title = panelTitle(uri);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.svg');
    panel.webview.options = webviewOptions(this.extensionUri);
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, 'panel', panelTitle(uri));
    const subscriptions = [
      panel.webview.onDidReceiveMessage((m: ViewToHost) => this.onMessage(entry, m)),
      // A hidden panel's webview is destroyed; it says `ready` again when shown.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) entry.ready = false;
      }),
    ];
    panel.onDidDispose(() => {
      subscriptions.forEach((s) => s.dispose());
      if (this.panels.get(key) === entry) this.panels.delete(key);
    });
    return entry;
  }

  private onMessage(entry: PanelEntry, message: ViewToHost): void {
    switch (message.type) {
      case 'ready':
        entry.ready = true;
        void entry.panel.webview.postMessage(snapshotMessage(this.controller, entry.uri));
        if (entry.pendingParam) {
          void entry.panel.webview.postMessage({ type: 'selectParam', name: entry.pendingParam });
          entry.pendingParam = undefined;
        }
        this.readyEmitter.fire(entry.uri);
        break;
      case 'tool':
        void vscode.commands.executeCommand(`backpropLens.${message.command}`, entry.uri, message.arg);
        break;
      case 'chartImages':
        this.imagesEmitter.fire({ uri: entry.uri, images: message.images });
        break;
      case 'action':
        void vscode.commands.executeCommand(`backpropLens.${message.action}`, entry.uri);
        break;
      case 'selectParam':
      case 'viewState':
        break; // kept by the webview itself (vscode.setState)
    }
  }

  dispose(): void {
    for (const entry of this.panels.values()) entry.panel.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.readyEmitter.dispose();
    this.imagesEmitter.dispose();
  }
}

export function panelTitle(uri: vscode.Uri): string {
  return vscode.l10n.t('Backprop Lens: {0}', displayName(uri));
}
