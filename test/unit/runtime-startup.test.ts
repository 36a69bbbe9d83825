// Start-up from the snapshot: the sparse file format, the bridge references saved by name, and a fresh
// worker restored from the built snapshot (torch already imported) whose engine still calls back into
// Python: errors as the exception classes PyTorch raises, warnings at the user's line, scheduler printing.
// Uses the built dist/: run `npm run build` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunEvent } from '../../src/protocol';
import { Runner } from '../../src/python/runner';
import { bridgeDeserializer, bridgeSerializer, encodeSnapshot, readSnapshot } from '../../src/python/snapshot';

const distDir = path.resolve(__dirname, '..', '..', 'dist');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-startup-'));
let runner: Runner;

before(() => {
  runner = new Runner({ distDir }); // not warmed: the run below is a cold start
});
after(async () => {
  await runner.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('the sparse snapshot file gives back the exact bytes, zero runs included', () => {
  // Pyodide's memory in miniature: data, a long zero run, short zero gaps, an unaligned non-zero tail.
  const bytes = new Uint8Array(3 * 65536 + 7);
  for (let i = 0; i < 5000; i++) bytes[i] = (i * 31) & 0xff;
  bytes[70000] = 9;
  bytes[70010] = 8;
  bytes[bytes.length - 1] = 1;
  const file = path.join(tmp, 'snap.bin');
  const encoded = encodeSnapshot(bytes, { torch: true });
  assert.ok(encoded.length < bytes.length / 10, `encoded ${encoded.length} bytes`);
  fs.writeFileSync(file, encoded);
  const read = readSnapshot(file);
  assert.ok(read);
  assert.deepEqual(read.info, { torch: true });
  assert.equal(Buffer.compare(Buffer.from(read.bytes), Buffer.from(bytes)), 0);
  fs.writeFileSync(file, bytes); // Pyodide's own format (or anything else) is not taken for ours
  assert.equal(readSnapshot(file), null);
  assert.equal(readSnapshot(path.join(tmp, 'missing.bin')), null);
});

test("bridge references are saved by name and restored as the new bridge's members", () => {
  const add = () => 1;
  const old = { add, format: () => 'x' };
  const fresh = { add: () => 2, format: () => 'y' };
  const save = bridgeSerializer(old);
  const load = bridgeDeserializer(fresh);
  assert.deepEqual(save(add), { bridge: 'add' });
  assert.equal(load(save(add)), fresh.add);
  assert.equal(load(save(old)), fresh);
  // Python's dir() of the module also lists Object.prototype's members (torch/_engine.py copies them all).
  assert.equal(load(save(Object)), Object);
  assert.throws(() => save(() => 3), /not part of the engine bridge/);
});

test('the built snapshot holds torch', () => {
  const read = readSnapshot(path.join(distDir, 'pyodide', 'snapshot.bin'));
  assert.ok(read, 'dist/pyodide/snapshot.bin is missing or not a start-up snapshot: run `npm run build`');
  assert.equal(read.info.torch, true);
});

test('a cold worker restored with torch imported: engine errors, warnings and scheduler output reach Python', async () => {
  const source = [
    'import torch',
    'import torch.nn.functional as F',
    'F.mse_loss(torch.zeros(3, 1), torch.zeros(3))',
    'try:',
    '    torch.zeros(2, 3) @ torch.zeros(2, 3)',
    'except RuntimeError as e:',
    '    print("caught", type(e).__name__)',
    'try:',
    '    torch.zeros(3)[5]',
    'except IndexError as e:',
    '    print("caught", type(e).__name__)',
    'opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)',
    'torch.optim.lr_scheduler.StepLR(opt, 1, verbose=True)',
    '',
  ].join('\n');
  const events: RunEvent[] = [];
  const on = (e: RunEvent) => events.push(e);
  runner.on('event', on);
  const fin = await runner.run({ file: 'lesson.py', source });
  runner.off('event', on);
  const text = (stream: string) =>
    events.flatMap((e) => (e.type === 'output' && e.stream === stream ? [e.text] : [])).join('');
  assert.equal(fin.status, 'finished', text('stderr'));
  assert.equal(
    text('stdout'),
    'caught RuntimeError\ncaught IndexError\nAdjusting learning rate of group 0 to 1.0000e-01.\n',
  );
  // PyTorch 1.13's warning, attributed to the user's line.
  assert.match(
    text('stderr'),
    /lesson\.py:3: UserWarning: Using a target size \(torch\.Size\(\[3\]\)\) that is different to the input size \(torch\.Size\(\[3, 1\]\)\)/,
  );
});

test("each run reseeds Python's random module, as a new process would", async () => {
  const draws = new Set<string>();
  for (let i = 0; i < 2; i++) {
    let out = '';
    const on = (e: RunEvent) => {
      if (e.type === 'output' && e.stream === 'stdout') out += e.text;
    };
    runner.on('event', on);
    await runner.run({ file: 'draw.py', source: 'import random\nprint(random.getrandbits(64))\n' });
    runner.off('event', on);
    draws.add(out);
  }
  assert.equal(draws.size, 2);
});
