// Every run starts as clean as a new `python3` process: a file that changes everything it can (torch's
// attributes, its own module, sys.*, builtins, warnings filters, logging handlers, signal handlers,
// os.environ, the working directory, sys.stdout) prints the same state on every run, through the Runner
// and through `backprop-lens run --repeat N`. Its atexit handlers run when each run ends, and a file it
// left open is flushed and closed. Uses the built dist/: run `npm run build` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunEvent } from '../../src/protocol';
import { distDir, runCollecting, warmRunner } from './runtime-helpers';

const shared = warmRunner();
let dir = '';
let script = '';

const LEAKY = `import atexit, builtins, io, logging, os, signal, sys, warnings
import torch
import torch.nn as nn
import helper

print('torch', 'leak' in vars(torch), 'leak' in vars(torch.Tensor), torch.zeros(2).tolist(), nn.Linear.__name__)
print('helper', helper.value)
print('builtins', hasattr(builtins, 'leak'))
print('sys', sys.path.count('/leak'), sys.getrecursionlimit(), sys.argv[1:], sys.flags.optimize)
print('warnings', warnings.filters[0][0] if warnings.filters else None, len(warnings.filters))
print('logging', len(logging.getLogger().handlers), logging.getLogger().level)
print('signal', signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print('environ', os.environ.get('BL_LEAK'))
print('cwd', os.getcwd() == os.path.dirname(os.path.abspath(__file__)))
print('modules', 'json' in sys.modules and hasattr(sys.modules['json'], 'leak'))

torch.leak = torch.Tensor.leak = True
torch.zeros = lambda *args: 'patched'
nn.Linear.__name__ = 'Patched'
helper.value = 99
builtins.leak = True
sys.path.append('/leak')
sys.setrecursionlimit(12345)
sys.argv.append('--leak')
warnings.simplefilter('error')
logging.basicConfig(level=logging.DEBUG)
signal.signal(signal.SIGINT, lambda *args: None)
os.environ['BL_LEAK'] = '1'
import json
json.leak = True
here = os.path.dirname(os.path.abspath(__file__))
def bye():
    with open(os.path.join(here, 'atexit.txt'), 'a') as f:
        f.write('ran\\n')
atexit.register(bye)
left_open = open('written.txt', 'a')
left_open.write('line\\n')
os.chdir('/tmp')
sys.stdout = io.StringIO()
print('swallowed')
`;

const CLEAN_STATE = [
  'torch False False [0.0, 0.0] Linear',
  'helper 1',
  'builtins False',
  'sys 0 1000 [] 0',
  'warnings default 5',
  'logging 0 30',
  'signal True',
  'environ None',
  'cwd True',
  'modules False',
  '',
].join('\n');

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-clean-'));
  script = path.join(dir, 'leaky.py');
  fs.writeFileSync(script, LEAKY);
  fs.writeFileSync(path.join(dir, 'helper.py'), 'value = 1\n');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const stdout = (events: RunEvent[]) =>
  events.flatMap((e) => (e.type === 'output' && e.stream === 'stdout' ? [e.text] : [])).join('');
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

test('a file that changes everything it can finds it all fresh on the next run', async () => {
  for (let i = 1; i <= 3; i++) {
    const events = await runCollecting(shared.runner, { file: script });
    const errors = events.filter((e) => e.type === 'error');
    assert.deepEqual(errors, [], `run ${i}`);
    assert.equal(stdout(events), CLEAN_STATE, `run ${i}`);
    // Its atexit handler ran as the run ended, and the file it never closed reached the disk.
    assert.equal(read('atexit.txt'), 'ran\n'.repeat(i));
    assert.equal(read('written.txt'), 'line\n'.repeat(i));
  }
});

test('`backprop-lens run --repeat 3` prints the clean state three times', () => {
  fs.rmSync(path.join(dir, 'atexit.txt'), { force: true });
  fs.rmSync(path.join(dir, 'written.txt'), { force: true });
  const cli = spawnSync(process.execPath, [path.join(distDir, 'cli.js'), 'run', script, '--repeat', '3'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(cli.stderr, '');
  assert.equal(cli.status, 0);
  assert.equal(cli.stdout, CLEAN_STATE.repeat(3));
  assert.equal(read('atexit.txt'), 'ran\n'.repeat(3));
  assert.equal(read('written.txt'), 'line\n'.repeat(3));
});

test('an exception in an atexit handler is reported as python3 does, after the traceback', async () => {
  const source =
    'import atexit\ndef bye():\n    raise ValueError("in atexit")\natexit.register(bye)\nprint("body")\n1 / 0\n';
  const events = await runCollecting(shared.runner, { file: path.join(dir, 'bye.py'), source });
  const order = events.flatMap((e) => (e.type === 'error' ? ['error'] : e.type === 'output' ? [e.text] : [])).join('|');
  assert.match(order, /^body\n\|error\|Exception ignored in atexit callback/);
  assert.match(order, /ValueError: in atexit\n$/);
});
