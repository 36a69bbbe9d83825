# "Deep Learning with PyTorch Step-by-Step" (Godoy), chapters 0 to 2.1 on a synthetic line y = b + w x + noise:
# gradient descent by hand in numpy (shuffled index split, the two partial derivatives, a learning-rate
# update) checked against the closed-form least-squares line; the same in torch (as_tensor(...).float().to(device),
# tensor .type(), requires_grad leaves updated under no_grad, grad.zero_(), then optim.SGD + nn.MSELoss);
# a ManualLinearRegression with nn.Parameter, state_dict of model and optimizer; the higher-order
# make_train_step_fn / make_val_step_fn and a mini_batch helper over TensorDataset + random_split + DataLoader;
# SummaryWriter.add_scalars; a checkpoint saved and resumed; and a StepByStep class (set_seed re-seeding the
# loader's generator, to(device), train, save/load_checkpoint, predict on a numpy array, count_parameters).
import os
import random
import tempfile

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset, random_split
from torch.utils.tensorboard import SummaryWriter

true_b = 1
true_w = 2
N = 100
np.random.seed(42)
x = np.random.rand(N, 1)
epsilon = 0.1 * np.random.randn(N, 1)
y = true_b + true_w * x + epsilon

idx = np.arange(N)
np.random.shuffle(idx)
train_idx = idx[: int(N * 0.8)]
val_idx = idx[int(N * 0.8) :]
x_train, y_train = x[train_idx], y[train_idx]
x_val, y_val = x[val_idx], y[val_idx]
print(x_train.shape, y_train.shape, train_idx[:8])

# chapter 0: every step of gradient descent written out in numpy
np.random.seed(42)
b = np.random.randn(1)
w = np.random.randn(1)
print('start', b, w)
lr = 0.1
for epoch in range(1000):
    yhat = b + w * x_train
    error = yhat - y_train
    loss = (error**2).mean()
    b_grad = 2 * error.mean()
    w_grad = 2 * (x_train * error).mean()
    b = b - lr * b_grad
    w = w - lr * w_grad
    if epoch in (0, 1, 999):
        print(epoch, round(loss, 6), b_grad.round(5), w_grad.round(5))
print('numpy', b, w)
# the closed-form least-squares line the chapter checks against (it asks sklearn's LinearRegression)
x_mean, y_mean = x_train.mean(axis=0), y_train.mean(axis=0)
coef = ((x_train - x_mean) * (y_train - y_mean)).sum(axis=0) / ((x_train - x_mean) ** 2).sum(axis=0)
intercept = y_mean - coef * x_mean
print('closed form', intercept, coef)

# the loss surface over a grid of (b, w), as the chapter draws it
b_range = np.linspace(true_b - 3, true_b + 3, 31)
w_range = np.linspace(true_w - 3, true_w + 3, 31)
bs, ws = np.meshgrid(b_range, w_range)
all_predictions = np.apply_along_axis(func1d=lambda x: bs + ws * x, axis=1, arr=x_train)
all_labels = y_train.reshape(-1, 1, 1)
all_losses = ((all_predictions - all_labels) ** 2).mean(axis=0)
print(
    bs.shape,
    all_predictions.shape,
    all_losses.shape,
    all_losses.min().round(5),
    np.unravel_index(all_losses.argmin(), all_losses.shape),
)

# chapter 1: the same in torch
device = 'cuda' if torch.cuda.is_available() else 'cpu'
x_train_tensor = torch.as_tensor(x_train).float().to(device)
y_train_tensor = torch.as_tensor(y_train).float().to(device)
print(type(x_train), type(x_train_tensor), x_train_tensor.type(), x_train_tensor.dtype)
back_to_numpy = x_train_tensor.cpu().numpy()
print(type(back_to_numpy), back_to_numpy.dtype, back_to_numpy[:2])

