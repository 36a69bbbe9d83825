// The palette/title-bar/CodeLens commands. Each takes an optional file Uri (CodeLens and webviews pass it);
// without one it acts on the active Python editor.
import * as vscode from 'vscode';
import type { RunMode } from '../protocol';
import type { PanelManager } from './panel';
import type { RunController } from './runController';
import { canRun } from './trust';
import { newExample } from './examples';
import type { Backends } from './backends';
import { pythonReady, switchBackend } from './backendStatus';
import { readSettings } from './settings';

async function documentFor(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : undefined;
  if (uri) {
    return (
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ??
      vscode.workspace.openTextDocument(uri)
    );
  }
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === 'python') return doc;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a Python file to train it with Backprop Lens.'));
  return undefined;
}

export function registerCommands(
  context: vscode.ExtensionContext,
  controller: RunController,
  panels: PanelManager,
  backends: Backends,
): void {
  const run =
    (mode: RunMode, processes = 1) =>
    async (arg?: unknown) => {
      const doc = await documentFor(arg);
      if (!doc || !canRun()) return;
      const key = doc.uri.toString();
      const backend = backends.forFile(key);
      if (controller.isActive(key)) {
        panels.show(doc.uri, { preserveFocus: true });
        return controller.continue(key, mode);
      }
      // On the python backend the interpreter must import torch; if not, the learner is told what to install.
      if (backend === 'python' && !(await pythonReady(backends))) return;
      panels.show(doc.uri, { preserveFocus: true });
      await controller.start(doc, mode, backend, processes);
    };
  const onActive = (fn: (key: string) => void) => async (arg?: unknown) => {
    const doc = await documentFor(arg);
    if (doc) fn(doc.uri.toString());
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('backpropLens.train', run('train')),
    vscode.commands.registerCommand('backpropLens.step', run('step')),
    vscode.commands.registerCommand('backpropLens.backprop', run('backprop')),
    vscode.commands.registerCommand('backpropLens.phases', run('phases')),
    vscode.commands.registerCommand(
      'backpropLens.continue',
      onActive((key) => controller.continue(key, 'train')),
    ),
    vscode.commands.registerCommand(
      'backpropLens.stop',
      onActive((key) => controller.stop(key)),
    ),
    vscode.commands.registerCommand('backpropLens.showPanel', async (arg?: unknown, param?: unknown) => {
      const doc = await documentFor(arg);
      if (doc) panels.show(doc.uri, { selectParam: typeof param === 'string' ? param : undefined });
    }),
    vscode.commands.registerCommand('backpropLens.runOnPytorch', async (arg?: unknown) => {
      const doc = await documentFor(arg);
      if (!doc || !canRun()) return;
      backends.choose(doc.uri.toString(), 'python');
      await run('train')(doc.uri);
    }),
    // Every process runs the file (one per GPU for DistributedDataParallel); rank 0 reports to the panel.
    vscode.commands.registerCommand('backpropLens.runWithTorchrun', async (arg?: unknown) => {
      const doc = await documentFor(arg);
      if (!doc || !canRun()) return;
      const key = doc.uri.toString();
      if (controller.isActive(key)) controller.stop(key);
      backends.choose(key, 'python');
      const processes = readSettings().torchrunProcesses;
      void vscode.window.setStatusBarMessage(
        vscode.l10n.t('Backprop Lens: starting {0} processes with torchrun (rank 0 is shown)', processes),
        5000,
      );
      await run('train', processes)(doc.uri);
    }),
    vscode.commands.registerCommand('backpropLens.switchBackend', (choice?: unknown) =>
      switchBackend(backends, readSettings().backend, choice),
    ),
    vscode.commands.registerCommand('backpropLens.newExample', (file?: unknown) =>
      newExample(context.extensionUri, typeof file === 'string' ? file : undefined),
    ),
  );
}
