// The CodeLens provider puts Train / Step / Backprop above the training loop of examples/xor.py, and lenses
// only on the lines that start a model class or the training loop; "Run on PyTorch" appears once a failed
// interpreter check, tried again when a Python file becomes active, finds torch. The expected lines are found here from
// the file text itself, independently of the extension's scanner.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeExtension, exampleUri, openExample, sleep, waitFor } from './util';

/** 0-based lines of `class X(nn.Module):` headers. */
function moduleClassLines(lines: string[]): number[] {
  return lines.flatMap((l, i) => (/^class\s+\w+\s*\(\s*(torch\.)?nn\.Module\s*\)\s*:/.test(l) ? [i] : []));
}

/** 0-based line of the outermost `for`/`while` enclosing the first `.backward(` call. */
function trainingLoopLine(lines: string[]): number {
  const backward = lines.findIndex((l) => /\.backward\s*\(/.test(l) && !l.trim().startsWith('#'));
  assert.ok(backward >= 0, 'xor.py calls no .backward()');
  let loop = -1;
  let indent = lines[backward].search(/\S/);
  for (let i = backward - 1; i >= 0; i--) {
    const ind = lines[i].search(/\S/);
    if (ind < 0 || ind >= indent) continue;
    indent = ind;
    if (/^\s*(for|while)\b/.test(lines[i])) loop = i;
    if (ind === 0) break;
  }
  assert.ok(loop >= 0, 'no loop encloses the .backward() call');
  return loop;
}

suite('CodeLens on examples/xor.py', () => {
  test('Train, Step and Backprop sit on the training loop; lenses only on model and loop lines', async () => {
    await activeExtension();
    const editor = await openExample('xor.py');
    const uri = editor.document.uri;
    const lines = editor.document.getText().split(/\r?\n/);
    const loopLine = trainingLoopLine(lines);
    const classLines = moduleClassLines(lines);
    assert.ok(classLines.length > 0, 'xor.py defines no nn.Module subclass');

    // The provider may need a moment after activation; poll until lenses appear.
    let lenses: vscode.CodeLens[] = [];
    const t0 = Date.now();
    while (Date.now() - t0 < 30_000) {
      lenses =
        (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
      lenses = lenses.filter((l) => l.command?.title);
      if (lenses.length > 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.ok(lenses.length > 0, 'no CodeLens on xor.py');

    const titlesOn = (line: number) =>
      lenses
        .filter((l) => l.range.start.line === line)
        .map((l) => l.command!.title.replace(/\$\([^)]*\)\s*/g, '').trim());
    const onLoop = titlesOn(loopLine);
    for (const word of ['Train', 'Step', 'Backprop']) {
      assert.ok(
        onLoop.some((t) => new RegExp(`\\b${word}\\b`).test(t)),
        `no "${word}" lens on line ${loopLine + 1} (${lines[loopLine].trim()}); found ${JSON.stringify(onLoop)}`,
      );
    }
    const allowed = new Set([loopLine, ...classLines]);
    const stray = lenses
      .filter((l) => !allowed.has(l.range.start.line))
      .map((l) => `${l.range.start.line + 1}: ${l.command!.title}`);
    assert.deepEqual(stray, [], 'lenses on lines that start neither a model class nor the training loop');
    for (const line of classLines) assert.ok(titlesOn(line).length > 0, `no lens on the class at line ${line + 1}`);
  });
});

suite('Run on PyTorch lens', () => {
  // backpropLens.pythonPath points at a stand-in interpreter: a script that logs each run and, until a marker
  // file exists, fails as a Python without torch does; then it answers the check as one with torch would.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-recheck-'));
  const runs = path.join(dir, 'runs.log');
  const marker = path.join(dir, 'torch-installed');
  const python = path.join(dir, 'python');
  const checkRuns = () => (fs.existsSync(runs) ? fs.readFileSync(runs, 'utf8').split('\n').filter(Boolean).length : 0);

  async function titles(name: string): Promise<string[]> {
    const uri = await exampleUri(name);
    const lenses =
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
    return lenses.flatMap((l) => (l.command?.title ? [l.command.title] : []));
  }

  teardown(async () => {
    await vscode.workspace
      .getConfiguration('backpropLens')
      .update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
  });

  test('a failed interpreter check is tried again when a Python file becomes active, not more than every 30 s', async function () {
    this.timeout(120_000);
    fs.writeFileSync(
      python,
      [
        '#!/bin/sh',
        `echo run >> '${runs}'`,
        `if [ -f '${marker}' ]; then`,
        `  echo '{"executable": "${python}", "version": "3.11.2", "torch": "1.13.1", "cuda": null}'`,
        'else',
        `  echo '{"executable": "${python}", "version": "3.11.2", "error": "ModuleNotFoundError: No module named '"'"'torch'"'"'"}'`,
        'fi',
      ].join('\n'),
      { mode: 0o755 },
    );
    await activeExtension();
    await openExample('xor.py');
    await vscode.workspace
      .getConfiguration('backpropLens')
      .update('pythonPath', python, vscode.ConfigurationTarget.Global);
    await waitFor('the first check', () => (checkRuns() >= 1 ? true : undefined), 30_000);
    await sleep(500);
    assert.ok(!(await titles('xor.py')).some((t) => t.includes('Run on PyTorch')), 'lens without torch');
    // PyTorch is installed now; switching files at once does not start Python again (the check is recent)...
    fs.writeFileSync(marker, '');
    await openExample('linear_model.py');
    await openExample('xor.py');
    await sleep(1000);
    assert.equal(checkRuns(), 1, 'checked again within 30 s of the failed check');
    // ...but after 30 s, the next Python file to become active checks again, and the lens appears.
    await sleep(30_000);
    await openExample('linear_model.py');
    await waitFor('the second check', () => (checkRuns() >= 2 ? true : undefined), 30_000);
    const t0 = Date.now();
    while (!(await titles('xor.py')).some((t) => t.includes('Run on PyTorch')) && Date.now() - t0 < 30_000)
      await sleep(250);
    assert.ok(
      (await titles('xor.py')).some((t) => t.includes('Run on PyTorch')),
      'no Run on PyTorch lens after the recheck',
    );
  });
});
