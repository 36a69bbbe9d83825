// The three benchmark workloads, described once so every framework runs exactly the same thing:
// layer sizes, hidden activation, output/loss, batch, optimizer, and one fixed batch of inputs and targets
// (data loading is not what we measure). bench/torch_bench.py mirrors these definitions.

export interface WorkloadSpec {
  id: 'W1' | 'W2' | 'W3';
  title: string;
  sizes: number[];
  activation: 'tanh' | 'relu';
  /** 'bce': sigmoid output + BCELoss on 0/1 targets; 'ce': logits + CrossEntropyLoss on class indices. */
  loss: 'bce' | 'ce';
  batch: number;
  optimizer: { kind: 'sgd' | 'adam'; lr: number; momentum?: number };
  inputs: Float32Array;
  targets: Float32Array;
}

/** Small deterministic generator (the data only has to be the same across frameworks, not random-looking). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function make(
  id: WorkloadSpec['id'],
  title: string,
  rest: Omit<WorkloadSpec, 'id' | 'title' | 'inputs' | 'targets'>,
): WorkloadSpec {
  const rnd = lcg(id.charCodeAt(1));
  const inF = rest.sizes[0];
  const outF = rest.sizes[rest.sizes.length - 1];
  const inputs = new Float32Array(rest.batch * inF);
  for (let i = 0; i < inputs.length; i++) inputs[i] = inF === 2 ? rnd() * 2 - 1 : rnd();
  const targets = new Float32Array(rest.batch);
  for (let r = 0; r < rest.batch; r++) {
    // XOR-like quadrant labels for the 2-D toy problems; random classes for the MNIST-sized one.
    const quadrant = inputs[r * inF] * inputs[r * inF + 1] > 0 ? 1 : 0;
    targets[r] = inF === 2 ? quadrant : Math.floor(rnd() * (rest.loss === 'bce' ? 2 : outF));
  }
  return { id, title, ...rest, inputs, targets };
}

export const WORKLOADS: WorkloadSpec[] = [
  make('W1', 'tiny 2-8-8-1 tanh, BCE, batch 32, SGD', {
    sizes: [2, 8, 8, 1],
    activation: 'tanh',
    loss: 'bce',
    batch: 32,
    optimizer: { kind: 'sgd', lr: 0.1 },
  }),
  make('W2', 'playground 2-16-16-16-2 relu, CE, batch 64, SGD momentum', {
    sizes: [2, 16, 16, 16, 2],
    activation: 'relu',
    loss: 'ce',
    batch: 64,
    optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.9 },
  }),
  make('W3', 'mnist-size 784-256-128-10 relu, CE, batch 128, Adam', {
    sizes: [784, 256, 128, 10],
    activation: 'relu',
    loss: 'ce',
    batch: 128,
    optimizer: { kind: 'adam', lr: 1e-3 },
  }),
];
