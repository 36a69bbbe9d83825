// Translates the webviews' strings on the host (webviews have no vscode.l10n) and sends them along.
import * as vscode from 'vscode';
import { VIEW_STRINGS, type Strings } from '../shared/strings';

export function viewStrings(): Strings {
  const out = {} as Record<string, string>;
  for (const [key, english] of Object.entries(VIEW_STRINGS)) {
    // Placeholders are passed through so the webview fills them in with live numbers.
    out[key] = vscode.l10n.t(english, '{0}', '{1}');
  }
  return out as Strings;
}
