# UvA Deep Learning tutorials (Lippe), Tutorial 4 "Optimization and Initialization": a BaseNetwork of
# Linear + Identity/Tanh/ReLU layers, initialisations written over named_parameters (const_init with
# param.data.fill_, constant_variance_init with normal_(std=...), xavier_init with uniform_(-bound, bound),
# kaiming_init with name.startswith("layers.0")), gradient and activation variances printed with np.var as
# "{key} - Variance: {...}", an OptimizerTemplate with zero_grad (p.grad.detach_(); p.grad.zero_()) and a
# @torch.no_grad() step, SGD / SGDMomentum / Adam keeping per-parameter state in dicts keyed by the tensors,
# compared on a short classification run, then train_curve on the pathological curvature loss
# (tanh(w1)**2 + 0.01 * |w1| + sigmoid(w2)) from nn.Parameter(torch.FloatTensor([5, 5])), the points stacked
# with torch.cat([weights.data.detach(), loss.unsqueeze(dim=0).detach()]) and a steep bivariate Gaussian.
import math

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.utils.data as data


def set_seed(seed):
    np.random.seed(seed)
    torch.manual_seed(seed)


set_seed(42)
device = torch.device("cpu")


class Identity(nn.Module):
    def forward(self, x):
        return x


act_fn_by_name = {"tanh": nn.Tanh, "relu": nn.ReLU, "identity": Identity}


class BaseNetwork(nn.Module):
    def __init__(self, act_fn, input_size=64, num_classes=4, hidden_sizes=[64, 48, 48, 32]):
        super().__init__()
        layers = []
        layer_sizes = [input_size] + hidden_sizes
        for layer_index in range(1, len(layer_sizes)):
            layers += [nn.Linear(layer_sizes[layer_index - 1], layer_sizes[layer_index]), act_fn]
        layers += [nn.Linear(layer_sizes[-1], num_classes)]
        self.layers = nn.ModuleList(layers)
        self.config = {"act_fn": act_fn.__class__.__name__, "input_size": input_size, "num_classes": num_classes,
                       "hidden_sizes": hidden_sizes}

    def forward(self, x):
        x = x.view(x.size(0), -1)
        for l in self.layers:
            x = l(x)
        return x


def make_set(n):
    imgs = torch.randn(n, 1, 8, 8)
    labels = torch.randint(0, 4, (n,))
    for k in range(4):
        r, c = divmod(k, 2)
        imgs[labels == k, :, r * 4:(r + 1) * 4, c * 4:(c + 1) * 4] += 1.0
    return data.TensorDataset(imgs, labels)


train_set = make_set(384)
test_set = make_set(128)
small_imgs, small_labels = next(iter(data.DataLoader(train_set, batch_size=96, shuffle=False)))
print("Mean", small_imgs.mean().item(), "Std", small_imgs.std().item())


def visualize_weight_distribution(model):
    weights = {}
    for name, param in model.named_parameters():
        if name.endswith(".bias"):
            continue
        key_name = f"Layer {name.split('.')[1]}"
        weights[key_name] = param.detach().view(-1).cpu().numpy()
    print("  weights:", ", ".join(f"{k} std {np.std(w):.4f}" for k, w in weights.items()))


def visualize_gradients(model, print_variance=False):
    model.train()
    model.zero_grad()
    preds = model(small_imgs)
    loss = F.cross_entropy(preds, small_labels)
    loss.backward()
    grads = {name: params.grad.view(-1).cpu().clone().numpy() for name, params in model.named_parameters()
             if "weight" in name}
    model.zero_grad()
    if print_variance:
        for key in sorted(grads.keys()):
            print(f"{key} - Variance: {np.var(grads[key])}")


def visualize_activations(model, print_variance=False):
    model.eval()
    feats = small_imgs.view(small_imgs.shape[0], -1)
    activations = {}
    with torch.no_grad():
        for layer_index, layer in enumerate(model.layers):
            feats = layer(feats)
            if isinstance(layer, nn.Linear):
                activations[f"Layer {layer_index}"] = feats.view(-1).detach().cpu().numpy()
    if print_variance:
        for key in sorted(activations.keys()):
            print(f"{key} - Variance: {np.var(activations[key])}")


model = BaseNetwork(act_fn=Identity()).to(device)
print(model.config)


def const_init(model, fill=0.0):
    for name, param in model.named_parameters():
        param.data.fill_(fill)


const_init(model, fill=0.005)
visualize_gradients(model, print_variance=True)
visualize_activations(model, print_variance=True)


def var_init(model, std=0.01):
    for name, param in model.named_parameters():
        param.data.normal_(mean=0.0, std=std)


var_init(model, std=0.01)
visualize_activations(model, print_variance=True)
var_init(model, std=0.1)
visualize_activations(model, print_variance=True)


def equal_var_init(model):
    for name, param in model.named_parameters():
        if name.endswith(".bias"):
            param.data.fill_(0)
        else:
            param.data.normal_(std=1.0 / math.sqrt(param.shape[1]))


