// Colours come from VS Code's theme variables. VS Code changes the body's class (vscode-light,
// vscode-dark, vscode-high-contrast) when the theme changes; charts re-read the colours then.

export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v || fallback;
}

export interface ThemeColors {
  foreground: string;
  muted: string;
  grid: string;
  background: string;
  series: string[];
  negative: string;
  positive: string;
}

export function themeColors(): ThemeColors {
  return {
    foreground: cssVar('--vscode-foreground', '#cccccc'),
    muted: cssVar('--vscode-descriptionForeground', '#999999'),
    grid: cssVar('--vscode-editorWidget-border', cssVar('--vscode-panel-border', '#444444')),
    background: cssVar('--vscode-editor-background', '#1e1e1e'),
    series: [
      cssVar('--vscode-charts-blue', '#3794ff'),
      cssVar('--vscode-charts-orange', '#d18616'),
      cssVar('--vscode-charts-green', '#89d185'),
      cssVar('--vscode-charts-purple', '#b180d7'),
      cssVar('--vscode-charts-red', '#f14c4c'),
      cssVar('--vscode-charts-yellow', '#cca700'),
    ],
    negative: cssVar('--vscode-charts-blue', '#3794ff'),
    positive: cssVar('--vscode-charts-red', '#f14c4c'),
  };
}

export function onThemeChange(listener: () => void): void {
  new MutationObserver(listener).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

/** Any CSS colour as [r, g, b] (0-255), resolved by the browser. */
export function toRgb(color: string): [number, number, number] {
  const ctx = document.createElement('canvas').getContext('2d')!;
  ctx.fillStyle = '#000';
  ctx.fillStyle = color;
  const c = ctx.fillStyle;
  if (c.startsWith('#')) return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
  const m = /rgba?\(([^)]+)\)/.exec(c);
  if (!m) return [128, 128, 128];
  const [r, g, b] = m[1].split(',').map((x) => parseFloat(x));
  return [r, g, b];
}
