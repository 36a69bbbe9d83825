// Part of src/protocol.ts (which re-exports everything here): the `scalars` event of values a file logged for
// TensorBoard with SummaryWriter (torch.utils.tensorboard), drawn by the panel as charts of their own.

/** One curve's new points: a chart per add_scalar tag or add_scalars main tag, a curve per run or dict key. */
export interface ScalarPoints {
  /** The chart: add_scalar's `tag` (`Loss/train`), add_scalars' `main_tag`. */
  chart: string;
  /** The curve: the writer's run (its log_dir's last folder) for add_scalar, the dict's key for add_scalars. */
  label: string;
  /** Each point's global_step (the point's index in its curve where none was given). */
  steps: Float32Array;
  values: Float32Array;
}

/** The points logged since the last `scalars` event (batched like `steps`: at most ~10 a second). */
export interface ScalarsEvent {
  type: 'scalars';
  runId: number;
  series: ScalarPoints[];
}
