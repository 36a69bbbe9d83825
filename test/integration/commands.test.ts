// Every command the extension contributes in package.json is registered once it is active.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension } from './util';

suite('commands', () => {
  test('every contributed command is registered', async () => {
    const ext = await activeExtension();
    const contributed: { command: string }[] = (ext.packageJSON as any).contributes?.commands ?? [];
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, []);
  });

  test('the run commands exist: train, step, backprop, stop', async () => {
    const ext = await activeExtension();
    const ids: string[] = ((ext.packageJSON as any).contributes?.commands ?? []).map(
      (c: { command: string }) => c.command,
    );
    for (const verb of ['train', 'step', 'backprop', 'stop']) {
      assert.ok(
        ids.some((id) => id.toLowerCase().endsWith(`.${verb}`)),
        `no contributed command ending in .${verb} among ${ids.join(', ')}`,
      );
    }
  });
});
