# Zero to Mastery "Learn PyTorch for Deep Learning", 00 PyTorch Fundamentals (and its exercises), as a learner
# types the notebook into one file and prints what the notebook displayed: scalar/vector/MATRIX/TENSOR with
# ndim, shape and item(), torch.rand(size=(3, 4)), zeros/ones, the deprecated torch.range next to
# torch.arange(start=, end=, step=), zeros_like(input=), torch.tensor(..., dtype=None, device=None,
# requires_grad=False), float64 and int8 through .type() (its float16 part is in dtype_float16_bfloat16),
# element-wise ops and torch.multiply, matmul by hand and with @/torch.mm, the shape error and the .T fix,
# nn.Linear(in_features=, out_features=) on it, min/max/mean/sum (the mean of a long tensor fails),
# argmax/argmin, reshape/view/stack/squeeze/unsqueeze/permute, bracket-by-bracket indexing, the NumPy bridge
# both ways, torch.manual_seed(seed=) and torch.random.manual_seed, and the device-agnostic setup (cuda, then
# mps, else cpu).
import os
import warnings

import numpy as np
import torch

print(torch.__version__[:4])

scalar = torch.tensor(7)
print(scalar, scalar.ndim, scalar.item(), type(scalar.item()))
vector = torch.tensor([7, 7])
print(vector, vector.ndim, vector.shape)
MATRIX = torch.tensor([[7, 8],
                       [9, 10]])
print(MATRIX)
print(MATRIX.ndim, MATRIX.shape, MATRIX[1], MATRIX.shape[0])
TENSOR = torch.tensor([[[1, 2, 3],
                        [3, 6, 9],
                        [2, 4, 5]]])
print(TENSOR)
print(TENSOR.ndim, TENSOR.shape, TENSOR[0])

torch.manual_seed(7)
random_tensor = torch.rand(size=(3, 4))
print((random_tensor, random_tensor.dtype))
random_image_size_tensor = torch.rand(size=(224, 224, 3))
print(random_image_size_tensor.shape, random_image_size_tensor.ndim)
zeros = torch.zeros(size=(3, 4))
print((zeros, zeros.dtype))
ones = torch.ones(size=(3, 4))
print((ones, ones.dtype))
print(zeros * random_tensor)

# The notebook shows torch.range's deprecation warning; it is caught here so that it prints in order (the
# runner reads stderr after stdout), with the file's name and line as the warning gives them.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    zero_to_ten_deprecated = torch.range(0, 10)
for w in caught:
    print(f"{os.path.basename(w.filename)}:{w.lineno}: {w.category.__name__}: {w.message}")
print(zero_to_ten_deprecated, zero_to_ten_deprecated.dtype)
zero_to_ten = torch.arange(start=0, end=10, step=1)
print(zero_to_ten)
ten_zeros = torch.zeros_like(input=zero_to_ten)
print(ten_zeros)

float_32_tensor = torch.tensor([3.0, 6.0, 9.0],
                               dtype=None,
                               device=None,
                               requires_grad=False)
print(float_32_tensor.shape, float_32_tensor.dtype, float_32_tensor.device)
# The notebook's float16 tensors are in dtype_float16_bfloat16; float64 here.
float_64_tensor = torch.tensor([3.0, 6.0, 9.0], dtype=torch.float64)
print(float_64_tensor.dtype, float_64_tensor)
print(float_64_tensor * float_32_tensor)
some_tensor = torch.rand(3, 4)
print(some_tensor)
print(f"Shape of tensor: {some_tensor.shape}")
print(f"Datatype of tensor: {some_tensor.dtype}")
print(f"Device tensor is stored on: {some_tensor.device}")

tensor = torch.tensor([1, 2, 3])
print(tensor + 10, tensor * 10, tensor)
tensor = tensor - 10
print(tensor)
tensor = tensor + 10
print(tensor, torch.multiply(tensor, 10), torch.mul(tensor, 10), torch.add(tensor, 10))
print(tensor, "*", tensor)
print("Equals:", tensor * tensor)
print(torch.matmul(tensor, tensor), tensor @ tensor)

value = 0
for i in range(len(tensor)):
    value += tensor[i] * tensor[i]
print(value)

tensor_A = torch.tensor([[1, 2],
                         [3, 4],
                         [5, 6]], dtype=torch.float32)
tensor_B = torch.tensor([[7, 10],
                         [8, 11],
                         [9, 12]], dtype=torch.float32)
try:
    torch.matmul(tensor_A, tensor_B)
except RuntimeError as e:
    print(f"RuntimeError: {e}")
try:
    torch.mm(tensor_A, tensor_B)
except RuntimeError as e:
    print(f"RuntimeError: {e}")
print(tensor_A)
print(tensor_B.T)
print(f"Original shapes: tensor_A = {tensor_A.shape}, tensor_B = {tensor_B.shape}\n")
print(f"New shapes: tensor_A = {tensor_A.shape} (same as above), tensor_B.T = {tensor_B.T.shape}\n")
print(f"Multiplying: {tensor_A.shape} * {tensor_B.T.shape} <- inner dimensions match\n")
print("Output:\n")
output = torch.matmul(tensor_A, tensor_B.T)
print(output)
print(f"\nOutput shape: {output.shape}")
print(torch.mm(tensor_A, tensor_B.T))

torch.manual_seed(42)
linear = torch.nn.Linear(in_features=2,
                         out_features=6)
x = tensor_A
output = linear(x)
print(f"Input shape: {x.shape}\n")
print(f"Output:\n{output}\n\nOutput shape: {output.shape}")

x = torch.arange(0, 100, 10)
print(x)
print(f"Minimum: {x.min()}")
print(f"Maximum: {x.max()}")
try:
    print(f"Mean: {x.mean()}")
