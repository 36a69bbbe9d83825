// The probe on its own, as the GPU check runs it (plain `python3 backprop_lens_probe.py`, no Node between):
// its JSON lines write numbers exactly as JSON.stringify does, it runs a file standalone with the script's
// output and exit status, ranks other than 0 under torchrun run unobserved while rank 0 reports the world
// size, the stdin control channel drives step mode and stops a runaway loop, and test/gpu/check_events.py
// (the GPU check's validator) passes on a CPU dry run of test/gpu/cuda_train.py.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { needsTorch, probe, root, torchPython } from './pytorch-backend-helpers';

const python = torchPython ?? 'python3';
const gpuDir = path.join(root, 'test', 'gpu');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-probe-'));
const readEvents = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/** Doubles of every kind JSON.stringify has a rule for, and float32 values as the engine's arrays hold. */
function numbers(): number[] {
  const out = [
    0, -0, 1, -1, 0.5, 1e-7, 1.5e-7, 1e-6, 0.000001234, 1e-5, 0.0001, 123456789, 1e15, 1e16, 1.2e20, 1e21, 1.5e21,
  ];
  out.push(5e-324, 1.7976931348623157e308, 2 ** 53, 2 ** 53 + 2, 0.1, 0.2 + 0.1, 100, 1234.5, NaN, Infinity, -Infinity);
  let seed = 12345;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 400; i++) {
    const x = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 50 - 25);
    out.push(x, Math.fround(x));
  }
  return out;
}

