// Timing helpers shared by the benchmarks: warm up, then run for a fixed wall-clock budget and report the
// best of a few rounds (the machine is shared, so the best round is the least disturbed one).

/** Calls fn repeatedly; returns the best observed calls per second over `rounds` rounds of ~budgetMs each. */
export function ratePerSecond(fn: () => void, budgetMs = 300, rounds = 3): number {
  const warmEnd = performance.now() + budgetMs / 3;
  while (performance.now() < warmEnd) fn();
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const start = performance.now();
    let now = start;
    while (now - start < budgetMs) {
      fn();
      calls++;
      now = performance.now();
    }
    best = Math.max(best, (calls * 1000) / (now - start));
  }
  return best;
}

export function fmtRate(x: number): string {
  if (!Number.isFinite(x)) return '-';
  if (x >= 100) return Math.round(x).toLocaleString('en-US');
  return x.toFixed(x >= 10 ? 1 : 2);
}

/** A plain-text (and Markdown) table. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
