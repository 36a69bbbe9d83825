// Input files as python3 reads them: a UTF-8 byte-order mark, CRLF line endings, tabs and a PEP 263 coding
// line; error columns in characters (not UTF-8 bytes) so that squiggles on lines with Korean text land under
// the right name, and in UTF-16 units for VS Code. The CLI's output is compared with what python3 prints for
// the same bytes. Uses the built dist/: run `npm run build` first.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codePointColumnToUtf16, declaredEncoding, decodePythonSource } from '../../src/python/pythonSource';
import { distDir } from './runtime-helpers';

const cli = path.join(distDir, 'cli.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-source-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

function run(command: string, args: string[]) {
  return spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, cwd: dir });
}

const FILES: [string, Buffer][] = [
  ['bom.py', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x = 1\nprint("bom", x)\n')])],
  ['crlf.py', Buffer.from('def f(a):\r\n\treturn a * 2\r\n\r\nprint(f(21))\r\nprint("""two\r\nlines""")\r\n')],
  [
    'latin1.py',
    Buffer.concat([
      Buffer.from('# -*- coding: latin-1 -*-\ns = "caf'),
      Buffer.from([0xe9]),
      Buffer.from('"\nprint(s, len(s))\n'),
    ]),
  ],
  [
    'second_line.py',
    Buffer.concat([
      Buffer.from('#!/usr/bin/env python3\n# vim: set fileencoding=euc-kr :\nprint("'),
      Buffer.from([0xc7, 0xd1, 0xb1, 0xdb]), // 한글 in EUC-KR
      Buffer.from('")\n'),
    ]),
  ],
  ['korean_utf8.py', Buffer.from('print("학습률", 0.1)\n')],
];

test('files with a BOM, CRLF and tabs, and coding lines print what python3 prints for the same bytes', () => {
  for (const [name, bytes] of FILES) {
    const file = write(name, bytes);
    const ours = run(process.execPath, [cli, 'run', file]);
    const python = run('python3', [file]);
    assert.equal(python.status, 0, `${name}: python3 itself failed: ${python.stderr}`);
    assert.equal(ours.stderr, '', name);
    assert.equal(ours.stdout, python.stdout, name);
    assert.equal(ours.status, 0, name);
  }
});

test('a coding line naming an unknown encoding is the SyntaxError python3 gives', () => {
  const file = write('klingon.py', Buffer.from('# coding: klingon\nprint(1)\n'));
  const ours = run(process.execPath, [cli, 'run', file]);
  const python = run('python3', [file]);
  assert.equal(ours.status, python.status);
  assert.equal(ours.stderr.trim().split('\n').at(-1), python.stderr.trim().split('\n').at(-1));
});

test("an error's column counts characters, not UTF-8 bytes, on a line with Korean text", () => {
  const line = 'y = "한국어"; z = x.nosuch_attribute';
  const file = write('korean_error.py', Buffer.from(`import torch\nx = torch.ones(2)\n${line}\n`));
  const events = path.join(dir, 'korean_error.jsonl');
  run(process.execPath, [cli, 'run', file, '--events', events]);
  const error = fs
    .readFileSync(events, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .find((e) => e.type === 'error');
  assert.ok(error, 'the run reports an error');
  assert.deepEqual({ line: error.pos.line, column: error.pos.column }, { line: 3, column: line.indexOf('x.') + 1 });
});

test('decoding: BOM, coding lines only in the first two lines, only after a comment or blank first line', () => {
  assert.equal(decodePythonSource(Buffer.from([0xef, 0xbb, 0xbf, 0x61])), 'a');
  assert.equal(declaredEncoding(Buffer.from('# -*- coding: latin-1 -*-\n')), 'latin-1');
  assert.equal(declaredEncoding(Buffer.from('#!python\n# coding=cp949\n')), 'cp949');
  assert.equal(declaredEncoding(Buffer.from('x = 1\n# coding: latin-1\n')), null);
  assert.equal(declaredEncoding(Buffer.from('\n\n# coding: latin-1\n')), null);
  assert.equal(
    decodePythonSource(
      Buffer.from([0x23, 0x20, 0x63, 0x6f, 0x64, 0x69, 0x6e, 0x67, 0x3a, 0x20, 0x75, 0x74, 0x66, 0x2d, 0x38, 0x0a]),
    ),
    '# coding: utf-8\n',
  );
  assert.throws(() => decodePythonSource(Buffer.from('# coding: klingon\n')), /encoding problem: klingon/);
});

test("Python's character columns become VS Code's UTF-16 columns past characters outside the BMP", () => {
  assert.equal(codePointColumnToUtf16('abc', 2), 2);
  assert.equal(codePointColumnToUtf16('한국어 x', 5), 5); // Hangul is one UTF-16 unit
  assert.equal(codePointColumnToUtf16('"🙂" + x', 7), 8); // the emoji is one character, two units
  assert.equal(codePointColumnToUtf16('ab', 5), 5); // past the end (a caret after the line) stays as it is
});
