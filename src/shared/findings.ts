// What went wrong in a run and what to try, each finding at the line that causes it: gradients adding up
// without zero_grad() (seen by the runtime, src/python/gradAccumulation.ts), ReLU units dead for the whole
// batch, vanishing or exploding gradients in a layer, a loss that diverged (and the step where the climb
// began), a loss on a plateau, and the learning rate's signatures in the loss curve (src/shared/lossHints.ts).
// A finding with a cause (no zero_grad, dead units, vanishing gradients) silences the learning-rate guesses it
// explains: a missing zero_grad() makes the loss climb, yet the rate is not to blame.
// Shared code (src/shared): the panel lists the findings, the host puts them in the Problems panel, and node
// tests assert them on the learner-mistake files in test/unit/fixtures/mistakes/.
import type { ActivationInput, ModuleInfo, WarningCode } from '../protocol';
import { lossHint } from './lossHints';
import type { RunState } from './runState';
import { fmt, type Strings } from './strings';

export type FindingKind =
  'noZeroGrad' | 'diverged' | 'deadRelu' | 'vanishing' | 'exploding' | 'plateau' | 'rising' | 'oscillating' | 'slow';

export interface Finding {
  kind: FindingKind;
  /** 1-based line of the user's file that causes it (null when unknown). */
  line: number | null;
  /** The step where it began or was seen (null when it is about the whole curve). */
  step: number | null;
  /** The layer (module path) or parameter it is about. */
  subject: string | null;
  /** How the text names the subject: the path with the layer's class, `1 (ReLU)`. */
  label?: string;
  /** Numbers for the text: dead units and units; a gradient norm; the loss; steps in a pattern. */
  values: number[];
}

/** A warning the runtime sent with a code (RunEvent 'warning'). */
export interface CodedWarning {
  code: WarningCode;
  step: number | null;
  line: number | null;
}

export interface FindingInput {
  losses: ArrayLike<number>;
  modules: readonly ModuleInfo[];
  /** Gradient L2 norm per parameter at recorded steps (RunState.gradNormViews()). */
  gradNorms: { steps: ArrayLike<number>; norms: Record<string, ArrayLike<number>> };
  activationInputs: readonly ActivationInput[] | null;
  warnings: readonly CodedWarning[];
  /** 1-based line of the optimizer's construction (where the learning rate is set), when known. */
  optimizerLine: number | null;
}

/** A layer's gradient norm below this share of the largest layer's norm at the same step vanishes. */
export const VANISHING_RATIO = 1e-4;
/** A layer's gradient norm above this explodes. */
export const EXPLODING_NORM = 1e3;
/** Dead ReLU units (no input in the batch is positive) from this share of a layer on are flagged. */
export const DEAD_SHARE = 0.5;
/** Plateau: over this many last steps ... */
export const PLATEAU_WINDOW = 50;
/** ... the loss moved by less than this share of its value ... */
const PLATEAU_FLAT = 1e-3;
/** ... while still above this share of where it started (a solved problem's flat tail is no plateau). */
const PLATEAU_UNSOLVED = 0.05;

/** Finds every finding of a run, most important first. */
export function findFindings(input: FindingInput): Finding[] {
  const lines = moduleLines(input.modules);
  const out: Finding[] = [];
  for (const w of input.warnings) {
    if (w.code === 'noZeroGrad')
      out.push({ kind: 'noZeroGrad', line: w.line, step: w.step, subject: null, values: [] });
  }
  const diverged = divergence(input.losses);
  if (diverged) out.push({ ...diverged, line: input.optimizerLine ?? nanLine(input.warnings) });
  out.push(...deadRelus(input.activationInputs, lines));
  out.push(...gradientFindings(input, lines, diverged !== null));
  const types = new Map(input.modules.map((m) => [m.path, m.type]));
  for (const f of out) {
    const type = f.subject === null ? undefined : types.get(f.subject);
    if (type) f.label = f.subject === '' ? type : `${f.subject} (${type})`;
  }
  const explained = out.some((f) => f.kind === 'noZeroGrad' || f.kind === 'deadRelu' || f.kind === 'vanishing');
  if (!diverged && !explained) {
    const plateau = plateauOf(input.losses);
    if (plateau) out.push({ ...plateau, line: input.optimizerLine });
    const hint = plateau ? null : lossHint(input.losses);
    if (hint && !(hint.kind === 'rising' && !Number.isFinite(input.losses[input.losses.length - 1])))
      out.push({ kind: hint.kind, line: input.optimizerLine, step: null, subject: null, values: [hint.steps] });
  }
  return out;
}

