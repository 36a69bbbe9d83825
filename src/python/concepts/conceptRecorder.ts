// The concept views' side of the worker: at every training step (a backward of a scalar loss) it adds the
// parameters to the landscape's path, and now and then reads the step's autograd graph into the events the
// panel's concept views draw: the model's predictions (decision boundary or fitted curve), the loss
// landscape, the autograd graph, the inputs of each activation function and the batch the model saw.
// Each kind of event is sent at most `updatesPerSecond` times a second, and less often when computing it
// takes long: a kind may use only its share of the run's time (SHARE), so training keeps its pace. Pauses
// and the end of the run get every view at once. Nothing here may break the learner's run: an internal
// error switches the concept views off for the rest of it.
import fs from 'node:fs';
import type { Tensor } from '../../engine/tensor';
import type { RunEvent, TensorRef } from '../../protocol';
import { activationInputs } from './activationInputs';
import { graphEvent } from './graphEvent';
import { collectGraph, firstTrainedLeaf, trainedLeaves, type LossGraph } from './graphWalk';
import { GRID_BUDGET_MS, LandscapeTracker } from './landscape';
import { ModelEvaluator, modelData, PointReservoir, type ModelData } from './modelData';
import { boundaryPrediction, fitPrediction, pointLabels, predictionKind, type PredictionContext } from './prediction';
import { Program } from './replay';

export interface ConceptHost {
  runId: number;
  updatesPerSecond: number;
  send(e: RunEvent): void;
  /** The user's variable names for these tensors (null where none holds one). */
  nameTensors(tensors: Tensor[]): (string | null)[];
  /** The shown model's parameters with their names (empty for a script without a model). */
  modelParams(): readonly { name: string; tensor: Tensor }[];
  /** The latest output of each module and functional activation, by path (as the activations event names them). */
  moduleOutputs(): ReadonlyMap<string, Tensor>;
}

type Kind = 'prediction' | 'landscape' | 'graph' | 'activationInputs' | 'batch';
const KINDS: Kind[] = ['prediction', 'landscape', 'graph', 'activationInputs', 'batch'];
/** Most of the run's time each kind may take (its computing time over the time between two of them). */
const SHARE: Record<Kind, number> = {
  prediction: 0.03,
  landscape: 0.03,
  graph: 0.015,
  activationInputs: 0.01,
  batch: 0.005,
};
/** A new model or run gets its views at once, but not more often than this (a script making a model per step). */
const FRESH_GAP_MS = 25;
/** Every this many steps the whole graph is walked for its parameters, even when the first is the same. */
const RECHECK_STEPS = 64;
/** Kinds due within this share of their interval are computed with one that is due (one graph read for both). */
const DUE_SOON = 0.6;
/** The batch of every this many steps joins the points drawn under the model. */
const GATHER_STEPS = 16;
/** Kinds cheap enough to compute at a run's first step. */
const CHEAP = new Set<Kind>(['graph', 'activationInputs', 'batch']);
/** A model with more trained numbers than this gets its graph (a replayed forward and backward pass) only once warm too. */
const BIG_MODEL = 20_000;
/** Predictions and the landscape wait this long into a run (see step()). */
const WARMUP_MS = 1000;
/** First rows of the batch sent. */
const BATCH_ROWS = 8;

/** What one step's graph gives every view. */
interface Compiled {
  graph: LossGraph;
  program: Program | null;
  data: ModelData | null;
  evaluator: ModelEvaluator | null;
  names: Map<Tensor, string>;
  refs: { input: TensorRef; target: TensorRef; output: TensorRef } | null;
  signature: string;
  dataKey: string;
  paths: Map<Tensor, string>;
}

const isData = (t: Tensor) => t.gradFn === null && !t.requiresGrad && t.data.length > 1;

export class ConceptRecorder {
  private readonly landscape = new LandscapeTracker();
  private readonly reservoir = new PointReservoir();
  private readonly last = new Map<Kind, { at: number; cost: number }>();
  private readonly variableNames = new WeakMap<Tensor, string | null>();
  private readonly ids = new WeakMap<Tensor, number>();
  private nextId = 1;
  private compiled: Compiled | null = null;
  private lastFresh = -Infinity;
  /** The current model is big (BIG_MODEL). */
  private big = false;
  /** The latest step's loss (its graph is read again at the end of the run when no computation read it). */
  private lastRoot: Tensor | null = null;
  /** Each op's candidate by graph signature (Program.choices), for reading a graph that can no longer be checked. */
  private readonly choices = new Map<string, number[]>();
  /** Kinds that gave nothing for the current model. */
  private readonly inapplicable = new Set<Kind>();
  /** When the first training step of the run came (performance.now()). */
  private startedAt = -1;
  /** The parameters the last step trained. */
  private params: Tensor[] = [];
  private predictions = 0;
  private broken = false;
  private readonly intervalMs: number;
  /** Milliseconds spent here: at every step, and computing each kind (BACKPROP_LENS_DEBUG prints them at the end). */
  private readonly spent = { compile: 0, ...Object.fromEntries(KINDS.map((k) => [k, 0])) } as Record<string, number>;
  /** No kind is due before this time (performance.now()). */
  private nextDue = -Infinity;

