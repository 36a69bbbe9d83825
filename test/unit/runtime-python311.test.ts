// What Python 3.11 (PyTorch 1.13's Python) prints where the runtime's newer CPython words or draws it
// differently: the `<listcomp>`/`<dictcomp>` frames 3.12+ inlines, "float division by zero" and the other
// built-in texts (in tracebacks and in `str(e)`), "Did you mean" only for an uncaught error and found as
// 3.11 finds it, no keyword-typo guess on a SyntaxError, Linux's errno numbers, the positions 3.11 gives a
// failing `for` iterable and f-string format (_bl_messages.py, _bl_comprehensions.py, _bl_tracebacks.py).
// The expected texts are python3.11's; where /usr/bin/python3 is 3.11 each is also checked against it.
// Uses the built dist/: run `npm run build` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunEvent } from '../../src/protocol';
import { ofType, runCollecting, warmRunner } from './runtime-helpers';

const shared = warmRunner();
let dir = '';
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-py311-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const python311 = (() => {
  const version = spawnSync('/usr/bin/python3', ['-c', 'import sys; print(sys.version_info[:2] == (3, 11))'], {
    encoding: 'utf8',
  });
  return version.stdout?.trim() === 'True';
})();

/** What python3.11 prints for `source` as `name` (stdout, then stderr), its folder left out of paths. */
function reference(name: string, source: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  const out = spawnSync('/usr/bin/python3', [name], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return (out.stdout + out.stderr).replaceAll(`${dir}/`, '');
}

/** What our runtime prints for `source` as `name`: stdout, then the uncaught error's traceback. */
async function ours(name: string, source: string): Promise<string> {
  const events: RunEvent[] = await runCollecting(shared.runner, { file: name, source });
  const stdout = events.flatMap((e) => (e.type === 'output' && e.stream === 'stdout' ? [e.text] : [])).join('');
  return (
    stdout +
    ofType(events, 'error')
      .map((e) => e.traceback)
      .join('')
  );
}

async function check(name: string, source: string, expected: string): Promise<void> {
  if (python311) assert.equal(reference(name, source), expected, 'the recorded text is not python3.11 output');
  assert.equal(await ours(name, source), expected);
}

test("an error inside comprehensions shows 3.11's <dictcomp> and <listcomp> frames and its float text", async () => {
  const source = [
    'def scale(batch, factor):',
    '    return [x / factor for x in batch]',
    '',
    '',
    'rows = [[1.0, 2.0], [3.0]]',
    'scaled = {i: scale(row, len(row) - 1) for i, row in enumerate(rows)}',
    '',
  ].join('\n');
  await check(
    'comp.py',
    source,
    [
      'Traceback (most recent call last):',
      '  File "comp.py", line 6, in <module>',
      '    scaled = {i: scale(row, len(row) - 1) for i, row in enumerate(rows)}',
      '             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "comp.py", line 6, in <dictcomp>',
      '    scaled = {i: scale(row, len(row) - 1) for i, row in enumerate(rows)}',
      '                 ^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "comp.py", line 2, in scale',
      '    return [x / factor for x in batch]',
      '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "comp.py", line 2, in <listcomp>',
      '    return [x / factor for x in batch]',
      '            ~~^~~~~~~~',
      'ZeroDivisionError: float division by zero',
      '',
    ].join('\n'),
  );
});

test("generator expressions keep their own frame; the first iterable of a comprehension is the caller's", async () => {
  const source = 'rows = [[1], 2]\ntotals = [sum(v for v in r) for r in rows]\n';
  await check(
    'gen.py',
    source,
    [
      'Traceback (most recent call last):',
      '  File "gen.py", line 2, in <module>',
      '    totals = [sum(v for v in r) for r in rows]',
      '             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "gen.py", line 2, in <listcomp>',
      '    totals = [sum(v for v in r) for r in rows]',
      '                 ^^^^^^^^^^^^^^',
      "TypeError: 'int' object is not iterable",
      '',
    ].join('\n'),
  );
  await check(
    'first.py',
    'bad = [v for v in 1 / 0]\n',
    [
      'Traceback (most recent call last):',
      '  File "first.py", line 1, in <module>',
      '    bad = [v for v in 1 / 0]',
      '                      ~~^~~',
      'ZeroDivisionError: division by zero',
      '',
    ].join('\n'),
  );
});

test('an uncaught AttributeError gets 3.11\'s "Did you mean"; an ImportError none', async () => {
  const net =
    'class Net:\n    def __init__(self):\n        self.layer = 1\n\n    def forward(self):\n        return self.layr\n\n\nNet().forward()\n';
  await check(
    'net.py',
    net,
    [
      'Traceback (most recent call last):',
      '  File "net.py", line 9, in <module>',
      '    Net().forward()',
      '  File "net.py", line 6, in forward',
      '    return self.layr',
      '           ^^^^^^^^^',
      "AttributeError: 'Net' object has no attribute 'layr'. Did you mean: 'layer'?",
      '',
    ].join('\n'),
  );
  await check(
    'imp.py',
    'from math import sqroot\n',
    [
      'Traceback (most recent call last):',
      '  File "imp.py", line 1, in <module>',
      '    from math import sqroot',
      "ImportError: cannot import name 'sqroot' from 'math' (unknown location)",
      '',
    ].join('\n'),
  );
});

test("str(e) of a caught error is 3.11's text; format_exc() has no suggestion and Linux's errno", async () => {
  const source = [
    'import math',
    'import traceback',
    '',
    'total_loss, num_batches, batch_size = 1.5, 0, 0',
    'for action in (',
    '    lambda: total_loss / num_batches,',
    '    lambda: len([1, 2]) // batch_size,',
    '    lambda: min([]),',
    '    lambda: math.sqrt(-total_loss),',
    '    lambda: {[1]: 2},',
    '    lambda: ["cat"].index("dog"),',
    '):',
    '    try:',
    '        action()',
    '    except Exception as e:',
    '        print(type(e).__name__, e)',
    'for action in (lambda: lenn([1]), lambda: compile("whille True:\\n    pass\\n", "t.py", "exec"), lambda: open("nofile")):',
    '    try:',
    '        action()',
    '    except Exception:',
    '        print(traceback.format_exc().splitlines()[-1])',
    '',
  ].join('\n');
  await check(
    'caught.py',
    source,
    [
      'ZeroDivisionError float division by zero',
      'ZeroDivisionError integer division or modulo by zero',
      'ValueError min() arg is an empty sequence',
      'ValueError math domain error',
      "TypeError unhashable type: 'list'",
      "ValueError 'dog' is not in list",
      "NameError: name 'lenn' is not defined",
      'SyntaxError: invalid syntax',
      "FileNotFoundError: [Errno 2] No such file or directory: 'nofile'",
      '',
    ].join('\n'),
  );
});

test('a failing for-loop iterable and f-string format are placed where 3.11 places them', async () => {
  const source =
    'import traceback\ntry:\n    for x in 5:\n        pass\nexcept TypeError:\n    traceback.print_exc(file=__import__("sys").stdout)\nprint(f"loss {None:.4f}")\n';
  await check(
    'where.py',
    source,
    [
      'Traceback (most recent call last):',
      '  File "where.py", line 3, in <module>',
      '    for x in 5:',
      "TypeError: 'int' object is not iterable",
      'Traceback (most recent call last):',
      '  File "where.py", line 7, in <module>',
      '    print(f"loss {None:.4f}")',
      '          ^^^^^^^^^^^^^^^^^^',
      'TypeError: unsupported format string passed to NoneType.__format__',
      '',
    ].join('\n'),
  );
});

test("syntax errors: 3.11's wording, and one caret where an indented block should start", async () => {
  await check(
    'block.py',
    'def train():\nprint("x")\n',
    [
      '  File "block.py", line 2',
      '    print("x")',
      '    ^',
      'IndentationError: expected an indented block after function definition on line 1',
      '',
    ].join('\n'),
  );
  const source =
    'try:\n    compile("def f(a=1, b):\\n    pass\\n", "f.py", "exec")\nexcept SyntaxError as e:\n    print(e)\n';
  await check('defaults.py', source, 'non-default argument follows default argument (f.py, line 1)\n');
});

test("a caught OSError, the errno module and os.strerror have Linux's numbers in the learner's code", async () => {
  const source = [
    'import errno',
    'import os',
    'from errno import ENOENT',
    '',
    '',
    'def read(path):',
    '    with open(path) as f:',
    '        return f.read()',
    '',
    '',
    'try:',
    '    read("missing.txt")',
    'except OSError as e:',
    '    print(e, e.errno, e.args, e.errno == errno.ENOENT == ENOENT, errno.errorcode[e.errno])',
    'try:',
    '    os.mkdir(".")',
    'except FileExistsError as e:',
    '    print(repr(e), e.errno == errno.EEXIST)',
    'try:',
    '    raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), "data.csv")',
    'except OSError as e:',
    '    print(e, e.errno)',
    'print(errno, errno.EACCES, os.strerror(13))',
    '',
  ].join('\n');
  await check(
    'errnos.py',
    source,
    [
      "[Errno 2] No such file or directory: 'missing.txt' 2 (2, 'No such file or directory') True ENOENT",
      "FileExistsError(17, 'File exists') True",
      "[Errno 2] No such file or directory: 'data.csv' 2",
      "<module 'errno' (built-in)> 13 Permission denied",
      '',
    ].join('\n'),
  );
});
