# Arithmetic, broadcasting, type promotion (numpy 1.24 value-based rules), reflected and in-place operators.
import os
import warnings

import numpy as np

a = np.array([1.0, 2.0, 3.0])
b = np.array([[10.0], [20.0]])
i = np.array([1, 2, 3])
f32 = np.array([0.1, 0.2, 0.3], dtype=np.float32)
t = np.array([True, False, True])

for name, v in [
    ('a+b', a + b), ('a-b', a - b), ('a*b', a * b), ('a/b', a / b), ('b//a', b // a), ('b%a', b % a),
    ('a**2', a ** 2), ('2**a', 2 ** a), ('a**0.5', a ** 0.5), ('-a', -a), ('+a', +a), ('abs(-a)', abs(-a)),
    ('1-a', 1 - a), ('3/a', 3 / a), ('i/2', i / 2), ('i//2', i // 2), ('i%2', i % 2), ('-i', -i),
    ('i*2', i * 2), ('i*2.5', i * 2.5), ('i+a', i + a), ('i**2', i ** 2), ('7//i', 7 // i), ('-7//i', -7 // i),
    ('-7%i', -7 % i), ('a%-2', a % -2), ('f32*2', f32 * 2), ('f32+0.1', f32 + 0.1), ('f32*a', f32 * a),
    ('f32+i', f32 + i), ('f32/3', f32 / 3), ('f32*np.float64(2)', f32 * np.float64(2)),
    ('f32+1e300', f32 + 1e300), ('f32*100000', f32 * 100000), ('t+t', t + t), ('t*t', t * t), ('t+1', t + 1),
    ('t*1.5', t * 1.5), ('t&t', t & t), ('t|~t', t | ~t), ('t^t', t ^ t), ('i&6', i & 6), ('i|8', i | 8),
    ('i<<2', i << 2), ('~i', ~i), ('i>=2', i >= 2), ('a==2', a == 2), ('a!=i', a != i), ('a<b', a < b),
    ('f32==0.1', f32 == 0.1), ('i.astype(np.int32)*3', i.astype(np.int32) * 3),
    ('np.int32+np.int64', np.array([1], np.int32) + np.array([1], np.int64)),
    ('uint8+1', np.array([250], np.uint8) + 10), ('uint8+(-1)', np.array([1], np.uint8) + (-1)),
    ('int8+200', np.array([1], np.int8) + 200), ('divmod', divmod(b, a)),
    ('np.add', np.add(a, 1)), ('np.subtract', np.subtract(5, a)), ('np.multiply', np.multiply(a, a)),
    ('np.divide', np.divide(i, 4)), ('np.power', np.power(i, 3)), ('np.maximum', np.maximum(a, 2.5)),
    ('np.minimum', np.minimum(i, 2)), ('np.mod', np.mod(i, 2)), ('np.floor_divide', np.floor_divide(a, 0.7)),
    ('np.true_divide', np.true_divide(1, i)), ('np.negative', np.negative(i)),
    ('np.maximum nan', np.maximum(np.array([np.nan, 1.0]), np.array([0.0, np.nan]))),
    ('np.fmax nan', np.fmax(np.array([np.nan, 1.0]), np.array([0.0, np.nan]))),
    ('np.logical_and', np.logical_and(t, [True, True, False])), ('np.logical_or', np.logical_or(t, False)),
    ('np.logical_not', np.logical_not(i > 1)), ('np.logical_xor', np.logical_xor(t, True)),
    ('list+a', [1, 2, 3] + a), ('a*[2,3,4]', a * [2, 3, 4]), ('(2,)*i', (2,) * i),
    ('scalar0d', np.array(2.0) * 3), ('0d+0d', np.array(1) + np.array(2)),
]:
    print(name, repr(v), getattr(v, 'dtype', type(v).__name__))

u8 = np.array([1, 200], np.uint8)
for v in [u8 // 300, u8 + 300, u8 % 1000, u8 & 300, u8 ** 2, u8 / np.float32(2), np.array([1, 2], np.int16) / np.float32(2),
          np.array([1, 2], np.int32) / np.float32(2), np.array([3], np.int16) % 100000, np.array([True]) ** 2,
          np.array(2.0, np.float32) ** -1, np.array([4.0], np.float32) ** 0.5, np.array([2, 3]) ** 2.0, np.array(3.0) ** 0,
          np.array([1.5], np.float32) ** 2, f32 ** 3, i ** 1, np.float32(2) ** 2, np.int8(3) ** 2, np.power(f32, 2),
          np.hypot(np.array([3], np.int8), 4), np.arctan2(np.float32(1), 2), np.array([0.1], np.float16) / 3]:
    print(repr(v), v.dtype)
print('scalar types')
for v in [np.float32(1) * 2, np.float32(1) * 2.0, np.float64(1) * 2, np.int64(3) + 1, np.int64(3) / 2,
          np.float32(3) + np.float32(1), 2 * np.float32(1.5), np.int32(3) * np.int64(2), np.bool_(True) + 1,
          np.float64(2) ** 0.5, np.float32(2) ** 2, 1.5 + np.float64(1), np.int64(5) % 3, -np.float32(2),
          abs(np.float64(-3)), np.float64(3) == 3, np.float32(0.5) < 1]:
    print(repr(v), type(v).__name__)

print('in-place')
x = np.arange(6.0).reshape(2, 3)
v = x[0]
x += 1
x *= np.array([1, 2, 3])
x -= 0.5
x /= 2
x **= 2
print(x, v)
y = np.arange(5)
y += 2
y *= 3
y //= 2
y %= 5
y -= np.array([1, 1, 1, 1, 1])
print(y, y.dtype)
z = np.ones(3, dtype=np.float32)
z += 0.1
z *= np.float64(3.0)
print(z, z.dtype)
try:
    y += 1.5
except TypeError as e:
    print(type(e).__name__, e)
w = np.zeros((2, 2))
w[0] += 5
w[:, 1] -= 2
print(w)
m = np.arange(4.0).reshape(2, 2)
try:
    m @= np.eye(2) * 2
except TypeError as e:
    print(type(e).__name__, e)
print(m @ (np.eye(2) * 2))
print('broadcast')
print(np.ones((2, 1, 3)) + np.arange(4).reshape(4, 1), (np.ones((2, 1, 3)) + np.arange(4).reshape(4, 1)).shape)
print(np.arange(3)[:, None] * np.arange(4)[None, :])
for bad in [lambda: a + np.ones(2), lambda: np.ones((2, 3)) * np.ones((3, 2))]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
for bad in [lambda: t - t, lambda: -t, lambda: a & 1, lambda: i ** -1]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
with np.errstate(divide='ignore', invalid='ignore'):
    print(np.array([1.0, -1.0, 0.0]) / 0, np.array([1, 0]) // 0, np.array([5.0]) % 0, np.log(np.array([0.0, -1.0])))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    r = np.array([1.0, 2.0]) / np.array([0.0, 1.0])
    r2 = np.log(np.array([0.0, -1.0]))
    r3 = np.array([3, 4]) // np.array([0, 1])
print(r, r2, r3)
for w in caught:
    print(w.category.__name__, w.message, os.path.basename(w.filename), w.lineno)
