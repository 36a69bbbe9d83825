// User-facing text draws its icons with codicons (CodeLens) or SVG (webviews), never with symbol glyphs
// that some fonts lack (Debian's Chromium shows ⏭ as an empty box).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { VIEW_STRINGS } from '../../src/shared/strings';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
/** Arrows-and-media-control and geometric-shape symbols (▶ ⏭ ⏸ ■ ↩ ...), not in every font. */
const RISKY = /[\u2190-\u21ff\u2300-\u23ff\u25a0-\u25ff\u2600-\u27bf]/u;

test('no risky glyphs in the l10n bundles, package.nls, walkthroughs or webview strings', () => {
  const files = [
    'l10n/bundle.l10n.json',
    'l10n/bundle.l10n.ko.json',
    'package.nls.json',
    'package.nls.ko.json',
    ...fs.readdirSync(path.join(root, 'media/walkthrough')).map((f) => `media/walkthrough/${f}`),
  ];
  for (const f of files) {
    for (const [i, line] of read(f).split('\n').entries()) {
      // "forward → loss → backward → update" in a walkthrough is a plain arrow every font has.
      assert.doesNotMatch(line.replace(/→/g, ''), RISKY, `${f}:${i + 1}: ${line}`);
    }
  }
  for (const [k, v] of Object.entries(VIEW_STRINGS)) assert.doesNotMatch(v, RISKY, k);
});

test('every CodeLens title is a codicon and a word', () => {
  const src = read('src/extension/codelens.ts');
  assert.match(src, /title: `\$\(\$\{icon\}\) \$\{word\}`/);
  const icons = /LENS_ICONS = \{([^}]*)\}/.exec(src)?.[1] ?? '';
  const pkg = JSON.parse(read('package.json'));
  // The same icons as the title-bar buttons of the same commands.
  for (const [, action, icon] of icons.matchAll(/(\w+): '([\w-]+)'/g)) {
    const command = pkg.contributes.commands.find((c: { command: string }) => c.command === `backpropLens.${action}`);
    assert.equal(command?.icon, `$(${icon})`, action);
  }
  assert.equal([...icons.matchAll(/(\w+): '/g)].length, 7);
});
