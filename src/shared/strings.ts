// The English text of every string the webviews show, by key. The host translates each with vscode.l10n.t
// (the English text is the key in l10n/bundle.l10n.*.json) and sends the result with every snapshot; the
// webviews fall back to these only until the first snapshot arrives. `{0}`, `{1}` are filled in by `fmt`.
// Shared code (src/shared): the host (src/extension/viewStrings.ts) and the webviews both import it.

export const VIEW_STRINGS = {
  train: 'Train',
  step: 'Step',
  backprop: 'Backprop',
  continue: 'Continue',
  stop: 'Stop',
  trainLabel: 'Train the whole file',
  stepLabel: 'Run until the next optimizer step and pause',
  backpropLabel: 'Run until the next backward pass and pause',
  continueLabel: 'Continue training',
  stopLabel: 'Stop the run',
  noRun: 'No run yet. Click Train above a model or a training loop.',
  noFile: 'Open a Python file that imports torch.',
  restored: 'This run is shown as it was before the window reloaded. Train again to continue.',
  idle: 'Idle',
  starting: 'Starting…',
  running: 'Running at {0} steps/s',
  runningOne: 'Running at {0} step/s',
  runningNow: 'Running',
  paused: 'Paused after {0} in step {1}',
  finished: 'Finished: {0} steps',
  finishedOne: 'Finished: {0} step',
  stopped: 'Stopped after {0} steps',
  stoppedOne: 'Stopped after {0} step',
  failed: 'Failed: {0}',
  runState: 'Run state',
  runActions: 'Run actions',
  restoredShort: 'Shown as before the window reloaded.',
  phases: 'Phases of a training step',
  forward: 'Forward',
  loss: 'Loss',
  backward: 'Backward',
  update: 'Update',
  lossChart: 'Loss per step',
  logScale: 'Log scale',
  smoothing: 'Smoothing',
  lrChart: 'Learning rate per step',
  lrGroup: 'lr (group {0})',
  gradChart: 'Gradient norm per parameter',
  histograms: 'Weight histograms',
  heatmap: 'Values and gradients',
  heatmapKeys: 'Arrow keys move over the cells and read each value out.',
  parameter: 'Parameter',
  values: 'Values',
  gradients: 'Gradients',
  noGrad: 'No gradient yet',
  pausedTable: 'Paused step: each parameter before and after the update',
  element: 'Element',
  before: 'Before update',
  gradient: 'Gradient',
  lrTimesGrad: 'lr × grad',
  after: 'After update',
  truncated: 'Showing the first {0} of {1} values.',
  output: 'Output',
  noOutput: 'Nothing printed yet.',
  errorAt: '{0} at line {1}',
  model: 'Model',
  noModel: 'No model yet: it appears when the file calls its model.',
  shape: 'Shape',
  count: 'Count',
  mean: 'Mean',
  std: 'Std',
  gradNorm: 'Grad norm',
  updateRatio: 'Update/weight',
  openHeatmap: 'Open the heatmap of {0}',
  parameters: '{0} parameters',
  parametersOne: '{0} parameter',
  stepValue: 'Step {0}',
  lossValue: 'Loss {0}',
  activations: 'Activations: each module’s output at the latest step',
  activationsHelp:
    'A ReLU output of exactly 0 passes no gradient back (a dead unit); a Sigmoid or Tanh output near its limits passes almost none (saturated).',
  deadFraction: 'Dead (zero): {0}',
  saturatedFraction: 'Saturated: {0}',
  wholeModel: 'whole model',
  hintRising: 'Loss has risen for {0} steps in a row: the learning rate may be too large.',
  hintRisingOne: 'Loss has risen in the last step: the learning rate may be too large.',
  hintOscillating:
    'Loss is oscillating: the learning rate may be too large. Try a smaller one, or start large and decay it.',
  hintSlow: 'Loss is falling very slowly: the learning rate may be too small.',
  // Concept views (media/panel/views/: boundary, fit, landscape, network, graph, activation explorer).
  conceptData: 'Model called with {0}; the loss compares its output with {1}.',
  conceptNoData: 'The loss is a function of the parameters alone (no data).',
  unnamedTensor: 'an unnamed tensor',
  boundary: 'Decision boundary',
  boundaryHelp:
    'The class the model predicts over its two inputs, shaded by its confidence, with the training points in their label’s colour.',
  classValue: 'class {0}',
  accuracyValue: '{0} of the points classified correctly',
  misclassified: 'misclassified',
  confidence: 'confidence',
  boundarySummary: 'Decision boundary at step {0}: {1}.',
  fit: 'Fitted curve',
  fitHelp:
    'The model’s output over its one input, drawn through the training points; the gaps between them are the errors the loss measures.',
  trainingData: 'training data',
  modelCurve: 'model',
  errors: 'errors',
  fitSummary: 'Fitted curve at step {0} through {1} points; the model’s output goes from {2} to {3}.',
  landscape: 'Loss landscape',
  landscapeHelpExact:
    'The loss for every value of the parameters, and the steps gradient descent took downhill from the start.',
  landscapeHelpSlice:
    'The loss on a plane through the current weights along two random filter-normalised directions (Li et al. 2018), with the path projected onto it.',
  directionValue: 'direction {0}',
  pathNow: 'this run',
  pathEarlier: 'earlier run',
  pathStart: 'start',
  pathEnd: 'now',
  lowLoss: 'low',
  highLoss: 'high',
  landscapeSummary: 'Loss landscape at step {0}: the path goes from {1} (loss {2}) to {3} (loss {4}).',
  landscapeEarlier: '{0} earlier runs of the same loss end at {1}.',
  network: 'Network',
  networkHelp:
    'Layers as columns of neurons. Edges: colour for the weight’s sign, thickness for its size; neurons shaded by their average activation on the batch.',
  perceptronHelp:
    'One neuron, the perceptron: each input times its weight, summed with the bias, then passed through the activation.',
  inputLayer: 'input',
  outputLayer: 'output',
  positiveWeight: 'positive weight',
  negativeWeight: 'negative weight',
  activationShade: 'activation',
  weightedSum: 'sum + bias',
  firstSample: 'first sample of {0}',
  moreNeurons: '+{0} more',
  networkSummary: 'Network: {0}.',
  graph: 'Autograd graph',
  graphHelp:
    'How the loss was computed, from the parameters at the top to the loss at the bottom, named as PyTorch records it; backward() walks it from the bottom up.',
  graphValue: 'value {0}',
  graphGrad: 'grad {0}',
  graphRepeat: '{0} more times',
  graphHidden: '{0} nodes folded or left out.',
  graphSummary: 'Autograd graph at step {0}: {1} nodes, from the parameters to {2}.',
  graphNodeParam: 'parameter',
  graphNodeData: 'data',
  graphInputs: 'inputs: {0}',
  explorer: 'Activation functions',
  explorerHelp:
    'Each activation’s curve and slope, with the inputs it received this step underneath: where the slope is flat, almost no gradient passes back.',
  slope: 'slope',
  inputsReceived: 'inputs',
  flatShare: '{0} of the inputs where the slope is flat',
  deadUnits: '{0} of {1} units dead for the whole batch',
  explorerSummary: '{0}: inputs from {1} to {2}; {3}.',
} as const;

export type StringKey = keyof typeof VIEW_STRINGS;
export type Strings = Record<StringKey, string>;

/**
 * Picks the singular or plural form of a count string: `keys[0]` when `n` is exactly 1 (English "1 step"),
 * else `keys[1]` ("0 steps", "2 steps"), and fills `{0}` with `shown` (the count as displayed, e.g. with
 * digit grouping) or `n`. Languages without plural forms (Korean) translate both keys the same way.
 */
export function plural(
  s: Strings,
  keys: readonly [StringKey, StringKey],
  n: number,
  shown: string | number = n,
  ...more: (string | number)[]
): string {
  return fmt(s[n === 1 ? keys[0] : keys[1]], shown, ...more);
}

/** Replaces `{0}`, `{1}`, ... with the arguments. */
export function fmt(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
