# A learner's end-of-training report, as the PyTorch "Training a Classifier" / Zero to Mastery notebooks and
# the scikit-learn confusion-matrix example draw it: loss and accuracy curves with error bars over seeds
# (errorbar with capsize, fill_between, axhline, annotate, twinx), a confusion matrix by imshow + text loops
# with ax.set(xticks=..., xticklabels=...) and plt.setp on the tick labels, an image grid with a bounding box
# (patches.Rectangle + add_patch), integer epoch ticks (ticker.MaxNLocator), class colours from
# plt.get_cmap('tab10', n) / ('viridis', n), rcParams, and savefig into a temporary folder.
import os
import tempfile

import matplotlib

matplotlib.use('Agg')
import matplotlib.patches as mpatches
import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

torch.manual_seed(0)
plt.rcParams['figure.figsize'] = (10, 4)
plt.rcParams.update({'font.size': 11, 'lines.linewidth': 2})
print(plt.rcParams['figure.figsize'], plt.rcParams['font.size'], plt.rcParams['lines.linewidth'])
plt.style.use('ggplot')

# --- training curves over three seeds -------------------------------------------------------------------
epochs = np.arange(1, 9)
runs = torch.stack([torch.exp(-0.3 * torch.arange(1.0, 9.0)) + 0.05 * torch.rand(8) for _ in range(3)])
mean, std = runs.mean(0), runs.std(0)
acc = 100 * (1 - mean)

fig, ax = plt.subplots(figsize=(8, 4), dpi=100)
print(fig, type(ax).__name__)
eb = ax.errorbar(epochs, mean.numpy(), yerr=std.numpy(), fmt='o-', capsize=4, label='train loss')
print(eb, len(eb), eb.has_yerr, eb.has_xerr, eb.get_label(), len(eb[1]), len(eb[2]), type(eb[2][0]).__name__)
print(len(ax.get_lines()), ax.get_lines()[0].get_label())
band = ax.fill_between(epochs, (mean - std).numpy(), (mean + std).numpy(), alpha=0.2)
print(type(band).__name__)
print(type(ax.axhline(0.1, color='k', linestyle='--')).__name__)
best = int(mean.argmin())
note = ax.annotate('best', xy=(epochs[best], float(mean[best])), xytext=(5, 0.6), arrowprops=dict(arrowstyle='->'))
print(note, type(note).__name__)
print(ax.set_xlabel('epoch'), ax.set_ylabel('loss'), ax.set_title('training'))
ax.xaxis.set_major_locator(MaxNLocator(integer=True))
ax.yaxis.set_major_formatter(FuncFormatter(lambda v, pos: f'{v:.2f}'))
ax2 = ax.twinx()
ax2.plot(epochs, acc.numpy(), 'g', label='accuracy')
ax2.yaxis.set_major_formatter(PercentFormatter(100))
print(type(ax2).__name__, FuncFormatter(lambda v, pos: f'{v:.2f}')(0.25))
h1, l1 = ax.get_legend_handles_labels()
h2, l2 = ax2.get_legend_handles_labels()
print(l1 + l2, [type(h).__name__ for h in h1 + h2])
ax.legend(h1 + h2, l1 + l2, loc='upper right', fontsize=9)
print(ax.text(1, 0.05, 'lr=0.1'))
print(fig.suptitle('Report'))
out = tempfile.mkdtemp()
fig.savefig(os.path.join(out, 'curves.png'), dpi=80, bbox_inches='tight')
print(os.path.getsize(os.path.join(out, 'curves.png')) > 0)
plt.close('all')

# --- two error bar forms and an empty legend ------------------------------------------------------------
fig, ax = plt.subplots()
e2 = ax.errorbar([1, 2, 3], [2.0, 3.0, 1.0], xerr=0.2, yerr=np.array([[0.1, 0.2, 0.3], [0.3, 0.2, 0.1]]), fmt='none')
print(e2[0], len(e2[1]), len(ax.get_lines()), e2.has_xerr)
ax.plot([1, 3], [1, 3], label='fit')
print(ax.legend(loc='best'))
print(ax.get_xlim(), ax.get_ylim())
try:
    ax.errorbar([1, 2], [1, 2], yerr=[-1, 1], label='bad')
except ValueError as err:
    print('ValueError:', err)
plt.close(fig)

# --- confusion matrix -----------------------------------------------------------------------------------
classes = ['cat', 'dog', 'bird']
preds = torch.randint(0, 3, (60,))
labels = torch.where(torch.rand(60) < 0.7, preds, torch.randint(0, 3, (60,)))
cm = np.zeros((3, 3), dtype=int)
for t, p in zip(labels.tolist(), preds.tolist()):
    cm[t, p] += 1
print(cm)
fig, ax = plt.subplots(figsize=(5, 5))
im = ax.imshow(cm, interpolation='nearest', cmap=plt.cm.Blues)
cbar = ax.figure.colorbar(im, ax=ax)
ax.set(xticks=np.arange(3), yticks=np.arange(3), xticklabels=classes, yticklabels=classes,
       title='Confusion matrix', ylabel='True label', xlabel='Predicted label')
print(ax.get_xticks(), ax.get_xticklabels())
print(ax.get_yticklabels())
plt.setp(ax.get_xticklabels(), rotation=45, ha='right', rotation_mode='anchor')
thresh = cm.max() / 2.0
for i in range(3):
    for j in range(3):
        ax.text(j, i, format(cm[i, j], 'd'), ha='center', va='center', color='white' if cm[i, j] > thresh else 'black')
fig.tight_layout()
print(ax.get_xlim(), ax.get_ylim(), len(ax.texts) if hasattr(ax, 'texts') else 9)
plt.close(fig)

# --- image grid with a bounding box and class colours ---------------------------------------------------
imgs = torch.rand(6, 3, 8, 8)
fig, axes = plt.subplots(2, 3, figsize=(9, 6), squeeze=False)
for k, (a, img) in enumerate(zip(axes.flat, imgs)):
    a.imshow(img.permute(1, 2, 0))
    a.set_title(classes[k % 3], fontsize=9)
    a.axis('off')
box = Rectangle((1, 2), 4, 3, linewidth=2, edgecolor='r', facecolor='none')
print(axes[0, 0].add_patch(box) is box, box, box.get_xy(), box.get_width(), box.get_height())
print(box.get_facecolor(), box.get_edgecolor(), box.get_linewidth())
handle = mpatches.Patch(color='tab:orange', label='object')
print(handle.get_label(), handle.get_facecolor())
print(axes[0, 0].get_xlim(), axes[0, 0].get_ylim())
plt.subplots_adjust(hspace=0.3, wspace=0.1)
plt.close('all')

tab = plt.get_cmap('tab10', 3)
print(tab.N, tab(0), tab(2))
vir = plt.get_cmap('viridis', 4)
print(vir.N, [tuple(round(v, 1) for v in vir(i)) for i in range(4)])
blues = plt.get_cmap('Blues', 3)
print(blues.N, [tuple(round(v, 1) for v in blues(i)) for i in range(3)])

# --- contour levels as an array -------------------------------------------------------------------------
xx, yy = np.meshgrid(np.linspace(-2, 2, 21), np.linspace(-2, 2, 21))
cs = plt.contourf(xx, yy, xx**2 + yy**2, levels=6, cmap='viridis')
print(type(cs.levels).__name__, cs.levels)
plt.colorbar()
plt.xticks(rotation=45)
plt.yticks([])
plt.close('all')
