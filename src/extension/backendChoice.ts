// Which backend a file runs on and which Python the python backend uses, as plain decisions that node tests
// check without VS Code (no vscode import here): backends.ts feeds them the settings, the Python extension's
// interpreter and the result of checking that interpreter (src/python/pytorchEnv.ts).
import type { TorchCheck } from '../python/pytorchEnv';

/** `builtin`: our engine in WebAssembly, nothing to install. `python`: the learner's own Python and PyTorch. */
export type Backend = 'builtin' | 'python';

/** The `backpropLens.backend` setting's value; anything unknown is the default, the built-in engine. */
export function parseBackend(value: unknown): Backend {
  return value === 'python' ? 'python' : 'builtin';
}

/** Where the interpreter came from: the setting, the Python extension's selected environment, or the PATH. */
export type InterpreterSource = 'setting' | 'pythonExtension' | 'path';

export interface InterpreterChoice {
  python: string;
  source: InterpreterSource;
}

/**
 * The one interpreter to use. `backpropLens.pythonPath`, when set, is the learner saying which Python they
 * mean, so it wins; otherwise the interpreter selected in the Python extension (ms-python.python) for the
 * workspace, when it is installed and has one; otherwise `python3` on the PATH. There is no silent fallback
 * from a chosen interpreter that lacks torch to another one: the learner is told what to install where.
 */
export function chooseInterpreter(found: {
  setting: string;
  pythonExtension: string | null;
  home: string;
  workspaceFolder: string | null;
}): InterpreterChoice {
  const setting = expandPath(found.setting.trim(), found.home, found.workspaceFolder);
  if (setting) return { python: setting, source: 'setting' };
  if (found.pythonExtension) return { python: found.pythonExtension, source: 'pythonExtension' };
  return { python: 'python3', source: 'path' };
}

/** `~/venv/bin/python` and `${workspaceFolder}/.venv/bin/python`, as settings write them, made real paths. */
export function expandPath(setting: string, home: string, workspaceFolder: string | null): string {
  let out = setting.replace(/^~(?=$|[\\/])/, home);
  if (workspaceFolder) out = out.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  return out;
}

/** A checked interpreter: whether it imports torch (with versions) or what is missing, and where it came from. */
export type Interpreter = TorchCheck & { source: InterpreterSource };

/** The backend a file runs on: the one chosen for it (the "Run on PyTorch" lens), else the setting's. */
export function backendForFile(setting: Backend, chosenForFile: Backend | undefined): Backend {
  return chosenForFile ?? setting;
}

/**
 * Whether a file's lenses offer "Run on PyTorch": it would run on the built-in engine, and a Python that
 * imports torch has already been found (the lenses never wait for the check, which imports torch).
 */
export function offersPytorch(backend: Backend, interpreter: Interpreter | undefined): boolean {
  return backend === 'builtin' && interpreter?.ok === true;
}

/** The status bar's words for a backend: the engine, or PyTorch's and Python's versions once checked. */
export function backendSummary(
  backend: Backend,
  interpreter: Interpreter | undefined,
): { kind: 'builtin' } | { kind: 'checking' } | { kind: 'ready'; torch: string; python: string } | { kind: 'missing' } {
  if (backend === 'builtin') return { kind: 'builtin' };
  if (!interpreter) return { kind: 'checking' };
  return interpreter.ok
    ? { kind: 'ready', torch: interpreter.torch, python: interpreter.version }
    : { kind: 'missing' };
}
