# LayerNorm as d2l's Transformer chapter ("Residual connection and layer normalization") compares it with
# BatchNorm on a 2x2 input, the nn.LayerNorm documentation's NLP example (normalised over the embedding
# dim) and over two trailing dims, F.layer_norm, a small MLP with LayerNorm trained a few steps; then the
# statistics helpers learners print: var_mean/std_mean, aminmax, index_fill, stride of a contiguous tensor.
import torch
from torch import nn
import torch.nn.functional as F

torch.manual_seed(8)
ln = nn.LayerNorm(2)
bn = nn.BatchNorm1d(2)
X = torch.tensor([[1, 2], [2, 3]], dtype=torch.float32)
print('layer norm:', ln(X), '\nbatch norm:', bn(X))
print(ln)
print([(n, p.shape) for n, p in ln.named_parameters()])

batch, sentence_length, embedding_dim = 2, 5, 10
embedding = torch.randn(batch, sentence_length, embedding_dim)
layer_norm = nn.LayerNorm(embedding_dim)
out = layer_norm(embedding)
print(out[0, :2])
print(out.mean(-1), out.var(-1, unbiased=False))
ln2 = nn.LayerNorm([5, 10], elementwise_affine=False)
print(ln2, list(ln2.parameters()))
print(ln2(embedding)[1, 0])
print(F.layer_norm(torch.arange(6.0).reshape(2, 3), (3,)))
long_rows = torch.randn(3, 300) * 4 + 2
print(F.layer_norm(long_rows, [300])[:, :4])


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(6, 16)
        self.norm = nn.LayerNorm(16)
        self.fc2 = nn.Linear(16, 1)

    def forward(self, x):
        return self.fc2(torch.relu(self.norm(self.fc1(x))))


net = Block()
opt = torch.optim.Adam(net.parameters(), lr=0.01)
x = torch.randn(32, 6)
y = x[:, :1] * 2 - x[:, 1:2]
for step in range(30):
    loss = F.mse_loss(net(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 10 == 0:
        print(step, f'{loss.item():.5f}')
print(net.norm.weight[:4], net.norm.bias.grad[:4])
print(net(x[:2]))

t = torch.randn(4, 3)
print(torch.var_mean(t, dim=0))
print(torch.std_mean(t, unbiased=False))
print(t.aminmax())
print(torch.aminmax(t, dim=1))
print(torch.zeros(3, 4).index_fill(1, torch.tensor([0, 2]), -1.0))
print(t.stride(), t[1:].stride(), t.unsqueeze(0).stride(), t.view(-1).stride())
