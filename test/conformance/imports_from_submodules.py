# Imports as tutorials and course code write them: classes from the module PyTorch defines them in
# (torch.utils.data.dataset, torch.optim.sgd, torch.autograd.function, torch.nn.modules.dropout), the
# seeding helpers of torch.random, and an optional dependency behind try/except ImportError.
import torch
import torch.random
from torch.autograd import Variable
from torch.autograd.function import Function
from torch.nn.modules.dropout import Dropout
from torch.nn.utils.clip_grad import clip_grad_norm_
from torch.optim.lr_scheduler import StepLR
from torch.optim.sgd import SGD
from torch.utils.data.dataloader import DataLoader
from torch.utils.data.dataset import Dataset, TensorDataset, random_split
from torch.utils.data.sampler import RandomSampler

try:
    from torch.utils.tensorboard import SummaryWriter  # noqa: F401

    have_tensorboard = True
except ImportError:
    have_tensorboard = False
print("optional logger loaded:", have_tensorboard in (True, False))

print(Dataset, DataLoader, RandomSampler)
print(SGD, Function, Dropout, Variable)
torch.random.manual_seed(3)
print("initial seed", torch.random.initial_seed())


class Squares(Dataset):
    def __init__(self, n):
        self.x = torch.linspace(-1, 1, n).unsqueeze(1)
        self.y = self.x**2

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


class Cube(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**3

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return 3 * x**2 * grad


data = Squares(40)
train, test = random_split(data, [30, 10])
print(len(train), len(test), type(train).__name__)
loader = DataLoader(train, batch_size=10, sampler=RandomSampler(train))
model = torch.nn.Sequential(torch.nn.Linear(1, 8), torch.nn.Tanh(), Dropout(0.0), torch.nn.Linear(8, 1))
optimizer = SGD(model.parameters(), lr=0.3)
scheduler = StepLR(optimizer, step_size=10, gamma=0.5)
for epoch in range(30):
    for xb, yb in loader:
        loss = ((Cube.apply(model(xb)) - yb**3) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        norm = clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
    scheduler.step()
    if epoch % 10 == 9:
        print(f"epoch {epoch + 1}: loss {loss.item():.5f} grad norm {norm.item():.4f} lr {scheduler.get_last_lr()[0]}")
with torch.no_grad():
    xs = torch.stack([test[i][0] for i in range(3)])
    print(xs.squeeze(1), model(xs).squeeze(1))
print(isinstance(train.dataset, TensorDataset), Variable(torch.ones(2), requires_grad=True))
