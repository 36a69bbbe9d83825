# Losses of probabilistic regression heads and of a multi-class SVM, as the PyTorch loss pages and
# probabilistic-regression tutorials use them: a count model predicting log-rates trained with PoissonNLLLoss
# (rates with log_input=False, the Stirling term with full=True, torch.poisson_nll_loss); a mean-and-variance
# head trained with GaussianNLLLoss (a variance per value, one per sample, a variance under eps); a linear
# multi-class SVM trained with MultiMarginLoss (p=1, the squared hinge p=2, margin, class weights), each with
# its values, gradients and grad_fn names; then the errors PyTorch raises for shapes and arguments it rejects.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(5)

# --- PoissonNLLLoss on fixed values ------------------------------------------------------------------------
log_rate = torch.tensor([[0.2, -1.0, 1.5], [0.0, 0.7, -0.3]], requires_grad=True)
counts = torch.tensor([[1.0, 0.0, 4.0], [2.0, 1.0, 0.0]])
print(nn.PoissonNLLLoss(), nn.PoissonNLLLoss(log_input=False, full=True), nn.PoissonNLLLoss.__module__)
for reduction in ("mean", "sum", "none"):
    loss = nn.PoissonNLLLoss(reduction=reduction)(log_rate, counts)
    print("PoissonNLLLoss", reduction, loss.detach(), loss.grad_fn.name())
loss = nn.PoissonNLLLoss(full=True)(log_rate, counts)
loss.backward()
print("full=True:", loss.item(), loss.grad_fn.name(), "grad:", log_rate.grad)
rate = log_rate.detach().exp().requires_grad_()
loss = F.poisson_nll_loss(rate, counts, log_input=False)
loss.backward()
print("rates:", loss.item(), "grad:", rate.grad)
print("full, rates, none:", F.poisson_nll_loss(rate, counts, log_input=False, full=True, reduction="none").detach())
print("torch.poisson_nll_loss:", torch.poisson_nll_loss(log_rate, counts, True, False, 1e-8, 2).item())
print("zero rate (eps keeps the log finite):",
      F.poisson_nll_loss(torch.zeros(3), torch.tensor([0.0, 1.0, 2.0]), log_input=False).item())

# --- a count regression: log-rate = linear(x) --------------------------------------------------------------
X = torch.randn(64, 3)
true_rate = torch.exp(X @ torch.tensor([0.5, -0.3, 0.8]) + 0.4)
y_counts = torch.floor(true_rate + torch.rand(64))
model = nn.Linear(3, 1)
optimizer = optim.Adam(model.parameters(), lr=0.1)
criterion = nn.PoissonNLLLoss()
for epoch in range(8):
    optimizer.zero_grad()
    loss = criterion(model(X).squeeze(1), y_counts)
    loss.backward()
    optimizer.step()
    print(f"poisson epoch {epoch}: loss {loss.item():.4f}")
with torch.no_grad():
    predicted = model(X).squeeze(1).exp()
print("weights:", model.weight.data, "bias:", model.bias.data)
print("mean predicted count:", round(predicted.mean().item(), 4), "observed:", y_counts.mean().item())

# --- GaussianNLLLoss on fixed values -----------------------------------------------------------------------
mu = torch.tensor([[0.5, 1.0], [-0.2, 0.3], [1.5, -1.0]], requires_grad=True)
y = torch.tensor([[0.4, 1.2], [0.0, 0.0], [1.0, -0.5]])
var = torch.tensor([[0.5, 1.0], [0.1, 2.0], [1e-8, 0.3]], requires_grad=True)
print(nn.GaussianNLLLoss(), nn.GaussianNLLLoss(full=True, eps=1e-3))
for reduction in ("mean", "sum", "none"):
    loss = nn.GaussianNLLLoss(reduction=reduction)(mu, y, var)
    print("GaussianNLLLoss", reduction, loss.detach(), loss.grad_fn.name())
loss = nn.GaussianNLLLoss(full=True)(mu, y, var)
loss.backward()
print("full=True:", loss.item(), loss.grad_fn.name())
print("grad mu:", mu.grad)
print("grad var (the one under eps too):", var.grad)
per_sample = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
loss = F.gaussian_nll_loss(mu, y, per_sample)
loss.backward()
print("one variance per sample:", loss.item(), per_sample.grad)
print("last dimension 1:", F.gaussian_nll_loss(mu, y, torch.full((3, 1), 0.7)).item())
print("eps=1e-2:", F.gaussian_nll_loss(mu, y, var, eps=1e-2).item())


# --- a mean-and-variance regression head --------------------------------------------------------------------
class MeanVarianceNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(1, 16), nn.Tanh())
        self.mean = nn.Linear(16, 1)
        self.var = nn.Linear(16, 1)

    def forward(self, x):
        h = self.body(x)
        return self.mean(h), F.softplus(self.var(h)) + 1e-6


