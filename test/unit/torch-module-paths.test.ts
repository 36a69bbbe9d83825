// Every module path PyTorch 1.13 has (torch/_module_index.py's PYTORCH_MODULES, made from its package's
// files), imported through the CLI as a learner's file does: each one imports or raises NotImplementedError
// naming it, never "'torch.autograd' is not a package" or another ModuleNotFoundError from our shim; the
// submodules we implement (torch.autograd.gradcheck, forward_ad, anomaly_mode) hold our names, and functorch
// (shipped with PyTorch 1.13) is a NotImplementedError pointing at torch.autograd.functional. Uses the built
// dist/: run `npm run build` first.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distDir } from './runtime-helpers';

const cli = path.join(distDir, 'cli.js');
const temps: string[] = [];
after(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Runs `source` as a learner's file and parses the JSON its last stdout line holds. */
function runJson(source: string): unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-paths-'));
  temps.push(dir);
  const file = path.join(dir, 'paths.py');
  fs.writeFileSync(file, source);
  const out = spawnSync(process.execPath, [cli, 'run', file], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(out.status, 0, out.stderr);
  const lines = out.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

// Each import's outcome: 'ok', 'NIE' (a NotImplementedError naming the module, or the parent we lack, as in
// 'The module torch.ao is not supported' for torch.ao.ns) or the error.
const OUTCOME = `
import importlib, json
from torch._module_index import PYTORCH_MODULES

def outcome(name):
    try:
        importlib.import_module(name)
        return 'ok'
    except NotImplementedError as e:
        parts = name.split('.')
        named = any(str(e).startswith('The module ' + '.'.join(parts[:k]) + ' ') for k in range(1, len(parts) + 1))
        return 'NIE' if named else 'NIE not naming it: ' + str(e)[:120]
    except BaseException as e:
        return type(e).__name__ + ': ' + str(e)
`;

test('every PyTorch 1.13 module path imports or raises NotImplementedError naming it', () => {
  const got = runJson(
    `${OUTCOME}\nprint(json.dumps({name: outcome(name) for name in sorted(PYTORCH_MODULES)}))`,
  ) as Record<string, string>;
  const names = Object.keys(got);
  assert.ok(names.length > 600, `PyTorch 1.13 has ${names.length} module paths?`);
  const wrong = names.filter((name) => got[name] !== 'ok' && got[name] !== 'NIE').map((n) => `${n}: ${got[n]}`);
  assert.deepEqual(wrong, []);
  // The ones learners import, as we implement them.
  for (const name of [
    'torch.autograd.gradcheck',
    'torch.autograd.forward_ad',
    'torch.autograd.functional',
    'torch.autograd.graph',
    'torch.amp.autocast_mode',
    'torch.cpu.amp',
    'torch.cuda.amp',
    'torch.cuda.amp.grad_scaler',
    'torch.cuda.amp.autocast_mode',
    'torch.optim.swa_utils',
    'torch.utils.benchmark',
    'torch.utils.benchmark.utils.common',
    'torch.utils.benchmark.utils.timer',
    'torch.utils.benchmark.utils.compare',
  ])
    assert.equal(got[name], 'ok', name);
  for (const name of [
    'torch.autograd.profiler',
    'torch.cuda.amp.common',
    'torch.jit.mobile',
    'torch.utils.benchmark.utils.fuzzer',
    'torch.utils.benchmark.utils.valgrind_wrapper',
  ])
    assert.equal(got[name], 'NIE', name);
});

test('submodules of torch.autograd hold our names; functorch and forward AD say what to use instead', () => {
  const got = runJson(`${OUTCOME}
import torch
import torch.autograd.gradcheck
from torch.autograd.gradcheck import gradcheck, gradgradcheck
from torch.autograd.anomaly_mode import detect_anomaly
import torch.autograd.forward_ad as fwAD

def error(f):
    try:
        f()
        return 'no error'
    except NotImplementedError as e:
        return str(e)

x = torch.randn(3, dtype=torch.double, requires_grad=True)
print(json.dumps({
    'gradcheck': [gradcheck is torch.autograd.gradcheck, gradgradcheck is torch.autograd.gradgradcheck,
                  gradcheck(torch.sin, (x,))],
    'anomaly': detect_anomaly is torch.autograd.detect_anomaly,
    'unpacked': list(fwAD.UnpackedDualTensor(1, 2)._asdict().items()),
    'dual_level': error(lambda: fwAD.dual_level()),
    'make_dual': error(lambda: fwAD.make_dual(x, x)),
    'unpack_dual': error(lambda: fwAD.unpack_dual(x)),
    'functorch': outcome('functorch'),
    'functorch_text': error(lambda: __import__('functorch')),
    'profiler_text': error(lambda: __import__('torch.autograd.profiler')),
    'not_pytorch': outcome('torch.autograd.nothing_here'),
}))
`) as Record<string, unknown>;
  assert.deepEqual(got.gradcheck, [true, true, true]);
  assert.equal(got.anomaly, true);
  assert.deepEqual(got.unpacked, [
    ['primal', 1],
    ['tangent', 2],
  ]);
  for (const name of ['dual_level', 'make_dual', 'unpack_dual']) {
    assert.match(String(got[name]), new RegExp(`^torch\\.autograd\\.forward_ad\\.${name} is not supported`));
    assert.match(String(got[name]), /torch\.autograd\.functional\.jvp/);
  }
  assert.equal(got.functorch, 'NIE');
  assert.match(String(got.functorch_text), /^The module functorch is not supported.*torch\.autograd\.functional/);
  assert.match(String(got.profiler_text), /^The module torch\.autograd\.profiler is not supported.*perf_counter/);
  // A name PyTorch 1.13 does not have stays the ModuleNotFoundError PyTorch gives.
  assert.equal(got.not_pytorch, "ModuleNotFoundError: No module named 'torch.autograd.nothing_here'");
});
