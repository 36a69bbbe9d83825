// Tracks the file whose run the title-bar buttons and the status bar describe (see activeRun.ts) and keeps
// the `backpropLens.running` / `backpropLens.paused` context keys in step with that file's run.
import * as vscode from 'vscode';
import { followedFile, runContext } from './activeRun';
import type { RunController } from './runController';

export class ActiveFileTracker implements vscode.Disposable {
  private key: string | undefined;
  private lastContext = '';
  private readonly changed = new vscode.EventEmitter<void>();
  /** The followed file changed, or its run changed state. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly controller: RunController) {
    this.key = followedFile(info(vscode.window.activeTextEditor), undefined);
    this.disposables = [
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        this.key = followedFile(info(editor), this.key);
        this.update();
      }),
      controller.onDidChangeRun((key) => {
        if (key === this.key) this.update();
      }),
      this.changed,
    ];
    this.update();
  }

  /** `uri.toString()` of the followed file, if any. */
  get file(): string | undefined {
    return this.key;
  }

  private update(): void {
    const status = this.key ? this.controller.runState(this.key)?.status : undefined;
    const { running, paused } = runContext(status);
    const context = `${running}/${paused}`;
    if (context !== this.lastContext) {
      this.lastContext = context;
      void vscode.commands.executeCommand('setContext', 'backpropLens.running', running);
      void vscode.commands.executeCommand('setContext', 'backpropLens.paused', paused);
    }
    this.changed.fire();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

function info(editor: vscode.TextEditor | undefined) {
  return editor ? { key: editor.document.uri.toString(), languageId: editor.document.languageId } : undefined;
}
