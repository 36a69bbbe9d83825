// The findings of a run (src/shared/findings.ts) in the Problems panel, each at the line that causes it and
// in the user's language: a missing zero_grad() at the backward call, dead ReLUs and vanishing or exploding
// gradients at the layer's creation, divergence and plateaus at the optimizer (where the learning rate is
// set). Recomputed when the run pauses or ends; cleared when the file's next run starts.
import * as vscode from 'vscode';
import { findingText, findingsOfRun, type Finding } from '../shared/findings';
import type { RunController } from './runController';
import { viewStrings } from './viewStrings';

/** Findings about a cause are warnings; the learning-rate guesses read from the curve are information. */
const GUESSES = new Set<Finding['kind']>(['rising', 'oscillating', 'slow', 'plateau']);

export function registerFindingDiagnostics(controller: RunController): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('backpropLensFindings');

  const refresh = (key: string) => {
    const state = controller.runState(key);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!state || !doc) return;
    const strings = viewStrings();
    const list = findingsOfRun(state, doc.getText()).map((f) => {
      const d = new vscode.Diagnostic(
        lineRange(doc, f.line),
        findingText(f, strings),
        GUESSES.has(f.kind) ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning,
      );
      d.source = 'Backprop Lens';
      d.code = f.kind;
      return d;
    });
    collection.set(doc.uri, list);
  };

  return vscode.Disposable.from(
    collection,
    controller.onDidReset((key) => collection.delete(vscode.Uri.parse(key))),
    controller.onDidEvent(({ key, event }) => {
      if (event.type === 'finished' || event.type === 'paused' || (event.type === 'warning' && event.code))
        refresh(key);
    }),
  );
}

/** The line's code, from its first non-blank character (the file's first line when unknown). */
function lineRange(doc: vscode.TextDocument, line: number | null): vscode.Range {
  const index = Math.min(Math.max(0, (line ?? 1) - 1), Math.max(0, doc.lineCount - 1));
  const text = doc.lineAt(index).text;
  const start = text.length - text.trimStart().length;
  return new vscode.Range(index, start, index, Math.max(text.length, start + 1));
}
