// Highlights the line a paused run stopped at, like a debugger's current line, in every editor showing it.
import * as vscode from 'vscode';
import type { RunController } from './runController';

export function registerPausedLine(controller: RunController): vscode.Disposable {
  const decoration = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('editor.stackFrameHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.infoForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
  });

  const paint = () => {
    for (const editor of vscode.window.visibleTextEditors) {
      const pos = controller.runState(editor.document.uri.toString())?.paused?.pos;
      if (pos && pos.line >= 1 && pos.line <= editor.document.lineCount) {
        const line = editor.document.lineAt(pos.line - 1);
        editor.setDecorations(decoration, [
          { range: line.range, hoverMessage: vscode.l10n.t('Backprop Lens: the run is paused here') },
        ]);
      } else {
        editor.setDecorations(decoration, []);
      }
    }
  };

  return vscode.Disposable.from(
    decoration,
    controller.onDidEvent(({ event }) => {
      if (event.type === 'paused' || event.type === 'resumed' || event.type === 'finished' || event.type === 'started')
        paint();
    }),
    vscode.window.onDidChangeVisibleTextEditors(paint),
  );
}
