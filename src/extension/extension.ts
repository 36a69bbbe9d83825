// Entry point: wires the run controller (one shared Python worker) to the editor features and the views.
// Activated by Python files (onLanguage:python), the commands, the inspector view and a restored panel.
import * as vscode from 'vscode';
import { Runner } from '../python/runner';
import { ActiveFileTracker } from './activeFile';
import { registerCommands } from './commands';
import { TrainingCodeLensProvider } from './codelens';
import { registerDiagnostics } from './diagnostics';
import { PanelManager } from './panel';
import { registerPausedLine } from './pausedLine';
import { importsTorch } from './pythonStructure';
import { RunController } from './runController';
import { runIntegrationSuiteIfRequested } from './integrationHook';
import { InspectorViewProvider, SIDEBAR_VIEW_ID } from './sidebar';
import { readSettings } from './settings';
import { registerStatusBar } from './statusBar';

export function activate(context: vscode.ExtensionContext): { controller: RunController } {
  const distDir = vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath;
  // Each run has a process of its own, which may read and write the workspace folders (and the file's own).
  const folders = () =>
    (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const controller = new RunController(
    () => new Runner({ distDir, folders, memoryLimitMB: () => readSettings().memoryLimitMB }),
  );
  const panels = new PanelManager(context.extensionUri, controller);
  const inspector = new InspectorViewProvider(context.extensionUri, controller, panels);
  const codeLenses = new TrainingCodeLensProvider(controller);
  const activeFile = new ActiveFileTracker(controller);

  context.subscriptions.push(
    controller,
    panels,
    inspector,
    codeLenses,
    vscode.window.registerWebviewViewProvider(SIDEBAR_VIEW_ID, inspector),
    vscode.languages.registerCodeLensProvider({ language: 'python' }, codeLenses),
    registerDiagnostics(controller),
    registerPausedLine(controller),
    activeFile,
    registerStatusBar(controller, activeFile),
  );
  registerCommands(context, controller, panels);

  // Loading Pyodide takes seconds: start it as soon as a file that will want it is open.
  const warmFor = (doc: vscode.TextDocument) => {
    if (doc.languageId === 'python' && vscode.workspace.isTrusted && importsTorch(doc.getText())) controller.warm();
  };
  vscode.workspace.textDocuments.forEach(warmFor);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(warmFor),
    vscode.workspace.onDidGrantWorkspaceTrust(() => vscode.workspace.textDocuments.forEach(warmFor)),
  );
  // Returned for the integration tests; code-server runs them when the e2e script asks (no-op otherwise).
  runIntegrationSuiteIfRequested();
  return { controller };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