  constructor(private readonly host: ConceptHost) {
    this.intervalMs = host.updatesPerSecond > 0 ? 1000 / host.updatesPerSecond : Infinity;
  }

  /** A training step's loss, after its backward pass; `force` at a pause (every view now). */
  step(root: Tensor, step: number, force: boolean): void {
    if (this.broken) return;
    try {
      // The hot path (every training step): the whole walk only when the first parameter differs from the
      // last step's (another model or run), and now and then in case another part of the graph changed.
      const first = firstTrainedLeaf(root);
      if (!first) return;
      this.lastRoot = root;
      if (this.params.length === 0 || first !== this.params[0] || step % RECHECK_STEPS === 0)
        this.params = trainedLeaves(root);
      let fresh = this.landscape.observe(this.params, Number(root.data[0]), step);
      // Mini-batches: now and then the step's batch joins the points drawn under the model.
      if (step % GATHER_STEPS === 0 && this.compiled?.data && !this.inapplicable.has('prediction')) {
        const graph = collectGraph(root);
        const data = graph && modelData(graph);
        if (data) this.gatherPoints(data);
      }
      if (fresh) {
        // Which loss the new parameters are trained on, for keeping an earlier run's path beside this one.
        const graph = collectGraph(root);
        if (graph) this.landscape.identify(this.params, this.signatureOf(graph));
      }
      const now = performance.now();
      if (!force && !fresh && now < this.nextDue) return;
      if (fresh && now - this.lastFresh < FRESH_GAP_MS) fresh = false;
      if (fresh) this.lastFresh = now;
      if (fresh) this.inapplicable.clear();
      if (this.startedAt < 0) this.startedAt = now;
      // A new model's graph, batch and activations at once; its predictions and landscape, which cost far
      // more the first time (the engine's code for their sizes is compiled then), only once training has
      // gone on for a while: a short run gets them at its end, when they no longer slow it down.
      const warm = now - this.startedAt >= WARMUP_MS;
      if (fresh) this.big = this.params.reduce((n, p) => n + p.data.length, 0) > BIG_MODEL;
      const cheap = (k: Kind) => CHEAP.has(k) && !(k === 'graph' && this.big);
      const may = (k: Kind) => !this.inapplicable.has(k) && (warm || cheap(k));
      let due = KINDS.filter((k) => force || (may(k) && (fresh || this.isDue(k, now, 1))));
      if (due.length > 0 && due.length < KINDS.length)
        due = KINDS.filter((k) => due.includes(k) || (may(k) && this.isDue(k, now, DUE_SOON)));
      if (due.length > 0) this.compute(root, step, due);
      this.nextDue = Math.min(
        ...KINDS.filter((k) => !this.inapplicable.has(k)).map((k) =>
          warm || cheap(k) ? this.dueAt(k) : this.startedAt + WARMUP_MS,
        ),
      );
    } catch (err) {
      this.fail(err);
    }
  }

  /** The parameters changed (a pause after an update, the end of the run): the predictions and landscape again, from the latest graph. */
  refresh(step: number): void {
    const c = this.compiled;
    if (this.broken || !c) return;
    try {
      this.sendPrediction(c, step);
      this.sendLandscape(c, step);
    } catch (err) {
      this.fail(err);
    }
  }

  /** The end of the run: every view again, with the final parameters (the latest graph replayed). */
  finish(steps: number): void {
    if (this.broken) return;
    try {
      // The last step's graph, when the last one read is older (a new model trained since, in a short run).
      if (this.lastRoot && this.compiled?.graph.root !== this.lastRoot)
        this.compiled = this.compile(this.lastRoot, true) ?? this.compiledFor(this.params);
      const c = this.compiled;
      if (!c) return;
      let current = (t: Tensor) => t;
      if (c.program) {
        const program = c.program;
        const values = program.run(new Map(), [program.tensors.length - 1]);
        current = (t) => {
          const slot = program.slot(t);
          return slot === undefined ? t : values[slot];
        };
      }
      for (const kind of KINDS) this.send(kind, c, steps, current, null);
    } catch (err) {
      this.fail(err);
    }
    this.lastRoot = null;
    if (process.env.BACKPROP_LENS_DEBUG) {
      const ms = Object.entries(this.spent).map(([k, v]) => `${k} ${v.toFixed(1)}`);
      fs.writeSync(2, `backprop-lens: concept views: ${ms.join(', ')} (ms)\n`);
    }
  }

