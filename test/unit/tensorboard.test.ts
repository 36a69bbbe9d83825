// torch.utils.tensorboard's SummaryWriter in the runtime: the values a file logs reach the panel's event
// stream as `scalars` events (and a RunState's snapshot), and the event files it writes are TensorBoard's
// (TFRecord framing with masked CRC-32C, Event and Summary protobufs), decoded here by a reader written
// apart from the writer. Uses the built dist/: run `npm run build` first.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunEvent, ScalarsEvent } from '../../src/protocol';
import { RunState } from '../../src/shared/runState';
import { scalarCharts } from '../../src/shared/scalarState';
import { ofType, runCollecting, warmRunner } from './runtime-helpers';

const shared = warmRunner();
const folders: string[] = [];
after(() => folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Runs `source` as a file in a folder of its own (its cwd); returns the events and the folder. */
async function runInFolder(source: string): Promise<{ events: RunEvent[]; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-tb-'));
  folders.push(dir);
  const file = path.join(dir, 'train.py');
  fs.writeFileSync(file, source);
  const events = await runCollecting(shared.runner, { file, source });
  const errors = ofType(events, 'error');
  assert.deepEqual(errors, [], errors[0]?.traceback);
  return { events, dir };
}

const stdout = (events: RunEvent[]) =>
  events.flatMap((e) => (e.type === 'output' && e.stream === 'stdout' ? [e.text] : [])).join('');

// ---- an independent reader of TensorBoard's files ------------------------------------------------------

/** CRC-32C bit by bit (the writer uses a table). */
function crc32c(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const masked = (crc: number) => ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;

/** The records of a TFRecord file, each of whose two CRCs is checked. */
function records(file: string): Buffer[] {
  const buf = fs.readFileSync(file);
  const out: Buffer[] = [];
  let at = 0;
  while (at < buf.length) {
    const length = Number(buf.readBigUInt64LE(at));
    assert.equal(buf.readUInt32LE(at + 8), masked(crc32c(buf.subarray(at, at + 8))), `${file}: length CRC`);
    const data = buf.subarray(at + 12, at + 12 + length);
    assert.equal(buf.readUInt32LE(at + 12 + length), masked(crc32c(data)), `${file}: data CRC`);
    out.push(data);
    at += 16 + length;
  }
  assert.equal(at, buf.length, `${file}: a record cut short`);
  return out;
}

type Fields = Map<number, (bigint | Buffer)[]>;

/** A protobuf message's fields by number: varints as bigint, everything else as its bytes. */
function fields(buf: Buffer): Fields {
  const out: Fields = new Map();
  let at = 0;
  const varint = () => {
    let n = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const b = buf[at++];
      n |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return n;
    }
  };
  while (at < buf.length) {
    const key = Number(varint());
    const [field, wire] = [key >> 3, key & 7];
    let value: bigint | Buffer;
    if (wire === 0) value = varint();
    else if (wire === 1) value = buf.subarray(at, (at += 8));
    else if (wire === 5) value = buf.subarray(at, (at += 4));
    else if (wire === 2) {
      const n = Number(varint());
      value = buf.subarray(at, (at += n));
    } else throw new Error(`wire type ${wire}`);
    out.set(field, [...(out.get(field) ?? []), value]);
  }
  return out;
}

interface DecodedEvent {
  wallTime: number;
  step: number;
  fileVersion?: string;
  sessionStatus?: number;
  values: { tag: string; simple?: number; tensor?: { dtype: number; value: number }; plugin?: string }[];
}

function decodeEvent(data: Buffer): DecodedEvent {
  const f = fields(data);
  const one = (m: Fields, n: number) => m.get(n)?.[0];
  const event: DecodedEvent = {
    wallTime: (one(f, 1) as Buffer).readDoubleLE(0),
    step: Number((one(f, 2) as bigint | undefined) ?? 0n),
    values: [],
  };
  if (f.has(3)) event.fileVersion = (one(f, 3) as Buffer).toString('utf8');
  if (f.has(6)) event.sessionStatus = Number(one(fields(one(f, 6) as Buffer), 1));
  const summary = one(f, 5) as Buffer | undefined;
  for (const v of summary ? (fields(summary).get(1) as Buffer[]) : []) {
    const vf = fields(v);
    const value: DecodedEvent['values'][number] = { tag: (one(vf, 1) as Buffer).toString('utf8') };
    if (vf.has(2)) value.simple = (one(vf, 2) as Buffer).readFloatLE(0);
    if (vf.has(8)) {
      const t = fields(one(vf, 8) as Buffer);
      const dtype = Number(one(t, 1));
      value.tensor = {
        dtype,
        value: dtype === 2 ? (one(t, 6) as Buffer).readDoubleLE(0) : (one(t, 5) as Buffer).readFloatLE(0),
      };
    }
    if (vf.has(9)) {
      const plugin = fields(one(fields(one(vf, 9) as Buffer), 1) as Buffer);
      value.plugin = (one(plugin, 1) as Buffer).toString('utf8');
    }
    event.values.push(value);
  }
  return event;
}

/** The one event file of a folder, decoded. */
function eventsIn(dir: string): DecodedEvent[] {
  const files = fs.readdirSync(dir).filter((f) => f.startsWith('events.out.tfevents.'));
  assert.equal(files.length, 1, `${dir}: ${files}`);
  assert.match(files[0], new RegExp(`^events\\.out\\.tfevents\\.\\d{10}\\.${os.hostname()}\\.\\d+\\.\\d+$`));
  return records(path.join(dir, files[0])).map(decodeEvent);
}

const f32 = (x: number) => Math.fround(x);

// ---- tests -------------------------------------------------------------------------------------------

test('the CRC-32C of the reader gives the standard check value', () => {
  assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283);
});

