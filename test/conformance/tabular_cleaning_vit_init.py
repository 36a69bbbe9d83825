# A tabular regression with missing values, cleaned the way data-prep tutorials do (nanmean/median fill,
# nan_to_num), a Linear written with torch.addmm, ViT-style trunc_normal_ init applied with model.apply,
# orthogonal_ init of a hidden layer, and a full backward hook printing gradient norms per layer.
import math

import torch
import torch.nn as nn

torch.manual_seed(0)

# ---- a small table with holes: 12 rows, 4 features, some NaN and one inf
X = torch.randn(12, 4) * torch.tensor([1.0, 10.0, 0.5, 3.0]) + torch.tensor([0.0, 50.0, 2.0, -1.0])
X[1, 0] = float('nan')
X[4, 1] = float('nan')
X[7, 1] = float('nan')
X[9, 3] = float('inf')
X[3, 2] = float('-inf')
print('missing per column:', torch.isnan(X).sum(dim=0).tolist())

# infinities count as missing too
X = torch.where(torch.isinf(X), torch.full_like(X, float('nan')), X)
print('missing after inf -> nan:', torch.isnan(X).sum(dim=0).tolist())
col_mean = torch.nanmean(X, dim=0)
print('nanmean per column:', col_mean)
print('nansum per column:', X.nansum(dim=0))
finite = torch.nan_to_num(X, nan=0.0)
print('median of column 1:', finite[:, 1].median())
med = finite.median(dim=0)
print(med)
print('nanmedian of raw column 1:', torch.nanmedian(X[:, 1]))

# fill NaN with the column mean, clip infinities to the finite extremes
X_clean = torch.where(torch.isnan(X), col_mean.expand_as(X), X)
print('any nan left:', torch.isnan(X_clean).any().item(), 'any inf left:', torch.isinf(X_clean).any().item())

mu = X_clean.mean(dim=0, keepdim=True)
sd = X_clean.std(dim=0, keepdim=True)
X_std = (X_clean - mu) / sd
y = (X_std @ torch.tensor([[1.5], [-2.0], [0.5], [1.0]]) + 0.3).squeeze(1)


# ---- a Linear layer written with addmm
class AddmmLinear(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(out_features, in_features))
        self.bias = nn.Parameter(torch.zeros(out_features))

    def forward(self, x):
        return torch.addmm(self.bias, x, self.weight.t())


class Regressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = AddmmLinear(4, 8)
        self.act = nn.Tanh()
        self.fc2 = nn.Linear(8, 8)
        self.head = nn.Linear(8, 1)
        self.apply(self._init_weights)
        nn.init.orthogonal_(self.fc2.weight)

    def _init_weights(self, m):
        if isinstance(m, (nn.Linear, AddmmLinear)):
            nn.init.trunc_normal_(m.weight, std=0.02)
            nn.init.constant_(m.bias, 0)

    def forward(self, x):
        h = self.act(self.fc1(x))
        h = self.act(self.fc2(h))
        return self.head(h).squeeze(1)


model = Regressor()
print('fc1 weight std: %.5f' % model.fc1.weight.std().item())
print('fc1 weight within the default bounds [-2, 2]:', bool((model.fc1.weight.abs() <= 2.0).all()))
print('fc2 orthogonal:', torch.allclose(model.fc2.weight @ model.fc2.weight.t(), torch.eye(8), atol=1e-5))
print(model.fc2.weight[:2])

out = model(X_std)
print('output grad_fn:', out.grad_fn.name())


def grad_norm_hook(module, grad_input, grad_output):
    norms = ['None' if g is None else '%.6f' % g.norm().item() for g in grad_input]
    print(f'  {type(module).__name__:12s} grad_output {grad_output[0].norm().item():.6f} grad_input {norms}')


handles = [m.register_full_backward_hook(grad_norm_hook) for m in (model.fc1, model.fc2, model.head)]

opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loss_fn = nn.MSELoss()
for epoch in range(30):
    opt.zero_grad()
    pred = model(X_std)
    loss = loss_fn(pred, y)
    if epoch == 0:
        print('hooks on the first backward:')
        print('pred grad_fn:', pred.grad_fn.name(), '| head output grad_fn:', type(model.head(torch.zeros(1, 8)).grad_fn).__name__)
    loss.backward()
    if epoch == 0:
        for h in handles:
            h.remove()
    opt.step()
    if epoch % 10 == 9:
        print(f'epoch {epoch + 1:2d} loss {loss.item():.6f}')

# addmm's siblings on the trained weights
W = model.fc1.weight.detach()
print(torch.addmv(model.fc1.bias.detach(), W, X_std[0]))
print(torch.addr(torch.zeros(2, 3), torch.tensor([1.0, 2.0]), torch.tensor([0.5, 0.0, -0.5]), alpha=2))
batch = X_std[:6].view(2, 3, 4)
print(torch.baddbmm(torch.zeros(2, 3, 8), batch, W.t().expand(2, 4, 8)).shape)
print('addbmm total: %.4f' % torch.addbmm(torch.zeros(3, 8), batch, W.t().expand(2, 4, 8), beta=0.5).sum().item())
print('rmse: %.4f' % math.sqrt(loss_fn(model(X_std), y).item()))
