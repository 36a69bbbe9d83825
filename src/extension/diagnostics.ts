// Python errors and warnings of a run in the Problems panel, at the line and column Python reports.
// Cleared when the file's next run starts.
import * as vscode from 'vscode';
import type { RunEvent } from '../protocol';
import { codePointColumnToUtf16 } from '../python/pythonSource';
import type { RunController } from './runController';

export function registerDiagnostics(controller: RunController): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('backpropLens');
  const perFile = new Map<string, vscode.Diagnostic[]>();

  const add = (key: string, diagnostic: vscode.Diagnostic) => {
    const list = perFile.get(key) ?? [];
    list.push(diagnostic);
    perFile.set(key, list);
    collection.set(vscode.Uri.parse(key), list);
  };

  const onEvent = ({ key, event }: { key: string; event: RunEvent }) => {
    if (event.type === 'error') {
      const d = new vscode.Diagnostic(
        rangeOf(key, event.pos),
        `${event.kind}: ${event.message}`,
        vscode.DiagnosticSeverity.Error,
      );
      d.source = 'Backprop Lens';
      d.code = event.kind;
      add(key, d);
    } else if (event.type === 'warning' && event.pos && !event.code) {
      // Coded warnings are findings: findingsDiagnostics.ts words them in the user's language.
      const d = new vscode.Diagnostic(rangeOf(key, event.pos), event.message, vscode.DiagnosticSeverity.Warning);
      d.source = 'Backprop Lens';
      add(key, d);
    }
  };

  return vscode.Disposable.from(
    collection,
    controller.onDidReset((key) => {
      perFile.delete(key);
      collection.delete(vscode.Uri.parse(key));
    }),
    controller.onDidEvent(onEvent),
  );
}

/** From the reported column to the end of the line; the first line when Python gave no position. */
function rangeOf(key: string, pos: { line: number; column: number } | null): vscode.Range {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  const line = Math.max(0, (pos?.line ?? 1) - 1);
  const text = doc && line < doc.lineCount ? doc.lineAt(line).text : '';
  const firstNonBlank = text.length - text.trimStart().length;
  // Python counts columns in characters, VS Code in UTF-16 units (an emoji is one character, two units).
  const column = pos && pos.column > 0 ? codePointColumnToUtf16(text, pos.column) - 1 : firstNonBlank;
  const end = Math.max(text.length, column + 1);
  return new vscode.Range(line, Math.min(column, end - 1), line, end);
}
