// The panel's tools, also in the palette: compare learning rates, slow motion (steps per second for Train,
// remembered per workspace), and exports of the file's run: its metrics as CSV, its final state_dict as a
// .pt file real PyTorch loads, and the panel's charts as PNG (and SVG where the chart is drawn as one).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ViewToHost } from '../protocol';
import { stateDictProblem, stateDictScript } from '../python/stateDictScript';
import { DEFAULT_FACTORS, factorLabel, parseFactors } from '../shared/lrComparison';
import { metricsCsv } from '../shared/metricsCsv';
import type { LrComparer } from './compareLr';
import type { PanelManager } from './panel';
import type { RunController, RunnerLike } from './runController';
import { canRun } from './trust';

/** workspaceState key of the slow-motion setting (steps per second; 0: full speed). */
export const SLOW_MOTION_KEY = 'backpropLens.slowMotion';

async function documentFor(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : undefined;
  if (uri)
    return (
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ??
      vscode.workspace.openTextDocument(uri)
    );
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'python' ? doc : undefined;
}

/** Where an export of `doc` is saved: asked, next to the file by default (`xor-metrics.csv`). */
async function saveTarget(doc: vscode.TextDocument, suffix: string, filters: Record<string, string[]>) {
  const base = path.basename(doc.uri.path).replace(/\.py$/, '');
  const folder = doc.uri.scheme === 'file' ? path.dirname(doc.uri.fsPath) : os.homedir();
  return vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(path.join(folder, `${base}${suffix}`)), filters });
}

export function registerToolCommands(
  context: vscode.ExtensionContext,
  deps: { controller: RunController; panels: PanelManager; comparer: LrComparer; makeRunner: () => RunnerLike },
): void {
  const { controller, panels, comparer } = deps;
  controller.slowMotion = context.workspaceState.get<number>(SLOW_MOTION_KEY, 0);
  const noRun = () =>
    vscode.window.showInformationMessage(vscode.l10n.t('Train the file first: there is no run to export.'));

  const compare = compareCommand(panels, comparer);

  const setSlowMotion = async (arg?: unknown, value?: unknown) => {
    let v = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : undefined;
    if (v === undefined) {
      const text = await vscode.window.showInputBox({
        title: vscode.l10n.t('Slow motion'),
        prompt: vscode.l10n.t('Training steps per second for Train (0: full speed)'),
        value: String(controller.slowMotion),
        validateInput: (t) => (Number(t) >= 0 ? null : vscode.l10n.t('A number of steps per second, 0 or more')),
      });
      if (text === undefined) return;
      v = Number(text);
    }
    if (!Number.isFinite(v) || v < 0) return;
    controller.slowMotion = Math.min(v, 1000);
    await context.workspaceState.update(SLOW_MOTION_KEY, controller.slowMotion);
    panels.refreshConfig();
    return controller.slowMotion;
  };

  const exportMetrics = async (arg?: unknown, target?: unknown) => {
    const doc = await documentFor(arg);
    const run = doc && controller.runState(doc.uri.toString());
    if (!doc || !run || run.steps === 0) return void noRun();
    const uri = target instanceof vscode.Uri ? target : await saveTarget(doc, '-metrics.csv', { CSV: ['csv'] });
    if (!uri) return;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(metricsCsv(run), 'utf8'));
    return uri;
  };

  const exportStateDict = exportStateDictCommand(controller, deps.makeRunner, noRun);

  context.subscriptions.push(
    comparer,
    vscode.commands.registerCommand('backpropLens.compareLearningRates', compare),
    vscode.commands.registerCommand('backpropLens.setSlowMotion', setSlowMotion),
    vscode.commands.registerCommand('backpropLens.exportMetrics', exportMetrics),
    vscode.commands.registerCommand('backpropLens.exportStateDict', exportStateDict),
    vscode.commands.registerCommand('backpropLens.exportCharts', async (arg?: unknown) => {
      const doc = await documentFor(arg);
      if (doc) panels.requestChartImages(doc.uri);
    }),
    panels.onDidReceiveImages(({ uri, images }) => void saveChartImages(uri, images)),
    panels.onDidBecomeReady((uri) => {
      const comparison = comparer.latest(uri.toString());
      if (comparison) panels.post(uri.toString(), { type: 'comparison', comparison });
    }),
  );
}

