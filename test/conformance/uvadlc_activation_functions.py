# UvA Deep Learning tutorials (Lippe), Tutorial 3 "Activation Functions": ActivationFunction subclasses
# (Sigmoid as 1 / (1 + exp(-x)), Tanh from exponentials, ReLU as x * (x > 0).float(), LeakyReLU through
# torch.where with self.config["alpha"], ELU, Swish) kept in an act_fn_by_name dict, get_grads by
# x.clone().requires_grad_() and out.sum().backward(), vis_act_fn on plt.subplots axes indexed by divmod,
# a BaseNetwork of Linear + activation layers with a config dict saved as JSON beside its state_dict,
# per-layer gradient statistics of the weights ({name: params.grad.data.view(-1).cpu().clone().numpy()}),
# a short SGD-momentum training with the "[Epoch %2d] Training accuracy: {...:05.2f}%" line and early-stopping
# bookkeeping, the centred test-accuracy banner, activation statistics per layer, and the dead-neuron count
# with torch.logical_and(..., (imgs == 0).all(dim=0)). Synthetic 8x8 "images" stand in for FashionMNIST.
import json
import math
import os
import tempfile

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torch.utils.data as data


def set_seed(seed):
    np.random.seed(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)


set_seed(42)
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False
device = torch.device("cpu") if not torch.cuda.is_available() else torch.device("cuda:0")
print("Using device", device)
CHECKPOINT_PATH = tempfile.mkdtemp()


class ActivationFunction(nn.Module):
    def __init__(self):
        super().__init__()
        self.name = self.__class__.__name__
        self.config = {"name": self.name}


class Sigmoid(ActivationFunction):
    def forward(self, x):
        return 1 / (1 + torch.exp(-x))


class Tanh(ActivationFunction):
    def forward(self, x):
        x_exp, neg_x_exp = torch.exp(x), torch.exp(-x)
        return (x_exp - neg_x_exp) / (x_exp + neg_x_exp)


class ReLU(ActivationFunction):
    def forward(self, x):
        return x * (x > 0).float()


class LeakyReLU(ActivationFunction):
    def __init__(self, alpha=0.1):
        super().__init__()
        self.config["alpha"] = alpha

    def forward(self, x):
        return torch.where(x > 0, x, self.config["alpha"] * x)


class ELU(ActivationFunction):
    def forward(self, x):
        return torch.where(x > 0, x, torch.exp(x) - 1)


class Swish(ActivationFunction):
    def forward(self, x):
        return x * torch.sigmoid(x)


act_fn_by_name = {"sigmoid": Sigmoid, "tanh": Tanh, "relu": ReLU, "leakyrelu": LeakyReLU, "elu": ELU,
                  "swish": Swish}


def get_grads(act_fn, x):
    x = x.clone().requires_grad_()
    out = act_fn(x)
    out.sum().backward()
    return x.grad


def vis_act_fn(act_fn, ax, x):
    y = act_fn(x)
    y_grads = get_grads(act_fn, x)
    x, y, y_grads = x.cpu().numpy(), y.cpu().numpy(), y_grads.cpu().numpy()
    ax.plot(x, y, linewidth=2, label="ActFn")
    ax.plot(x, y_grads, linewidth=2, label="Gradient")
    ax.set_title(act_fn.name)
    ax.legend()
    ax.set_ylim(-1.5, x.max())
    print(f"{act_fn.name:>9}: y[::25] = {np.round(y[::25], 4)}  grad max {y_grads.max():.4f} at x={x[y_grads.argmax()]:.2f}")


act_fns = [act_fn() for act_fn in act_fn_by_name.values()]
print(act_fns[3], act_fns[3].config, [a.name for a in act_fns])
x = torch.linspace(-5, 5, 101)
rows = math.ceil(len(act_fns) / 2.0)
fig, ax = plt.subplots(rows, 2, figsize=(8, rows * 4))
print(type(ax).__name__, ax.shape)
for i, act_fn in enumerate(act_fns):
    vis_act_fn(act_fn, ax[divmod(i, 2)], x)
fig.subplots_adjust(hspace=0.3)
plt.close(fig)

probe = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0])
for act_fn in act_fns:
    print(f"{act_fn.name:>9} grads {get_grads(act_fn, probe)}")


