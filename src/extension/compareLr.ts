// "Compare learning rates": runs the file several times at once, each in a runtime process of its own, with
// every optimizer's learning rate multiplied by one factor (x0.1, x1, x10 by default; RunRequest.lrScale,
// applied by torch/optim/optimizer.py at construction, so the file is not edited), and sends the panel the
// loss curves (and landscape paths) to overlay as they come in. "Too large oscillates, too small is slow" in
// one click. A new comparison of the same file stops the one before it.
import * as vscode from 'vscode';
import type { HostToView, LandscapeEvent, LrComparison } from '../protocol';
import type { RunOptions } from '../python/runner';
import { emptyComparedRun, foldComparedRun } from '../shared/lrComparison';
import type { RunnerLike } from './runController';
import { readSettings } from './settings';

/** Most comparison messages a second while the runs go. */
const POSTS_PER_SECOND = 8;

interface Comparison {
  data: LrComparison;
  runners: RunnerLike[];
  timer: NodeJS.Timeout | undefined;
  done: Promise<void>;
}

export class LrComparer implements vscode.Disposable {
  private readonly comparisons = new Map<string, Comparison>();

  constructor(
    private readonly makeRunner: () => RunnerLike,
    /** Sends a message to the file's panel (when it is open and ready). */
    private readonly post: (key: string, message: HostToView) => void,
  ) {}

  /** The latest comparison of a file (for a panel shown again). */
  latest(key: string): LrComparison | null {
    return this.comparisons.get(key)?.data ?? null;
  }

  /** Runs `document` once per factor, all at once; resolves when every run has ended. */
  async compare(document: vscode.TextDocument, factors: number[]): Promise<LrComparison> {
    const key = document.uri.toString();
    await this.stop(key);
    const file = document.uri.scheme === 'file' ? document.fileName : document.uri.path;
    const data: LrComparison = { file, runs: factors.map(emptyComparedRun), landscape: null };
    const settings = readSettings();
    const runners = factors.map(() => this.makeRunner());
    const comparison: Comparison = { data, runners, timer: undefined, done: Promise.resolve() };
    this.comparisons.set(key, comparison);
    const schedule = () => {
      comparison.timer ??= setTimeout(() => {
        comparison.timer = undefined;
        this.send(key, comparison);
      }, 1000 / POSTS_PER_SECOND);
    };
    // The x1 run (or the one nearest to it) draws the landscape every path is shown on.
    const reference = nearestToOne(factors);
    const runs = factors.map((factor, i) => {
      const record = data.runs[i];
      runners[i].on('event', (e) => {
        if (e.type === 'landscape' && i === reference) data.landscape = e as LandscapeEvent;
        if (foldComparedRun(record, e)) schedule();
      });
      const options: RunOptions = {
        file,
        source: document.getText(),
        mode: 'train',
        seed: settings.seed,
        updatesPerSecond: settings.updatesPerSecond,
        lrScale: factor,
      };
      return runners[i].run(options).catch((err: unknown) => {
        record.status = 'failed';
        void vscode.window.showWarningMessage(String(err instanceof Error ? err.message : err));
      });
    });
    comparison.done = Promise.all(runs).then(async () => {
      if (comparison.timer) clearTimeout(comparison.timer);
      comparison.timer = undefined;
      this.send(key, comparison);
      await Promise.all(runners.map((r) => r.dispose()));
    });
    this.send(key, comparison);
    await comparison.done;
    return data;
  }

  /** Stops a comparison of the file that is still running. */
  async stop(key: string): Promise<void> {
    const old = this.comparisons.get(key);
    if (!old) return;
    old.runners.forEach((r) => r.stop());
    await old.done.catch(() => undefined);
  }

  private send(key: string, comparison: Comparison): void {
    if (this.comparisons.get(key) !== comparison) return;
    this.post(key, { type: 'comparison', comparison: comparison.data });
  }

  dispose(): void {
    for (const c of this.comparisons.values()) {
      if (c.timer) clearTimeout(c.timer);
      c.runners.forEach((r) => void r.dispose());
    }
    this.comparisons.clear();
  }
}

function nearestToOne(factors: number[]): number {
  let best = 0;
  factors.forEach((f, i) => {
    if (Math.abs(Math.log(f)) < Math.abs(Math.log(factors[best]))) best = i;
  });
  return best;
}
