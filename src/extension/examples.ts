// "Backprop Lens: New Example": a quick pick of the example scripts shipped in the extension's examples/
// folder. The chosen one is written into the first workspace folder (never over an existing file) or, with
// no folder open, opened as an untitled Python file.
import * as vscode from 'vscode';

interface Example {
  file: string;
  label: string;
  detail: string;
}

function examples(): Example[] {
  return [
    {
      file: 'linear_model.py',
      label: vscode.l10n.t('Linear model'),
      detail: vscode.l10n.t('The study notes’ first model: nn.Linear inside an nn.Module, trained on y = 2x + 1'),
    },
    {
      file: 'xor.py',
      label: vscode.l10n.t('XOR'),
      detail: vscode.l10n.t('A small network learns XOR, which no straight line can separate'),
    },
    {
      file: 'linear_regression_manual.py',
      label: vscode.l10n.t('Linear regression by hand'),
      detail: vscode.l10n.t('Gradient descent written out: w -= lr * w.grad'),
    },
    {
      file: 'spiral.py',
      label: vscode.l10n.t('Spiral classification'),
      detail: vscode.l10n.t('Three interleaved spirals, an MLP with ReLU and Adam'),
    },
    {
      file: 'learning_rates.py',
      label: vscode.l10n.t('Learning-rate comparison'),
      detail: vscode.l10n.t('Too small is slow, too large diverges'),
    },
    {
      file: 'learning_rate_decay.py',
      label: vscode.l10n.t('Learning-rate decay'),
      detail: vscode.l10n.t('Too small is slow, too large oscillates: start large and decay'),
    },
    {
      file: 'linear_vs_nonlinear.py',
      label: vscode.l10n.t('Linear vs non-linear'),
      detail: vscode.l10n.t(
        'XOR with and without an activation: stacked Linear layers without one stay linear (MSE stuck at 0.25)',
      ),
    },
    {
      file: 'local_minimum.py',
      label: vscode.l10n.t('Local minimum'),
      detail: vscode.l10n.t('Gradient descent from two starting points ends in two different valleys'),
    },
    {
      file: 'plot_losses.py',
      label: vscode.l10n.t('Plotting with matplotlib'),
      detail: vscode.l10n.t(
        'The loss drawn live with plt.plot, then the decision boundary with contourf, saved as a PNG',
      ),
    },
    {
      file: 'syntax_error.py',
      label: vscode.l10n.t('Syntax error'),
      detail: vscode.l10n.t('Shows how errors appear in the Problems panel'),
    },
    {
      file: 'runaway_loop.py',
      label: vscode.l10n.t('Runaway loop'),
      detail: vscode.l10n.t('Trains forever: try Stop'),
    },
  ];
}

export async function newExample(extensionUri: vscode.Uri, fileName?: string): Promise<vscode.TextEditor | undefined> {
  const all = examples();
  const picked = fileName
    ? all.find((e) => e.file === fileName)
    : await vscode.window
        .showQuickPick(
          all.map((e) => ({ label: e.label, detail: e.detail, description: e.file, example: e })),
          {
            title: vscode.l10n.t('Backprop Lens: New Example'),
            placeHolder: vscode.l10n.t('Choose an example to open'),
          },
        )
        .then((item) => item?.example);
  if (!picked) return undefined;
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'examples', picked.file));
  const content = new TextDecoder().decode(bytes);
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
    return vscode.window.showTextDocument(doc);
  }
  const target = await freeName(folder.uri, picked.file);
  await vscode.workspace.fs.writeFile(target, bytes);
  return vscode.window.showTextDocument(target);
}

/** `name.py`, or `name-2.py`, `name-3.py`, ... when taken. */
async function freeName(folder: vscode.Uri, file: string): Promise<vscode.Uri> {
  const stem = file.replace(/\.py$/, '');
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, n === 1 ? file : `${stem}-${n}.py`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}
