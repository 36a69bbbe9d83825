# Backprop Lens' matplotlib against matplotlib 3.6 where numpy values come back to the learner: ListedColormap
# (Raschka's plot_decision_regions colours classes with ListedColormap(colors[:n_classes])): its colors, N and
# name, floats picked by int(x * N), integers as indices, both clipped, NaN transparent, alpha, arrays of values,
# a shorter list repeated to N, reversed and resampled; and Line2D.get_xdata/get_ydata returning the data as
# plot() was given it (a list of ints as an int array, a 2-D array's column, the implicit x as floats); boxplot's
# Line2D artists (quartiles by np.percentile, whiskers within 1.5 IQR, fliers, widths by the number of boxes,
# positions, whis) and the limits it leaves.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

cmap = ListedColormap(('red', 'blue', 'lightgreen')[:2])
print(cmap.N, cmap.colors, cmap.name, cmap.monochrome)
print(cmap(0), cmap(1), cmap(5), cmap(-1), cmap(0.0), cmap(0.49), cmap(0.5), cmap(1.0), cmap(2.0), cmap(np.nan))
print(cmap(1, alpha=0.5), cmap(0.2, alpha=0.25))
print(cmap(np.array([0, 1, 1])))
print(cmap(np.array([[0.1, 0.9], [0.6, 0.4]])))
three = ListedColormap(['red', 'blue'], N=3)
print(three.colors, three.N, three(2))
mono = ListedColormap('r', N=2)
print(mono.colors, mono.monochrome, mono(1))
rgb = ListedColormap(np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]), name='mine')
print(rgb.name, rgb(0), rgb(0.9))
print(cmap.reversed().colors, cmap.reversed().name)
print(cmap.resampled(5).colors)

line, = plt.plot([1, 3, 3, 2, 0])
print(repr(line.get_xdata()), repr(line.get_ydata()))
line, = plt.plot(range(1, 4), (0.5, 0.25, 0.125), marker='o')
print(repr(line.get_xdata()), repr(line.get_ydata()))
a = np.arange(6.0).reshape(3, 2)
lines = plt.plot(a)
print([repr(l.get_ydata()) for l in lines])
line, = plt.plot(np.array([1, 2], dtype=np.float32))
print(repr(line.get_ydata()))
line.set_ydata([4, 5])
print(line.get_data())
plt.close()

rng = np.random.RandomState(0)
data = rng.exponential(2.0, size=(60, 3))
data[0, 1] = 40.0
for args, kw in [((data,), {}), ((data[:, 0],), {}), (([data[:, 0], data[:20, 1]],), {'positions': [2, 5]}),
                 (([1.0, 2.0, 3.0, 10.0],), {'whis': 0.5}), ((data[:, :2],), {'whis': (5, 95), 'widths': 0.3}),
                 (([3.0, 3.0, 3.0, 3.0, 10.0],), {}), ((data[:, 2],), {'sym': ''})]:
    fig = plt.figure()
    parts = plt.boxplot(*args, **kw)
    print({k: len(v) for k, v in parts.items()})
    for key in ('boxes', 'medians', 'whiskers', 'caps', 'fliers'):
        for line in parts[key]:
            print(key, line.get_xdata(), line.get_ydata(), line.get_color(), line.get_marker(), line.get_linestyle(),
                  line.get_linewidth(), line.get_markersize())
    print(plt.gca().get_xlim(), plt.gca().get_ylim())
    plt.close(fig)
