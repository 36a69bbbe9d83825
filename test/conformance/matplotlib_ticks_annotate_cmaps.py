# The printable side of a learner's training plot: colours picked from a colormap for each curve
# (plt.cm.viridis(i / n), get_cmap('plasma', k)), the (locations, labels) that plt.xticks / plt.yticks
# return after setting named ticks, and what ax.annotate returns for a marked minimum with an arrow.
import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np

np.random.seed(3)
epochs = np.arange(1, 6)
runs = {f'lr={lr}': np.exp(-lr * epochs) + 0.05 * np.random.rand(5) for lr in (0.1, 0.3, 0.5, 0.9)}

fig, ax = plt.subplots(figsize=(6, 4))
for i, (name, losses) in enumerate(runs.items()):
    color = plt.cm.viridis(i / (len(runs) - 1))
    print(name, 'colour', color)
    ax.plot(epochs, losses, color=color, label=name)
print('mid viridis', plt.cm.viridis(0.5), plt.cm.viridis(0.5, bytes=True))
print('plasma x5', [tuple(round(c, 4) for c in plt.get_cmap('plasma', 5)(k)) for k in range(5)])
print('magma / inferno / cividis', plt.cm.magma(0.2), plt.cm.inferno(0.8), plt.cm.cividis(0.5))
print('reversed', plt.cm.viridis_r(0.0), plt.get_cmap('viridis').reversed()(1.0))
print('array', plt.cm.viridis(np.linspace(0, 1, 3)))
print('alpha', plt.cm.viridis([0.25, 0.75], alpha=0.4))
print('out of range and nan', plt.cm.viridis(-1.0), plt.cm.viridis(2.0), plt.cm.viridis(np.nan))
print('tab10 and Accent', plt.cm.tab10(3), plt.cm.Accent(0.5), plt.cm.twilight(0.25))

locs, labels = plt.xticks(epochs, [f'ep{e}' for e in epochs])
print(len(locs), type(locs[0]).__name__, labels)
print(plt.xticks())
plt.xticks(rotation=45)
ylocs, ylabels = plt.yticks([0.0, 0.5, 1.0], ['low', 'mid', 'high'])
print([t.get_text() for t in ylabels], plt.yticks()[0])
try:
    plt.yticks(labels=['a'])
except TypeError as err:
    print(err)

best_run = min(runs, key=lambda k: runs[k][-1])
best = runs[best_run]
arrow = ax.annotate(f'best: {best[-1]:.3f}', xy=(5, best[-1]), xytext=(3, 0.8),
                    arrowprops=dict(facecolor='black', shrink=0.05))
print(arrow, arrow.get_text(), arrow.xy)
plain = ax.annotate('start', xy=(1, runs['lr=0.1'][0]))
print(plain, len(ax.lines), len(ax.texts) if hasattr(ax, 'texts') else '')
ax.legend()
fig.savefig('ticks_annotate_cmaps.png')
plt.close(fig)
import os
os.remove('ticks_annotate_cmaps.png')
