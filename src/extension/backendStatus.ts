// The backend in the status bar (the built-in engine, or PyTorch's and Python's versions), the "Switch
// Backend" quick pick it opens, and the message shown when the python backend has no usable interpreter.
import * as vscode from 'vscode';
import { type Backend, backendSummary, type Interpreter, type InterpreterSource } from './backendChoice';
import type { ActiveFileTracker } from './activeFile';
import type { Backends } from './backends';

export function registerBackendStatus(backends: Backends, activeFile: ActiveFileTracker): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('backpropLens.backend', vscode.StatusBarAlignment.Left, 49);
  item.name = vscode.l10n.t('Backprop Lens backend');
  item.command = 'backpropLens.switchBackend';
  const update = () => {
    const key = activeFile.file;
    if (!key) return item.hide();
    const backend = backends.forFile(key);
    const interpreter = backend === 'python' ? backends.interpreter : undefined;
    const summary = backendSummary(backend, interpreter);
    const switchHint = vscode.l10n.t('Click to switch the backend.');
    switch (summary.kind) {
      case 'builtin':
        item.text = `$(beaker) ${vscode.l10n.t('Built-in engine')}`;
        item.tooltip = `${vscode.l10n.t('Files run on the built-in engine (no Python needed).')} ${switchHint}`;
        break;
      case 'checking':
        item.text = `$(loading~spin) ${vscode.l10n.t('PyTorch: checking Python…')}`;
        item.tooltip = switchHint;
        break;
      case 'ready':
        item.text = `$(flame) ${vscode.l10n.t('PyTorch {0} · Python {1}', summary.torch, summary.python)}`;
        item.tooltip = `${interpreterText(interpreter!)}\n${switchHint}`;
        break;
      case 'missing':
        item.text = `$(warning) ${vscode.l10n.t('PyTorch not found')}`;
        item.tooltip = `${interpreterText(interpreter!)}\n${switchHint}`;
        break;
    }
    item.accessibilityInformation = { label: item.text.replace(/\$\([^)]*\)\s*/g, ''), role: 'button' };
    item.show();
  };
  update();
  return vscode.Disposable.from(item, activeFile.onDidChange(update), backends.onDidChange(update));
}

function sourceText(source: InterpreterSource): string {
  switch (source) {
    case 'setting':
      return vscode.l10n.t('set in backpropLens.pythonPath');
    case 'pythonExtension':
      return vscode.l10n.t("the Python extension's selected interpreter");
    default:
      return vscode.l10n.t('python3 on the PATH');
  }
}

/** "PyTorch 1.13.1 · Python 3.11.2: /usr/bin/python3 (set in backpropLens.pythonPath)", or what is missing. */
export function interpreterText(interpreter: Interpreter): string {
  if (!interpreter.ok) return `${interpreter.problem} (${sourceText(interpreter.source)})`;
  const versions = vscode.l10n.t('PyTorch {0} · Python {1}', interpreter.torch, interpreter.version);
  const cuda = interpreter.cuda ? ` · CUDA ${interpreter.cuda}` : '';
  return `${versions}${cuda}: ${interpreter.executable} (${sourceText(interpreter.source)})`;
}

/**
 * Checks the interpreter before a run on the python backend. When it cannot run PyTorch, says what is
 * missing and how to install it, and offers to set the Python path or go back to the built-in engine.
 */
export async function pythonReady(backends: Backends): Promise<boolean> {
  let interpreter = await backends.check();
  if (interpreter.ok) return true;
  // Perhaps torch has been installed since: a failed check is not trusted for long.
  backends.recheck();
  interpreter = await backends.check();
  if (interpreter.ok) return true;
  const setPath = vscode.l10n.t('Set Python Path');
  const builtin = vscode.l10n.t('Use the Built-in Engine');
  const answer = await vscode.window.showErrorMessage(
    vscode.l10n.t('Backprop Lens cannot run on PyTorch: {0}', interpreterText(interpreter)),
    setPath,
    builtin,
  );
  if (answer === setPath)
    void vscode.commands.executeCommand('workbench.action.openSettings', 'backpropLens.pythonPath');
  else if (answer === builtin) await setBackend('builtin');
  return false;
}

/** Writes the setting where it applies: the workspace's when a folder is open, else the user's. */
export async function setBackend(backend: Backend): Promise<void> {
  const target = vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('backpropLens').update('backend', backend, target);
}

/** The quick pick of "Backprop Lens: Switch Backend"; `choice` ('builtin' | 'python') skips it. */
export async function switchBackend(backends: Backends, current: Backend, choice?: unknown): Promise<void> {
  let backend: Backend | undefined = choice === 'python' || choice === 'builtin' ? choice : undefined;
  if (!backend) {
    const interpreter = await Promise.race([backends.check(), delay(3000)]);
    const python = interpreter ? interpreterText(interpreter) : vscode.l10n.t('checking Python…');
    const items: (vscode.QuickPickItem & { backend: Backend })[] = [
      {
        backend: 'builtin',
        label: `$(beaker) ${vscode.l10n.t('Built-in engine')}`,
        detail: vscode.l10n.t('Runs inside VS Code with nothing to install: learning-size models.'),
      },
      {
        backend: 'python',
        label: `$(flame) ${vscode.l10n.t('PyTorch on your Python')}`,
        detail: python,
      },
    ];
    for (const i of items) if (i.backend === current) i.description = vscode.l10n.t('current');
    const picked = await vscode.window.showQuickPick(items, {
      placeHolder: vscode.l10n.t('Where should Backprop Lens run your files?'),
    });
    backend = picked?.backend;
  }
  if (!backend) return;
  await setBackend(backend);
  if (backend === 'python') await pythonReady(backends);
}

const delay = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms));
