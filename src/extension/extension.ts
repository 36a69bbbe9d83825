// Entry point: wires the run controller (one shared Python worker) to the editor features and the views.
// Activated by Python files (onLanguage:python), the commands, the inspector view and a restored panel.
import * as vscode from 'vscode';
import { PytorchRunner } from '../python/pytorchRunner';
import { Runner } from '../python/runner';
import { Backends } from './backends';
import { registerBackendStatus } from './backendStatus';
import { ActiveFileTracker } from './activeFile';
import { registerCommands } from './commands';
import { LrComparer } from './compareLr';
import { registerToolCommands } from './toolCommands';
import { TrainingCodeLensProvider } from './codelens';
import { registerDiagnostics } from './diagnostics';
import { registerFindingDiagnostics } from './findingsDiagnostics';
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
  const backends = new Backends();
  const controller = new RunController((backend) => {
    if (backend === 'builtin')
      return new Runner({ distDir, folders, memoryLimitMB: () => readSettings().memoryLimitMB });
    // The python backend runs on the checked interpreter (commands check it before a run).
    const interpreter = backends.interpreter;
    return new PytorchRunner({ distDir, python: interpreter?.ok ? interpreter.executable : interpreter?.python });
  });
  // Another interpreter chosen: the next python run starts with it.
  context.subscriptions.push(backends.onDidChange(() => controller.resetRunner('python')));
  const panels = new PanelManager(context.extensionUri, controller);
  const inspector = new InspectorViewProvider(context.extensionUri, controller, panels);
  const codeLenses = new TrainingCodeLensProvider(controller, backends);
  const activeFile = new ActiveFileTracker(controller);

  context.subscriptions.push(
    controller,
    backends,
    panels,
    inspector,
    codeLenses,
    vscode.window.registerWebviewViewProvider(SIDEBAR_VIEW_ID, inspector),
    vscode.languages.registerCodeLensProvider({ language: 'python' }, codeLenses),
    registerDiagnostics(controller),
    registerFindingDiagnostics(controller),
    registerPausedLine(controller),
    activeFile,
    registerStatusBar(controller, activeFile),
    registerBackendStatus(backends, activeFile),
  );
  registerCommands(context, controller, panels, backends);
  // Learning-rate comparisons and exports run the built-in engine in processes of their own.
  const makeRunner = () => new Runner({ distDir, folders, memoryLimitMB: () => readSettings().memoryLimitMB });
  const comparer = new LrComparer(makeRunner, (key, message) => panels.post(key, message));
  registerToolCommands(context, { controller, panels, comparer, makeRunner });

  // Loading Pyodide takes seconds: start it as soon as a file that will want it is open.
  const warmFor = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'python' || !vscode.workspace.isTrusted || !importsTorch(doc.getText())) return;
    controller.warm();
    // Whether a Python with torch is there, for the "Run on PyTorch" lens and the status bar (checked once).
    void backends.check();
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
