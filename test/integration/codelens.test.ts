// The CodeLens provider puts Train / Step / Backprop above the training loop of examples/xor.py, and lenses
// only on the lines that start a model class or the training loop. The expected lines are found here from
// the file text itself, independently of the extension's scanner.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openExample } from './util';

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
