// Where the CodeLens rows go: nn.Module subclasses and training loops, in real learner scripts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { findLensTargets, importsTorch, stripStrings } from '../../src/extension/pythonStructure';
import path from 'node:path';
import { bundledScriptsDir } from '../reference/paths';

const shared = (name: string) => fs.readFileSync(path.join(bundledScriptsDir, name), 'utf8');
const example = (name: string) => fs.readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
/** 0-based line numbers of the lines that start with `prefix` (after indentation). */
const linesStarting = (text: string, prefix: string) =>
  text.split('\n').flatMap((l, i) => (l.trimStart().startsWith(prefix) ? [i] : []));

test('spiral_classifier.py: the Net class and the epoch loop, not the data-building loop', () => {
  const text = shared('spiral_classifier.py');
  const targets = findLensTargets(text);
  assert.deepEqual(
    targets.map((t) => [t.kind, t.line, t.name]),
    [
      ['module', linesStarting(text, 'class Net(nn.Module)')[0], 'Net'],
      ['loop', linesStarting(text, 'for epoch in range(300)')[0], 'for epoch in range(300)'],
    ],
  );
});

test('learning_rates.py: one row on the outer loop of nested training loops', () => {
  const text = shared('learning_rates.py');
  const targets = findLensTargets(text);
  assert.deepEqual(targets, [
    { kind: 'loop', line: linesStarting(text, 'for lr in')[0], name: 'for lr in [0.01, 0.3, 1.2]' },
  ]);
});

test('manual_gradient_descent.py: a loop with backward and no module', () => {
  const text = shared('manual_gradient_descent.py');
  assert.deepEqual(
    findLensTargets(text).map((t) => t.kind),
    ['loop'],
  );
});

test('seed_linear.py: the study notes model, no training loop', () => {
  const text = shared('seed_linear.py');
  assert.deepEqual(findLensTargets(text), [
    { kind: 'module', line: linesStarting(text, 'class LinearRegressionModel')[0], name: 'LinearRegressionModel' },
  ]);
});

test('every shipped example that trains has a lens on its training loop', () => {
  for (const name of [
    'linear_model.py',
    'xor.py',
    'linear_regression_manual.py',
    'spiral.py',
    'learning_rates.py',
    'runaway_loop.py',
  ]) {
    const text = example(name);
    assert.ok(importsTorch(text), name);
    assert.ok(
      findLensTargets(text).some((t) => t.kind === 'loop'),
      `${name} has a training loop lens`,
    );
  }
  const runaway = example('runaway_loop.py');
  assert.deepEqual(
    findLensTargets(runaway).map((t) => t.line),
    linesStarting(runaway, 'while True'),
  );
});

test('subclasses of torch.nn.Module, Module, and of a module class defined earlier', () => {
  const text = [
    'import torch',
    'from torch.nn import Module',
    'class A(torch.nn.Module):',
    '    pass',
    'class B(Module):',
    '    pass',
    'class C(B):',
    '    pass',
    'class D(object):',
    '    pass',
  ].join('\n');
  assert.deepEqual(
    findLensTargets(text).map((t) => [t.name, t.line]),
    [
      ['A', 2],
      ['B', 4],
      ['C', 6],
    ],
  );
});

test('loops without backward, and backward inside strings or comments, get no lens', () => {
  const text = [
    'import torch',
    'for i in range(3):',
    '    print("loss.backward()")  # loss.backward()',
    'while x:',
    "    s = '''",
    'loss.backward()',
    "'''",
    'for i in range(2): loss.backward()',
  ].join('\n');
  assert.deepEqual(
    findLensTargets(text).map((t) => t.line),
    [7],
  );
});

test('a loop body ends at the first line indented like the header', () => {
  const text = [
    'import torch',
    'for a in b:',
    '    x = 1',
    'loss.backward()',
    'while True:',
    '',
    '    # comment',
    '    loss.backward()',
  ].join('\n');
  assert.deepEqual(
    findLensTargets(text).map((t) => t.line),
    [4],
  );
});

test('importsTorch: import forms, and mentions that are not imports', () => {
  assert.ok(importsTorch('import torch\n'));
  assert.ok(importsTorch('import numpy as np\nimport torch.nn as nn\n'));
  assert.ok(importsTorch('  from torch import nn\n'));
  assert.equal(importsTorch('import torchvision_like\n'), false);
  assert.equal(importsTorch('# import torch\nprint(1)\n'), false);
  assert.equal(importsTorch('s = """\nimport torch\n"""\n'), false);
  assert.equal(importsTorch('import numpy\n'), false);
});

test('stripStrings keeps line numbers and blanks string contents', () => {
  const text = 'a = "x\\"y"\nb = """1\n2"""\n# it\'s\nc = 3';
  const out = stripStrings(text);
  assert.equal(out.split('\n').length, text.split('\n').length);
  assert.equal(out, 'a = "    "\nb = """ \n """\n# it\'s\nc = 3');
});
