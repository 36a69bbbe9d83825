// Chart decimation keeps any run drawable with a bounded number of points and keeps spikes visible.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MinMaxDecimator, Smoother } from '../../media/common/decimate';

test('short series are drawn point for point', () => {
  const d = new MinMaxDecimator(100);
  d.push([3, 1, 2]);
  assert.deepEqual(d.points(), [
    { x: 0, y: 3 },
    { x: 1, y: 1 },
    { x: 2, y: 2 },
  ]);
});

test('a million steps stay within the point budget, in step order, with the global min and max kept', () => {
  const max = 500;
  const d = new MinMaxDecimator(max);
  const n = 1_000_000;
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) values[i] = 1 / (1 + i / 1000) + 0.01 * Math.sin(i);
  values[123_457] = 50; // one divergent spike
  values[999_000] = -3;
  d.push(values);
  const pts = d.points();
  assert.equal(d.length, n);
  assert.ok(pts.length <= max, `${pts.length} points`);
  assert.ok(pts.length >= max / 4, `${pts.length} points`);
  for (let i = 1; i < pts.length; i++) assert.ok(pts[i].x > pts[i - 1].x);
  assert.ok(pts.some((p) => p.x === 123_457 && p.y === 50));
  assert.ok(pts.some((p) => p.x === 999_000 && p.y === -3));
});

test('appending in batches gives the same points as appending at once', () => {
  const values = Array.from({ length: 10_000 }, (_, i) => Math.cos(i / 37) * (1 + (i % 13)));
  const once = new MinMaxDecimator(64);
  once.push(values);
  const batched = new MinMaxDecimator(64);
  for (let i = 0; i < values.length; i += 777) batched.push(values.slice(i, i + 777));
  assert.deepEqual(batched.points(), once.points());
});

test('NaN and infinite values are counted as steps but not drawn', () => {
  const d = new MinMaxDecimator(10);
  d.push([1, NaN, Infinity, 2]);
  assert.equal(d.length, 4);
  assert.deepEqual(d.points(), [
    { x: 0, y: 1 },
    { x: 3, y: 2 },
  ]);
});

test('reset starts the steps at the given first step', () => {
  const d = new MinMaxDecimator(10);
  d.reset(40);
  d.push([5]);
  assert.deepEqual(d.points(), [{ x: 40, y: 5 }]);
});

test('smoothing: weight 0 is the identity; a constant stays constant (debiased); it lags a jump', () => {
  const id = new Smoother(0);
  assert.deepEqual(
    [1, 5, 2].map((v) => id.next(v)),
    [1, 5, 2],
  );
  const s = new Smoother(0.9);
  for (let i = 0; i < 5; i++) assert.ok(Math.abs(s.next(4) - 4) < 1e-12);
  const after = s.next(14);
  assert.ok(after > 4 && after < 14);
});