class BaseNetwork(nn.Module):
    def __init__(self, act_fn, input_size=64, num_classes=4, hidden_sizes=[48, 32, 32, 16]):
        super().__init__()
        layers = []
        layer_sizes = [input_size] + hidden_sizes
        for layer_index in range(1, len(layer_sizes)):
            layers += [nn.Linear(layer_sizes[layer_index - 1], layer_sizes[layer_index]), act_fn]
        layers += [nn.Linear(layer_sizes[-1], num_classes)]
        self.layers = nn.Sequential(*layers)
        self.config = {"act_fn": act_fn.config, "input_size": input_size, "num_classes": num_classes,
                       "hidden_sizes": hidden_sizes}

    def forward(self, x):
        x = x.view(x.size(0), -1)
        out = self.layers(x)
        return out


def _get_config_file(model_path, model_name):
    return os.path.join(model_path, model_name + ".config")


def _get_model_file(model_path, model_name):
    return os.path.join(model_path, model_name + ".tar")


def load_model(model_path, model_name, net=None):
    config_file, model_file = _get_config_file(model_path, model_name), _get_model_file(model_path, model_name)
    assert os.path.isfile(config_file), f"Could not find the config file \"{config_file}\"."
    with open(config_file, "r") as f:
        config_dict = json.load(f)
    if net is None:
        act_fn_name = config_dict["act_fn"].pop("name").lower()
        act_fn = act_fn_by_name[act_fn_name](**config_dict.pop("act_fn"))
        net = BaseNetwork(act_fn=act_fn, **config_dict)
    net.load_state_dict(torch.load(model_file, map_location=device))
    return net


def save_model(model, model_path, model_name):
    config_dict = model.config
    os.makedirs(model_path, exist_ok=True)
    config_file, model_file = _get_config_file(model_path, model_name), _get_model_file(model_path, model_name)
    with open(config_file, "w") as f:
        json.dump(config_dict, f)
    torch.save(model.state_dict(), model_file)


# synthetic data: the class is which quadrant of the 8x8 image is brightest
def make_set(n):
    imgs = torch.randn(n, 1, 8, 8) * 0.5
    labels = torch.randint(0, 4, (n,))
    for k in range(4):
        r, c = divmod(k, 2)
        imgs[labels == k, :, r * 4:(r + 1) * 4, c * 4:(c + 1) * 4] += 1.5
    return data.TensorDataset(imgs, labels)


train_set = make_set(384)
val_set = make_set(128)
test_set = make_set(128)
val_loader = data.DataLoader(val_set, batch_size=64, shuffle=False, drop_last=False)
test_loader = data.DataLoader(test_set, batch_size=64, shuffle=False, drop_last=False)
print(len(train_set), train_set[0][0].shape, train_set[0][1])


def visualize_gradients(net):
    net.eval()
    small_loader = data.DataLoader(train_set, batch_size=128, shuffle=False)
    imgs, labels = next(iter(small_loader))
    imgs, labels = imgs.to(device), labels.to(device)
    net.zero_grad()
    preds = net(imgs)
    loss = F.cross_entropy(preds, labels)
    loss.backward()
    grads = {name: params.grad.data.view(-1).cpu().clone().numpy() for name, params in net.named_parameters()
             if "weight" in name}
    net.zero_grad()
    summary = ", ".join(f"{key}: {np.abs(grads[key]).mean():.2e}" for key in grads)
    print(f"{net.config['act_fn']['name']:>9} |grad| {summary}")


for i, act_fn_name in enumerate(act_fn_by_name):
    set_seed(42)
    act_fn = act_fn_by_name[act_fn_name]()
    net_actfn = BaseNetwork(act_fn=act_fn).to(device)
    visualize_gradients(net_actfn)


def test_model(net, data_loader):
    net.eval()
    true_preds, count = 0., 0
    for imgs, labels in data_loader:
        imgs, labels = imgs.to(device), labels.to(device)
        with torch.no_grad():
            preds = net(imgs).argmax(dim=-1)
            true_preds += (preds == labels).sum().item()
            count += labels.shape[0]
    test_acc = true_preds / count
    return test_acc


