# The thermometer fit with torch.nn, after "Deep Learning with PyTorch" (Stevens, Antiga, Viehmann),
# chapter 6: inputs unsqueezed to [N, 1], nn.Linear(1, 1), nn.MSELoss, a training_loop over model,
# loss_fn and optimizer with train/validation losses, then an nn.Sequential with an OrderedDict of named
# layers (hidden_linear, hidden_activation, output_linear), its parameters, shapes and gradients.
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(123)

t_c = [1.0, 12.5, 16.0, 27.0, 9.5, 7.0, 2.5, -3.0, 5.0, 14.0, 22.0]
t_u = [34.1, 54.8, 61.0, 80.3, 50.2, 45.9, 37.7, 27.1, 42.6, 58.4, 71.9]
t_c = torch.tensor(t_c).unsqueeze(1)
t_u = torch.tensor(t_u).unsqueeze(1)
print(t_u.shape)

n_samples = t_u.shape[0]
n_val = int(0.2 * n_samples)
shuffled_indices = torch.randperm(n_samples)
train_indices = shuffled_indices[:-n_val]
val_indices = shuffled_indices[-n_val:]
print(train_indices, val_indices)
t_u_train = t_u[train_indices]
t_c_train = t_c[train_indices]
t_u_val = t_u[val_indices]
t_c_val = t_c[val_indices]
t_un_train = 0.1 * t_u_train
t_un_val = 0.1 * t_u_val

linear_model = nn.Linear(1, 1)
print(linear_model(t_un_val))
print(linear_model.weight)
print(linear_model.bias)
x = torch.ones(1)
print(linear_model(x))
x = torch.ones(10, 1)
print(linear_model(x))

optimizer = optim.SGD(linear_model.parameters(), lr=1e-2)
print(list(linear_model.parameters()))


def training_loop(n_epochs, optimizer, model, loss_fn, t_u_train, t_u_val, t_c_train, t_c_val):
    for epoch in range(1, n_epochs + 1):
        t_p_train = model(t_u_train)
        loss_train = loss_fn(t_p_train, t_c_train)
        t_p_val = model(t_u_val)
        loss_val = loss_fn(t_p_val, t_c_val)
        optimizer.zero_grad()
        loss_train.backward()
        optimizer.step()
        if epoch == 1 or epoch % 1000 == 0:
            print(f"Epoch {epoch}, Training loss {loss_train.item():.4f}, Validation loss {loss_val.item():.4f}")


def loss_fn(t_p, t_c):
    squared_diffs = (t_p - t_c) ** 2
    return squared_diffs.mean()


linear_model = nn.Linear(1, 1)
optimizer = optim.SGD(linear_model.parameters(), lr=1e-2)
training_loop(3000, optimizer, linear_model, loss_fn, t_un_train, t_un_val, t_c_train, t_c_val)
print()
print(linear_model.weight)
print(linear_model.bias)

linear_model = nn.Linear(1, 1)
optimizer = optim.SGD(linear_model.parameters(), lr=1e-2)
training_loop(3000, optimizer, linear_model, nn.MSELoss(), t_un_train, t_un_val, t_c_train, t_c_val)
print()
print(linear_model.weight)
print(linear_model.bias)

seq_model = nn.Sequential(nn.Linear(1, 13), nn.Tanh(), nn.Linear(13, 1))
print(seq_model)
print([param.shape for param in seq_model.parameters()])
for name, param in seq_model.named_parameters():
    print(name, param.shape)

seq_model = nn.Sequential(
    OrderedDict(
        [
            ('hidden_linear', nn.Linear(1, 8)),
            ('hidden_activation', nn.Tanh()),
            ('output_linear', nn.Linear(8, 1)),
        ]
    )
)
print(seq_model)
for name, param in seq_model.named_parameters():
    print(name, param.shape)
print(seq_model.output_linear.bias)
first_loss = nn.MSELoss()(seq_model(t_un_train), t_c_train)
first_loss.backward()
print('hidden', seq_model.hidden_linear.weight.grad)

optimizer = optim.SGD(seq_model.parameters(), lr=1e-3)
training_loop(
    n_epochs=5000,
    optimizer=optimizer,
    model=seq_model,
    loss_fn=nn.MSELoss(),
    t_u_train=t_un_train,
    t_u_val=t_un_val,
    t_c_train=t_c_train,
    t_c_val=t_c_val,
)
print('output', seq_model(t_un_val))
print('answer', t_c_val)
print('hidden', seq_model.hidden_linear.weight.grad.shape)

t_range = torch.arange(20.0, 90.0).unsqueeze(1)
with torch.no_grad():
    curve = seq_model(0.1 * t_range)
print(curve.shape, curve[::10].squeeze(1))

neuron_count = 20
seq_model = nn.Sequential(
    OrderedDict(
        [
            ('hidden_linear', nn.Linear(1, neuron_count)),
            ('hidden_activation', nn.Tanh()),
            ('output_linear', nn.Linear(neuron_count, 1)),
        ]
    )
)
optimizer = optim.SGD(seq_model.parameters(), lr=1e-4)
training_loop(2000, optimizer, seq_model, nn.MSELoss(), t_un_train, t_un_val, t_c_train, t_c_val)
print(seq_model[0], seq_model[-1])
