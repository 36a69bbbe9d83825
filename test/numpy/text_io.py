# Text files of numbers: savetxt (fmt forms, header/footer, 1-D), loadtxt (delimiter, usecols, max_rows, unpack,
# ndmin, int via float), genfromtxt (missing values, filling_values, skip_header, dtype=None) and their errors.
import io
import os
import tempfile
import warnings

import numpy as np

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, 'airfoil.dat')
rng = np.random.RandomState(0)
arr = rng.rand(5, 3)
np.savetxt(path, arr, delimiter='\t', fmt='%.4f')
print(open(path).read())
data = np.genfromtxt(path, dtype=np.float32, delimiter='\t')
print(data.dtype, data.shape, data)
print(np.loadtxt(path, delimiter='\t').dtype, np.loadtxt(path, delimiter='\t', usecols=(0, 2), max_rows=2))
print(np.loadtxt(path, delimiter='\t', unpack=True)[0], np.loadtxt(path, usecols=1).shape, np.loadtxt(path, delimiter='\t', ndmin=2, max_rows=1).shape)
np.savetxt(path, np.arange(4), fmt='%d', header='count\nsecond line', footer='end')
print(open(path).read())
print(np.loadtxt(path, dtype=int), np.genfromtxt(path), np.genfromtxt(path, dtype=None).dtype)
np.savetxt(path, np.array([[1.5, 2.0], [3.25, -1.0]]))
print(open(path).read(), np.loadtxt(path))
np.savetxt(path, np.array([[1, 2], [3, 4]]), fmt=['%d', '%.2f'], delimiter=',')
print(open(path).read())
np.savetxt(path, np.array([[1, 2], [3, 4]]), fmt='%d;%d')
print(open(path).read())
text = ['# x,y', '1,2', '3,', '5,6.5', '', '7,8  # tail']
print(np.genfromtxt(text, delimiter=','), np.genfromtxt(text, delimiter=',', skip_header=2), np.genfromtxt(text, delimiter=',', filling_values=0))
print(np.genfromtxt(['1,2', '3,x'], delimiter=',', dtype=int), np.genfromtxt(['1,2', '3,4.5'], delimiter=',', dtype=int))
print(np.loadtxt(io.StringIO('1 2\n3 4\n')), np.genfromtxt(io.StringIO('1 2 3')), np.loadtxt(['7']))
for bad in [lambda: np.loadtxt(['1,2', '3,x'], delimiter=','), lambda: np.loadtxt(['1 2', '3']), lambda: np.genfromtxt(['1 2', '3', '4 5', '6']),
            lambda: np.savetxt(path, np.ones((2, 2)), fmt='%d %d %d'), lambda: np.savetxt(path, np.ones(())),
            lambda: np.loadtxt(os.path.join(tmp, 'missing.txt'))]:
    try:
        print(bad())
    except (ValueError, OSError) as e:
        print(type(e).__name__, str(e).replace(tmp, "TMP"))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    print(np.loadtxt(['1.5', '2'], dtype=int))
for w in caught:
    print(w.category.__name__, str(w.message).splitlines()[0], os.path.basename(w.filename), w.lineno)
