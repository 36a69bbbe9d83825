// Train | Step | Backprop above each nn.Module subclass and each training loop of a file that imports
// torch; Stop (and Continue when paused) while the file's run is going. Each title starts with a codicon
// (`$(play)` ...): codicons ship with VS Code, unlike glyphs such as ⏭ that some system fonts lack. VS Code
// asks again on every edit; run-state changes ask through onDidChangeCodeLenses. In Restricted Mode no
// action is offered: one lens says why and opens the trust editor (running a file is running code).
import * as vscode from 'vscode';
import { findLensTargets, importsTorch } from './pythonStructure';
import type { RunController } from './runController';
import { offersPytorch } from './backendChoice';
import type { Backends } from './backends';

/** The codicon of each action: the same as the command's icon in the editor title bar (package.json). */
const LENS_ICONS = {
  train: 'play',
  step: 'debug-step-over',
  // Gradients flow back up from the loss (debug-step-back's curved arrow read as "undo").
  backprop: 'arrow-up',
  phases: 'debug-step-into',
  continue: 'debug-continue',
  stop: 'debug-stop',
  runOnPytorch: 'flame',
} as const;

export class TrainingCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly lastStatus = new Map<string, string>();

  constructor(
    private readonly controller: RunController,
    private readonly backends: Backends,
  ) {
    vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire());
    // The interpreter's check finished ("Run on PyTorch" appears) or the backend changed.
    backends.onDidChange(() => this.changed.fire());
    controller.onDidChangeRun((key) => {
      // Progress also fires onDidChangeRun; only a change of state changes the lenses.
      const status = controller.runState(key)?.status ?? 'idle';
      if (this.lastStatus.get(key) !== status) {
        this.lastStatus.set(key, status);
        this.changed.fire();
      }
    });
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const text = document.getText();
    if (!importsTorch(text)) return [];
    const run = this.controller.runState(document.uri.toString());
    const status = run?.status ?? 'idle';
    const active = status === 'starting' || status === 'running' || status === 'paused';
    const lenses: vscode.CodeLens[] = [];
    if (!vscode.workspace.isTrusted) return this.restrictedLenses(text);
    // Read from the cached check (started here when none has been): the lenses never wait for Python.
    const backend = this.backends.forFile(document.uri.toString());
    const pytorch = offersPytorch(backend, this.backends.interpreter);
    for (const target of findLensTargets(text)) {
      const range = new vscode.Range(target.line, 0, target.line, 0);
      const args = [document.uri];
      const lens = (icon: string, word: string, command: string, tooltip: string) =>
        lenses.push(new vscode.CodeLens(range, { title: `$(${icon}) ${word}`, command, arguments: args, tooltip }));
      if (status === 'paused')
        lens(
          LENS_ICONS.continue,
          vscode.l10n.t('Continue'),
          'backpropLens.continue',
          vscode.l10n.t('Continue training'),
        );
      if (!active || status === 'paused') {
        if (!active)
          lens(LENS_ICONS.train, vscode.l10n.t('Train'), 'backpropLens.train', vscode.l10n.t('Train the whole file'));
        lens(
          LENS_ICONS.step,
          vscode.l10n.t('Step'),
          'backpropLens.step',
          vscode.l10n.t('Run until the next optimizer step and pause'),
        );
        lens(
          LENS_ICONS.backprop,
          vscode.l10n.t('Backprop'),
          'backpropLens.backprop',
          vscode.l10n.t('Run until the next backward pass and pause'),
        );
        lens(
          LENS_ICONS.phases,
          vscode.l10n.t('Phases'),
          'backpropLens.phases',
          vscode.l10n.t('Step through phases: pause after forward, loss, backward and update'),
        );
      }
      if (!active && pytorch)
        lens(
          LENS_ICONS.runOnPytorch,
          vscode.l10n.t('Run on PyTorch'),
          'backpropLens.runOnPytorch',
          vscode.l10n.t('Train this file on your own Python and PyTorch instead of the built-in engine'),
        );
      if (active) lens(LENS_ICONS.stop, vscode.l10n.t('Stop'), 'backpropLens.stop', vscode.l10n.t('Stop the run'));
    }
    return lenses;
  }

  /** Restricted Mode: in place of the actions, one lens per row that explains and leads to the trust editor. */
  private restrictedLenses(text: string): vscode.CodeLens[] {
    return findLensTargets(text).map(
      (target) =>
        new vscode.CodeLens(new vscode.Range(target.line, 0, target.line, 0), {
          title: `$(shield) ${vscode.l10n.t('Restricted Mode: trust this workspace to train')}`,
          command: 'workbench.trust.manage',
          tooltip: vscode.l10n.t(
            'Backprop Lens does not run code in Restricted Mode. Trust this workspace to train models in it.',
          ),
        }),
    );
  }

  dispose(): void {
    this.changed.dispose();
  }
}