test('add_scalar in a training loop: every value reaches the scalars events, beside the steps they were logged at', async () => {
  const { events } = await runInFolder(`
import torch
from torch import nn
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)
x = torch.randn(32, 3)
y = x.sum(1, keepdim=True)
model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.05)
writer = SummaryWriter('runs/linear')
for step in range(300):
    loss = nn.functional.mse_loss(model(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    writer.add_scalar('Loss/train', loss, step)
    if step % 100 == 99:
        writer.add_scalars('loss', {'train': loss.item(), 'half': loss.item() / 2}, step)
writer.add_scalar('no step', 3.0)
writer.add_scalar('no step', 4.0)
writer.close()
print('done')
`);
  assert.equal(stdout(events), 'done\n');
  const scalars = ofType(events, 'scalars');
  assert.ok(scalars.length >= 1);
  // The losses the runtime recorded for each step are the values logged at those steps.
  const losses = ofType(events, 'steps').flatMap((e) => Array.from(e.losses));
  assert.equal(losses.length, 300);
  const run = new RunState(scalars[0].runId, 'train.py', 'train');
  for (const e of events) run.apply(e, 0);
  const charts = scalarCharts(run.snapshot().scalars ?? []);
  assert.deepEqual(
    charts.map((c) => [c.chart, c.curves.map((k) => k.label)]),
    [
      ['Loss/train', ['linear']],
      ['loss', ['train', 'half']],
      ['no step', ['linear']],
    ],
  );
  const train = charts[0].curves[0];
  assert.deepEqual(Array.from(train.steps), [...Array(300).keys()]);
  assert.deepEqual(Array.from(train.values), losses);
  const [trainCurve, half] = charts[1].curves;
  assert.deepEqual(Array.from(trainCurve.steps), [99, 199, 299]);
  assert.deepEqual(Array.from(trainCurve.values), [losses[99], losses[199], losses[299]]);
  assert.deepEqual(
    Array.from(half.values),
    [losses[99], losses[199], losses[299]].map((v) => f32(v / 2)),
  );
  // Logged without global_step: drawn at each point's index.
  assert.deepEqual(Array.from(charts[2].curves[0].steps), [0, 1]);
  assert.deepEqual(Array.from(charts[2].curves[0].values), [3, 4]);
  // Batched: far fewer events than values.
  assert.ok(scalars.length < 50, `${scalars.length} scalars events`);
});

