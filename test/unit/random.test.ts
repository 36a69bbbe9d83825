// The generator against draws made by real PyTorch 1.13 (test/unit/random-torch113.json, written by
// random-fixture.py): every value must match to the last bit.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as R from '../../src/engine/random';
import { noGrad } from '../../src/engine/autograd';
import { Tensor } from '../../src/engine/tensor';
import { exponential_, multinomial } from '../../src/engine/ops/multinomial';

const here = path.dirname(fileURLToPath(import.meta.url));
const torch = JSON.parse(fs.readFileSync(path.join(here, 'random-torch113.json'), 'utf8'));

function bits(actual: ArrayLike<number>, expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) assert.fail(`${what}[${i}] = ${actual[i]}, expected ${expected[i]}`);
  }
}

const floats = (n: number) => new Tensor(new Float32Array(n), [n]);

test('the sequence after manual_seed(123) matches PyTorch draw for draw', () => {
  R.manual_seed(123);
  bits(R.randn([1003]).data, torch.randn_1003, 'randn(1003)');
  bits(R.randn([7]).data, torch.randn_7, 'randn(7)');
  bits(R.randn([3]).data, torch.randn_3, 'randn(3) starting from the cached Box-Muller value');
  bits(R.normal_(floats(9), 0.5, 2.3).data, torch.normal_9, 'normal_(0.5, 2.3) on 9');
  bits(R.normal_(floats(37), -1.5, 0.7).data, torch.normal_37, 'normal_(-1.5, 0.7) on 37');
  bits(R.uniform_(floats(200), -3.3, 7.1).data, torch.uniform_200, 'uniform_(-3.3, 7.1)');
  bits(R.bernoulli_(floats(300), 0.3).data, torch.bernoulli_300, 'bernoulli_(0.3)');
  bits(R.dropoutMask(300, 0.2), torch.dropout_300, 'dropout(ones, 0.2) noise');
  bits(R.randint(-5, 2 ** 33, [20]).data, torch.randint_big_20, 'randint over a 64-bit range');
  bits(R.randint(3, 1000, [50]).data, torch.randint_3_1000_50, 'randint(3, 1000)');
  bits(R.randperm(100).data, torch.randperm_100, 'randperm(100)');
  assert.deepEqual(
    [0, 1, 2, 3, 4].map(() => R.randomInt64().toString()),
    torch.random_int64_5,
  );
  const w = floats(600);
  const b = floats(20);
  R.uniform_(w, -R.kaimingUniformBound(30), R.kaimingUniformBound(30));
  R.uniform_(b, -R.linearBiasBound(30), R.linearBiasBound(30));
  bits(w.data, torch.linear_30_20.weight, 'Linear(30, 20).weight');
  bits(b.data, torch.linear_30_20.bias, 'Linear(30, 20).bias');
});

test('seeds: default, 64-bit and negative values as PyTorch reads them', () => {
  assert.equal(new R.Generator().initial_seed().toString(), torch.default_initial_seed);
  const g = new R.Generator();
  g.manual_seed(2n ** 40n + 17n);
  bits(R.rand([4], g).data, torch.big_seed_rand_4, 'rand after a seed above 2^32');
  g.manual_seed(-1);
  assert.equal(g.initial_seed().toString(), torch.negative_seed_initial_seed);
  bits(R.rand([4], g).data, torch.negative_seed_rand_4, 'rand after manual_seed(-1)');
});

test("DataLoader's RandomSampler seed and permutation", () => {
  R.manual_seed(0);
  const seed = R.randomInt64();
  assert.equal(seed.toString(), torch.sampler_seed);
  bits(R.randperm(10, new R.Generator(seed)).data, torch.sampler_randperm_10, 'randperm on the seeded generator');
});

test('get_rng_state/set_rng_state replay the same draws, including the cached normal', () => {
  R.manual_seed(5);
  R.randn([3]); // leaves the second value of a Box-Muller pair cached
  const state = R.get_rng_state();
  const first = Array.from(R.randn([5]).data);
  R.rand([40]);
  R.set_rng_state(state);
  assert.deepEqual(Array.from(R.randn([5]).data), first);
});

test('generators are independent and the global one is reseeded by manual_seed', () => {
  const g = new R.Generator(123);
  R.manual_seed(123);
  const fromGlobal = Array.from(R.randn([1003]).data);
  R.rand([10]);
  bits(R.randn([1003], g).data, fromGlobal, 'randn on a Generator(123)');
  assert.equal(R.initial_seed(), 123n);
  const s = R.seed();
  assert.equal(R.initial_seed(), s);
});

test('in-place fills refuse a leaf that requires grad unless under no_grad', () => {
  const w = floats(4).requires_grad_();
  assert.throws(() => R.uniform_(w, -1, 1), /leaf Variable that requires grad/);
  noGrad(() => R.normal_(w, 0, 1));
  assert.equal(w.version, 1);
  assert.throws(() => R.uniform_(floats(2), 1, -1), /from=1 > to=-1/);
  assert.throws(() => R.randint(3, 3, [2]), /from=3 >= to=3/);
});

test('dropout with p = 0 or p = 1 draws nothing, as PyTorch (checked: torch.rand after it is unchanged)', () => {
  R.manual_seed(0);
  const reference = Array.from(R.rand([3]).data);
  R.manual_seed(0);
  assert.deepEqual(Array.from(R.dropoutMask(4, 0)), [1, 1, 1, 1]);
  assert.deepEqual(Array.from(R.dropoutMask(4, 1)), [0, 0, 0, 0]);
  assert.deepEqual(Array.from(R.rand([3]).data), reference);
});

test('multinomial (both CPU paths) and exponential_ draw what PyTorch draws', () => {
  const g = new R.Generator();
  g.manual_seed(2147483647);
  const probs = R.rand([5, 27], g);
  bits(probs.data, torch.multinomial_probs, 'rand(5, 27)');
  bits(multinomial(probs, 1, true, g).data, torch.multinomial_1_replacement, 'multinomial(1, replacement)');
  bits(multinomial(probs, 6, true, g).data, torch.multinomial_6_replacement, 'multinomial(6, replacement)');
  bits(multinomial(probs, 1, false, g).data, torch.multinomial_1, 'multinomial(1)');
  bits(multinomial(probs, 4, false, g).data, torch.multinomial_4, 'multinomial(4)');
  const row = new Tensor(Float64Array.from(probs.data.subarray(0, 27)), [27], 'float64');
  bits(multinomial(row, 9, true, g).data, torch.multinomial_f64_row_9, 'multinomial of a float64 row');
  bits(exponential_(floats(40), 1.5, g).data, torch.exponential_40, 'exponential_(1.5)');
  assert.throws(() => multinomial(probs, 28, false, g), /cannot sample n_sample > prob_dist.size\(-1\)/);
});