except RuntimeError as e:
    print(f"RuntimeError: {e}")
print(f"Mean: {x.type(torch.float32).mean()}")
print(f"Sum: {x.sum()}")
print((torch.max(x), torch.min(x), torch.mean(x.type(torch.float32)), torch.sum(x)))

tensor = torch.arange(10, 100, 10)
print(f"Tensor: {tensor}")
print(f"Index where max value occurs: {tensor.argmax()}")
print(f"Index where min value occurs: {tensor.argmin()}")

tensor = torch.arange(10., 100., 10.)
print(tensor.dtype)
tensor_float64 = tensor.type(torch.float64)
print(tensor_float64)
tensor_int8 = tensor.type(torch.int8)
print(tensor_int8)
print(tensor.type(torch.LongTensor), tensor.type())
print(tensor_int8 + tensor_float64)

x = torch.arange(1., 8.)
print((x, x.shape))
x_reshaped = x.reshape(1, 7)
print((x_reshaped, x_reshaped.shape))
try:
    x.reshape(1, 8)
except RuntimeError as e:
    print(f"RuntimeError: {e}")
z = x.view(1, 7)
print((z, z.shape))
z[:, 0] = 5
print((z, x))
x_stacked = torch.stack([x, x, x, x], dim=0)
print(x_stacked)
print(torch.stack([x, x, x, x], dim=1))
print(torch.vstack([x, x]), torch.hstack([x, x]))

print(f"Previous tensor: {x_reshaped}")
print(f"Previous shape: {x_reshaped.shape}")
x_squeezed = x_reshaped.squeeze()
print(f"\nNew tensor: {x_squeezed}")
print(f"New shape: {x_squeezed.shape}")
x_unsqueezed = x_squeezed.unsqueeze(dim=0)
print(f"\nNew tensor: {x_unsqueezed}")
print(f"New shape: {x_unsqueezed.shape}")
print(x_squeezed.unsqueeze(dim=1).shape)

x_original = torch.rand(size=(224, 224, 3))
x_permuted = x_original.permute(2, 0, 1)
print(f"Previous shape: {x_original.shape}")
print(f"New shape: {x_permuted.shape}")
x_original[0, 0, 0] = 728218
print(x_original[0, 0, 0], x_permuted[0, 0, 0])

x = torch.arange(1, 10).reshape(1, 3, 3)
print((x, x.shape))
print(f"First square bracket:\n{x[0]}")
print(f"Second square bracket: {x[0][0]}")
print(f"Third square bracket: {x[0][0][0]}")
print(x[:, 0])
print(x[:, :, 1])
print(x[:, 1, 1])
print(x[0, 0, :])
print(x[0][2][2], x[:, :, 2])

array = np.arange(1.0, 8.0)
tensor = torch.from_numpy(array)
print((array, tensor))
array = array + 1
print((array, tensor))
print(torch.from_numpy(array).type(torch.float32))
tensor = torch.ones(7)
numpy_tensor = tensor.numpy()
print((tensor, numpy_tensor))
tensor = tensor + 1
print((tensor, numpy_tensor))

random_tensor_A = torch.rand(3, 4)
random_tensor_B = torch.rand(3, 4)
print(f"Tensor A:\n{random_tensor_A}\n")
print(f"Tensor B:\n{random_tensor_B}\n")
print(f"Does Tensor A equal Tensor B? (anywhere)")
print(random_tensor_A == random_tensor_B)

RANDOM_SEED = 42
torch.manual_seed(seed=RANDOM_SEED)
random_tensor_C = torch.rand(3, 4)
torch.random.manual_seed(seed=RANDOM_SEED)
random_tensor_D = torch.rand(3, 4)
print(f"Tensor C:\n{random_tensor_C}\n")
print(f"Tensor D:\n{random_tensor_D}\n")
print(f"Does Tensor C equal Tensor D? (anywhere)")
print(random_tensor_C == random_tensor_D)

print(torch.cuda.is_available(), torch.cuda.device_count())
device = "cuda" if torch.cuda.is_available() else "cpu"
print(device)
if torch.cuda.is_available():
    device = "cuda"
elif torch.backends.mps.is_available():
    device = "mps"
else:
    device = "cpu"
tensor = torch.tensor([1, 2, 3])
print(tensor, tensor.device)
tensor_on_gpu = tensor.to(device)
print(tensor_on_gpu)
tensor_back_on_cpu = tensor_on_gpu.cpu().numpy()
print(tensor_back_on_cpu)

# Exercises: a 7x7 random tensor times a 1x7 one (transposed), seeds, a GPU seed, max/min and their indexes.
random_tensor = torch.rand(7, 7)
print(random_tensor.shape)
Y = torch.rand(size=(1, 7))
print(torch.matmul(random_tensor, Y.T))
torch.manual_seed(0)
X = torch.rand(size=(7, 7))
Y = torch.rand(size=(1, 7))
Z = torch.matmul(X, Y.T)
print(Z, Z.shape)
torch.cuda.manual_seed(1234)
torch.manual_seed(1234)
tensor_A = torch.rand(size=(2, 3)).to(device)
tensor_B = torch.rand(size=(2, 3)).to(device)
print(tensor_A, tensor_B)
tensor_C = torch.mm(tensor_A, tensor_B.T)
print(tensor_C, tensor_C.shape)
max_val = torch.max(tensor_C)
min_val = torch.min(tensor_C)
print(max_val, min_val)
print(torch.argmax(tensor_C), torch.argmin(tensor_C))
torch.manual_seed(7)
tensor_D = torch.rand(size=(1, 1, 1, 10))
tensor_E = tensor_D.squeeze()
print(tensor_D, tensor_D.shape)
print(tensor_E, tensor_E.shape)
