# Learners' plotting helpers around plt.subplots' array of Axes and 3-D loss surfaces (after the Liu Er
# "PyTorch 深度学习实践" linear-model exercise, the mplot3d surface examples and the Zero to Mastery
# image grids / decision boundaries): `isinstance(axes, np.ndarray)` guards, axes.flat / ravel / [r, c],
# squeeze=False, np.array([ax]); from mpl_toolkits.mplot3d import Axes3D, projection='3d' by add_subplot,
# plt.axes and subplot_kw, plot_surface + colorbar, plot_wireframe, plot3D / scatter with zs, contour with
# offset, view_init, set_zlabel / set_zlim; then an image grid (subplot, imshow of a CHW tensor permuted,
# axis(False), suptitle, tight_layout) and a decision boundary (contourf + scatter with plt.cm.RdYlBu).
import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib import cm
from mpl_toolkits.mplot3d import Axes3D

torch.manual_seed(0)


def show_grid(axes, images):
    if not isinstance(axes, np.ndarray):
        axes = np.array([axes])
    for ax, img in zip(axes.flatten(), images):
        ax.imshow(img, cmap='gray')
        ax.axis('off')
    return axes


fig, axes = plt.subplots(2, 3, figsize=(9, 6))
print(type(axes), isinstance(axes, np.ndarray), axes.shape, axes.ndim, axes.size, len(axes), axes.dtype)
print(axes[0, 1] is axes[0][1], axes[1, 2] is axes.flat[5], axes[-1, -1] is axes.ravel()[-1])
for i in range(6):
    axes[i // 3, i % 3].set_title(f'image {i}')
print([ax.get_title() for ax in axes.flat])
for i, ax in enumerate(axes.ravel()):
    ax.plot(np.arange(i + 2), label=f'line {i}')
print(i, len(axes.flatten()), axes.flatten().shape, np.atleast_1d(axes).shape, np.array([axes]).shape)
print([len(ax.get_lines()) for ax in axes.flatten()])
grid = show_grid(axes, [torch.rand(4, 4) for _ in range(6)])
print(grid.shape)
print(axes)
for row in axes:
    print(type(row).__name__, row.shape, row[0].get_title())
plt.close(fig)

fig, ax = plt.subplots()
wrapped = show_grid(ax, [torch.rand(3, 3)])
print(isinstance(ax, np.ndarray), wrapped.shape, wrapped.dtype, wrapped[0] is ax, np.atleast_1d(wrapped).shape)
fig, axs = plt.subplots(1, 1, squeeze=False)
print(axs.shape, axs[0, 0] is axs.flat[0])
fig, axs = plt.subplots(1, 4, figsize=(12, 3))
print(axs.shape, len(axs[1:]), [a is b for a, b in zip(axs, axs.tolist())])
try:
    axs.plot([1, 2, 3])
except AttributeError as e:
    print('AttributeError:', e)
plt.close('all')

# The loss surface of y = 3x + 2 over a grid of (w, b), as the linear-model exercise draws it.
x_data = [1.0, 2.0, 3.0]
y_data = [5.0, 8.0, 11.0]
W = np.arange(0.0, 4.1, 0.1)
B = np.arange(0.0, 4.1, 0.1)
w, b = np.meshgrid(W, B)
l_sum = 0
for x_val, y_val in zip(x_data, y_data):
    y_pred = x_val * w + b
    l_sum += (y_pred - y_val) * (y_pred - y_val)
mse = l_sum / 3
print(w.shape, b.shape, mse.shape, round(float(mse.min()), 4), round(float(mse.max()), 4))

fig = plt.figure(figsize=(8, 6))
ax = fig.add_subplot(111, projection='3d')
print(ax.name, isinstance(ax, Axes3D), ax.get_xlim(), ax.get_zlim())
surf = ax.plot_surface(w, b, mse, cmap=cm.coolwarm, linewidth=0, antialiased=False)
print(type(surf).__name__, surf.axes is ax)
print(ax.get_xlim(), ax.get_ylim(), ax.get_zlim())
cbar = fig.colorbar(surf, shrink=0.5, aspect=5)
cbar.set_label('MSE')
ax.set_xlabel('w')
ax.set_ylabel('b')
ax.set_zlabel('loss')
ax.set_title('Loss surface', fontsize=14)
ax.view_init(elev=35, azim=-120)
print(ax.elev, ax.azim, ax.get_zlabel(), ax.get_xlabel(), ax.get_title())
print(ax.set_zlim(0, 60), ax.get_zlim())
print(repr(ax))
plt.show()

# The lecture's own form: Axes3D(fig), which matplotlib 3.6 no longer adds to the figure by itself.
fig = plt.figure()
ax = Axes3D(fig)
ax.plot_surface(w, b, mse)
print(repr(ax), len(fig.axes), ax.get_zlim())
ax = Axes3D(fig, auto_add_to_figure=False)
fig.add_axes(ax)
print(len(fig.axes), fig.axes[0] is ax)
plt.close(fig)

fig = plt.figure()
ax = plt.axes(projection='3d')
zline = np.linspace(0, 15, 100)
xline = np.sin(zline)
yline = np.cos(zline)
lines = ax.plot3D(xline, yline, zline, 'gray')
print(type(lines).__name__, len(lines), type(lines[0]).__name__, lines[0].get_color())
zdata = np.linspace(0.3, 14.7, 50) ** 1.0
pts = ax.scatter3D(np.sin(zdata), np.cos(zdata), zdata, c=zdata, cmap='Greens')
print(type(pts).__name__)
print(ax.get_xlim(), ax.get_ylim(), ax.get_zlim())
plt.close(fig)

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4), subplot_kw={'projection': '3d'})
print(repr(ax1), ax2.name)
X, Y = np.meshgrid(np.linspace(-2, 2, 25), np.linspace(-2, 2, 25))
Z = np.exp(-(X**2 + Y**2))
wire = ax1.plot_wireframe(X, Y, Z, rstride=2, cstride=2, color='k')
print(type(wire).__name__, ax1.get_zlim())
ax2.plot_surface(X, Y, Z, cmap='viridis', alpha=0.8)
cs = ax2.contour(X, Y, Z, zdir='z', offset=-0.5, cmap='viridis')
print(type(cs).__name__, ax2.get_xlim(), ax2.get_zlim())
ax2.set_zlim(-0.5, 1)
path = [(1.5, 1.5), (1.0, 0.8), (0.4, 0.3), (0.0, 0.0)]
px, py = zip(*path)
pz = [float(np.exp(-(a**2 + c**2))) for a, c in path]
ax2.plot(px, py, pz, 'r-o', label='gradient descent')
ax2.scatter(0, 0, 1, color='red', s=60, marker='*')
ax2.legend()
print(ax2.get_zlim(), len(ax2.get_lines()))
plt.tight_layout()
plt.show()