equal_var_init(model)
visualize_weight_distribution(model)
visualize_activations(model, print_variance=True)


def xavier_init(model):
    for name, param in model.named_parameters():
        if name.endswith(".bias"):
            param.data.fill_(0)
        else:
            bound = math.sqrt(6) / math.sqrt(param.shape[0] + param.shape[1])
            param.data.uniform_(-bound, bound)


model = BaseNetwork(act_fn=nn.Tanh()).to(device)
xavier_init(model)
visualize_gradients(model, print_variance=True)
visualize_activations(model, print_variance=True)


def kaiming_init(model):
    for name, param in model.named_parameters():
        if name.endswith(".bias"):
            param.data.fill_(0.0)
        elif name.startswith("layers.0"):
            param.data.normal_(0, 1 / math.sqrt(param.shape[1]))
        else:
            param.data.normal_(0, math.sqrt(2) / math.sqrt(param.shape[1]))


model = BaseNetwork(act_fn=nn.ReLU()).to(device)
kaiming_init(model)
visualize_gradients(model, print_variance=True)
visualize_activations(model, print_variance=True)


class OptimizerTemplate:
    def __init__(self, params, lr):
        self.params = list(params)
        self.lr = lr

    def zero_grad(self):
        for p in self.params:
            if p.grad is not None:
                p.grad.detach_()
                p.grad.zero_()

    @torch.no_grad()
    def step(self):
        for p in self.params:
            if p.grad is None:
                continue
            self.update_param(p)

    def update_param(self, p):
        raise NotImplementedError


class SGD(OptimizerTemplate):
    def __init__(self, params, lr):
        super().__init__(params, lr)

    def update_param(self, p):
        p_update = -self.lr * p.grad
        p.add_(p_update)


class SGDMomentum(OptimizerTemplate):
    def __init__(self, params, lr, momentum=0.0):
        super().__init__(params, lr)
        self.momentum = momentum
        self.param_momentum = {p: torch.zeros_like(p.data) for p in self.params}

    def update_param(self, p):
        self.param_momentum[p] = (1 - self.momentum) * p.grad + self.momentum * self.param_momentum[p]
        p_update = -self.lr * self.param_momentum[p]
        p.add_(p_update)


