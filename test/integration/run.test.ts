// Runs real example files through the extension's commands (the same ones the CodeLenses call) and checks
// the worker's events carry what the panel draws: the model, every loss, parameter snapshots, the pause
// after an update with the values before it, and a syntax error reaching the Problems panel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunEvent } from '../../src/protocol';
import { activeExtension, exampleUri, openExample, waitFor } from './util';

/** The part of the extension's exports these tests use (see src/extension/extension.ts). */
interface TestApi {
  controller: {
    onDidEvent: vscode.Event<{ key: string; event: RunEvent }>;
    isActive(key: string): boolean;
  };
}

async function api(): Promise<TestApi> {
  const ext = await activeExtension();
  const exports = ext.exports as Partial<TestApi> | undefined;
  assert.ok(exports?.controller?.onDidEvent, 'activate() does not return { controller }');
  return exports as TestApi;
}

/** Runs `command` on `uri` and collects that file's events until `until` says stop. */
async function collect(
  command: string,
  uri: vscode.Uri,
  until: (e: RunEvent) => boolean,
  timeoutMs = 120_000,
): Promise<RunEvent[]> {
  const { controller } = await api();
  const events: RunEvent[] = [];
  let done = false;
  const sub = controller.onDidEvent(({ key, event }) => {
    if (key !== uri.toString() || done) return;
    events.push(event);
    if (until(event)) done = true;
  });
  try {
    await vscode.commands.executeCommand(command, uri);
    await waitFor(`${command} on ${uri.path}`, () => (done ? true : undefined), timeoutMs);
  } finally {
    sub.dispose();
  }
  return events;
}

async function stopAndWait(uri: vscode.Uri): Promise<void> {
  const { controller } = await api();
  if (!controller.isActive(uri.toString())) return;
  const events = await collect('backpropLens.stop', uri, (e) => e.type === 'finished', 30_000);
  const finished = events.find((e) => e.type === 'finished');
  assert.equal(finished?.type === 'finished' && finished.status, 'stopped');
}

suite('runs', () => {
  test('Train on xor.py streams the model, every loss and parameter snapshots, then finishes', async () => {
    const editor = await openExample('xor.py');
    const uri = editor.document.uri;
    const events = await collect('backpropLens.train', uri, (e) => e.type === 'finished');

    const started = events.find((e) => e.type === 'started');
    assert.equal(started?.type === 'started' && started.mode, 'train');
    const finished = events.at(-1)!;
    assert.equal(finished.type, 'finished');
    if (finished.type !== 'finished') return;
    assert.equal(
      finished.status,
      'finished',
      `run ended ${finished.status}: ${JSON.stringify(events.find((e) => e.type === 'error'))}`,
    );

    const model = events.find((e) => e.type === 'model');
    assert.ok(
      model?.type === 'model' && model.modules.some((m) => m.type === 'Linear' && m.params.length > 0),
      'no Linear layer in the model event',
    );

    // Every step's loss arrives exactly once, in order.
    const losses: number[] = [];
    for (const e of events) {
      if (e.type !== 'steps') continue;
      assert.equal(e.firstStep, losses.length, 'a batch of losses starts where the previous ended');
      losses.push(...e.losses);
    }
    assert.equal(losses.length, finished.steps);
    assert.ok(losses.length > 1, 'xor.py trains more than one step');
    assert.ok(losses.every(Number.isFinite), 'every loss is a finite number');
    assert.ok(losses.at(-1)! < losses[0], `loss falls: first ${losses[0]}, last ${losses.at(-1)}`);

    const params = events.filter((e) => e.type === 'params');
    assert.ok(params.length > 0, 'no parameter snapshots');
    const last = params.at(-1)!;
    if (last.type === 'params') {
      for (const p of last.params) {
        assert.equal(
          p.value.length,
          p.shape.reduce((a, b) => a * b, 1),
          `${p.name} values match its shape`,
        );
      }
    }

    // The window's tab model reaches the extension host asynchronously.
    const labels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    await waitFor(
      `a panel tab titled "Backprop Lens: xor.py"`,
      () => (labels().includes('Backprop Lens: xor.py') ? true : undefined),
      10_000,
    ).catch(() => {
      assert.fail(`no panel tab titled "Backprop Lens: xor.py" among ${JSON.stringify(labels())}`);
    });
  });

  test('Step on xor.py pauses after the first update with the values before it', async () => {
    const editor = await openExample('xor.py');
    const uri = editor.document.uri;
    const events = await collect('backpropLens.step', uri, (e) => e.type === 'paused' || e.type === 'finished');
    const paused = events.at(-1)!;
    assert.equal(paused.type, 'paused', `expected a pause, got ${JSON.stringify(paused).slice(0, 300)}`);
    if (paused.type !== 'paused') return;
    assert.equal(paused.phase, 'update');
    assert.ok(paused.before, 'a pause after an update carries the values before it');
    assert.equal(paused.before!.length, paused.params.length);
    let changed = 0;
    paused.params.forEach((p, i) => {
      assert.equal(paused.before![i].length, p.value.length, `${p.name}: before and after have the same size`);
      if (p.value.some((v, j) => v !== paused.before![i][j])) changed++;
    });
    assert.ok(changed > 0, 'the optimizer step changed at least one parameter');
    await stopAndWait(uri);
  });

  test('a syntax error becomes an error in the Problems panel on its line', async () => {
    const uri = await exampleUri('syntax_error.py');
    await vscode.window.showTextDocument(uri);
    const events = await collect('backpropLens.train', uri, (e) => e.type === 'finished');
    const error = events.find((e) => e.type === 'error');
    assert.ok(error?.type === 'error', 'no error event');
    assert.equal(error.kind, 'SyntaxError');
    const diagnostics = await waitFor(
      'a diagnostic',
      () => {
        const d = vscode.languages.getDiagnostics(uri).filter((x) => x.severity === vscode.DiagnosticSeverity.Error);
        return d.length > 0 ? d : undefined;
      },
      10_000,
    );
    assert.ok(error.pos, 'the SyntaxError has a position');
    assert.ok(
      diagnostics.some((d) => d.range.start.line === error.pos!.line - 1),
      `no error diagnostic on line ${error.pos!.line}: ${diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('; ')}`,
    );
  });
});
