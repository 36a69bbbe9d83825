// The extension's manifest, translations and examples fit together: every string shown is translated,
// every contributed command is registered, every example offered is shipped.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { VIEW_STRINGS } from '../../src/shared/strings';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const json = (p: string) => JSON.parse(read(p));
const extensionSources = fs.readdirSync(path.join(root, 'src/extension')).map((f) => read(`src/extension/${f}`));

/** The message literals passed to vscode.l10n.t in the extension's code. */
function hostMessages(): string[] {
  const out = new Set<string>();
  for (const src of extensionSources)
    for (const m of src.matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)) out.add(m[1].replace(/\\'/g, "'"));
  return [...out];
}

test('every host and webview string is in the English and Korean bundles', () => {
  const en = json('l10n/bundle.l10n.json');
  const ko = json('l10n/bundle.l10n.ko.json');
  const messages = [...hostMessages(), ...Object.values(VIEW_STRINGS)];
  assert.ok(messages.length > 50);
  for (const m of messages) {
    assert.equal(en[m], m, `English bundle: ${m}`);
    assert.equal(typeof ko[m], 'string', `Korean bundle: ${m}`);
    // Placeholders must survive translation.
    assert.deepEqual(
      [...ko[m].matchAll(/\{\d\}/g)].map((x) => x[0]).sort(),
      [...m.matchAll(/\{\d\}/g)].map((x) => x[0]).sort(),
      m,
    );
  }
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
});

test('every %key% of package.json is in package.nls.json and package.nls.ko.json', () => {
  const keys = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length > 10);
  const en = json('package.nls.json');
  const ko = json('package.nls.ko.json');
  for (const k of keys) {
    assert.equal(typeof en[k], 'string', `package.nls.json: ${k}`);
    assert.equal(typeof ko[k], 'string', `package.nls.ko.json: ${k}`);
  }
});

test('contributed commands are registered, activation is by Python files, never *', () => {
  const pkg = json('package.json');
  assert.ok(pkg.activationEvents.includes('onLanguage:python'));
  assert.ok(!pkg.activationEvents.includes('*'));
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  const registered = new Set(
    ['src/extension/commands.ts', 'src/extension/toolCommands.ts'].flatMap((f) =>
      [...read(f).matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]),
    ),
  );
  const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command);
  assert.deepEqual(new Set(contributed), registered);
  for (const c of ['train', 'step', 'backprop', 'continue', 'stop', 'showPanel', 'newExample'])
    assert.ok(registered.has(`backpropLens.${c}`), c);
  const used = [...pkg.contributes.menus['editor/title'], ...pkg.contributes.keybindings].map(
    (m: { command: string }) => m.command,
  );
  for (const c of used) assert.ok(registered.has(c), c);
  for (const c of pkg.contributes.commands) assert.equal(c.category, 'Backprop Lens');
  for (const s of pkg.contributes.walkthroughs[0].steps)
    assert.ok(fs.existsSync(path.join(root, s.media.markdown)), s.media.markdown);
  assert.ok(fs.existsSync(path.join(root, pkg.contributes.viewsContainers.activitybar[0].icon)));
});

test('every example offered by New Example is shipped in examples/', () => {
  const offered = [...read('src/extension/examples.ts').matchAll(/file: '([^']+\.py)'/g)].map((m) => m[1]);
  const shipped = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.py'));
  assert.deepEqual(offered.sort(), shipped.sort());
});

test('the extension host code never imports vscode from the modules node tests use', () => {
  for (const f of ['pythonStructure.ts', 'eventBatcher.ts', 'webviewHtml.ts', 'activeRun.ts']) {
    assert.ok(!/from 'vscode'/.test(read(`src/extension/${f}`)), f);
  }
});

/** The modules a TypeScript file imports: repository-relative paths for relative imports, else `package:NAME`. */
function importsOf(file: string): string[] {
  const specs = [...read(file).matchAll(/^(?:import|export)\b[^'"]*?from '([^']+)'/gm)].map((m) => m[1]);
  return specs.map((s) =>
    s.startsWith('.') ? path.relative(root, path.resolve(root, path.dirname(file), s)) : `package:${s}`,
  );
}
const tsFilesIn = (dir: string) =>
  (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));

test('shared code has one home: src/shared imports only itself and src/protocol, webviews no host code, the host no webview code', () => {
  const shared = tsFilesIn('src/shared');
  assert.ok(shared.length > 0);
  for (const f of shared) {
    for (const i of importsOf(f)) assert.ok(i.startsWith('src/shared/') || i === 'src/protocol', `${f} imports ${i}`);
  }
  for (const f of tsFilesIn('media')) {
    for (const i of importsOf(f)) {
      const allowed =
        i.startsWith('media/') ||
        i.startsWith('src/shared/') ||
        i === 'src/protocol' ||
        (i.startsWith('package:') && i !== 'package:vscode');
      assert.ok(allowed, `${f} imports ${i}`);
    }
  }
  for (const f of tsFilesIn('src/extension')) {
    for (const i of importsOf(f)) assert.ok(!i.startsWith('media/'), `${f} imports ${i}`);
  }
});
