// Golden rng cases: what torch.manual_seed(seed) then rand/randn/randint/randperm draw (one after another
// on the global generator), and nn.Linear's default init, reproduced to the last float32 bit.
import type { GoldenCase, GoldenTensor } from './case';
import { compareShape, readGolden } from './case';
import {
  kaimingUniformBound,
  linearBiasBound,
  manual_seed,
  rand,
  randint,
  randn,
  randperm,
  uniform_,
} from '../../src/engine/random';
import { Tensor } from '../../src/engine/tensor';

interface RngCase {
  seed: number;
  rand_5: GoldenTensor;
  randn_5: GoldenTensor;
  randn_20: GoldenTensor;
  rand_3x4: GoldenTensor;
  randint_0_10_6: GoldenTensor;
  randperm_10: GoldenTensor;
  linear_4_6: { weight: GoldenTensor; bias: GoldenTensor };
  sequential_2_16_1: GoldenTensor[];
}

/** Bit equality (float32 values round-trip exactly through the JSON doubles), with the first mismatch. */
function compareExact(what: string, actual: Tensor, expected: GoldenTensor): string | null {
  const shape = compareShape(what, actual.shape, expected.shape);
  if (shape) return shape;
  if ((expected.dtype === 'int64') !== (actual.dtype === 'int64')) {
    return `${what}: dtype ${actual.dtype}, expected ${expected.dtype ?? 'float32'}`;
  }
  for (let i = 0; i < expected.data.length; i++) {
    if (!Object.is(actual.data[i], expected.data[i])) {
      return `${what}[${i}] = ${actual.data[i]}, expected ${expected.data[i]}`;
    }
  }
  return null;
}

/** nn.Linear(in, out).reset_parameters(): kaiming_uniform_(a=sqrt(5)) on the weight, then the bias. */
function linearInit(fanIn: number, fanOut: number): [Tensor, Tensor] {
  const w = new Tensor(new Float32Array(fanIn * fanOut), [fanOut, fanIn]);
  const b = new Tensor(new Float32Array(fanOut), [fanOut]);
  const wb = kaimingUniformBound(fanIn);
  uniform_(w, -wb, wb);
  const bb = linearBiasBound(fanIn);
  uniform_(b, -bb, bb);
  return [w, b];
}

export default function collect(goldenDir: string): GoldenCase[] {
  const file = readGolden<{ cases: RngCase[] }>(goldenDir, 'rng.json');
  const cases: GoldenCase[] = [];
  for (const c of file.cases) {
    const name = `rng/seed_${c.seed}`;
    cases.push({
      name: `${name}/draws`,
      check: () => {
        manual_seed(c.seed);
        const draws: [string, Tensor, GoldenTensor][] = [
          ['rand_5', rand([5]), c.rand_5],
          ['randn_5', randn([5]), c.randn_5],
          ['randn_20', randn([20]), c.randn_20],
          ['rand_3x4', rand([3, 4]), c.rand_3x4],
          ['randint_0_10_6', randint(0, 10, [6]), c.randint_0_10_6],
          ['randperm_10', randperm(10), c.randperm_10],
        ];
        for (const [what, actual, expected] of draws) {
          const problem = compareExact(what, actual, expected);
          if (problem) return problem;
        }
        return null;
      },
    });
    cases.push({
      name: `${name}/linear_4_6`,
      check: () => {
        manual_seed(c.seed);
        const [w, b] = linearInit(4, 6);
        return compareExact('weight', w, c.linear_4_6.weight) ?? compareExact('bias', b, c.linear_4_6.bias);
      },
    });
    cases.push({
      name: `${name}/sequential_2_16_1`,
      check: () => {
        manual_seed(c.seed);
        const params = [...linearInit(2, 16), ...linearInit(16, 1)];
        const names = ['0.weight', '0.bias', '2.weight', '2.bias'];
        if (c.sequential_2_16_1.length !== params.length) return `${c.sequential_2_16_1.length} parameters expected`;
        for (let i = 0; i < params.length; i++) {
          const problem = compareExact(names[i], params[i], c.sequential_2_16_1[i]);
          if (problem) return problem;
        }
        return null;
      },
    });
  }
  return cases;
}
