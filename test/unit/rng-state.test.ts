// torch.get_rng_state()'s bytes and the draws after restoring them, against real PyTorch 1.13
// (test/unit/rng-state-torch113.json, written by rng-state-fixture.py): the bytes must match exactly and a
// state PyTorch produced must continue here draw for draw.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as R from '../../src/engine/random';
import {
  RNG_STATE_SIZE,
  generatorStateTensor,
  packRngState,
  setGeneratorStateFromTensor,
  unpackRngState,
} from '../../src/engine/rngState';
import { Tensor } from '../../src/engine/tensor';
import { multinomial } from '../../src/engine/ops/multinomial';

const here = path.dirname(fileURLToPath(import.meta.url));
const torch = JSON.parse(fs.readFileSync(path.join(here, 'rng-state-torch113.json'), 'utf8'));

interface Recorded {
  bytes: number[];
  initial_seed: string;
  after: Record<string, number[]>;
}

function bits(actual: ArrayLike<number>, expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) assert.fail(`${what}[${i}] = ${actual[i]}, expected ${expected[i]}`);
  }
}

const floats = (n: number) => new Tensor(new Float32Array(n), [n]);
const byteTensor = (bytes: number[]) => new Tensor(Float64Array.from(bytes), [bytes.length], 'uint8');

/** The fixture's continuation(), in its order, on the default generator. */
function continuation(): Record<string, ArrayLike<number>> {
  const out: Record<string, ArrayLike<number>> = {};
  out.rand_3 = R.rand([3]).data;
  out.randn_5 = R.randn([5]).data;
  out.randn_40 = R.randn([40]).data;
  out.randint_0_10_6 = R.randint(0, 10, [6]).data;
  out.randperm_8 = R.randperm(8).data;
  out.normal_4 = R.normal_(floats(4), 1, 2).data;
  out.dropout_12 = R.dropoutMask(12, 0.5);
  out.multinomial_4 = multinomial(new Tensor(Float32Array.from([0.1, 0.2, 0.7]), [3]), 4, true).data;
  return out;
}

const setups: Record<string, () => void> = {
  fresh_seed_0: () => R.manual_seed(0),
  rand_5: () => (R.manual_seed(0), R.rand([5])),
  cached_normal: () => (R.manual_seed(5), R.randn([3])),
  exhausted_block: () => (R.manual_seed(3), R.rand([624])),
  big_seed: () => (R.manual_seed(2n ** 40n + 17n), R.rand([700])),
  negative_seed: () => (R.manual_seed(-1), R.randn([1])),
};

for (const [name, setup] of Object.entries(setups)) {
  const recorded = torch.states[name] as Recorded;

  test(`get_rng_state's bytes match PyTorch's: ${name}`, () => {
    setup();
    const t = generatorStateTensor(R.defaultGen());
    assert.equal(t.dtype, 'uint8');
    assert.deepEqual(t.shape, [RNG_STATE_SIZE]);
    assert.deepEqual(Array.from(t.data), recorded.bytes);
  });

  test(`PyTorch's state restored here continues as in PyTorch: ${name}`, () => {
    R.manual_seed(12345); // something else entirely first
    R.randn([3]);
    setGeneratorStateFromTensor(R.defaultGen(), byteTensor(recorded.bytes));
    assert.equal(R.initial_seed().toString(), recorded.initial_seed);
    const after = continuation();
    for (const [what, expected] of Object.entries(recorded.after)) bits(after[what], expected, `${name}: ${what}`);
  });
}

test('pack and unpack are inverse on every recorded state', () => {
  for (const [name, recorded] of Object.entries(torch.states as Record<string, Recorded>)) {
    const bytes = Uint8Array.from(recorded.bytes);
    assert.deepEqual(Array.from(packRngState(unpackRngState(bytes))), recorded.bytes, name);
  }
});

test("a fresh Generator's state is PyTorch's default-seed state", () => {
  assert.deepEqual(Array.from(generatorStateTensor(new R.Generator()).data), torch.generator_default_state);
});

test('a legacy 5048-byte state restores its cached normal from normal_x and normal_rho', () => {
  const legacy = torch.legacy_5048;
  setGeneratorStateFromTensor(R.defaultGen(), byteTensor(legacy.bytes));
  bits(R.randn([2]).data, legacy.randn_2, 'randn(2) after a legacy state');
  assert.deepEqual(Array.from(generatorStateTensor(R.defaultGen()).data), legacy.state_after);
});

test("set_state refuses what PyTorch refuses, with PyTorch's messages, and keeps the generator as it was", () => {
  const g = new R.Generator(7);
  const before = Array.from(generatorStateTensor(g).data);
  const message = (f: () => void) => {
    try {
      f();
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
    return 'no error';
  };
  assert.equal(
    message(() => setGeneratorStateFromTensor(g, byteTensor(new Array(10).fill(0)))),
    torch.errors.size_10,
  );
  assert.equal(
    message(() => setGeneratorStateFromTensor(g, byteTensor(new Array(RNG_STATE_SIZE).fill(0)))),
    torch.errors.zeros_5056,
  );
  assert.equal(
    message(() => setGeneratorStateFromTensor(g, new Tensor(new Float32Array(RNG_STATE_SIZE), [RNG_STATE_SIZE]))),
    'TypeError: RNG state must be a torch.ByteTensor',
  );
  assert.deepEqual(Array.from(generatorStateTensor(g).data), before);
});
