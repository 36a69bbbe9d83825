# Printing: repr and str of many shapes, dtypes and values, as numpy 1.24 prints them.
import numpy as np

cases = [
    np.array([1.0, 2.0, 3.0]),
    np.array([0.1, 0.25, -3.5]),
    np.array([1e-5, 1.0, 1e5]),
    np.array([1e8, 1.0]),
    np.array([123456789.0, 0.5]),
    np.array([0.0, -0.0, 1.5]),
    np.array([np.nan, 1.0, -np.inf, np.inf]),
    np.array([np.nan, np.nan]),
    np.array([1e-300, 1e300]),
    np.array([3.14159265358979, 2.718281828459045, 1.4142135623730951]),
    np.array([[1.5, -2.25], [1000.125, 0.001]]),
    np.array([0.1, 0.2, 0.3], dtype=np.float32),
    np.array([1.0, 2.0], dtype=np.float32),
    np.array([1e-8, 1.0], dtype=np.float32),
    np.array([1, 2, 3]),
    np.array([-100, 5, 20000]),
    np.array([[1, 2], [3, 4]], dtype=np.int32),
    np.array([True, False, True]),
    np.array([[True], [False]]),
    np.array(3.5),
    np.array(7),
    np.array(True),
    np.array(2.5, dtype=np.float32),
    np.array([]),
    np.zeros((0, 3)),
    np.zeros((2, 0)),
    np.zeros((2, 3, 4)),
    np.arange(24).reshape(2, 3, 4),
    np.arange(24.0).reshape(2, 1, 3, 4) / 7,
    np.linspace(0, 1, 30),
    np.linspace(-1, 1, 11),
    np.arange(2000),
    np.arange(2000.0).reshape(40, 50) / 3,
    np.ones((3, 30)),
    np.array([1.123456789123, 22.5, 333.75]),
    np.array([0.5, 1e-10]),
    np.array([12345.6789, 0.0001]),
    np.array([1.0, 10.0, 100.0, 1000.0, 10000.0]),
    np.array([1.0, 1e3, 1e4]),
    np.array([-1.5e-7, 2.5e-7, 0.0]),
    np.array([2.0 ** 60, 1.0]),
    np.array([0.1 + 0.2]),
    np.array([1 / 3, 2 / 3], dtype=np.float32),
    np.eye(3),
    np.eye(2, dtype=int),
    np.full((2, 2), np.pi),
    np.array([[0.00012345, 123.45], [1.0, 2.0]]),
]
for a in cases:
    print(repr(a))
    print(a)
    print(a.dtype, a.shape, a.ndim, a.size)

print('scalars')
for s in [np.float64(1.5), np.float64(0.1), np.float64(1e16), np.float64(1e-5), np.float64(123456789.123),
          np.float32(0.1), np.float32(1.5), np.float32(1 / 3), np.float32(1e20), np.float32(3.4e38),
          np.int64(42), np.int32(-7), np.bool_(True), np.bool_(False), np.float64(np.nan), np.float64(-np.inf),
          np.float32(-0.0), np.float64(100.0), np.float32(16777217.0), np.float16(0.1)]:
    print(repr(s), str(s), type(s).__name__)
print(np.float32(2.5) * 2, np.float64(3) / 2, np.int64(7) // 2, np.float32(1.1) + np.float32(2.2))
print([np.float32(0.5), np.float64(0.25), np.int64(3)])
print('%.3f %d %s' % (np.float32(1.23456), np.int64(5), np.float64(2.5)))
print(f"{np.float64(1.23456):.2f} {np.float32(2.5)} {np.int64(10):5d}")

print('printoptions')
x = np.array([1.123456789, 2.0, 1e-5])
np.set_printoptions(precision=3)
print(x, repr(x))
np.set_printoptions(suppress=True)
print(x, repr(x))
print(np.array([1e-10, 1.0, 1e5]))
np.set_printoptions(precision=8, suppress=False)
print(x)
with np.printoptions(precision=2, suppress=True):
    print(np.array([3.14159, 1e-9]))
print(np.array([3.14159, 1e-9]))
np.set_printoptions(threshold=5)
print(np.arange(10))
np.set_printoptions(threshold=1000, linewidth=40)
print(np.arange(30))
print(repr(np.arange(30.0)))
np.set_printoptions(linewidth=75)
print(np.array2string(np.array([1.5, 2.5]), separator=', '))
print(np.array_repr(np.array([1, 2])), np.array_str(np.array([0.5, 1.5])))
print(np.format_float_positional(np.float32(0.1)), np.format_float_scientific(1234.5678, precision=3))
print(np.get_printoptions()['precision'])
print(repr(np.arange(10.0) / 3).count('\n'), str(np.zeros((3, 3), dtype=bool)))
