# MIT 6.S191 "Introduction to Deep Learning", PyTorch Lab 1 Part 1: tensors of rank 0 to 4 reported through
# .ndim and .shape in f-strings (a 100-step range, an image batch of zeros, a row/column/scalar pulled out
# of a matrix), torch.add/subtract/multiply in a small computation graph, a dense layer written by hand
# (nn.Parameter(torch.randn(...)) weights, matmul + bias, sigmoid), the same layer as nn.Sequential and as
# a LinearWithSigmoidActivation module, an IdentityModel whose forward takes an isidentity flag, autograd
# of y = x**2, and plain gradient descent of x toward a target with a rebuilt leaf each step and a loss
# history.
import torch
import torch.nn as nn

torch.manual_seed(6191)

integer = torch.tensor(1234)
decimal = torch.tensor(3.14159265359)
print(f"`integer` is a {integer.ndim}-d Tensor: {integer}")
print(f"`decimal` is a {decimal.ndim}-d Tensor: {decimal}")

fibonacci = torch.tensor([1, 1, 2, 3, 5, 8])
count_to_50 = torch.tensor(range(50))
print(f"`fibonacci` is a {fibonacci.ndim}-d Tensor with shape: {fibonacci.shape}")
print(f"`count_to_50` is a {count_to_50.ndim}-d Tensor with shape: {count_to_50.shape}")
print(count_to_50[-5:], count_to_50.dtype)

matrix = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
assert isinstance(matrix, torch.Tensor), "matrix must be a torch Tensor object"
assert matrix.ndim == 2
print(f"`matrix` is a {matrix.ndim}-d Tensor with shape: {matrix.shape}")

images = torch.zeros(10, 3, 32, 32)
assert isinstance(images, torch.Tensor), "images must be a torch Tensor object"
assert images.ndim == 4, "images must have 4 dimensions"
assert images.shape == (10, 3, 32, 32), "images is incorrect shape"
print(f"images is a {images.ndim}-d Tensor with shape: {images.shape}")

row_vector = matrix[1]
column_vector = matrix[:, 1]
scalar = matrix[0, 1]
print(f"`row_vector`: {row_vector}")
print(f"`column_vector`: {column_vector}")
print(f"`scalar`: {scalar}")
print(scalar.ndim, scalar.shape, column_vector.shape, row_vector.size())

a = torch.tensor(15)
b = torch.tensor(61)
c1 = torch.add(a, b)
c2 = a + b
print(f"c1: {c1}")
print(f"c2: {c2}")


def func(a, b):
    c = torch.add(a, b)
    d = torch.subtract(b, 1)
    e = torch.multiply(c, d)
    return e


a, b = 1.5, 2.5
e_out = func(a, b)
print(f"e_out: {e_out}")
print(func(torch.tensor([1.0, 2.0]), torch.tensor([3.0, -1.0])))


class OurDenseLayer(torch.nn.Module):
    def __init__(self, num_inputs, num_outputs):
        super(OurDenseLayer, self).__init__()
        self.W = torch.nn.Parameter(torch.randn(num_inputs, num_outputs))
        self.bias = torch.nn.Parameter(torch.randn(num_outputs))

    def forward(self, x):
        z = torch.matmul(x, self.W) + self.bias
        y = torch.sigmoid(z)
        return y


num_inputs = 2
num_outputs = 3
layer = OurDenseLayer(num_inputs, num_outputs)
x_input = torch.tensor([[1, 2.0]])
y = layer(x_input)
print(f"input shape: {x_input.shape}")
print(f"output shape: {y.shape}")
print(f"output result: {y}")
print(layer)
for name, p in layer.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)

n_input_nodes = 2
n_output_nodes = 3
model = nn.Sequential(nn.Linear(n_input_nodes, n_output_nodes), nn.Sigmoid())
print(model)
model_output = model(x_input)
print("input shape:", x_input.shape)
print("output shape:", model_output.shape)
print("output result:", model_output)
print(sum(p.numel() for p in model.parameters()))


class LinearWithSigmoidActivation(nn.Module):
    def __init__(self, num_inputs, num_outputs):
        super(LinearWithSigmoidActivation, self).__init__()
        self.linear = nn.Linear(num_inputs, num_outputs)
        self.activation = nn.Sigmoid()

    def forward(self, inputs):
        linear_output = self.linear(inputs)
        output = self.activation(linear_output)
        return output


model = LinearWithSigmoidActivation(n_input_nodes, n_output_nodes)
print(model)
y = model(x_input)
print(f"input shape: {x_input.shape}")
print(f"output shape: {y.shape}")
print(f"output result: {y}")


class IdentityModel(nn.Module):
    def __init__(self, num_inputs, num_outputs):
        super(IdentityModel, self).__init__()
        self.linear = nn.Linear(num_inputs, num_outputs)
        self.activation = nn.ReLU()

    def forward(self, inputs, isidentity=False):
        x = self.activation(self.linear(inputs))
        if isidentity:
            return inputs
        return x


model = IdentityModel(n_input_nodes, n_output_nodes)
out_activate = model(x_input)
out_identity = model(x_input, isidentity=True)
print(f"input: {x_input}")
print("Network identity output: {}; network linear output: {}".format(out_identity, out_activate))
print(torch.equal(out_identity, x_input), out_identity is x_input)

x = torch.tensor(3.0, requires_grad=True)
y = x**2
y.backward()
dy_dx = x.grad
print("dy_dx of y=x^2 at x=3.0 is: ", dy_dx)
assert dy_dx == 6.0
print(y, y.grad_fn.name(), x.is_leaf, y.is_leaf)

x = torch.randn(1)
print(f"Initializing x={x.item():.6f}")
learning_rate = 1e-2
history = []
x_f = 4
for i in range(500):
    x = torch.tensor([x], requires_grad=True)
    loss = (x - x_f) ** 2
    loss.backward()
    x = x.item() - learning_rate * x.grad
    history.append(x.item())
    if i % 100 == 0:
        print(f"step {i}: loss {loss.item():.6f}, x {x.item():.6f}, grad {x}")
print(len(history), round(history[-1], 4), type(history[-1]).__name__)
print(f"final x {history[-1]:.5f}, gap to x_f {abs(history[-1] - x_f):.2e}")
print(x, x.requires_grad, x.dtype)