x = torch.linspace(-2, 2, 40).unsqueeze(1)
noise_std = 0.1 + 0.1 * (x + 2)
y_reg = torch.sin(2 * x) + noise_std * torch.randn(40, 1)
net = MeanVarianceNet()
optimizer = optim.Adam(net.parameters(), lr=0.03)
gnll = nn.GaussianNLLLoss()
for epoch in range(10):
    optimizer.zero_grad()
    mean, variance = net(x)
    loss = gnll(mean, y_reg, variance)
    loss.backward()
    optimizer.step()
    print(f"gaussian epoch {epoch}: nll {loss.item():.4f}, mse {F.mse_loss(mean, y_reg).item():.4f}")
with torch.no_grad():
    mean, variance = net(torch.tensor([[-1.5], [0.0], [1.5]]))
print("predicted mean:", mean.squeeze(1), "std:", variance.sqrt().squeeze(1))
print("constant term:", round(0.5 * math.log(2 * math.pi), 6),
      F.gaussian_nll_loss(mean, torch.zeros(3, 1), variance, full=True).item())

# --- MultiMarginLoss on fixed values -----------------------------------------------------------------------
scores = torch.tensor([[0.1, 0.2, 0.4, 0.8], [0.9, -0.2, 0.1, 0.0]], requires_grad=True)
labels = torch.tensor([3, 0])
print(nn.MultiMarginLoss(), nn.MultiMarginLoss(p=2, margin=0.5), nn.MultiMarginLoss.__module__)
print("docs example:", nn.MultiMarginLoss()(scores[:1], labels[:1]).item())
for reduction in ("mean", "sum", "none"):
    loss = nn.MultiMarginLoss(reduction=reduction)(scores, labels)
    print("MultiMarginLoss", reduction, loss.detach(), loss.grad_fn.name())
loss = nn.MultiMarginLoss()(scores, labels)
loss.backward()
print("grad:", scores.grad)
scores.grad = None
class_weight = torch.tensor([1.0, 2.0, 0.5, 1.5])
loss = nn.MultiMarginLoss(p=2, margin=0.5, weight=class_weight)(scores, labels)
loss.backward()
print("squared hinge, weighted:", loss.item(), "grad:", scores.grad)
print("one sample:", F.multi_margin_loss(scores[1], labels[1]).item(),
      F.multi_margin_loss(scores[1], labels[1:], reduction="none").detach())

# --- a linear multi-class SVM on three blobs ---------------------------------------------------------------
centers = torch.tensor([[2.0, 0.0], [-1.0, 1.5], [-1.0, -1.5]])
cls = torch.randint(0, 3, (60,))
points = centers[cls] + 0.6 * torch.randn(60, 2)
for p in (1, 2):
    torch.manual_seed(p)
    svm = nn.Linear(2, 3)
    optimizer = optim.SGD(svm.parameters(), lr=0.1, weight_decay=1e-3)
    hinge = nn.MultiMarginLoss(p=p)
    for epoch in range(6):
        optimizer.zero_grad()
        loss = hinge(svm(points), cls)
        loss.backward()
        optimizer.step()
        print(f"svm p={p} epoch {epoch}: loss {loss.item():.4f}")
    with torch.no_grad():
        accuracy = (svm(points).argmax(dim=1) == cls).float().mean().item()
    print(f"svm p={p} accuracy: {accuracy:.3f}")


# --- errors ------------------------------------------------------------------------------------------------
def show_error(what, fn):
    try:
        fn()
        print(what, "raised nothing")
    except Exception as e:
        print(what, type(e).__name__ + ":", e)


show_error("var of the wrong size:", lambda: F.gaussian_nll_loss(mu, y, torch.ones(2)))
show_error("negative var:", lambda: F.gaussian_nll_loss(mu, y, -torch.ones(3, 2)))
show_error("gaussian reduction:", lambda: F.gaussian_nll_loss(mu, y, var, reduction="avg"))
show_error("poisson reduction:", lambda: F.poisson_nll_loss(log_rate, counts, reduction="avg"))
show_error("p=3:", lambda: nn.MultiMarginLoss(p=3))
show_error("float target:", lambda: F.multi_margin_loss(scores, labels.float()))
show_error("target out of range:", lambda: F.multi_margin_loss(scores, torch.tensor([3, 4])))
show_error("target size:", lambda: F.multi_margin_loss(scores, torch.tensor([0, 1, 2])))
show_error("3-D scores:", lambda: F.multi_margin_loss(scores.unsqueeze(0), labels))
show_error("2-D weight:", lambda: F.multi_margin_loss(scores, labels, weight=torch.ones(2, 2)))
show_error("margin reduction:", lambda: F.multi_margin_loss(scores, labels, reduction="avg"))
