// RunEvents of a small XOR training written out in plain TypeScript (2-4-1 MLP, tanh, sigmoid, MSE, SGD),
// for rendering the webviews when no recorded run is at hand. The numbers are real training numbers of
// this little network, not made up; they are not PyTorch's and nothing compares them to PyTorch.
import type { ModuleInfo, ParamSnapshot, RunEvent } from '../../src/protocol';

export function syntheticXorRun(totalSteps = 2000, runId = 1): RunEvent[] {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const W1 = Float32Array.from({ length: 8 }, () => rand() * 0.7);
  const b1 = Float32Array.from({ length: 4 }, () => rand() * 0.7);
  const W2 = Float32Array.from({ length: 4 }, () => rand() * 0.5);
  const b2 = Float32Array.from({ length: 1 }, () => rand() * 0.5);
  const X = [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ];
  const Y = [0, 1, 1, 0];
  const lr = 0.5;
  const names = ['0.weight', '0.bias', '2.weight', '2.bias'];
  const shapes = [[4, 2], [4], [1, 4], [1]];
  const values = [W1, b1, W2, b2];
  const modules: ModuleInfo[] = [
    { path: '', type: 'Sequential', extra: '', params: [], children: ['0', '1', '2', '3'] },
    {
      path: '0',
      type: 'Linear',
      extra: 'in_features=2, out_features=4, bias=True',
      params: [
        { name: '0.weight', shape: [4, 2], numel: 8 },
        { name: '0.bias', shape: [4], numel: 4 },
      ],
      children: [],
    },
    { path: '1', type: 'Tanh', extra: '', params: [], children: [] },
    {
      path: '2',
      type: 'Linear',
      extra: 'in_features=4, out_features=1, bias=True',
      params: [
        { name: '2.weight', shape: [1, 4], numel: 4 },
        { name: '2.bias', shape: [1], numel: 1 },
      ],
      children: [],
    },
    { path: '3', type: 'Sigmoid', extra: '', params: [], children: [] },
  ];
  const events: RunEvent[] = [
    { type: 'started', runId, file: 'examples/xor.py', mode: 'train' },
    { type: 'model', runId, modules },
  ];
  const snap = (grads: Float32Array[]): ParamSnapshot[] =>
    values.map((v, i) => ({ name: names[i], shape: shapes[i], value: v.slice(), grad: grads[i].slice() }));
  let batch: number[] = [];
  let first = 0;
  let grads: Float32Array[] = [];
  for (let step = 0; step < totalSteps; step++) {
    const gW1 = new Float32Array(8),
      gb1 = new Float32Array(4),
      gW2 = new Float32Array(4),
      gb2 = new Float32Array(1);
    let loss = 0;
    for (let n = 0; n < 4; n++) {
      const h = [0, 1, 2, 3].map((j) => Math.tanh(W1[j * 2] * X[n][0] + W1[j * 2 + 1] * X[n][1] + b1[j]));
      const z = h.reduce((a, hj, j) => a + hj * W2[j], b2[0]);
      const out = 1 / (1 + Math.exp(-z));
      loss += (out - Y[n]) ** 2 / 4;
      const dz = ((2 * (out - Y[n])) / 4) * out * (1 - out);
      gb2[0] += dz;
      for (let j = 0; j < 4; j++) {
        gW2[j] += dz * h[j];
        const dh = dz * W2[j] * (1 - h[j] * h[j]);
        gb1[j] += dh;
        gW1[j * 2] += dh * X[n][0];
        gW1[j * 2 + 1] += dh * X[n][1];
      }
    }
    grads = [gW1, gb1, gW2, gb2];
    values.forEach((v, i) => v.forEach((_, k) => (v[k] -= lr * grads[i][k])));
    batch.push(loss);
    if (batch.length === 100 || step === totalSteps - 1) {
      events.push({
        type: 'steps',
        runId,
        firstStep: first,
        losses: Float32Array.from(batch),
        lrs: [new Float32Array(batch.length).fill(lr)],
      });
      events.push({ type: 'params', runId, step, phase: 'update', params: snap(grads) });
      first = step + 1;
      batch = [];
    }
    if (step % 500 === 0)
      events.push({ type: 'output', runId, stream: 'stdout', text: `epoch ${step}: loss ${loss.toFixed(6)}\n` });
  }
  events.push({ type: 'finished', runId, status: 'finished', wallMs: 900, steps: totalSteps });
  return events;
}