  /** The latest read graph if it trains `params` (else its views would show another model). */
  private compiledFor(params: Tensor[]): Compiled | null {
    const c = this.compiled;
    return c && c.graph.params.length === params.length && params.every((p) => c.graph.params.includes(p)) ? c : null;
  }

  private fail(err: unknown): void {
    this.broken = true;
    if (process.env.BACKPROP_LENS_DEBUG)
      process.stderr.write(`backprop-lens: concept views off: ${err instanceof Error ? err.stack : String(err)}\n`);
  }

  /** When `kind` has waited `share` of its interval: 1/updatesPerSecond, longer when computing it takes long. */
  private dueAt(kind: Kind, share = 1): number {
    const last = this.last.get(kind);
    if (!last) return -Infinity;
    return last.at + share * Math.max(this.intervalMs, last.cost / SHARE[kind]);
  }

  private isDue(kind: Kind, now: number, share: number): boolean {
    return now >= this.dueAt(kind, share);
  }

  private compute(root: Tensor, step: number, due: Kind[]): void {
    const t0 = performance.now();
    const c = this.compile(root);
    if (!c) return;
    this.compiled = c;
    this.landscape.identify(this.params, c.signature);
    this.spent.compile += performance.now() - t0;
    const share = (performance.now() - t0) / due.length;
    for (const kind of due) {
      const start = performance.now();
      // A kind that does not apply to this model (no boundary for 784 inputs) is not tried again until another model.
      if (!this.send(kind, c, step)) this.inapplicable.add(kind);
      const end = performance.now();
      this.spent[kind] += end - start;
      const previous = this.last.get(kind);
      const cost = end - start + share;
      this.last.set(kind, { at: end, cost: previous ? (previous.cost + cost) / 2 : cost });
    }
  }

  /**
   * Computes and sends one kind of event; false when it does not apply to this model (nothing sent). The
   * landscape's grid fits in `budgetMs` (null at the end of the run: no limit).
   */
  private send(
    kind: Kind,
    c: Compiled,
    step: number,
    current: (t: Tensor) => Tensor = (t) => t,
    budgetMs: number | null = GRID_BUDGET_MS,
  ): boolean {
    const runId = this.host.runId;
    switch (kind) {
      case 'prediction':
        return this.sendPrediction(c, step);
      case 'landscape':
        return this.sendLandscape(c, step, budgetMs);
      case 'graph':
        this.host.send(graphEvent(c.graph, c.program, c.names, runId, step));
        return true;
      case 'activationInputs': {
        const items = activationInputs(c.graph, c.paths, current);
        if (items.length > 0) this.host.send({ type: 'activationInputs', runId, step, items });
        return items.length > 0;
      }
      case 'batch':
        return this.sendBatch(c, step, current);
    }
  }

  private sendBatch(c: Compiled, step: number, current: (t: Tensor) => Tensor): boolean {
    if (!c.data || !c.refs) return false;
    this.gatherPoints(c.data);
    const rows = (t: Tensor) =>
      Float32Array.from(
        t.data.subarray(0, Math.min(t.data.length, (t.data.length / Math.max(1, t.shape[0] ?? 1)) * BATCH_ROWS)),
      );
    const { input, target } = c.data;
    this.host.send({
      type: 'batch',
      runId: this.host.runId,
      step,
      input: { ...c.refs.input, rows: rows(input) },
      target: { ...c.refs.target, rows: rows(target) },
      output: { ...c.refs.output, rows: rows(current(c.data.prediction)) },
    });
    return true;
  }

  private sendPrediction(c: Compiled, step: number): boolean {
    if (!c.data || !c.evaluator || !c.refs) return false;
    const kind = this.gatherPoints(c.data);
    if (!kind) return false;
    const ctx: PredictionContext = {
      step,
      runId: this.host.runId,
      data: c.data,
      evaluator: c.evaluator,
      reservoir: this.reservoir,
      refs: c.refs,
      count: this.predictions++,
    };
    this.host.send(kind === 'boundary' ? boundaryPrediction(ctx) : fitPrediction(ctx));
    return true;
  }

