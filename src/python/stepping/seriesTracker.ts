// Several runs in one file: a loop over learning rates, a linear and a non-linear model, two starting
// points. Each new model or optimizer that trains begins a new series of steps; its label says what
// distinguishes it from the other series (`lr=0.05`, `Tanh`, `w=2`), recomputed as series are added, so a
// series sent early is sent again with a better label.
import type { ModuleInfo, SeriesEvent } from '../../protocol';

/** What a series trains, as far as labels go. */
export interface SeriesTraits {
  model: string;
  /** Activation functions of the model (`Tanh`, `ReLU+Sigmoid`), `no activation`, or '' for plain tensors. */
  activations: string;
  optimizer: string | null;
  lr: number | null;
  /** Plain tensors with one or two numbers: their starting values (`w=-2`). */
  start: string | null;
}

const ACTIVATION_MODULES = new Set([
  'ReLU',
  'LeakyReLU',
  'ELU',
  'GELU',
  'SiLU',
  'Tanh',
  'Sigmoid',
  'Softplus',
  'Softmax',
  'LogSoftmax',
  'Hardtanh',
  'ReLU6',
  'Mish',
  'PReLU',
  'CELU',
  'SELU',
]);

/** The model's activations: its activation modules and the functional ones seen in its forward (`fc:relu#1`). */
export function activationsOf(modules: readonly ModuleInfo[], outputPaths: Iterable<string>): string {
  if (modules.length === 1 && modules[0].type === 'Tensors') return '';
  const names: string[] = [];
  for (const m of modules) if (ACTIVATION_MODULES.has(m.type) && !names.includes(m.type)) names.push(m.type);
  for (const path of outputPaths) {
    const fn = /:(\w+)#\d+$/.exec(path)?.[1];
    if (fn && !names.includes(fn)) names.push(fn);
  }
  return names.length > 0 ? names.join('+') : 'no activation';
}

function short(v: number): string {
  return String(Number(v.toPrecision(4)));
}

/**
 * `{a}` for each trait that differs between the series, in order: lr, optimizer, model, activations, start.
 * A series whose optimizer is not known yet (`pending`: it began at a backward, its step comes next) takes
 * no part in the optimizer's traits.
 */
function labels(all: readonly SeriesTraits[], pending: readonly boolean[]): string[] {
  const differs = (f: (t: SeriesTraits) => unknown, known = (_i: number) => true) =>
    new Set(all.filter((_t, i) => known(i)).map((t) => String(f(t)))).size > 1;
  const settled = (i: number) => !pending[i];
  const parts: ((t: SeriesTraits) => string | null)[] = [];
  if (differs((t) => t.lr, settled)) parts.push((t) => (t.lr === null ? null : `lr=${short(t.lr)}`));
  if (differs((t) => t.optimizer, settled)) parts.push((t) => t.optimizer ?? 'by hand');
  if (differs((t) => t.model)) parts.push((t) => t.model);
  if (differs((t) => t.activations)) parts.push((t) => t.activations || null);
  if (differs((t) => t.start)) parts.push((t) => t.start);
  return all.map((t, i) => {
    const text = parts
      .map((p) => p(t))
      .filter((s): s is string => !!s)
      .join(', ');
    return text || `run ${i + 1}`;
  });
}

export class SeriesTracker {
  private readonly series: {
    firstStep: number;
    traits: SeriesTraits;
    label: string;
    key: unknown[];
    /** Began without an optimizer that may still step (then it joins this series). */
    pending: boolean;
  }[] = [];

  constructor(private readonly runId: number) {}

  get count(): number {
    return this.series.length;
  }

  /** The index of the current series (-1 before the first). */
  get current(): number {
    return this.series.length - 1;
  }

  /** The current series' model and optimizer objects (what makes a series new). */
  currentKey(): unknown[] | null {
    return this.series.at(-1)?.key ?? null;
  }

  /** The current series learns which optimizer trains it (it began at a backward, before the first step). */
  setOptimizer(optimizer: object, name: string, lr: number, key: unknown[]): SeriesEvent[] {
    const s = this.series.at(-1);
    if (!s) return [];
    s.key = key;
    s.pending = false;
    s.traits = { ...s.traits, optimizer: name, lr };
    return this.relabel();
  }

  /** A new series begins at `firstStep`; returns the events to send (the new one and changed labels). */
  begin(firstStep: number, traits: SeriesTraits, key: unknown[]): SeriesEvent[] {
    const previous = this.series.at(-1);
    if (previous) previous.pending = false; // no optimizer stepped it: trained by hand
    this.series.push({ firstStep, traits, label: '', key, pending: traits.optimizer === null });
    return this.relabel();
  }

  private relabel(): SeriesEvent[] {
    const next = labels(
      this.series.map((s) => s.traits),
      this.series.map((s) => s.pending),
    );
    const out: SeriesEvent[] = [];
    this.series.forEach((s, index) => {
      if (s.label === next[index] && index < this.series.length - 1) return;
      s.label = next[index];
      out.push({
        type: 'series',
        runId: this.runId,
        index,
        firstStep: s.firstStep,
        label: s.label,
        model: s.traits.model,
        optimizer: s.traits.optimizer,
      });
    });
    return out;
  }
}
