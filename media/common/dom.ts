// A tiny element builder: the webviews never assign HTML strings (nothing from a run is parsed as markup)
// and never write style attributes (the CSP allows only the stylesheet).

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') el.className = String(value);
    else if (name === 'text') el.textContent = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Runs `draw` at most once per animation frame and at most `perSecond` times a second. */
export function frameThrottle(draw: () => void, perSecond = 30): () => void {
  let scheduled = false;
  let last = 0;
  const minGap = 1000 / perSecond;
  const tick = (t: number) => {
    if (t - last < minGap) {
      requestAnimationFrame(tick);
      return;
    }
    scheduled = false;
    last = t;
    draw();
  };
  return () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(tick);
  };
}
