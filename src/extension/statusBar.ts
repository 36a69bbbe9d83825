// Step, loss and steps/s of the run of the active editor's file in the status bar (hidden when that file
// has no run: another file's run would be mistaken for this one's); a click opens the training panel.
import * as vscode from 'vscode';
import { formatNumber } from '../shared/paramStats';
import type { ActiveFileTracker } from './activeFile';
import type { RunController } from './runController';
import type { RunState } from '../shared/runState';

const REFRESH_MS = 250;

export function registerStatusBar(controller: RunController, activeFile: ActiveFileTracker): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('backpropLens.status', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Backprop Lens');
  let timer: NodeJS.Timeout | undefined;

  const update = () => {
    timer = undefined;
    const key = activeFile.file;
    const r = key ? controller.runState(key) : undefined;
    if (!key || !r) {
      item.hide();
      return;
    }
    item.text = statusText(r);
    item.tooltip = vscode.l10n.t('Backprop Lens: {0}. Click to open the training panel.', r.file);
    item.command = {
      title: vscode.l10n.t('Show Panel'),
      command: 'backpropLens.showPanel',
      arguments: [vscode.Uri.parse(key)],
    };
    item.accessibilityInformation = { label: item.text.replace(/\$\([^)]*\)\s*/g, ''), role: 'button' };
    item.show();
  };
  // Progress arrives up to 30 times a second; the status bar needs a few.
  const schedule = () => (timer ??= setTimeout(update, REFRESH_MS));

  update();
  return vscode.Disposable.from(
    item,
    // Fires for the followed file's run changes and when the followed file changes.
    activeFile.onDidChange(schedule),
    { dispose: () => timer && clearTimeout(timer) },
  );
}

function statusText(r: RunState): string {
  const losses = r.lossView();
  const loss = losses.length ? formatNumber(losses[losses.length - 1]) : '–';
  const step = vscode.l10n.t('step {0}', r.steps);
  const lossText = vscode.l10n.t('loss {0}', loss);
  switch (r.status) {
    case 'starting':
      return `$(loading~spin) ${vscode.l10n.t('Backprop Lens: starting')}`;
    case 'running':
      return `$(pulse) ${step} · ${lossText} · ${stepsPerSecond(Math.round(r.stepsPerSecond))}`;
    case 'paused':
      // The step Python is in (as the panel says), not the number of steps done.
      return `$(debug-pause) ${vscode.l10n.t('step {0}', r.paused?.step ?? r.steps)} · ${lossText} · ${vscode.l10n.t('paused after {0}', phaseName(r.paused?.phase))}`;
    case 'failed':
      return `$(error) ${step} · ${vscode.l10n.t('failed')}`;
    case 'stopped':
      return `$(debug-stop) ${step} · ${lossText} · ${vscode.l10n.t('stopped')}`;
    default:
      return `$(check) ${step} · ${lossText}`;
  }
}

function stepsPerSecond(n: number): string {
  return n === 1 ? vscode.l10n.t('{0} step/s', n) : vscode.l10n.t('{0} steps/s', n);
}

function phaseName(phase: string | undefined): string {
  switch (phase) {
    case 'forward':
      return vscode.l10n.t('forward');
    case 'loss':
      return vscode.l10n.t('loss');
    case 'backward':
      return vscode.l10n.t('backward');
    case 'update':
      return vscode.l10n.t('update');
    default:
      return '';
  }
}