function nanLine(warnings: readonly CodedWarning[]): number | null {
  return warnings.find((w) => w.code === 'diverged')?.line ?? null;
}

/** Module path -> the line that created it; a functional call (`fc1:relu#1`) gets its module's line. */
function moduleLines(modules: readonly ModuleInfo[]): (path: string | null) => number | null {
  const byPath = new Map(modules.map((m) => [m.path, m.line ?? null]));
  return (path) => {
    if (path === null) return null;
    const own = byPath.get(path.replace(/:.*$/, ''));
    return own ?? null;
  };
}

/**
 * A loss that became inf/NaN, or ended more than 10 times above its lowest point: diverged. `step` is where
 * the climb began (the last step before an unbroken rise to the end), `values[0]` the step it became non-finite.
 */
function divergence(losses: ArrayLike<number>): Omit<Finding, 'line'> | null {
  const n = losses.length;
  let firstBad = -1;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(losses[i])) {
      firstBad = i;
      break;
    }
  }
  const end = firstBad >= 0 ? firstBad : n;
  if (end === 0) return null;
  let min = Infinity;
  for (let i = 0; i < end; i++) min = Math.min(min, losses[i]);
  const last = losses[end - 1];
  if (firstBad < 0 && !(last > 10 * min && last - min > 1e-6)) return null;
  let begin = end - 1;
  while (begin > 0 && losses[begin - 1] < losses[begin]) begin--;
  return { kind: 'diverged', step: begin, subject: null, values: [firstBad] };
}

function deadRelus(
  items: readonly ActivationInput[] | null,
  lineOf: (path: string | null) => number | null,
): Finding[] {
  return (items ?? [])
    .filter((a) => (a.fn === 'relu' || a.fn === 'relu6') && a.units > 0 && a.deadUnits >= DEAD_SHARE * a.units)
    .map((a) => ({
      kind: 'deadRelu',
      line: lineOf(a.path),
      step: null,
      subject: a.path,
      values: [a.deadUnits, a.units],
    }));
}

/** Each layer's gradient norm at the latest recorded step (the L2 norm over all of its parameters). */
export function layerGradNorms(gradNorms: FindingInput['gradNorms']): Map<string, number> {
  const layers = new Map<string, number>();
  for (const [name, norms] of Object.entries(gradNorms.norms)) {
    let v = NaN;
    for (let i = norms.length - 1; i >= 0 && Number.isNaN(v); i--) v = norms[i];
    if (Number.isNaN(v)) continue;
    const layer = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
    layers.set(layer, Math.hypot(layers.get(layer) ?? 0, v));
  }
  return layers;
}

function gradientFindings(
  input: FindingInput,
  lineOf: (path: string | null) => number | null,
  diverged: boolean,
): Finding[] {
  const layers = layerGradNorms(input.gradNorms);
  const largest = Math.max(0, ...[...layers.values()].filter(Number.isFinite));
  // Vanishing is a layer far below the others (a product of small slopes on the way back): a lone layer at
  // a minimum has a tiny gradient too, and that is a plateau or a solution, not a vanishing gradient.
  const several = layers.size > 1;
  const out: Finding[] = [];
  const steps = input.gradNorms.steps;
  const step = steps.length ? steps[steps.length - 1] : null;
  for (const [layer, norm] of layers) {
    // Exactly 0 is a dead ReLU's (or an unused layer's) doing, not a vanishing product of small slopes.
    // A diverging run's layers differ by orders of magnitude on the way to inf: the divergence is the finding.
    if (!diverged && several && norm > 0 && norm < VANISHING_RATIO * largest)
      out.push({ kind: 'vanishing', line: lineOf(layer), step, subject: layer, values: [norm] });
    else if (!diverged && (norm > EXPLODING_NORM || norm === Infinity))
      out.push({ kind: 'exploding', line: lineOf(layer), step, subject: layer, values: [norm] });
  }
  return out;
}