def train_model(net, model_name, max_epochs=4, patience=2, batch_size=64):
    optimizer = optim.SGD(net.parameters(), lr=5e-2, momentum=0.9)
    loss_module = nn.CrossEntropyLoss()
    train_loader_local = data.DataLoader(train_set, batch_size=batch_size, shuffle=True, drop_last=True)
    val_scores = []
    best_val_epoch = -1
    for epoch in range(max_epochs):
        net.train()
        true_preds, count = 0., 0
        for imgs, labels in train_loader_local:
            imgs, labels = imgs.to(device), labels.to(device)
            optimizer.zero_grad()
            preds = net(imgs)
            loss = loss_module(preds, labels)
            loss.backward()
            optimizer.step()
            true_preds += (preds.argmax(dim=-1) == labels).sum()
            count += labels.shape[0]
        train_acc = true_preds / count
        val_acc = test_model(net, val_loader)
        val_scores.append(val_acc)
        print(f"[Epoch {epoch+1:2d}] Training accuracy: {train_acc*100.0:05.2f}%, Validation accuracy: {val_acc*100.0:05.2f}%")
        if len(val_scores) == 1 or val_acc > val_scores[best_val_epoch]:
            print("\t   (New best performance, saving model...)")
            save_model(net, CHECKPOINT_PATH, model_name)
            best_val_epoch = epoch
        elif best_val_epoch <= epoch - patience:
            print(f"Early stopping due to no improvement over the last {patience} epochs")
            break
    plt.plot([i for i in range(1, len(val_scores) + 1)], val_scores)
    plt.xlabel("Epochs")
    plt.ylabel("Validation accuracy")
    plt.title(f"Validation performance of {model_name}")
    plt.close()
    load_model(CHECKPOINT_PATH, model_name, net=net)
    test_acc = test_model(net, test_loader)
    print((f" Test accuracy: {test_acc*100.0:4.2f}% ").center(50, "=") + "\n")
    return test_acc


nets = {}
for act_fn_name in ("sigmoid", "relu", "swish"):
    print(f"Training BaseNetwork with {act_fn_name} activation...")
    set_seed(42)
    act_fn = act_fn_by_name[act_fn_name]()
    net_actfn = BaseNetwork(act_fn=act_fn).to(device)
    train_model(net_actfn, f"Synthetic_{act_fn_name}")
    nets[act_fn_name] = net_actfn

with open(_get_config_file(CHECKPOINT_PATH, "Synthetic_relu")) as f:
    print(f.read())
reloaded = load_model(CHECKPOINT_PATH, "Synthetic_relu")
print(reloaded.layers[1], reloaded.config)
print(f"reloaded test accuracy {test_model(reloaded, test_loader):.4f}")


def visualize_activations(net):
    activations = {}
    net.eval()
    small_loader = data.DataLoader(train_set, batch_size=96)
    imgs, labels = next(iter(small_loader))
    with torch.no_grad():
        imgs = imgs.to(device)
        imgs = imgs.view(imgs.size(0), -1)
        for layer_index, layer in enumerate(net.layers[:-1]):
            imgs = layer(imgs)
            activations[layer_index] = imgs.view(-1).cpu().numpy()
    for key in activations:
        layer = net.layers[key]
        print(f"  layer {key} {layer.__class__.__name__:>9}: mean {activations[key].mean():+.4f} std {activations[key].std():.4f}")


for name, net in nets.items():
    print(name)
    visualize_activations(net)


@torch.no_grad()
def measure_number_dead_neurons(net):
    neurons_dead = [torch.ones(layer.weight.shape[0], device=device, dtype=torch.bool)
                    for layer in net.layers[:-1] if isinstance(layer, nn.Linear)]
    net.eval()
    for imgs, labels in data.DataLoader(train_set, batch_size=128, shuffle=False):
        layer_index = 0
        imgs = imgs.to(device)
        imgs = imgs.view(imgs.size(0), -1)
        for layer in net.layers[:-1]:
            imgs = layer(imgs)
            if isinstance(layer, ActivationFunction):
                neurons_dead[layer_index] = torch.logical_and(neurons_dead[layer_index], (imgs == 0).all(dim=0))
                layer_index += 1
    number_neurons_dead = [t.sum().item() for t in neurons_dead]
    print("Number of dead neurons:", number_neurons_dead)
    print("In percentage:", ", ".join([f"{(100.0 * num_dead / tens.shape[0]):4.2f}%"
                                       for tens, num_dead in zip(neurons_dead, number_neurons_dead)]))


set_seed(42)
net_relu = BaseNetwork(act_fn=ReLU()).to(device)
measure_number_dead_neurons(net_relu)
measure_number_dead_neurons(nets["relu"])
set_seed(42)
deep_relu = BaseNetwork(act_fn=ReLU(), hidden_sizes=[16] * 8).to(device)
with torch.no_grad():
    for m in deep_relu.layers:
        if isinstance(m, nn.Linear):
            m.bias.fill_(-0.3)
measure_number_dead_neurons(deep_relu)
