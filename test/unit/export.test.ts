// Exports of a run: the metrics CSV (every step's loss and lr, as the run recorded them), the state_dict as a
// .pt file that real PyTorch 1.13 (Debian's /usr/bin/python3) loads with torch.load, torch.save in a learner's
// file (the same writer, torch/serialization.py), and the charts as SVG.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { svgLineChart } from '../../media/common/svgChart';
import { stateDictProblem, stateDictScript } from '../../src/python/stateDictScript';
import { metricsCsv } from '../../src/shared/metricsCsv';
import { RunState } from '../../src/shared/runState';
import { runThroughCli } from './extension-cliRun';
import { runCollecting, warmRunner } from './runtime-helpers';

const shared = warmRunner();
const PYTHON = '/usr/bin/python3';

function fold(file: string): { state: RunState; printed: string } {
  const run = runThroughCli(file);
  const started = run.events.find((e) => e.type === 'started');
  assert.ok(started?.type === 'started');
  const state = new RunState(started.runId, started.file, 'train');
  run.events.forEach((e, i) => state.apply(e, i));
  return { state, printed: run.printed };
}

/** Runs Python code with real PyTorch and returns what it printed as JSON. */
function torchJson(code: string): any {
  return JSON.parse(execFileSync(PYTHON, ['-c', code], { encoding: 'utf8' }));
}

test('metrics CSV: a header, one row per step with the loss and the lr exactly as recorded', () => {
  const { state } = fold('examples/learning_rates.py');
  const csv = metricsCsv(state);
  const [header, ...rows] = csv.trimEnd().split('\n');
  const columns = header.split(',');
  assert.deepEqual(columns.slice(0, 3), ['step', 'loss', 'lr_group0']);
  assert.ok(columns.slice(3).every((c) => c.startsWith('grad_norm ')));
  assert.equal(rows.length, state.steps);
  const losses = state.lossView();
  const lrs = state.lrViews()[0];
  rows.forEach((row, i) => {
    const cells = row.split(',');
    assert.equal(cells.length, columns.length);
    assert.equal(Number(cells[0]), i);
    assert.equal(Math.fround(Number(cells[1])), losses[i]);
    assert.equal(Math.fround(Number(cells[2])), lrs[i]);
  });
  // The three rates of the file, in order.
  assert.deepEqual(
    [...new Set(rows.map((r) => r.split(',')[2]))].map(Number).map(Math.fround),
    [0.02, 0.5, 1.1].map(Math.fround),
  );
});

test('state_dict export: the run’s final parameters as a .pt file torch.load reads bit for bit', async () => {
  const { state } = fold('examples/xor.py');
  assert.equal(stateDictProblem(state.params), null);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-pt-'));
  const out = path.join(dir, 'xor.pt');
  const source = stateDictScript(state.params, out);
  // On disk, as the export command writes it: the runtime mounts the script's folder, where it saves.
  const script = path.join(dir, 'export.py');
  fs.writeFileSync(script, source);
  const events = await runCollecting(shared.runner, { file: script, source, quiet: true });
  const finished = events.at(-1);
  assert.ok(finished?.type === 'finished' && finished.status === 'finished');
  const loaded = torchJson(
    `import torch, json, struct\nsd = torch.load(${JSON.stringify(out)})\n` +
      `print(json.dumps({k: {'shape': list(v.shape), 'dtype': str(v.dtype), 'bits': [struct.unpack('<I', struct.pack('<f', x))[0] for x in v.flatten().tolist()]} for k, v in sd.items()}))`,
  );
  assert.deepEqual(
    Object.keys(loaded),
    state.params.map((p) => p.name),
  );
  for (const p of state.params) {
    assert.deepEqual(loaded[p.name].shape, p.shape);
    assert.equal(loaded[p.name].dtype, 'torch.float32');
    assert.deepEqual(loaded[p.name].bits, Array.from(new Uint32Array(p.value.slice().buffer)));
  }
});

test('torch.save in a learner’s file: real PyTorch loads the state_dict into the same model, and other objects', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-save-'));
  const model = path.join(dir, 'model.pt');
  const misc = path.join(dir, 'misc.pt');
  const source = `
import torch
import torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
torch.save(model.state_dict(), ${JSON.stringify(model)})
with open(${JSON.stringify(misc)}, 'wb') as f:
    torch.save({'step': 7, 'ids': torch.tensor([3, 1, 2]), 'mask': torch.tensor([True, False]),
                'p': nn.Parameter(torch.ones(2)), 'list': [1.5, 'a', (2, 3)]}, f)
print(model(torch.tensor([[1.0, -2.0]])).item())
`;
  const file = path.join(dir, 'save.py');
  fs.writeFileSync(file, source);
  const events = await runCollecting(shared.runner, { file, source });
  const printed = events
    .filter((e) => e.type === 'output')
    .map((e) => (e as { text: string }).text)
    .join('');
  const result = torchJson(`
import torch, json
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.ReLU(), torch.nn.Linear(3, 1))
model.load_state_dict(torch.load(${JSON.stringify(model)}))
misc = torch.load(${JSON.stringify(misc)})
print(json.dumps({'out': model(torch.tensor([[1.0, -2.0]])).item(), 'step': misc['step'], 'ids': misc['ids'].tolist(),
  'ids_dtype': str(misc['ids'].dtype), 'mask': misc['mask'].tolist(), 'p': type(misc['p']).__name__,
  'p_grad': misc['p'].requires_grad, 'list': misc['list']}))
`);
  assert.equal(result.out, Number(printed.trim()));
  assert.deepEqual(
    { ...result, out: undefined },
    {
      out: undefined,
      step: 7,
      ids: [3, 1, 2],
      ids_dtype: 'torch.int64',
      mask: [true, false],
      p: 'Parameter',
      p_grad: true,
      list: [1.5, 'a', [2, 3]],
    },
  );
});

test('a loss chart as SVG: one path per series, a diverging one clipped to the y range, text escaped', () => {
  const svg = svgLineChart(
    [
      {
        label: 'lr 0.1 (×1)',
        color: '#3794ff',
        points: [
          [0, 1],
          [1, 0.5],
          [2, 0.25],
        ],
      },
      {
        label: 'lr 1 <×10>',
        color: '#f14c4c',
        points: [
          [0, 1],
          [1, 100],
          [2, NaN],
        ],
      },
    ],
    { title: 'Loss', xTitle: 'Step', yTitle: 'Loss', logY: true, yRange: [0.2, 10], width: 400, height: 300 },
  );
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.equal([...svg.matchAll(/<path /g)].length, 2);
  assert.match(svg, /lr 1 &lt;×10&gt;/);
  const ys = [...svg.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
  assert.ok(Math.min(...ys) >= 32, 'nothing above the plot area');
});