/** The loss has not moved for PLATEAU_WINDOW steps while far from solved. `step`: where the flat part starts. */
function plateauOf(losses: ArrayLike<number>): Omit<Finding, 'line'> | null {
  const n = losses.length;
  if (n < PLATEAU_WINDOW + 1) return null;
  const first = losses[0];
  const last = losses[n - 1];
  if (!Number.isFinite(first) || !Number.isFinite(last) || !(last > PLATEAU_UNSOLVED * Math.abs(first))) return null;
  const flat = (i: number) => Math.abs(losses[i] - last) <= PLATEAU_FLAT * Math.abs(last);
  let start = n - 1;
  while (start > 0 && flat(start - 1)) start--;
  if (n - start < PLATEAU_WINDOW) return null;
  return { kind: 'plateau', step: start, subject: null, values: [last] };
}

/** Numbers as the findings print them: 3 significant digits, exponent form for tiny and huge ones. */
function num(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(1) : String(Number(v.toPrecision(3)));
}

/** The finding in words: what is wrong and what to try (`s`: the view strings, translated). */
export function findingText(f: Finding, s: Strings): string {
  const subject = f.label ?? f.subject ?? '';
  switch (f.kind) {
    case 'noZeroGrad':
      return fmt(s.findNoZeroGrad, f.step ?? 0);
    case 'diverged':
      return f.values[0] >= 0 ? fmt(s.findDivergedNaN, f.step ?? 0, f.values[0]) : fmt(s.findDiverged, f.step ?? 0);
    case 'deadRelu':
      return fmt(s.findDeadRelu, subject, f.values[0], f.values[1]);
    case 'vanishing':
      return fmt(s.findVanishing, subject, num(f.values[0]));
    case 'exploding':
      return fmt(s.findExploding, subject, num(f.values[0]));
    case 'plateau':
      return fmt(s.findPlateau, f.step ?? 0, num(f.values[0]));
    case 'rising':
      return f.values[0] === 1 ? s.hintRisingOne : fmt(s.hintRising, f.values[0]);
    case 'oscillating':
      return s.hintOscillating;
    case 'slow':
      return s.hintSlow;
  }
}

/** 1-based line of the first optimizer construction in the source (`torch.optim.SGD(`, `optim.Adam(`), or null. */
export function optimizerLine(source: string): number | null {
  const lines = source.split(/\r?\n/);
  const i = lines.findIndex((l) => /^[^#]*\boptim\.[A-Z]\w*\s*\(/.test(l));
  return i >= 0 ? i + 1 : null;
}

/** The findings of a run as the views hold it; `source` (the file's text) places the learning-rate ones. */
export function findingsOfRun(run: RunState, source: string | null): Finding[] {
  // A file that trains several models in turn (learning_rates.py) is judged by its latest series alone: the
  // jump from one model's final loss to the next one's first is no divergence.
  const from = run.series.at(-1)?.firstStep ?? 0;
  const findings = findFindings({
    losses: run.lossView().subarray(from),
    modules: run.modules,
    gradNorms: gradNormsFrom(run.gradNormViews(), from),
    activationInputs: run.concepts.activationInputs?.items ?? null,
    warnings: run.codedWarnings,
    optimizerLine: source === null ? null : optimizerLine(source),
  });
  // Divergence steps were counted within the series: back to the run's step numbers.
  for (const f of findings) {
    if (f.kind !== 'diverged' || from === 0) continue;
    if (f.step !== null) f.step += from;
    if (f.values[0] >= 0) f.values[0] += from;
  }
  return findings;
}

/** The recorded gradient norms of steps `from` on. */
function gradNormsFrom(all: FindingInput['gradNorms'], from: number): FindingInput['gradNorms'] {
  let first = 0;
  while (first < all.steps.length && all.steps[first] < from) first++;
  if (first === 0) return all;
  const norms: Record<string, ArrayLike<number>> = {};
  for (const [name, values] of Object.entries(all.norms)) norms[name] = Array.from(values).slice(first);
  return { steps: Array.from(all.steps).slice(first), norms };
}
