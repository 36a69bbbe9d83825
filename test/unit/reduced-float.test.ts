// float16 and bfloat16 (src/engine/reducedFloat.ts): rounding float32 values as PyTorch 1.13's .half() and
// .bfloat16() do (ties to even, overflow, subnormals, NaN), their bit patterns, and promotion. Expected values
// come from real PyTorch (reduced-float-fixture.py -> reduced-float-torch113.json).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import {
  bfloat16Bits,
  float16Bits,
  fromBFloat16Bits,
  fromFloat16Bits,
  toBFloat16,
  toFloat16,
} from '../../src/engine/reducedFloat';
import { promote } from '../../src/engine/ops/util';

interface Fixture {
  values: (number | string)[];
  float16: (number | string)[];
  float16Bits: number[];
  bfloat16: (number | string)[];
  bfloat16Bits: number[];
}
const fixture = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'reduced-float-torch113.json'), 'utf8'),
) as Fixture;
const num = (v: number | string) => (typeof v === 'number' ? v : v === 'inf' ? Infinity : -Infinity);
const values = fixture.values.map(num);

test('float16 rounding is PyTorch 1.13 .half(), edge cases and random values', () => {
  const bad = values.filter((v, i) => !Object.is(toFloat16(v), num(fixture.float16[i])));
  assert.deepEqual(bad, []);
});

test('bfloat16 rounding is PyTorch 1.13 .bfloat16()', () => {
  const bad = values.filter((v, i) => !Object.is(toBFloat16(v), num(fixture.bfloat16[i])));
  assert.deepEqual(bad, []);
  assert.ok(Number.isNaN(toBFloat16(NaN)));
});

test('16-bit patterns both ways (what view(torch.int16) shows)', () => {
  fixture.float16.forEach((v, i) => {
    const bits = fixture.float16Bits[i] & 0xffff;
    assert.equal(float16Bits(num(v)), bits, `float16 ${v}`);
    assert.ok(Object.is(fromFloat16Bits(bits), num(v)), `float16 bits ${bits}`);
  });
  fixture.bfloat16.forEach((v, i) => {
    const bits = fixture.bfloat16Bits[i] & 0xffff;
    assert.equal(bfloat16Bits(num(v)), bits, `bfloat16 ${v}`);
    assert.ok(Object.is(fromBFloat16Bits(bits), num(v)), `bfloat16 bits ${bits}`);
  });
});

test('promotion: float16 with bfloat16 is float32; either beside float32 is float32, beside ints itself', () => {
  assert.equal(promote('float16', 'bfloat16'), 'float32');
  assert.equal(promote('bfloat16', 'float16'), 'float32');
  assert.equal(promote('float16', 'float32'), 'float32');
  assert.equal(promote('int64', 'float16'), 'float16');
  assert.equal(promote('bfloat16', 'uint8'), 'bfloat16');
  assert.equal(promote('float16', 'float64'), 'float64');
});