torch.manual_seed(42)
b = torch.randn(1, requires_grad=True, dtype=torch.float, device=device)
w = torch.randn(1, requires_grad=True, dtype=torch.float, device=device)
print(b, w)
for epoch in range(1000):
    yhat = b + w * x_train_tensor
    error = yhat - y_train_tensor
    loss = (error**2).mean()
    loss.backward()
    if epoch == 0:
        print('grads', b.grad, w.grad, yhat.grad_fn.name(), loss.grad_fn.name(), error.requires_grad)
    with torch.no_grad():
        b -= lr * b.grad
        w -= lr * w.grad
    b.grad.zero_()
    w.grad.zero_()
print('autograd', b, w)

torch.manual_seed(42)
b = torch.randn(1, requires_grad=True, dtype=torch.float, device=device)
w = torch.randn(1, requires_grad=True, dtype=torch.float, device=device)
optimizer = optim.SGD([b, w], lr=lr)
loss_fn = nn.MSELoss(reduction='mean')
print(loss_fn)
for epoch in range(1000):
    yhat = b + w * x_train_tensor
    loss = loss_fn(yhat, y_train_tensor)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
print('optim', b, w)
print(loss, loss.detach().cpu().numpy(), round(loss.item(), 6), loss.tolist() == loss.item())


class ManualLinearRegression(nn.Module):
    def __init__(self):
        super().__init__()
        self.b = nn.Parameter(torch.randn(1, requires_grad=True, dtype=torch.float))
        self.w = nn.Parameter(torch.randn(1, requires_grad=True, dtype=torch.float))

    def forward(self, x):
        return self.b + self.w * x


torch.manual_seed(42)
dummy = ManualLinearRegression()
print(list(dummy.parameters()))
print(dummy.state_dict())
model = ManualLinearRegression().to(device)
optimizer = optim.SGD(model.parameters(), lr=lr)
print(optimizer.state_dict())
for epoch in range(1000):
    model.train()
    yhat = model(x_train_tensor)
    loss = loss_fn(yhat, y_train_tensor)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
print(model.state_dict())

torch.manual_seed(42)
model = nn.Sequential(nn.Linear(1, 1)).to(device)
print(model, model.state_dict())
layered = nn.Sequential()
layered.add_module('layer1', nn.Linear(3, 5))
layered.add_module('layer2', nn.Linear(5, 1))
print(layered, [k for k in layered.state_dict()])


