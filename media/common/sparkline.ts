// A small inline SVG line of a per-step series (the sidebar's update/weight ratio of every step), drawn on a
// log scale so a ratio that falls from 1e-1 to 1e-4 reads as a steady slope. Decoration beside the number it
// summarises: hidden from screen readers, which read the number.
const SVG_NS = 'http://www.w3.org/2000/svg';
const WIDTH = 80;
const HEIGHT = 16;

/** Redraws `svg` (made by `sparklineSvg`) from `values`: finite positive ones, at most `WIDTH` of them. */
export function drawSparkline(svg: SVGSVGElement, values: ArrayLike<number>): void {
  const logs: number[] = [];
  const step = Math.max(1, Math.ceil(values.length / WIDTH));
  for (let i = 0; i < values.length; i += step) {
    const v = values[i];
    if (Number.isFinite(v) && v > 0) logs.push(Math.log10(v));
  }
  const line = svg.firstElementChild as SVGPolylineElement;
  if (logs.length < 2) {
    line.setAttribute('points', '');
    return;
  }
  const lo = Math.min(...logs);
  const span = Math.max(1e-9, Math.max(...logs) - lo);
  const points = logs.map((l, i) => {
    const x = (i / (logs.length - 1)) * (WIDTH - 2) + 1;
    const y = HEIGHT - 1 - ((l - lo) / span) * (HEIGHT - 2);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  line.setAttribute('points', points.join(' '));
}

export function sparklineSvg(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('width', String(WIDTH));
  svg.setAttribute('height', String(HEIGHT));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const line = document.createElementNS(SVG_NS, 'polyline');
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', 'currentColor');
  line.setAttribute('stroke-width', '1.2');
  svg.append(line);
  return svg;
}
