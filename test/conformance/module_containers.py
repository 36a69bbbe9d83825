# Containers and module walking as course notebooks and d2l/PyTorch docs use them: nn.ModuleList of layers
# built in a loop, nn.ModuleDict of activations chosen by name, nn.ParameterList / nn.ParameterDict (their
# reprs, one entry and several), named_modules() / named_children() / modules() / children(), apply(fn) with
# isinstance checks, register_buffer in state_dict, get_submodule, requires_grad_(False), zero_grad(
# set_to_none=True), counting trainable parameters, del seq[0]; torch.inference_mode() as block and as a
# decorator with torch.is_inference_mode_enabled(); Tensor.bernoulli().
import torch
import torch.nn as nn

torch.manual_seed(4)


class MLP(nn.Module):
    def __init__(self, sizes, act='relu'):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:])])
        self.acts = nn.ModuleDict({'relu': nn.ReLU(), 'tanh': nn.Tanh()})
        self.act = act
        self.scales = nn.ParameterList([nn.Parameter(torch.ones(b)) for b in sizes[1:]])
        self.extra = nn.ParameterDict({'shift': nn.Parameter(torch.zeros(sizes[-1]))})
        self.register_buffer('calls', torch.zeros((), dtype=torch.long))

    def forward(self, x):
        self.calls += 1
        for i, layer in enumerate(self.layers):
            x = layer(x) * self.scales[i]
            if i < len(self.layers) - 1:
                x = self.acts[self.act](x)
        return x + self.extra['shift']


net = MLP([3, 5, 4, 2], act='tanh')
print(net)
print(net.scales, net.extra)
print(nn.ParameterList([nn.Parameter(torch.zeros(2, 2))]))
for name, module in net.named_modules():
    print(repr(name), type(module).__name__)
print([name for name, _ in net.named_children()], len(list(net.modules())), len(list(net.children())))
print([(name, tuple(p.shape)) for name, p in net.named_parameters()])
print(list(net.state_dict().keys()))
print(sum(p.numel() for p in net.parameters() if p.requires_grad))


@torch.no_grad()
def init(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)
        m.bias.fill_(0.01)


net.apply(init)
x = torch.randn(4, 3)
out = net(x)
print(out, net.calls)
out.pow(2).mean().backward()
print(net.layers[0].bias.grad, net.scales[2].grad, net.extra['shift'].grad)
net.zero_grad(set_to_none=True)
print(net.layers[0].bias.grad)
print(net.get_submodule('layers.1'), net.get_submodule('acts.tanh'))
net.requires_grad_(False)
print([p.requires_grad for p in net.parameters()])

with torch.inference_mode():
    y = net(x)
    print(torch.is_inference_mode_enabled(), y.requires_grad, y.shape)
print(torch.is_inference_mode_enabled())


@torch.inference_mode()
def predict(model, inputs):
    return model(inputs).argmax(1), torch.is_inference_mode_enabled()


print(predict(net, x))
seq = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
del seq[0]
print(seq, len(seq))
p = torch.tensor([0.1, 0.5, 0.9, 1.0, 0.0])
print(p.bernoulli(), torch.bernoulli(p), torch.zeros(6).bernoulli(0.5))