test('JSON lines hold the same numbers JSON.stringify writes, spelled alike outside two exponent ranges', () => {
  const values = numbers();
  // Python reads the doubles exactly from their shortest form and writes them back with the probe's writer.
  const code = [
    'import json, sys',
    `sys.path.insert(0, ${JSON.stringify(path.dirname(probe))})`,
    'from _blp_wire import dumps, Floats',
    'vals = [float(s) for s in json.loads(sys.stdin.read())]',
    "print(dumps({'type': 'steps', 'xs': Floats(vals), 'one': vals[5], 'each': vals, 'text': 'h\\u00e9 \"q\"\\n'}))",
  ].join('\n');
  const r = spawnSync(python, ['-c', code], { input: JSON.stringify(values.map(String)), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const line = r.stdout.trim();
  const want = { type: 'steps', xs: values, one: values[5], each: values, text: 'hé "q"\n' };
  // The same JSON value (NaN and infinities as null, as JSON.stringify writes them).
  assert.deepEqual(JSON.parse(line), JSON.parse(JSON.stringify(want)));
  // Single numbers are spelled exactly as JavaScript does; arrays too, except magnitudes in [1e-6, 1e-4) and
  // [1e16, 1e21), which keep Python's exponent form (the CLI re-serializes, so its --events are exact).
  const parsed = JSON.parse(line);
  assert.equal(JSON.stringify(parsed.each), JSON.stringify(values));
  const arrayText = line.slice(line.indexOf('"xs":[') + 6, line.indexOf('],"one"')).split(',');
  values.forEach((v, i) => {
    const a = Math.abs(v);
    if ((a >= 1e-6 && a < 1e-4) || (a >= 1e16 && a < 1e21)) return;
    assert.equal(arrayText[i], JSON.stringify(v), `value ${i}`);
  });
  const scalars = line.slice(line.indexOf('"each":[') + 8, line.indexOf('],"text"'));
  assert.equal(`[${scalars}]`, JSON.stringify(values), 'single numbers exactly as JSON.stringify');
});

test('the time budget: the first work and a preempted one do not hold the next off; the rest keep to the share', () => {
  // A fake clock: the steps take 1 ms, a work 0.1 ms but the first (0.5 s) and the third (80 ms: preempted).
  // A share of 1% over 200 steps.
  const code = [
    'import sys, time',
    `sys.path.insert(0, ${JSON.stringify(path.dirname(probe))})`,
    'import _blp_budget',
    'now = [0.0]',
    '_blp_budget.time.perf_counter = lambda: now[0]',
    'b = _blp_budget.Budget(0.01)',
    'done = []',
    'for step in range(200):',
    '    if b.due():',
    '        cost = {0: 0.5, 2: 0.08}.get(len(done), 0.0001)',
    '        now[0] += cost',
    '        b.spent()',
    '        done.append(step)',
    '    now[0] += 0.001',
    'print(done)',
  ].join('\n');
  const r = spawnSync(python, ['-c', code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const done = JSON.parse(r.stdout) as number[];
  // The first work's 0.5 s does not count (the second comes at once); the preempted one's 80 ms does not
  // either: the least of the recent costs (0.1 ms) spaces the works 10 ms apart, every 10th step or so.
  assert.deepEqual(done.slice(0, 4), [0, 1, 11, 12]);
  assert.ok(done.length >= 17 && done.length <= 22, `${done.length} works: ${done}`);
  done.slice(4).forEach((s, i) => assert.ok(s - done[i + 3] >= 9, `step ${s} after ${done[i + 3]}`));
});

test('runs a file standalone: its output printed, events in the file, its exit status', { skip: needsTorch }, () => {
  const dir = tmp();
  const script = path.join(dir, 'train.py');
  fs.writeFileSync(
    script,
    [
      'import sys, torch',
      'torch.manual_seed(0)',
      'w = torch.zeros(3, requires_grad=True)',
      'for i in range(5):',
      '    loss = ((w - 1) ** 2).sum()',
      '    loss.backward()',
      '    with torch.no_grad():',
      '        w -= 0.1 * w.grad',
      '    w.grad.zero_()',
      'print("done", sys.argv[1:])',
      'sys.exit(3)',
      '',
    ].join('\n'),
  );
  const out = path.join(dir, 'events.jsonl');
  const r = spawnSync(python, [probe, '--events', out, script, 'a', 'b'], { encoding: 'utf8', cwd: dir });
  assert.equal(r.status, 3);
  assert.equal(r.stdout, "done ['a', 'b']\n");
  const events = readEvents(out);
  assert.deepEqual(
    events.slice(0, 3).map((e) => e.type),
    ['ready', 'started', 'environment'],
  );
  const model = events.find((e) => e.type === 'model');
  assert.deepEqual(
    model.modules[0].params.map((p: { name: string }) => p.name),
    ['w'],
    'a plain tensor named after its variable',
  );
  const losses = events.filter((e) => e.type === 'steps').flatMap((e) => e.losses);
  assert.equal(losses.length, 5);
  assert.equal(losses[0], 3);
  const end = events[events.length - 1];
  assert.deepEqual([end.type, end.status, end.exitCode, end.steps], ['finished', 'failed', 3, 5]);
});

test('under torchrun only rank 0 reports, saying how many processes there are', { skip: needsTorch }, async () => {
  const dir = tmp();
  const out = path.join(dir, 'events.jsonl');
  const port = String(29500 + Math.floor(Math.random() * 400));
  const launch = (rank: number) =>
    new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const env = {
        ...process.env,
        MASTER_ADDR: '127.0.0.1',
        MASTER_PORT: port,
        WORLD_SIZE: '2',
        RANK: String(rank),
        LOCAL_RANK: String(rank),
      };
      const child = spawn(python, [probe, '--events', out, path.join(gpuDir, 'ddp_train.py')], { env, cwd: dir });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.on('close', (code) => resolve({ code, stdout }));
    });
  const [rank0, rank1] = await Promise.all([launch(0), launch(1)]);
  assert.equal(rank0.code, 0);
  assert.equal(rank1.code, 0);
  assert.match(rank0.stdout, /rank 0 of 2 \(gloo/);
  assert.equal(rank1.stdout, '', 'rank 1 prints nothing (the script prints on rank 0 only)');
  const check = spawnSync(
    python,
    [path.join(gpuDir, 'check_events.py'), out, '--device', 'cpu', '--world-size', '2', '--min-steps', '100'],
    { encoding: 'utf8' },
  );
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.equal(readEvents(out).filter((e) => e.type === 'started').length, 1);
});

test(
  'the GPU check validator passes on a CPU dry run of test/gpu/cuda_train.py (samples and summaries)',
  { skip: needsTorch },
  () => {
    const out = path.join(tmp(), 'events.jsonl');
    const run = spawnSync(python, [probe, '--events', out, path.join(gpuDir, 'cuda_train.py'), '12'], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /trained 12 steps on cpu/);
    const check = spawnSync(python, [path.join(gpuDir, 'check_events.py'), out, '--device', 'cpu'], {
      encoding: 'utf8',
    });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    const params = readEvents(out)
      .filter((e) => e.type === 'params')
      .pop();
    const first = params.params[0];
    assert.deepEqual([first.shape, first.sampleShape, first.value.length], [[1024, 784], [5, 784], 3920]);
    assert.equal(first.summary.numel, 1024 * 784);
  },
);

test('step mode over stdin pauses and continues (check_events.py --step-run)', { skip: needsTorch }, () => {
  const r = spawnSync(
    python,
    [path.join(gpuDir, 'check_events.py'), '--step-run', probe, path.join(gpuDir, 'cuda_train.py'), '6'],
    {
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /ok: paused at \[\(0, 'update'\), \(1, 'update'\), \(2, 'backward'\)\]/);
});

test(
  '`stop` on the control channel ends a runaway loop as stopped (exit status 130)',
  { skip: needsTorch },
  async () => {
    const out = path.join(tmp(), 'events.jsonl');
    const child = spawn(
      python,
      [probe, '--events', out, '--control', '-', '--no-echo', path.join(root, 'examples', 'runaway_loop.py')],
      {
        stdio: ['pipe', 'ignore', 'inherit'],
      },
    );
    const code = await new Promise<number | null>((resolve) => {
      const poll = setInterval(() => {
        if (fs.existsSync(out) && fs.readFileSync(out, 'utf8').includes('"type":"steps"')) {
          clearInterval(poll);
          child.stdin.write('stop\n');
        }
      }, 100);
      child.on('close', (c) => {
        clearInterval(poll);
        resolve(c);
      });
    });
    assert.equal(code, 130);
    const end = readEvents(out).pop();
    assert.deepEqual([end.type, end.status], ['finished', 'stopped']);
  },
);