/** Compare learning rates: the factors from the panel (or asked), one run each, overlaid in the panel. */
function compareCommand(panels: PanelManager, comparer: LrComparer) {
  return async (arg?: unknown, factorsText?: unknown) => {
    const doc = await documentFor(arg);
    if (!doc || !canRun()) return;
    let text = typeof factorsText === 'string' ? factorsText : undefined;
    text ??= await vscode.window.showInputBox({
      title: vscode.l10n.t('Compare learning rates'),
      prompt: vscode.l10n.t('Factors of the file’s own learning rate, e.g. 0.1, 1, 10'),
      value: DEFAULT_FACTORS.join(', '),
      validateInput: (t) => (parseFactors(t) ? null : vscode.l10n.t('Up to 5 positive numbers, e.g. 0.1, 1, 10')),
    });
    const factors = text === undefined ? null : parseFactors(text);
    if (!factors) return;
    panels.show(doc.uri, { preserveFocus: true });
    const result = await comparer.compare(doc, factors);
    return result.runs.map((r) => ({
      factor: factorLabel(r.factor),
      lr: r.lr,
      steps: r.losses.length,
      status: r.status,
    }));
  };
}

/** The run's final parameters as a .pt file, written by the runtime's own torch.save. */
function exportStateDictCommand(controller: RunController, makeRunner: () => RunnerLike, noRun: () => unknown) {
  return async (arg?: unknown, target?: unknown) => {
    const doc = await documentFor(arg);
    const run = doc && controller.runState(doc.uri.toString());
    if (!doc || !run) return void noRun();
    const problem = stateDictProblem(run.params);
    if (problem)
      return void vscode.window.showWarningMessage(vscode.l10n.t('Cannot export the state_dict: {0}', problem));
    const uri = target instanceof vscode.Uri ? target : await saveTarget(doc, '.pt', { PyTorch: ['pt', 'pth'] });
    if (!uri) return;
    // Written by the runtime's torch.save into the temp folder (which a run may write), then copied.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backprop-lens-export-'));
    const tmp = path.join(dir, 'state_dict.pt');
    const runner = makeRunner();
    try {
      // On disk: the runtime mounts the script's folder, so that is where torch.save can write.
      const scriptFile = path.join(dir, 'export_state_dict.py');
      const source = stateDictScript(run.params, tmp);
      fs.writeFileSync(scriptFile, source);
      const finished = await runner.run({ file: scriptFile, source, mode: 'train', quiet: true });
      if (finished.status !== 'finished' || !fs.existsSync(tmp))
        throw new Error(`torch.save failed (${finished.status})`);
      await vscode.workspace.fs.writeFile(uri, fs.readFileSync(tmp));
    } finally {
      await runner.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return uri;
  };
}

/** Writes the panel's charts into a folder the learner picks: `<file>-<chart>.png` (and `.svg`). */
async function saveChartImages(uri: vscode.Uri, images: Extract<ViewToHost, { type: 'chartImages' }>['images']) {
  if (images.length === 0) return;
  const base = path.basename(uri.path).replace(/\.py$/, '');
  const folders = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    defaultUri: uri.scheme === 'file' ? vscode.Uri.file(path.dirname(uri.fsPath)) : undefined,
    openLabel: vscode.l10n.t('Save charts here'),
  });
  const folder = folders?.[0];
  if (!folder) return;
  for (const image of images) {
    const name = `${base}-${image.name}`;
    const png = Buffer.from(image.png.replace(/^data:image\/png;base64,/, ''), 'base64');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, `${name}.png`), png);
    if (image.svg)
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, `${name}.svg`), Buffer.from(image.svg));
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0} charts in {1}.', images.length, folder.fsPath));
}
