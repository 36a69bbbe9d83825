// "Export charts": every chart the panel shows as a PNG (on the theme's background, so a transparent
// canvas stays readable in a document) and, for the line charts drawn from the run's own numbers, an SVG.
import type { ViewToHost } from '../../src/protocol';
import type { RunState } from '../../src/shared/runState';
import { fmt, type Strings } from '../../src/shared/strings';
import { svgLineChart } from '../common/svgChart';
import { themeColors } from '../common/theme';

type Images = Extract<ViewToHost, { type: 'chartImages' }>['images'];

function png(canvas: HTMLCanvasElement, background: string): string {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  return out.toDataURL('image/png');
}

/** The loss curve as SVG (linear scale, every step). */
function lossSvg(s: Strings, run: RunState | null): string | null {
  const losses = run?.lossView();
  if (!losses || losses.length === 0) return null;
  const c = themeColors();
  return svgLineChart([{ label: s.loss, color: c.series[0], points: Array.from(losses, (v, i) => [i, v] as const) }], {
    title: s.lossChart,
    xTitle: fmt(s.stepValue, '').trim(),
    yTitle: s.loss,
    foreground: c.foreground,
    background: c.background,
  });
}

/** Every visible canvas of the panel's cards, named after its card (`loss`, `grad`, `landscape-2`). */
export function chartImages(app: HTMLElement, s: Strings, run: RunState | null, compareSvg: string | null): Images {
  const background = themeColors().background;
  const images: Images = [];
  for (const card of Array.from(app.querySelectorAll<HTMLElement>('section.card'))) {
    if (card.hidden || card.closest('[hidden]')) continue;
    const canvases = Array.from(card.querySelectorAll('canvas')).filter(
      (c) => !c.hidden && c.width > 0 && c.height > 0,
    );
    canvases.forEach((canvas, i) => {
      const name = i === 0 ? card.id : `${card.id}-${i + 1}`;
      const svg = i > 0 ? null : card.id === 'loss' ? lossSvg(s, run) : card.id === 'compare' ? compareSvg : null;
      images.push({ name, png: png(canvas, background), svg });
    });
  }
  return images;
}
