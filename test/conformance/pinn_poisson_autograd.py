# A physics-informed network as science courses write one: fit u(x) with u'' = -pi^2 sin(pi x), u(0) = u(1) = 0,
# derivatives of the network by torch.autograd.grad with create_graph=True, boundary loss on a second pass.
import math
import torch
import torch.nn as nn

torch.manual_seed(0)


class PINN(nn.Module):
    def __init__(self, width=16):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(1, width),
            nn.Tanh(),
            nn.Linear(width, width),
            nn.Tanh(),
            nn.Linear(width, 1),
        )

    def forward(self, x):
        return self.net(x)


def derivative(y, x, order=1):
    for _ in range(order):
        y = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y), create_graph=True, retain_graph=True)[0]
    return y


model = PINN()
x_col = torch.linspace(0, 1, 32).reshape(-1, 1).requires_grad_(True)
x_bc = torch.tensor([[0.0], [1.0]])
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
scheduler = torch.optim.lr_scheduler.StepLR(opt, step_size=100, gamma=0.5)
history = []
for it in range(301):
    opt.zero_grad()
    u = model(x_col)
    u_xx = derivative(u, x_col, order=2)
    residual = u_xx + math.pi**2 * torch.sin(math.pi * x_col)
    loss_pde = torch.mean(residual**2)
    loss_bc = torch.mean(model(x_bc) ** 2)
    loss = loss_pde + 10 * loss_bc
    loss.backward()
    opt.step()
    scheduler.step()
    history.append(loss.item())
    if it % 100 == 0:
        print(
            f"iter {it:4d} loss {loss.item():.6f} pde {loss_pde.item():.6f} bc {loss_bc.item():.3e} lr {scheduler.get_last_lr()[0]}"
        )
x_test = torch.linspace(0, 1, 5).reshape(-1, 1)
with torch.no_grad():
    pred = model(x_test)
exact = torch.sin(math.pi * x_test)
print(torch.cat([x_test, pred, exact], dim=1))
print("max error", (pred - exact).abs().max().item())
x = torch.tensor([0.3], requires_grad=True)
y = model(x.unsqueeze(0)).squeeze()
(g1,) = torch.autograd.grad(y, x, create_graph=True)
(g2,) = torch.autograd.grad(g1, x)
print(g1, g2)
print(min(history) < history[0], len(history))
