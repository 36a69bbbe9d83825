# "Learn the Basics: torch.autograd를 사용한 자동 미분" (tutorials.pytorch.kr autogradqs) and the Korean
# "텐서(Tensor)" page: a one-layer network with binary_cross_entropy_with_logits, gradients of w and b,
# torch.no_grad() and detach() to stop tracking, and the Jacobian-vector product with
# out.backward(torch.ones_like(out), retain_graph=True) called twice and after zeroing; tensor attributes
# printed with the Korean labels of the translation.
import torch

torch.manual_seed(0)

x = torch.ones(5)  # 입력 텐서 (input tensor)
y = torch.zeros(3)  # 기대하는 출력 (expected output)
w = torch.randn(5, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
z = torch.matmul(x, w) + b
loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)
print(f"z의 변화도 함수 = {type(z.grad_fn).__name__}")
print(f"loss의 변화도 함수 = {type(loss.grad_fn).__name__}")
print(loss)

loss.backward()
print(w.grad)
print(b.grad)

z = torch.matmul(x, w) + b
print(z.requires_grad)
with torch.no_grad():
    z = torch.matmul(x, w) + b
print(z.requires_grad)
z = torch.matmul(x, w) + b
z_det = z.detach()
print(z_det.requires_grad)

inp = torch.eye(4, 5, requires_grad=True)
out = (inp + 1).pow(2).t()
out.backward(torch.ones_like(out), retain_graph=True)
print(f"첫번째 호출\n{inp.grad}")
out.backward(torch.ones_like(out), retain_graph=True)
print(f"\n두번째 호출\n{inp.grad}")
inp.grad.zero_()
out.backward(torch.ones_like(out), retain_graph=True)
print(f"\n변화도 초기화 후 호출\n{inp.grad}")

tensor = torch.rand(3, 4)
print(f"텐서의 모양(shape): {tensor.shape}")
print(f"텐서의 자료형(datatype): {tensor.dtype}")
print(f"텐서가 저장된 장치(device): {tensor.device}")
if torch.cuda.is_available():
    tensor = tensor.to("cuda")
shape = (2, 3,)
rand_tensor = torch.rand(shape)
ones_tensor = torch.ones(shape)
zeros_tensor = torch.zeros(shape)
print(f"무작위 텐서: \n {rand_tensor} \n")
print(f"1 텐서: \n {ones_tensor} \n")
print(f"0 텐서: \n {zeros_tensor}")
tensor = torch.ones(4, 4)
print(f"첫 번째 행: {tensor[0]}")
print(f"첫 번째 열: {tensor[:, 0]}")
print(f"마지막 열: {tensor[..., -1]}")
tensor[:, 1] = 0
agg = tensor.sum()
agg_item = agg.item()
print(agg_item, type(agg_item))
print(f"{tensor} \n")
tensor.add_(5)
print(tensor)
