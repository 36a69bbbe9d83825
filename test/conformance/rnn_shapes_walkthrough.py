# RNN, LSTM and GRU shapes, step by step (after DLZTA RNN/1-basics, wikidocs 08-01/08-02 RNN and
# LSTM chapters and PyTorch's sequence_models_tutorial.py): a one-hot character batch through
# nn.RNN(..., batch_first=True), `outputs.size()` and `_status.shape`, two layers, bidirectional, an LSTM fed
# one step at a time with (h, c) carried by hand versus the whole sequence at once, a GRU, unbatched input,
# the parameters' names and shapes, reprs, and the messages for wrong sizes.
import torch
import torch.nn as nn

torch.manual_seed(7)

# four characters, one-hot
a = [1, 0, 0, 0]
b = [0, 1, 0, 0]
c = [0, 0, 1, 0]
d = [0, 0, 0, 1]
input_data_np = [[a, b, c, c, d], [b, d, a, c, c], [c, c, d, a, b]]
inputs = torch.Tensor(input_data_np)
print('inputs', inputs.shape)

cell = torch.nn.RNN(4, 2, batch_first=True)
print(cell)
outputs, _status = cell(inputs)
print(outputs.size(), _status.size())
print(outputs)
print(_status)
print(type(outputs.grad_fn).__name__, type(_status.grad_fn).__name__)

# 입력 크기 5, 은닉 상태 크기 8, 배치 1, 시점 10
inputs = torch.Tensor(1, 10, 5).uniform_(-1, 1)
cell = nn.RNN(input_size=5, hidden_size=8, batch_first=True)
outputs, _status = cell(inputs)
print('단일 층:', outputs.shape, _status.shape)
cell = nn.RNN(input_size=5, hidden_size=8, num_layers=2, batch_first=True)
outputs, _status = cell(inputs)
print('깊은 RNN:', outputs.shape, _status.shape)
print(cell)
cell = nn.RNN(input_size=5, hidden_size=8, num_layers=2, batch_first=True, bidirectional=True)
outputs, _status = cell(inputs)
print('양방향:', outputs.shape, _status.shape)
print(_status[-1, 0, :3], outputs[0, -1, :3], outputs[0, 0, 8:11])
for name, param in cell.named_parameters():
    print(name, tuple(param.shape))

# LSTM one step at a time, then the whole sequence at once
lstm = nn.LSTM(3, 3)
print(lstm)
steps = [torch.randn(1, 3) for _ in range(4)]
hidden = (torch.randn(1, 1, 3), torch.randn(1, 1, 3))
start = hidden
for step in steps:
    out, hidden = lstm(step.view(1, 1, -1), hidden)
print(out)
print(hidden)
seq = torch.cat(steps).view(len(steps), 1, -1)
out_all, hidden_all = lstm(seq, start)
print(out_all)
print(torch.allclose(out_all[-1], out[0]), torch.allclose(hidden_all[1], hidden[1]))
print([type(t.grad_fn).__name__ for t in (out_all, *hidden_all)])

# GRU with a given h0, and an unbatched sequence (2-D input)
gru = nn.GRU(3, 4, num_layers=2)
h0 = torch.zeros(2, 1, 4)
out, h = gru(seq, h0)
print(gru, out.shape, h.shape)
print(h)
out, h = gru(seq.view(4, 3))
print(out.shape, h.shape, type(out.grad_fn).__name__)
print(out[-1])

relu_rnn = nn.RNN(3, 2, nonlinearity='relu', bias=False)
print(relu_rnn, [name for name, _ in relu_rnn.named_parameters()])
print(relu_rnn(seq)[0].squeeze())

# what learners get wrong
for bad in [torch.randn(1, 10, 4), torch.randn(2, 1, 10, 5)]:
    try:
        nn.RNN(5, 8, batch_first=True)(bad)
    except RuntimeError as e:
        print('RuntimeError:', e)
try:
    nn.RNN(5, 8)(torch.randn(10, 2, 5), torch.zeros(1, 3, 8))
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    lstm(seq, (torch.zeros(1, 1, 3), torch.zeros(1, 2, 3)))
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    nn.RNN(5, 8, batch_first=True)(torch.LongTensor([[[1, 0, 0, 0, 0]] * 3] * 2))
except RuntimeError as e:
    print('RuntimeError:', e)
