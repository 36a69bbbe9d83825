// Small inline SVG icons for the action buttons. Glyphs such as ⏭ or ■ are missing from some system fonts
// (Debian's Chromium draws ⏭ as an empty box); an SVG drawn in currentColor looks the same everywhere and
// follows the theme, including high contrast. Icons are decoration: the button's word is its name.
import type { ViewAction } from '../../src/protocol';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** 16×16 shapes: filled paths, and stroked ones (outlines) where a line reads better. */
const SHAPES: Readonly<Record<ViewAction, { fill?: string; stroke?: string }>> = {
  train: { fill: 'M4 2.5v11l9-5.5z' },
  step: { fill: 'M2.5 2.5v11l7.5-5.5zM11 2.5h2.5v11H11z' },
  // The gradient going back up from the loss (a bar) to the inputs; a curved arrow read as "undo".
  backprop: { stroke: 'M8 12.5V3M4 7l4-4 4 4M3.5 13.5h9' },
  // Four blocks: forward, loss, backward, update.
  phases: { fill: 'M1 6h2.6v4H1zM4.8 6h2.6v4H4.8zM8.6 6h2.6v4H8.6zM12.4 6H15v4h-2.6z' },
  continue: { fill: 'M2.5 2.5H5v11H2.5zM7 2.5v11l7-5.5z' },
  stop: { fill: 'M3.5 3.5h9v9h-9z' },
};

export function actionIcon(action: ViewAction): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', `icon icon-${action}`);
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const shape = SHAPES[action];
  const path = document.createElementNS(SVG_NS, 'path');
  if (shape.fill) {
    path.setAttribute('d', shape.fill);
    path.setAttribute('fill', 'currentColor');
  } else {
    path.setAttribute('d', shape.stroke!);
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '1.6');
    path.setAttribute('stroke-linecap', 'round');
    path.setAttribute('stroke-linejoin', 'round');
  }
  svg.append(path);
  return svg;
}