# An image grid: CHW tensors permuted to HWC, titles in colour, no axes.
images = torch.rand(6, 3, 8, 8)
labels = ['cat', 'dog', 'cat', 'frog', 'ship', 'car']
fig = plt.figure(figsize=(9, 6))
for i in range(6):
    ax = plt.subplot(2, 3, i + 1)
    im = plt.imshow(images[i].permute(1, 2, 0))
    plt.title(labels[i], fontsize=10, c='g' if i % 2 else 'r')
    plt.axis(False)
print(len(fig.axes), type(im).__name__, im.get_array().shape)
plt.suptitle('Samples')
plt.tight_layout()
plt.show()

# A decision boundary: a grid's predictions as filled contours, the points coloured by their class.
X_pts = torch.randn(40, 2)
y_pts = (X_pts[:, 0] * X_pts[:, 1] > 0).long()
xx, yy = np.meshgrid(np.linspace(-3, 3, 61), np.linspace(-3, 3, 61))
grid_t = torch.from_numpy(np.column_stack((xx.ravel(), yy.ravel()))).float()
pred = (grid_t[:, 0] * grid_t[:, 1] > 0).float().reshape(xx.shape)
fig, ax = plt.subplots(figsize=(5, 5))
cf = ax.contourf(xx, yy, pred.numpy(), cmap=plt.cm.RdYlBu, alpha=0.7)
sc = ax.scatter(X_pts[:, 0], X_pts[:, 1], c=y_pts, s=40, cmap=plt.cm.RdYlBu)
ax.set_title('Decision boundary', fontsize=12, c='k')
print(type(cf).__name__, type(sc).__name__, ax.get_xlim(), ax.get_ylim())
plt.xlim(xx.min(), xx.max())
plt.ylim(yy.min(), yy.max())
print(ax.get_xlim(), ax.get_ylim())
plt.show()

# A polished loss curve: a style, rc settings, colours from a colormap, spines and margins.
plt.style.use('ggplot')
plt.rc('font', size=11)
colors = plt.cm.viridis(np.linspace(0, 1, 3))
print(type(colors).__name__, colors.shape, [round(float(v), 2) for v in colors[0]])
fig, ax = plt.subplots(figsize=(6, 4))
for k, lr in enumerate([0.1, 0.01, 0.001]):
    ax.plot(np.arange(10), np.exp(-lr * 10 * np.arange(10)), color=colors[k], label=f'lr={lr}')
ax.spines['top'].set_visible(False)
ax.spines[['right']].set_visible(False)
ax.set_facecolor('white')
ax.xaxis.set_visible(True)
ax.tick_params(axis='both', labelsize=9)
ax.margins(x=0)
ax.legend()
print(ax.get_xlim(), [round(v, 4) for v in ax.get_ylim()], sorted(ax.spines.keys()))
plt.show()

# Loss and accuracy on one plot: a second y axis by twinx, sharing the epochs.
epochs = np.arange(1, 21)
fig, ax1 = plt.subplots(figsize=(7, 4))
ax1.plot(epochs, np.exp(-epochs / 6) + 0.05, 'b-', label='loss')
ax1.set_xlabel('epoch')
ax1.set_ylabel('loss', color='b')
ax2 = ax1.twinx()
ax2.plot(epochs[5:] + 5, 100 * (1 - np.exp(-epochs[5:] / 5)), 'r--', label='accuracy')
ax2.set_ylabel('accuracy (%)', color='r')
print(len(fig.axes), ax1.get_xlim() == ax2.get_xlim(), [round(v, 4) for v in ax2.get_xlim()])
print([round(v, 4) for v in ax1.get_ylim()], [round(v, 4) for v in ax2.get_ylim()], plt.gca() is ax2)
fig.tight_layout()
plt.show()

# the title as a Text object (plotting helpers retitle an Axes through it)
fig, ax = plt.subplots()
ax.plot([3, 2, 1])
ax.title.set_text('loss per epoch')
print(ax.get_title(), '|', ax.title.get_text(), '|', type(ax.title).__name__)
ax.set_title('accuracy')
print(ax.title.get_text())
plt.close(fig)
