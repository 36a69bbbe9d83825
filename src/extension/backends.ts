// The python backend's interpreter and each file's backend. The interpreter is found (backendChoice.ts:
// backpropLens.pythonPath, else the Python extension's selected environment, else python3) and checked once
// (it imports torch, which takes a second or two), cached, and checked again only when the setting or the
// Python extension's selection changes: the CodeLens and the status bar read the cached answer and never wait.
// A file's backend is the setting's, unless "Run on PyTorch" chose the python backend for that file; changing
// the setting applies to every file again.
import os from 'node:os';
import * as vscode from 'vscode';
import { checkPython } from '../python/pytorchEnv';
import { type Backend, backendForFile, chooseInterpreter, type Interpreter } from './backendChoice';
import { readSettings } from './settings';

/** How long the check may take: importing torch the first time (cold disk) can be slow. */
const CHECK_TIMEOUT_MS = 120_000;
/**
 * A failed check is tried again when a Python file becomes active at least this long after it ended: the
 * learner may have installed PyTorch in a terminal since (or the first import timed out on a cold disk),
 * and the lens should appear without a reload; not more often, since each check starts Python.
 */
const RECHECK_FAILED_AFTER_MS = 30_000;

/** What we use of the Python extension's API (`exports.environments`, ms-python.python 2023.4+). */
interface PythonEnvironmentsApi {
  getActiveEnvironmentPath(resource?: vscode.Uri): { id: string; path: string };
  resolveEnvironment?(env: { id: string; path: string }): Promise<{ executable?: { uri?: vscode.Uri } } | undefined>;
  onDidChangeActiveEnvironmentPath?: vscode.Event<unknown>;
}

/** The answer in Restricted Mode, where no interpreter is run. */
function restricted(): Interpreter {
  const setting = readSettings().pythonPath;
  return {
    ok: false,
    python: setting || 'python3',
    problem: vscode.l10n.t('Backprop Lens runs no code in Restricted Mode: trust this workspace to use PyTorch.'),
    source: setting ? 'setting' : 'path',
  };
}

export class Backends implements vscode.Disposable {
  private readonly chosen = new Map<string, Backend>();
  private checking: Promise<Interpreter> | undefined;
  private latest: Interpreter | undefined;
  /** When the latest check ended (Date.now()). */
  private checkedAt = 0;
  /** The backpropLens.pythonPath the running or latest check read. */
  private checkedSetting: string | undefined;
  private generation = 0;
  private watchingPythonExtension = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** The interpreter's check finished or was started again, the setting changed, or a file's choice changed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('backpropLens.pythonPath')) this.recheck();
        if (e.affectsConfiguration('backpropLens.backend')) {
          this.chosen.clear();
          this.changed.fire();
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.recheck()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === 'python') this.recheckIfFailed();
      }),
    );
  }

  /** Checks again when the latest check failed a while ago (see RECHECK_FAILED_AFTER_MS). */
  private recheckIfFailed(): void {
    const failed = this.latest !== undefined && !this.latest.ok && vscode.workspace.isTrusted;
    if (failed && Date.now() - this.checkedAt >= RECHECK_FAILED_AFTER_MS) this.recheck();
  }

  /** The backend `key`'s file runs on. */
  forFile(key: string): Backend {
    return backendForFile(readSettings().backend, this.chosen.get(key));
  }

  /** Runs `key`'s file on `backend` from now on (until the setting changes). */
  choose(key: string, backend: Backend): void {
    if (this.chosen.get(key) === backend) return;
    this.chosen.set(key, backend);
    this.changed.fire();
  }

  /** The checked interpreter, or undefined while the check runs (which this starts when none has). */
  get interpreter(): Interpreter | undefined {
    if (!vscode.workspace.isTrusted) return restricted();
    // The setting can change without a change event naming it (in code-server, user settings of machine scope
    // vanish once the browser's workbench sends its configuration): a check made with another value is stale.
    if (this.checkedSetting !== undefined && this.checkedSetting !== readSettings().pythonPath) this.recheck();
    void this.check();
    return this.latest;
  }

  /** The checked interpreter, checking it first when that has not been done since the last change. */
  check(): Promise<Interpreter> {
    // Checking runs the interpreter, which a workspace's settings may name: not in Restricted Mode.
    if (!vscode.workspace.isTrusted) return Promise.resolve(restricted());
    if (this.checking) return this.checking;
    const generation = this.generation;
    this.checking = this.find().then(async (choice) => {
      const result: Interpreter = { ...(await checkPython(choice.python, CHECK_TIMEOUT_MS)), source: choice.source };
      if (generation === this.generation) {
        this.latest = result;
        this.checkedAt = Date.now();
        this.changed.fire();
      }
      return result;
    });
    return this.checking;
  }

  /** Forgets the checked interpreter and checks again (the setting or the Python extension's selection changed). */
  recheck(): void {
    this.generation++;
    this.checking = undefined;
    this.latest = undefined;
    this.checkedSetting = undefined; // the listeners below read `interpreter`: no stale comparison meanwhile
    this.changed.fire();
    void this.check();
  }

  private async find() {
    this.checkedSetting = readSettings().pythonPath;
    return chooseInterpreter({
      setting: this.checkedSetting,
      pythonExtension: await this.pythonExtensionPath(),
      home: os.homedir(),
      workspaceFolder: vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath ?? null,
    });
  }

  /** The interpreter selected in the Python extension for the first workspace folder, or null. */
  private async pythonExtensionPath(): Promise<string | null> {
    const extension = vscode.extensions.getExtension('ms-python.python');
    if (!extension) return null;
    try {
      const exports = (extension.isActive ? extension.exports : await extension.activate()) as
        { environments?: PythonEnvironmentsApi } | undefined;
      const api = exports?.environments;
      if (!api) return null;
      if (!this.watchingPythonExtension && api.onDidChangeActiveEnvironmentPath) {
        this.watchingPythonExtension = true;
        this.disposables.push(api.onDidChangeActiveEnvironmentPath(() => this.recheck()));
      }
      const env = api.getActiveEnvironmentPath(vscode.workspace.workspaceFolders?.[0]?.uri);
      // `path` may be an environment's folder (conda); the resolved environment names its executable.
      const resolved = await api.resolveEnvironment?.(env).catch(() => undefined);
      return resolved?.executable?.uri?.fsPath ?? env.path ?? null;
    } catch {
      return null; // an older or failing Python extension: fall back as if it were not installed
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
