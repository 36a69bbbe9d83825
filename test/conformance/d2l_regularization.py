# d2l.ai 3.7/5.6 weight decay and dropout: an l2 penalty sum(w.pow(2)) / 2 by hand, param groups with their
# own weight_decay, .norm().item(); a dropout_layer from torch.rand masks, a Net class using self.training,
# then nn.Dropout inside nn.Sequential.
import torch
from torch import nn

torch.manual_seed(0)

n_train, n_test, num_inputs, batch_size = 20, 100, 200, 5
true_w, true_b = torch.ones((num_inputs, 1)) * 0.01, 0.05


def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))


train_data = synthetic_data(true_w, true_b, n_train)
train_iter = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(*train_data), batch_size, shuffle=True)
test_data = synthetic_data(true_w, true_b, n_test)


def init_params():
    w = torch.normal(0, 1, size=(num_inputs, 1), requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    return [w, b]


def l2_penalty(w):
    return torch.sum(w.pow(2)) / 2


def train(lambd):
    w, b = init_params()
    net, loss = lambda X: torch.matmul(X, w) + b, lambda y_hat, y: (y_hat - y.reshape(y_hat.shape)) ** 2 / 2
    num_epochs, lr = 50, 0.003
    for epoch in range(num_epochs):
        for X, y in train_iter:
            l = loss(net(X), y) + lambd * l2_penalty(w)
            l.sum().backward()
            with torch.no_grad():
                for param in (w, b):
                    param -= lr * param.grad / batch_size
                    param.grad.zero_()
    with torch.no_grad():
        test_l = loss(net(test_data[0]), test_data[1]).mean()
    print('lambda', lambd, 'L2 norm of w:', torch.norm(w).item(), 'test loss', test_l.item())


train(lambd=0)
train(lambd=3)


def train_concise(wd):
    net = nn.Sequential(nn.Linear(num_inputs, 1))
    for param in net.parameters():
        param.data.normal_()
    loss = nn.MSELoss(reduction='none')
    num_epochs, lr = 50, 0.003
    trainer = torch.optim.SGD([{"params": net[0].weight, 'weight_decay': wd}, {"params": net[0].bias}], lr=lr)
    for epoch in range(num_epochs):
        for X, y in train_iter:
            trainer.zero_grad()
            l = loss(net(X), y)
            l.mean().backward()
            trainer.step()
    print('wd', wd, 'L2 norm of w:', net[0].weight.norm().item())
    print([g['weight_decay'] for g in trainer.param_groups])


train_concise(0)
train_concise(3)


def dropout_layer(X, dropout):
    assert 0 <= dropout <= 1
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X
    mask = (torch.rand(X.shape) > dropout).float()
    return mask * X / (1.0 - dropout)


X = torch.arange(16, dtype=torch.float32).reshape((2, 8))
print(X)
print(dropout_layer(X, 0.))
print(dropout_layer(X, 0.5))
print(dropout_layer(X, 1.))

dropout1, dropout2 = 0.2, 0.5


class Net(nn.Module):
    def __init__(self, num_inputs, num_outputs, num_hiddens1, num_hiddens2, is_training=True):
        super(Net, self).__init__()
        self.num_inputs = num_inputs
        self.training = is_training
        self.lin1 = nn.Linear(num_inputs, num_hiddens1)
        self.lin2 = nn.Linear(num_hiddens1, num_hiddens2)
        self.lin3 = nn.Linear(num_hiddens2, num_outputs)
        self.relu = nn.ReLU()

    def forward(self, X):
        H1 = self.relu(self.lin1(X.reshape((-1, self.num_inputs))))
        if self.training:
            H1 = dropout_layer(H1, dropout1)
        H2 = self.relu(self.lin2(H1))
        if self.training:
            H2 = dropout_layer(H2, dropout2)
        return self.lin3(H2)


net = Net(6, 2, 8, 8)
inp = torch.randn(4, 6)
print(net(inp))
net.eval()
print(net(inp))
print(net.training, net.lin1.training)

net = nn.Sequential(nn.Flatten(), nn.Linear(6, 8), nn.ReLU(), nn.Dropout(dropout1),
                    nn.Linear(8, 8), nn.ReLU(), nn.Dropout(dropout2), nn.Linear(8, 2))
print(net)
print(net(inp))
net.eval()
print(net(inp))
