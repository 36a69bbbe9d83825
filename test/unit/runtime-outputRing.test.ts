// The output ring between the worker and its process's main thread: records wrap around the buffer, text
// is handed out up to a given position (so it keeps its order with the events), multi-byte characters split
// across writes decode whole, and a writer that fills the ring waits for the reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { createOutputRing, OutputReader, OutputWriter } from '../../src/python/outputRing';

const bytes = (s: string) => new TextEncoder().encode(s);

test('text up to a position, in order, across the end of the buffer', () => {
  const ring = createOutputRing(64);
  const writer = new OutputWriter(ring, () => assert.fail('the ring is never full here'));
  const reader = new OutputReader(ring);
  for (let round = 0; round < 20; round++) {
    writer.write('stdout', bytes(`line ${round}\n`));
    const at = writer.beforePost(); // an event posted here
    writer.write('stderr', bytes('err\n'));
    writer.write('stdout', bytes('x'));
    assert.deepEqual(reader.drain(at), [{ stream: 'stdout', text: `line ${round}\n` }]);
    reader.messageArrived();
    assert.equal(reader.idle, true);
    assert.deepEqual(reader.drain(), [
      { stream: 'stderr', text: 'err\n' },
      { stream: 'stdout', text: 'x' },
    ]);
  }
  assert.deepEqual(reader.drain(), []);
});

test('a character split between two writes decodes whole; consecutive writes of a stream join', () => {
  const ring = createOutputRing(256);
  const writer = new OutputWriter(ring, () => undefined);
  const reader = new OutputReader(ring);
  const word = bytes('한글');
  writer.write('stdout', word.subarray(0, 2));
  writer.write('stdout', word.subarray(2));
  assert.deepEqual(reader.drain(), [{ stream: 'stdout', text: '한글' }]);
  assert.equal(reader.idle, true);
  writer.beforePost();
  assert.equal(reader.idle, false, 'a message in flight: the reader must not run ahead of it');
});

test('a writer that fills the ring wakes the reader and waits for room; nothing is lost', async () => {
  const ring = createOutputRing(1024);
  const reader = new OutputReader(ring);
  // The writer runs in a worker (it blocks while the ring is full); each wake-up is a message, as in worker.ts.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-ring-'));
  const ringJs = path.join(dir, 'ring.js');
  buildSync({
    entryPoints: [path.resolve(__dirname, '../../src/python/outputRing.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: ringJs,
    logLevel: 'error',
  });
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { OutputWriter } = require(${JSON.stringify(ringJs)});
    const writer = new OutputWriter(workerData, (at) => parentPort.postMessage({ at }));
    for (let i = 0; i < 500; i++) writer.write('stdout', new TextEncoder().encode('line ' + i + '\\n'));
    parentPort.postMessage({ at: writer.beforePost(), done: true });`;
  const worker = new Worker(source, { eval: true, workerData: ring, execArgv: [] });
  let text = '';
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (m: { at: number; done?: boolean }) => {
      text += reader
        .drain(m.at)
        .map((o) => o.text)
        .join('');
      if (m.done) resolve();
    });
    worker.on('error', reject);
  });
  await worker.terminate();
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(text, Array.from({ length: 500 }, (_, i) => `line ${i}\n`).join(''));
});