class Adam(OptimizerTemplate):
    def __init__(self, params, lr, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(params, lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.param_step = {p: 0 for p in self.params}
        self.param_momentum = {p: torch.zeros_like(p.data) for p in self.params}
        self.param_2nd_momentum = {p: torch.zeros_like(p.data) for p in self.params}

    def update_param(self, p):
        self.param_step[p] += 1
        self.param_momentum[p] = (1 - self.beta1) * p.grad + self.beta1 * self.param_momentum[p]
        self.param_2nd_momentum[p] = (1 - self.beta2) * (p.grad) ** 2 + self.beta2 * self.param_2nd_momentum[p]
        bias_correction_1 = 1 - self.beta1 ** self.param_step[p]
        bias_correction_2 = 1 - self.beta2 ** self.param_step[p]
        p_2nd_mom = self.param_2nd_momentum[p] / bias_correction_2
        p_mom = self.param_momentum[p] / bias_correction_1
        p_lr = self.lr / (torch.sqrt(p_2nd_mom) + self.eps)
        p_update = -p_lr * p_mom
        p.add_(p_update)


def train_model(net, optimizer, max_epochs=3, batch_size=64):
    loss_module = nn.CrossEntropyLoss()
    train_loader = data.DataLoader(train_set, batch_size=batch_size, shuffle=True, drop_last=True)
    for epoch in range(max_epochs):
        net.train()
        true_preds, count, epoch_loss = 0., 0, 0.0
        for imgs, labels in train_loader:
            preds = net(imgs)
            loss = loss_module(preds, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            true_preds += (preds.argmax(dim=-1) == labels).sum().item()
            count += labels.shape[0]
            epoch_loss += loss.item()
        print(f"  [Epoch {epoch+1:2d}] loss {epoch_loss / len(train_loader):.4f}, Training accuracy: {true_preds / count * 100.0:05.2f}%")
    net.eval()
    with torch.no_grad():
        imgs, labels = test_set.tensors
        acc = (net(imgs).argmax(dim=-1) == labels).float().mean()
    print((f" Test accuracy: {acc*100.0:4.2f}% ").center(40, "="))


for name, make_opt in (("SGD", lambda ps: SGD(ps, lr=1e-1)),
                       ("SGDMomentum", lambda ps: SGDMomentum(ps, lr=1e-1, momentum=0.9)),
                       ("Adam", lambda ps: Adam(ps, lr=1e-3))):
    set_seed(42)
    model = BaseNetwork(act_fn=nn.ReLU()).to(device)
    kaiming_init(model)
    optimizer = make_opt(model.parameters())
    print(name, len(optimizer.params), type(next(iter(optimizer.param_momentum.values()))).__name__
          if hasattr(optimizer, "param_momentum") else "-")
    train_model(model, optimizer)
    if name == "Adam":
        print("  steps", sorted(set(optimizer.param_step.values())))


def pathological_curve_loss(w1, w2):
    x1_loss = torch.tanh(w1) ** 2 + 0.01 * torch.abs(w1)
    x2_loss = torch.sigmoid(w2)
    return x1_loss + x2_loss


def plot_curve(curve_fn, x_range=(-5, 5), y_range=(-5, 5), plot_3d=False, cmap="viridis", title="Pathological curvature"):
    fig = plt.figure()
    ax = plt.axes() if not plot_3d else fig.gca(projection="3d")
    x = torch.arange(x_range[0], x_range[1], (x_range[1] - x_range[0]) / 50.0)
    y = torch.arange(y_range[0], y_range[1], (y_range[1] - y_range[0]) / 50.0)
    x, y = torch.meshgrid(x, y, indexing="xy")
    z = curve_fn(x, y)
    x, y, z = x.numpy(), y.numpy(), z.numpy()
    ax.imshow(z[::-1], cmap=cmap, extent=(x_range[0], x_range[1], y_range[0], y_range[1]))
    plt.title(title)
    ax.set_xlabel(r"$w_1$")
    ax.set_ylabel(r"$w_2$")
    plt.tight_layout()
    print(title, x.shape, z.dtype, f"min {z.min():.4f} max {z.max():.4f}")
    return ax


def train_curve(optimizer_func, curve_func=pathological_curve_loss, num_updates=100, init=[5, 5]):
    weights = nn.Parameter(torch.FloatTensor(init), requires_grad=True)
    optimizer = optimizer_func([weights])
    list_points = []
    for _ in range(num_updates):
        loss = curve_func(weights[0], weights[1])
        list_points.append(torch.cat([weights.data.detach(), loss.unsqueeze(dim=0).detach()], dim=0))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    points = torch.stack(list_points, dim=0).numpy()
    return points


SGD_points = train_curve(lambda params: SGD(params, lr=10))
SGDMom_points = train_curve(lambda params: SGDMomentum(params, lr=10, momentum=0.9))
Adam_points = train_curve(lambda params: Adam(params, lr=1))
all_points = np.concatenate([SGD_points, SGDMom_points, Adam_points], axis=0)
print(SGD_points.shape, SGD_points.dtype, all_points.shape)
for name, pts in (("SGD", SGD_points), ("SGDMom", SGDMom_points), ("Adam", Adam_points)):
    print(f"{name:>7}: start {pts[0]} -> end {pts[-1].round(4)}, lowest loss {pts[:, 2].min():.5f}")
ax = plot_curve(pathological_curve_loss, x_range=(-np.absolute(all_points[:, 0]).max(), np.absolute(all_points[:, 0]).max()),
                y_range=(all_points[:, 1].min(), all_points[:, 1].max()))
ax.plot(SGD_points[:, 0], SGD_points[:, 1], color="red", marker="o", zorder=1, label="SGD")
ax.plot(SGDMom_points[:, 0], SGDMom_points[:, 1], color="blue", marker="o", zorder=2, label="SGDMom")
ax.plot(Adam_points[:, 0], Adam_points[:, 1], color="grey", marker="o", zorder=3, label="Adam")
plt.legend()
plt.close()


def bivar_gaussian(w1, w2, x_mean=0.0, y_mean=0.0, x_sig=1.0, y_sig=1.0):
    norm = 1 / (2 * np.pi * x_sig * y_sig)
    x_exp = (-1 * (w1 - x_mean) ** 2) / (2 * x_sig ** 2)
    y_exp = (-1 * (w2 - y_mean) ** 2) / (2 * y_sig ** 2)
    return norm * torch.exp(x_exp + y_exp)


def comb_func(w1, w2):
    z = -bivar_gaussian(w1, w2, x_mean=1.0, y_mean=-0.5, x_sig=0.2, y_sig=0.2)
    z -= bivar_gaussian(w1, w2, x_mean=-1.0, y_mean=0.5, x_sig=0.2, y_sig=0.2)
    z -= bivar_gaussian(w1, w2, x_mean=-0.5, y_mean=-0.8, x_sig=0.2, y_sig=0.2)
    return z


_ = plot_curve(comb_func, (-2, 2), (-2, 2), title="Steep optima")
plt.close()
SGD_points = train_curve(lambda params: SGD(params, lr=.5), comb_func, init=[0, 0])
SGDMom_points = train_curve(lambda params: SGDMomentum(params, lr=1, momentum=0.9), comb_func, init=[0, 0])
Adam_points = train_curve(lambda params: Adam(params, lr=.2), comb_func, init=[0, 0])
for name, pts in (("SGD", SGD_points), ("SGDMom", SGDMom_points), ("Adam", Adam_points)):
    print(f"{name:>7}: end {pts[-1].round(4)}, lowest loss {pts[:, 2].min():.5f}")
print(type(bivar_gaussian(torch.tensor(0.5), torch.tensor(0.5))), bivar_gaussian(torch.tensor(0.5), torch.tensor(0.5)))