  /** Adds the step's batch to the points drawn under the model (mini-batches add up); returns the prediction view's kind. */
  private gatherPoints(data: ModelData): 'boundary' | 'fit' | null {
    const kind = predictionKind(data);
    if (kind) this.reservoir.take(data.input, pointLabels(data, kind), data.features);
    return kind;
  }

  private sendLandscape(c: Compiled, step: number, budgetMs: number | null = GRID_BUDGET_MS): boolean {
    if (!c.program) return false;
    const names = c.graph.params.length ? this.orderedParams(c).map((p) => c.names.get(p) ?? null) : [];
    const event = this.landscape.compute(
      {
        program: c.program,
        names,
        input: c.refs?.input ?? null,
        target: c.refs?.target ?? null,
        signature: c.signature,
        dataKey: c.dataKey,
      },
      step,
      this.host.runId,
      budgetMs,
    );
    if (event) this.host.send(event);
    return event !== null;
  }

  /** The parameters in the landscape's order (the order the walk from the loss meets them). */
  private orderedParams(c: Compiled): Tensor[] {
    return trainedLeaves(c.graph.root);
  }

  /** The step's graph read for every view; `unchecked` for a graph whose parameters have changed since (see Program.compile). */
  private compile(root: Tensor, unchecked = false): Compiled | null {
    const graph = collectGraph(root);
    if (!graph) return null;
    const signature = this.signatureOf(graph);
    const structure = graph.order.map((t) => `${t.gradFn?.name ?? ''}${t.shape.join('x')}`).join(',');
    const known = this.choices.get(structure);
    if (unchecked && !known) return null;
    const compiled = Program.compile(graph, unchecked ? known : undefined);
    const program = typeof compiled === 'string' ? null : compiled;
    if (program && !unchecked) {
      if (this.choices.size > 16) this.choices.clear();
      this.choices.set(structure, program.choices);
    }
    const data = modelData(graph);
    let evaluator: ModelEvaluator | null = null;
    if (program && data && predictionKind(data)) {
      try {
        evaluator = new ModelEvaluator(program, data);
      } catch {
        evaluator = null;
      }
    }
    const names = this.nameAll(graph, data);
    const paths = new Map<Tensor, string>();
    for (const [path, t] of this.host.moduleOutputs()) paths.set(t, path);
    // A graph read again at the end of the run: the variables and module outputs have moved on since, so its
    // tensors take the names the same place had in the last graph read.
    const prev = this.compiled;
    if (unchecked && prev && prev.graph.order.length === graph.order.length) {
      graph.order.forEach((t, i) => {
        const was = prev.graph.order[i];
        if (!names.has(t) && prev.names.has(was)) names.set(t, prev.names.get(was)!);
        if (prev.paths.has(was)) paths.set(t, prev.paths.get(was)!);
      });
    }
    const ref = (t: Tensor): TensorRef => ({ name: names.get(t) ?? null, shape: t.shape.slice() });
    const refs = data ? { input: ref(data.input), target: ref(data.target), output: ref(data.prediction) } : null;
    const leaves = graph.order.filter(isData);
    const dataKey = leaves.map((t) => `${this.id(t)}.${t.version}`).join(',');
    return { graph, program, data, evaluator, names, refs, signature, dataKey, paths };
  }

  /** What identifies a loss: its graph's ops and parameter shapes, and its data tensors. */
  private signatureOf(graph: LossGraph): string {
    const ops = graph.order.map((t) => t.gradFn?.name ?? (t.requiresGrad ? `p${t.shape.join('x')}` : '')).join(',');
    return `${ops}|${graph.order
      .filter(isData)
      .map((t) => this.id(t))
      .join(',')}`;
  }

  /** Names of the parameters (the model's, else the user's variables) and of the data tensors. */
  private nameAll(graph: LossGraph, data: ModelData | null): Map<Tensor, string> {
    const names = new Map<Tensor, string>();
    for (const { name, tensor } of this.host.modelParams()) names.set(tensor, name);
    const ask = [
      ...graph.params.filter((p) => !names.has(p)),
      ...(data ? [data.input, data.target, data.prediction] : []),
    ].filter((t) => !this.variableNames.has(t));
    if (ask.length > 0) {
      const found = this.host.nameTensors(ask);
      ask.forEach((t, i) => this.variableNames.set(t, found[i] ?? null));
    }
    for (const t of [...graph.params, ...(data ? [data.input, data.target, data.prediction] : [])]) {
      const n = this.variableNames.get(t);
      if (n && !names.has(t)) names.set(t, n);
    }
    return names;
  }

  private id(t: Tensor): number {
    let id = this.ids.get(t);
    if (id === undefined) this.ids.set(t, (id = this.nextId++));
    return id;
  }
}
