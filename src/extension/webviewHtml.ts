// The HTML shell of both webviews. It only loads the bundled script and stylesheet under a strict Content
// Security Policy; the script builds the page from the strings and snapshot the host sends. Pure (no vscode
// import) so the headless-browser harness renders exactly what VS Code shows.
import { randomBytes } from 'node:crypto';

export interface WebviewHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random value per render. */
  nonce: string;
  /** `asWebviewUri` of dist/media/<view>.js and media/<view>.css (as strings). */
  scriptUri: string;
  styleUri: string;
  title: string;
  /** `vscode.env.language`, e.g. `en`, `ko`. */
  lang: string;
  view: 'panel' | 'sidebar';
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function renderWebviewHtml(o: WebviewHtmlOptions): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body class="view-${o.view}">
<main id="app" aria-busy="true"></main>
<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>`;
}

/** 128 random bits as hex: a fresh nonce for each render. */
export function makeNonce(): string {
  return randomBytes(16).toString('hex');
}
