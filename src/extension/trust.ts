// Workspace Trust: a file's code runs only in a trusted workspace. In Restricted Mode the actions say why
// they do nothing and offer to manage trust.
import * as vscode from 'vscode';

export function canRun(): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t('Backprop Lens does not run code in Restricted Mode. Trust this workspace to train models in it.'),
      manage,
    )
    .then((choice) => {
      if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}