# chapter 2: higher-order functions that build the training and validation steps
def make_train_step_fn(model, loss_fn, optimizer):
    def perform_train_step_fn(x, y):
        model.train()
        yhat = model(x)
        loss = loss_fn(yhat, y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        return loss.item()

    return perform_train_step_fn


def make_val_step_fn(model, loss_fn):
    def perform_val_step_fn(x, y):
        model.eval()
        yhat = model(x)
        loss = loss_fn(yhat, y)
        return loss.item()

    return perform_val_step_fn


def mini_batch(device, data_loader, step_fn):
    mini_batch_losses = []
    for x_batch, y_batch in data_loader:
        x_batch = x_batch.to(device)
        y_batch = y_batch.to(device)
        mini_batch_loss = step_fn(x_batch, y_batch)
        mini_batch_losses.append(mini_batch_loss)
    loss = np.mean(mini_batch_losses)
    return loss


torch.manual_seed(13)
x_tensor = torch.as_tensor(x).float()
y_tensor = torch.as_tensor(y).float()
dataset = TensorDataset(x_tensor, y_tensor)
print(len(dataset), dataset[0])
ratio = 0.8
n_total = len(dataset)
n_train = int(n_total * ratio)
n_val = n_total - n_train
train_data, val_data = random_split(dataset, [n_train, n_val])
print(type(train_data).__name__, len(train_data), len(val_data), train_data.indices[:6])
train_loader = DataLoader(dataset=train_data, batch_size=16, shuffle=True)
val_loader = DataLoader(dataset=val_data, batch_size=16)
print(len(train_loader), len(val_loader))
x_sample, y_sample = next(iter(train_loader))
print(x_sample.shape, y_sample[:3])

torch.manual_seed(42)
model = nn.Sequential(nn.Linear(1, 1)).to(device)
optimizer = optim.SGD(model.parameters(), lr=lr)
loss_fn = nn.MSELoss(reduction='mean')
train_step_fn = make_train_step_fn(model, loss_fn, optimizer)
val_step_fn = make_val_step_fn(model, loss_fn)
tmp = tempfile.TemporaryDirectory()
writer = SummaryWriter(os.path.join(tmp.name, 'runs', 'simple_linear_regression'))
writer.add_graph(model, x_sample.to(device))
losses = []
val_losses = []
n_epochs = 100
for epoch in range(n_epochs):
    loss = mini_batch(device, train_loader, train_step_fn)
    losses.append(loss)
    with torch.no_grad():
        val_loss = mini_batch(device, val_loader, val_step_fn)
        val_losses.append(val_loss)
    writer.add_scalars(main_tag='loss', tag_scalar_dict={'training': loss, 'validation': val_loss}, global_step=epoch)
writer.close()
print(type(losses[0]).__name__, round(losses[0], 5), round(losses[-1], 6), round(val_losses[-1], 6))
print(model.state_dict())

checkpoint = {
    'epoch': n_epochs,
    'model_state_dict': model.state_dict(),
    'optimizer_state_dict': optimizer.state_dict(),
    'loss': losses,
    'val_loss': val_losses,
}
checkpoint_path = os.path.join(tmp.name, 'model_checkpoint.pth')
torch.save(checkpoint, checkpoint_path)

torch.manual_seed(42)
model = nn.Sequential(nn.Linear(1, 1))
optimizer = optim.SGD(model.parameters(), lr=lr)
print('fresh', model.state_dict())
checkpoint = torch.load(checkpoint_path)
model.load_state_dict(checkpoint['model_state_dict'])
optimizer.load_state_dict(checkpoint['optimizer_state_dict'])
saved_epoch = checkpoint['epoch']
saved_losses = checkpoint['loss']
print('resumed', saved_epoch, len(saved_losses), model.state_dict(), optimizer.state_dict()['param_groups'])
new_inputs = torch.tensor([[0.20], [0.34], [0.57]])
model.eval()
print(model(new_inputs.to(device)))


# chapter 2.1: everything above gathered in one class
class StepByStep(object):
    def __init__(self, model, loss_fn, optimizer):
        self.model = model
        self.loss_fn = loss_fn
        self.optimizer = optimizer
        self.device = 'cuda' if torch.cuda.is_available() else 'cpu'
        self.model.to(self.device)
        self.train_loader = None
        self.val_loader = None
        self.writer = None
        self.losses = []
        self.val_losses = []
        self.total_epochs = 0
        self.train_step_fn = self._make_train_step_fn()
        self.val_step_fn = self._make_val_step_fn()

    def to(self, device):
        try:
            self.device = device
            self.model.to(self.device)
        except RuntimeError:
            self.device = 'cuda' if torch.cuda.is_available() else 'cpu'
            print(f"Couldn't send it to {device}, sending it to {self.device} instead.")
            self.model.to(self.device)

    def set_loaders(self, train_loader, val_loader=None):
        self.train_loader = train_loader
        self.val_loader = val_loader

    def set_tensorboard(self, name, folder='runs'):
        self.writer = SummaryWriter(f'{folder}/{name}')

    def _make_train_step_fn(self):
        def perform_train_step_fn(x, y):
            self.model.train()
            yhat = self.model(x)
            loss = self.loss_fn(yhat, y)
            loss.backward()
            self.optimizer.step()
            self.optimizer.zero_grad()
            return loss.item()

        return perform_train_step_fn

    def _make_val_step_fn(self):
        def perform_val_step_fn(x, y):
            self.model.eval()
            yhat = self.model(x)
            loss = self.loss_fn(yhat, y)
            return loss.item()

        return perform_val_step_fn

    def _mini_batch(self, validation=False):
        if validation:
            data_loader = self.val_loader
            step_fn = self.val_step_fn
        else:
            data_loader = self.train_loader
            step_fn = self.train_step_fn
        if data_loader is None:
            return None
        mini_batch_losses = []
        for x_batch, y_batch in data_loader:
            x_batch = x_batch.to(self.device)
            y_batch = y_batch.to(self.device)
            mini_batch_losses.append(step_fn(x_batch, y_batch))
        return np.mean(mini_batch_losses)

    def set_seed(self, seed=42):
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False
        torch.manual_seed(seed)
        np.random.seed(seed)
        random.seed(seed)
        try:
            self.train_loader.sampler.generator.manual_seed(seed)
        except AttributeError:
            pass

    def train(self, n_epochs, seed=42):
        self.set_seed(seed)
        for epoch in range(n_epochs):
            self.total_epochs += 1
            loss = self._mini_batch(validation=False)
            self.losses.append(loss)
            with torch.no_grad():
                val_loss = self._mini_batch(validation=True)
                self.val_losses.append(val_loss)
            if self.writer:
                scalars = {'training': loss}
                if val_loss is not None:
                    scalars.update({'validation': val_loss})
                self.writer.add_scalars(main_tag='loss', tag_scalar_dict=scalars, global_step=epoch)
        if self.writer:
            self.writer.close()

    def save_checkpoint(self, filename):
        checkpoint = {
            'epoch': self.total_epochs,
            'model_state_dict': self.model.state_dict(),
            'optimizer_state_dict': self.optimizer.state_dict(),
            'loss': self.losses,
            'val_loss': self.val_losses,
        }
        torch.save(checkpoint, filename)

    def load_checkpoint(self, filename):
        checkpoint = torch.load(filename)
        self.model.load_state_dict(checkpoint['model_state_dict'])
        self.optimizer.load_state_dict(checkpoint['optimizer_state_dict'])
        self.total_epochs = checkpoint['epoch']
        self.losses = checkpoint['loss']
        self.val_losses = checkpoint['val_loss']
        self.model.train()

    def predict(self, x):
        self.model.eval()
        x_tensor = torch.as_tensor(x).float()
        y_hat_tensor = self.model(x_tensor.to(self.device))
        self.model.train()
        return y_hat_tensor.detach().cpu().numpy()

    def count_parameters(self):
        return sum(p.numel() for p in self.model.parameters() if p.requires_grad)


torch.manual_seed(13)
train_data, val_data = random_split(dataset, [n_train, n_val], generator=torch.Generator().manual_seed(42))
print(train_data.indices[:6], val_data.indices[:6])
generator = torch.Generator()
train_loader = DataLoader(dataset=train_data, batch_size=16, shuffle=True, generator=generator)
val_loader = DataLoader(dataset=val_data, batch_size=16)
print(type(train_loader.sampler).__name__, train_loader.sampler.generator is generator)

torch.manual_seed(42)
model = nn.Sequential(nn.Linear(1, 1))
optimizer = optim.SGD(model.parameters(), lr=lr)
sbs = StepByStep(model, loss_fn, optimizer)
sbs.set_loaders(train_loader, val_loader)
sbs.set_tensorboard('classy', folder=os.path.join(tmp.name, 'runs'))
print(sbs.model == model, sbs.device, sbs.count_parameters())
sbs.to('cpu')
sbs.train(n_epochs=50)
print(sbs.total_epochs, round(sbs.losses[-1], 6), round(sbs.val_losses[-1], 6))
print(model.state_dict())
sbs.save_checkpoint(os.path.join(tmp.name, 'sbs.pth'))

sbs.train(n_epochs=50)
print(sbs.total_epochs, model.state_dict())
new_data = np.array([0.5, 0.3, 0.7]).reshape(-1, 1)
predictions = sbs.predict(new_data)
print(type(predictions).__name__, predictions.dtype, predictions)

torch.manual_seed(42)
new_model = nn.Sequential(nn.Linear(1, 1))
new_optimizer = optim.SGD(new_model.parameters(), lr=lr)
new_sbs = StepByStep(new_model, loss_fn, new_optimizer)
new_sbs.load_checkpoint(os.path.join(tmp.name, 'sbs.pth'))
print(new_sbs.total_epochs, len(new_sbs.losses), new_model.training, new_model.state_dict())
new_sbs.set_loaders(train_loader, val_loader)
new_sbs.train(n_epochs=50)
print(new_sbs.total_epochs, new_model.state_dict())
print(new_sbs.predict(new_data))
tmp.cleanup()