test('the event files are TensorBoard’s: framed records with masked CRC-32C holding Event protobufs', async () => {
  const { dir, events } = await runInFolder(`
import os
import torch
from torch.utils.tensorboard import SummaryWriter

w = SummaryWriter('runs/exp')
print(w.get_logdir(), type(w).__module__)
for step in range(12):  # more than max_queue: some records are written before close()
    w.add_scalar('Loss/train', 1.0 / (step + 1), step)
w.add_scalar('lr', torch.tensor([0.5]))
w.add_scalars('loss', {'train': 0.75, 'val': 1.5}, 7)
w.add_scalar('ns', 2.5, 3, new_style=True)
w.add_scalar('ns64', 0.1, 4, new_style=True, double_precision=True)
w.close()
with SummaryWriter('runs/resumed', purge_step=5) as p:
    p.add_scalar('x', -1.0, 5)
unclosed = SummaryWriter('runs/unclosed')  # never closed: what it logged still reaches the disk at the end
unclosed.add_scalar('x', 2.0, 1)
d = SummaryWriter(comment='_lr0.1')
print(os.path.dirname(d.log_dir), d.log_dir.endswith('_lr0.1'), sorted(os.listdir(d.log_dir))[0][:19])
`);
  const printed = stdout(events).split('\n');
  assert.equal(printed[0], 'runs/exp torch.utils.tensorboard.writer');
  assert.equal(printed[1], 'runs True events.out.tfevents');
  const [defaultDir] = fs.readdirSync(path.join(dir, 'runs')).filter((d) => d.endsWith('_lr0.1'));
  assert.match(defaultDir, new RegExp(`^[A-Z][a-z]{2}\\d{2}_\\d{2}-\\d{2}-\\d{2}_${os.hostname()}_lr0\\.1$`));

  const exp = eventsIn(path.join(dir, 'runs/exp'));
  assert.equal(exp[0].fileVersion, 'brain.Event:2');
  const now = Date.now() / 1000;
  for (const e of exp) assert.ok(Math.abs(e.wallTime - now) < 600, `wall time ${e.wallTime}`);
  const scalars = exp.slice(1).map((e) => [e.step, e.values]);
  assert.deepEqual(scalars, [
    ...[...Array(12).keys()].map((s) => [s, [{ tag: 'Loss/train', simple: f32(1 / (s + 1)) }]]),
    [0, [{ tag: 'lr', simple: 0.5 }]],
    [3, [{ tag: 'ns', tensor: { dtype: 1, value: 2.5 }, plugin: 'scalars' }]],
    [4, [{ tag: 'ns64', tensor: { dtype: 2, value: 0.1 }, plugin: 'scalars' }]],
  ]);
  // add_scalars: a run per key beside the writer's, each logging under the main tag.
  for (const [key, value] of [
    ['train', 0.75],
    ['val', 1.5],
  ] as const) {
    const run = eventsIn(path.join(dir, 'runs/exp', `loss_${key}`));
    assert.equal(run[0].fileVersion, 'brain.Event:2');
    assert.deepEqual(
      run.slice(1).map((e) => [e.step, e.values]),
      [[7, [{ tag: 'loss', simple: value }]]],
    );
  }
  assert.deepEqual(
    eventsIn(path.join(dir, 'runs/unclosed')).map((e) => [e.step, e.values]),
    [
      [0, []],
      [1, [{ tag: 'x', simple: 2 }]],
    ],
  );
  // purge_step: a version record and a session START at that step before the values.
  const resumed = eventsIn(path.join(dir, 'runs/resumed'));
  assert.deepEqual(
    resumed.map((e) => [e.step, e.fileVersion ?? null, e.sessionStatus ?? null, e.values]),
    [
      [0, 'brain.Event:2', null, []],
      [5, 'brain.Event:2', null, []],
      [5, null, 1, []],
      [5, null, null, [{ tag: 'x', simple: -1 }]],
    ],
  );
});

test('the other kinds are checked and not written; add_graph traces in eval mode; nothing is printed', async () => {
  const { dir, events } = await runInFolder(`
import torch
from torch import nn
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(4, 8), nn.Dropout(0.5), nn.ReLU(), nn.Linear(8, 2))
w = SummaryWriter('runs/kinds')
w.add_graph(net, torch.randn(3, 4))
after_graph = torch.rand(1).item()
w.add_histogram('fc.weight', net[0].weight, 0)
w.add_histogram('fc.weight', net[0].weight.grad if net[0].weight.grad is not None else torch.ones(2), 1)
w.add_image('img', torch.rand(3, 8, 8), 0)
w.add_images('batch', torch.rand(4, 1, 8, 8), 0)
w.add_text('notes', 'hello', 0)
w.add_pr_curve('pr', torch.tensor([0, 1, 1]), torch.tensor([0.2, 0.8, 0.6]), 0)
w.add_embedding(torch.rand(5, 3), metadata=list('abcde'))
w.add_hparams({'lr': 0.1, 'bs': 8}, {'hparam/loss': 0.25}, run_name='hp')
w.close()
torch.manual_seed(0)
nn.Sequential(nn.Linear(4, 8), nn.Dropout(0.5), nn.ReLU(), nn.Linear(8, 2))
torch.randn(3, 4)
print(net.training, net[1].training, after_graph == torch.rand(1).item())
try:
    w.add_histogram('empty', torch.ones(0))
except ValueError as e:
    print(e)
`);
  assert.equal(stdout(events), 'True True True\nThe input has no element.\n');
  const kinds = path.join(dir, 'runs/kinds');
  assert.equal(eventsIn(kinds).length, 1, 'only the version record');
  const embedding = path.join(kinds, '00000/default');
  assert.equal(fs.readFileSync(path.join(embedding, 'metadata.tsv'), 'utf8'), 'a\nb\nc\nd\ne\n');
  assert.equal(fs.readFileSync(path.join(embedding, 'tensors.tsv'), 'utf8').split('\n').length, 6);
  assert.match(fs.readFileSync(path.join(kinds, 'projector_config.pbtxt'), 'utf8'), /tensor_name: "default:00000"/);
  // add_hparams: its metrics as scalars of a run of their own, and in the panel.
  const hp = eventsIn(path.join(kinds, 'hp'));
  assert.deepEqual(hp[1].values, [{ tag: 'hparam/loss', simple: 0.25 }]);
  const logged = ofType(events, 'scalars').flatMap((e: ScalarsEvent) => e.series);
  assert.deepEqual(
    logged.map((c) => [c.chart, c.label, Array.from(c.values)]),
    [['hparam/loss', 'hp', [0.25]]],
  );
});
