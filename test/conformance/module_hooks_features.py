# Module and tensor hooks as learners use them to look inside a model: the "activation dict" feature
# extractor (register_forward_hook with a get_activation(name) closure and output.detach()), a forward
# pre-hook that rescales the input, a forward hook that returns a replacement output, full backward
# hooks printing gradient norms, tensor hooks on an intermediate, hook handles removed, walking a model
# with named_modules / named_children / modules and apply(init_fn), requires_grad_() and detach_(),
# and no_grad vs inference_mode vs set_grad_enabled.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(11)


class SmallNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 6)
        self.act = nn.ReLU()
        self.block = nn.Sequential(nn.Linear(6, 5), nn.Tanh())
        self.head = nn.Linear(5, 3)

    def forward(self, x):
        return self.head(self.block(self.act(self.fc1(x))))


net = SmallNet()
x = torch.randn(2, 4)

# the feature-extractor idiom
activation = {}


def get_activation(name):
    def hook(model, input, output):
        activation[name] = output.detach()

    return hook


h1 = net.fc1.register_forward_hook(get_activation('fc1'))
h2 = net.block[1].register_forward_hook(get_activation('block.tanh'))
out = net(x)
print(sorted(activation.keys()))
print(activation['fc1'])
print(activation['block.tanh'].shape, activation['block.tanh'].requires_grad)
print(out.requires_grad, out.grad_fn.name())
h1.remove()
h2.remove()
activation.clear()
net(x)
print('after remove:', activation)

# hooks see what the module got: input is a tuple
seen = []


def shape_hook(module, inputs, output):
    seen.append(
        (type(module).__name__, type(inputs).__name__, len(inputs), tuple(inputs[0].shape), tuple(output.shape))
    )


handles = [m.register_forward_hook(shape_hook) for m in net.modules() if not list(m.children())]
net(x)
for row in seen:
    print(row)
for h in handles:
    h.remove()


# a forward pre-hook may return a new input; a forward hook may return a new output
def halve_input(module, inputs):
    print('pre-hook on', type(module).__name__, 'input sum', round(inputs[0].sum().item(), 4))
    return (inputs[0] * 0.5,)


def clamp_output(module, inputs, output):
    return output.clamp(min=-0.1, max=0.1)


lin = nn.Linear(4, 2)
plain = lin(x)
hp = lin.register_forward_pre_hook(halve_input)
hf = lin.register_forward_hook(clamp_output)
hooked = lin(x)
print(plain)
print(hooked)
hp.remove()
hf.remove()
print(torch.equal(lin(x), plain))

# gradients seen by a full backward hook, per layer
norms = {}


def grad_norm_hook(name):
    def hook(module, grad_input, grad_output):
        norms[name] = (len(grad_input), len(grad_output), round(grad_output[0].norm().item(), 4))

    return hook


bh = [
    net.fc1.register_full_backward_hook(grad_norm_hook('fc1')),
    net.head.register_full_backward_hook(grad_norm_hook('head')),
]
target = torch.tensor([0, 2])
loss = F.cross_entropy(net(x), target)
loss.backward()
for k in sorted(norms):
    print(k, norms[k])
for h in bh:
    h.remove()

# tensor hooks: print and rescale the gradient of an intermediate
net.zero_grad()
z = net.fc1(x)
z.register_hook(lambda g: print('grad of z, norm', round(g.norm().item(), 4)))
z.register_hook(lambda g: g * 2)
y = net.head(net.block(net.act(z)))
y.sum().backward()
print(net.fc1.bias.grad)

# walking the model
for name, module in net.named_modules():
    print(repr(name), type(module).__name__)
for name, child in net.named_children():
    print(name, '->', child.__class__.__name__)
print(len(list(net.modules())), len(list(net.children())))
print([n for n, _ in net.named_modules(prefix='model')])


def init_weights(m):
    if isinstance(m, nn.Linear):
        torch.nn.init.constant_(m.weight, 0.1)
        m.bias.data.fill_(0.0)
        print('init', m)


returned = net.apply(init_weights)
print(returned is net)
print(net(x))

# freezing and unfreezing with requires_grad_()
net.fc1.requires_grad_(False)
print([(n, p.requires_grad) for n, p in net.named_parameters()])
net.requires_grad_()
print(all(p.requires_grad for p in net.parameters()))

w = torch.ones(3, requires_grad=True)
v = w * 3
v.detach_()
print(v, v.requires_grad, v.grad_fn, v.is_leaf)
u = torch.zeros(2).requires_grad_()
print(u)
print(u.requires_grad_(False))

# three ways to switch gradients off
a = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    b = a * 2
print(b.requires_grad, torch.is_grad_enabled())
with torch.inference_mode():
    c = a * 2
    print(torch.is_inference_mode_enabled(), torch.is_grad_enabled())
print(c.requires_grad)
with torch.set_grad_enabled(False):
    d = a * 2
print(d.requires_grad)
torch.set_grad_enabled(True)
e = a * 2
print(e.requires_grad, e.grad_fn.name())


@torch.inference_mode()
def predict(model, inp):
    return model(inp).argmax(dim=1)


print(predict(net, x))
