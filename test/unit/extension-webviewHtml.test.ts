// The webview shell: strict CSP with a nonce, only the bundled script and stylesheet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentSecurityPolicy, makeNonce, renderWebviewHtml } from '../../src/extension/webviewHtml';

test('CSP allows only nonce scripts and the webview source for styles and images', () => {
  const csp = contentSecurityPolicy('https://x.vscode-cdn.net', 'abc');
  assert.equal(
    csp,
    "default-src 'none'; script-src 'nonce-abc'; style-src https://x.vscode-cdn.net; img-src https://x.vscode-cdn.net data:; font-src https://x.vscode-cdn.net",
  );
});

test('the shell loads one script with the nonce and escapes the title', () => {
  const html = renderWebviewHtml({
    cspSource: 'vscode-resource:',
    nonce: 'n0nce',
    scriptUri: 's.js',
    styleUri: 'w.css',
    title: 'Backprop Lens: <a>.py',
    lang: 'ko',
    view: 'panel',
  });
  assert.match(html, /<script nonce="n0nce" src="s.js"><\/script>/);
  assert.match(html, /<title>Backprop Lens: &lt;a&gt;.py<\/title>/);
  assert.match(html, /<html lang="ko">/);
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.ok(!/style=/.test(html));
});

test('nonces are fresh 128-bit values', () => {
  const a = makeNonce();
  assert.match(a, /^[0-9a-f]{32}$/);
  assert.notEqual(a, makeNonce());
});
